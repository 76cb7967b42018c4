package hostile

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// listeners returns the local addresses listening on port, from
// /proc/net/tcp and /proc/net/tcp6 (hex, as the kernel writes them).
func listeners(t *testing.T, port int) []string {
	t.Helper()
	var out []string
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(data), "\n")[1:] {
			fields := strings.Fields(l)
			if len(fields) < 4 || fields[3] != "0A" { // 0A: LISTEN
				continue
			}
			addr, p, _ := strings.Cut(fields[1], ":")
			if p == fmt.Sprintf("%04X", port) {
				out = append(out, addr)
			}
		}
	}
	return out
}

// rawGet sends a request line as written, without the client cleaning the
// path, and returns the status line and body.
func rawGet(t *testing.T, port int, path string) (string, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path)
	data, _ := io.ReadAll(c)
	status, body, _ := strings.Cut(string(data), "\r\n")
	return status, body
}

// TestServeStaysInside starts `tiendo serve` and checks that it listens on
// the loopback address only and that no request path, however spelled,
// reads a file outside the output directory, not even through a symbolic
// link placed in it.
func TestServeStaysInside(t *testing.T) {
	root := newSite(t, "site")
	noteSources()
	port := freePort(t)
	cmd := exec.Command(tiendo, "serve", "--root", ".", "--port", fmt.Sprint(port))
	cmd.Dir = root
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "127.0.0.1") {
				ready <- sc.Text()
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-ready:
		t.Logf("%s", line)
	case <-time.After(2 * time.Minute):
		t.Fatalf("the server did not say it was serving on 127.0.0.1; stderr:\n%s", stderr.String())
	}
	// Wait until it accepts connections.
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			break
		}
		if i == 100 {
			t.Fatalf("cannot connect: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	addrs := listeners(t, port)
	if len(addrs) == 0 {
		t.Errorf("no listening socket on port %d found in /proc/net/tcp*", port)
	}
	for _, a := range addrs {
		if a != "0100007F" && a != "00000000000000000000000001000000" { // 127.0.0.1, ::1
			t.Errorf("listening on %s (hex), not on the loopback address", a)
		}
	}

	if status, _ := rawGet(t, port, "/"); !strings.Contains(status, " 200 ") {
		t.Fatalf("GET / = %q", status)
	}
	// A symbolic link inside the output to a folder outside it.
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, ".cache", "serve", "leak")); err != nil {
		t.Fatal(err)
	}
	const secret = "[[themes]]" // in content/site.toml
	for _, p := range []string{
		"/../content/site.toml",
		"/../../content/site.toml",
		"/%2e%2e/%2e%2e/content/site.toml",
		"/%2e%2e/content/site.toml",
		"/..%2fcontent%2fsite.toml",
		"/%2e%2e%2fcontent%2fsite.toml",
		"/assets/../../content/site.toml",
		"/assets/%2e%2e/%2e%2e/content/site.toml",
		"/..\\content\\site.toml",
		"/%5c..%5ccontent%5csite.toml",
		"/leak/site.toml",
		"http://127.0.0.1/../content/site.toml",
	} {
		status, body := rawGet(t, port, p)
		if strings.Contains(body, secret) {
			t.Errorf("GET %s served content/site.toml (%s)", p, status)
		}
	}
}
