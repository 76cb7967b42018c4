package main

import (
	"os"
	"os/exec"
	"testing"
)

// Under a limit on address space, preferHugePages does nothing rather than
// end the process with "out of memory" (a 2 GB limit is enough for a build
// but not for the reservation on top of the runtime's own).
func TestHugePagesUnderAddressLimit(t *testing.T) {
	if os.Getenv("TIENDO_HUGEPAGES_CHILD") != "" {
		preferHugePages(512 << 20)
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", `ulimit -v 2000000 && exec "$0" -test.run '^TestHugePagesUnderAddressLimit$'`, exe)
	cmd.Env = append(os.Environ(), "TIENDO_HUGEPAGES_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("under ulimit -v: %v\n%s", err, out)
	}
}
