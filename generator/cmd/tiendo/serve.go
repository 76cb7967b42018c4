package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/tiendo/tiendo/generator/build"
)

// serveCmd builds the site into ROOT/public and serves it on 127.0.0.1.
func serveCmd(root string, port int, stdout, stderr io.Writer) int {
	out := filepath.Join(root, "public")
	if code := buildCmd(root, out, build.Options{BaseURL: "/"}, stdout, stderr); code != 0 {
		return code
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		fmt.Fprintf(stderr, "tiendo serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "serving %s on http://%s/ (Ctrl+C to stop)\n", out, ln.Addr())
	srv := &http.Server{Handler: http.FileServer(http.Dir(out)), ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintf(stderr, "tiendo serve: %v\n", err)
		return 1
	}
	_ = os.Stdout
	return 0
}
