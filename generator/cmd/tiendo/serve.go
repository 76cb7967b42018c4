package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/devserver"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/inputs"
)

// serveDir is where `tiendo serve` builds the preview, inside the
// git-ignored .cache folder: public/ stays what `tiendo build` made of it
// (with its own base URL) and the two never write into each other's output.
var serveDir = filepath.Join(".cache", "serve")

// serveCmd builds the site into ROOT/.cache/serve (base URL /, drafts
// included and marked as such, with a build cache of its own), serves it on
// 127.0.0.1 and builds it again when a file of content/, templates/ or
// assets/ changes.
func serveCmd(root string, port int, lang string, stdout, stderr io.Writer) int {
	opt := build.Options{BaseURL: "/", Drafts: true, Cache: filepath.Join(root, ".cache", "tiendo-serve")}
	srv := &devserver.Server{Root: root, Out: filepath.Join(root, serveDir), Lang: lang}
	srv.Look = func() (uint64, error) { return inputs.Fingerprint(inputs.Dir(root)) }
	srv.Build = func() (bool, error) {
		start := time.Now()
		res, err := build.Run(inputs.Dir(root), srv.Out, opt)
		var errs diag.List
		errs.Append(err)
		if report(stderr, lang, errs, res.Warnings) {
			diag.Fprintf(stderr, lang, "%s: the pages show these problems until they are fixed\n", time.Now().Format("15:04:05"))
			return false, err
		}
		diag.Fprintf(stdout, lang, "%s: built in %v: %d files rendered, %d written, %d deleted\n", time.Now().Format("15:04:05"),
			time.Since(start).Round(time.Millisecond), res.Render.Rendered, res.Stats.Written, res.Stats.Deleted)
		return res.Stats.Written+res.Stats.Deleted > 0, nil
	}
	// The port first: a second tiendo serve should not build, then fail.
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			diag.Fprintf(stderr, lang, "tiendo serve: port %d is already in use (another tiendo serve, or another program): stop it, or choose another port, for example --port %d\n", port, port+1)
		} else {
			fmt.Fprintf(stderr, "tiendo serve: %v\n", err)
		}
		return 1
	}
	srv.Rebuild() // a failed first build is served as its problems

	diag.Fprintf(stdout, lang, "serving %s on http://%s/ (Ctrl+C to stop)\n", root, ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go srv.Watch(ctx, nil)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		hs.Shutdown(shutdown)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "tiendo serve: %v\n", err)
		return 1
	}
	return 0
}
