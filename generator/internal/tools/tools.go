// Package tools finds the programs the browser and Lighthouse tests run
// (Chromium, and what they name) and says how to install one that is
// missing: the test skips, or fails when CI or TIENDO_REQUIRE_BROWSER=1
// asks for every test to run.
package tools

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Required reports whether a missing tool fails a test instead of
// skipping it.
func Required() bool {
	if os.Getenv("TIENDO_REQUIRE_BROWSER") == "1" {
		return true
	}
	ci := strings.ToLower(os.Getenv("CI"))
	return ci != "" && ci != "0" && ci != "false"
}

// Missing ends the test for want of a tool: it fails when Required, else
// it is skipped with a banner naming what was skipped (what) and why.
func Missing(t testing.TB, what string, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + "\n\tinstall with: bash .ci/install.sh (as root)"
	if Required() {
		t.Fatalf("%s\n\t(CI or TIENDO_REQUIRE_BROWSER=1 is set, so this fails instead of skipping)", msg)
	}
	t.Skipf("\n\n*** %s SKIPPED ***\n%s\n\tSet CI=1 or TIENDO_REQUIRE_BROWSER=1 to make this a failure.\n", what, msg)
}

// Chromium returns the Chromium to run: $TIENDO_CHROMIUM, else chromium on
// PATH or at /usr/bin/chromium; else the test ends as Missing says.
func Chromium(t testing.TB, what string) string {
	t.Helper()
	if p := os.Getenv("TIENDO_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			Missing(t, what, "TIENDO_CHROMIUM=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"chromium", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, what, "Chromium not found: no chromium on PATH or at /usr/bin/chromium (Debian: apt-get install -y chromium)")
	return ""
}
