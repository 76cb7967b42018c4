// Command tiendo builds a progress-report site from content/, templates/ and
// assets/.
//
//	tiendo build [--root DIR] [--out DIR] [--base-url URL] [--strict] [--no-cache]
//	tiendo check [--root DIR] [--strict] [--coverage]
//	tiendo serve [--root DIR] [--port N]
//	tiendo new report|note|metric|commitment|source "Tiêu đề có dấu" [--root DIR]
//	tiendo new metric "Tiêu đề có dấu" [--kind KIND] [--theme THEME] [--root DIR]
//
// Each command works on the site in the folder it is run from or the
// nearest one above it that holds content/site.toml, as git finds its
// repository; --root DIR names the site's folder instead.
//
// Problems in editors' files are printed one per line as file:line:col:
// message, and the command exits with status 1.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/inputs"
	"github.com/tiendo/tiendo/generator/metrics"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] != "new" { // new writes one small file
		preferHugePages(512 << 20)
	}
	// A build is short and allocates a lot: collect garbage half as often
	// as by default, within a soft limit that keeps the 10,000-note
	// benchmark site under ~470 MiB at its peak; a lower limit makes the
	// collector work harder (400 MiB: about 10% slower). GOGC and
	// GOMEMLIMIT override both.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(450 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  tiendo build [--root DIR] [--out DIR] [--base-url URL] [--strict] [--no-cache]
  tiendo check [--root DIR] [--strict] [--coverage]
  tiendo serve [--root DIR] [--port N]
  tiendo new report|note|metric|commitment|source "Tiêu đề" [--root DIR]
  tiendo new metric "Tiêu đề" [--kind KIND] [--theme THEME] [--root DIR]

Run it in the site's folder or any folder below it, or give --root DIR.`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fl := flag.NewFlagSet("tiendo "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fl.SetOutput(stdout) // asked for: not an error
		}
	}
	root := fl.String("root", "", "the site's folder, holding content/, templates/ and assets/\n(default: this folder or the nearest above it that holds content/site.toml)")
	var out, baseURL *string
	var port *int
	var strict, noCache, coverage *bool
	switch cmd {
	case "build", "check":
		strict = fl.Bool("strict", false, "make warnings fail, as errors do")
	}
	switch cmd {
	case "build":
		out = fl.String("out", "", "output directory (default ROOT/public)")
		noCache = fl.Bool("no-cache", false, "build everything, without the cache in ROOT/.cache/tiendo")
		baseURL = fl.String("base-url", "/", "base URL: /, /repo/ or https://owner.github.io/repo/")
	case "check":
		coverage = fl.Bool("coverage", false, "list the numbers of the archived documents that nothing cites")
	case "serve":
		port = fl.Int("port", 1313, "port on 127.0.0.1")
	case "new":
		return newCmd(fl, args, root, stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "tiendo: unknown command %q\n%s\n", cmd, usage)
		return 2
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) { // --help: its usage, printed by fl
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "tiendo %s: unexpected argument %q\n", cmd, fl.Arg(0))
		return 2
	}
	dir, err := siteRoot(*root)
	if err != nil {
		fmt.Fprintf(stderr, "tiendo %s: %v\n", cmd, err)
		return 1
	}
	switch cmd {
	case "build":
		to := *out
		if to == "" {
			to = filepath.Join(dir, "public")
		}
		opt := build.Options{BaseURL: *baseURL, Strict: *strict, Cache: filepath.Join(dir, ".cache", "tiendo")}
		if *noCache {
			opt.Cache = ""
		}
		return buildCmd(dir, to, opt, stdout, stderr)
	case "check":
		if *coverage {
			return coverageCmd(dir, stdout, stderr)
		}
		return checkCmd(dir, *strict, stdout, stderr)
	case "serve":
		return serveCmd(dir, *port, stdout, stderr)
	}
	return 2
}

// siteRoot returns the site's folder: dir when --root names one, else the
// working directory or the nearest folder above it that holds
// content/site.toml, as git finds its repository. A found folder is
// relative to the working directory (".", "../..").
func siteRoot(dir string) (string, error) {
	isSite := func(dir string) bool {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(content.SiteFile)))
		return err == nil && fi.Mode().IsRegular()
	}
	if dir != "" {
		if !isSite(dir) {
			return "", fmt.Errorf("--root %s: that folder has no %s, so it is not a site's folder (the one holding content/, templates/ and assets/)", dir, content.SiteFile)
		}
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if isSite(d) {
			if rel, err := filepath.Rel(wd, d); err == nil {
				return rel, nil
			}
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no site here: neither %s nor any folder above it holds %s; go into the site's folder (cd), or give --root DIR", wd, content.SiteFile)
		}
	}
}

// report prints problems one per line and says whether the run failed.
func report(stderr io.Writer, errs diag.List, warnings diag.List) bool {
	warnings.Sort()
	for _, w := range warnings {
		fmt.Fprintln(stderr, w)
	}
	if errs.Err() == nil {
		return false
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	n, strict := len(errs.Errors()), 0
	for _, e := range errs.Errors() {
		if e.Warning {
			strict++
		}
	}
	switch {
	case strict == n:
		fmt.Fprintf(stderr, "%d warning%s, which --strict treats as errors\n", n, plural(n))
	case strict > 0:
		fmt.Fprintf(stderr, "%d error%s and %d warning%s, which --strict treats as errors\n", n-strict, plural(n-strict), strict, plural(strict))
	default:
		fmt.Fprintf(stderr, "%d error%s\n", n, plural(n))
	}
	return true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func buildCmd(root, out string, opt build.Options, stdout, stderr io.Writer) int {
	start := time.Now()
	res, err := build.Run(inputs.Dir(root), out, opt)
	var errs diag.List
	errs.Append(err)
	if report(stderr, errs, res.Warnings) {
		fmt.Fprintln(stderr, "build failed; the previous output was left as it was")
		return 1
	}
	fmt.Fprint(stdout, res.Summary(time.Since(start)))
	return 0
}

// coverageCmd prints the numbers of the archived documents that nothing
// cites, one per line at its place; it exits 1 when there is any.
func coverageCmd(root string, stdout, stderr io.Writer) int {
	list, err := build.Coverage(inputs.Dir(root))
	var errs diag.List
	errs.Append(err)
	if report(stderr, errs, nil) {
		return 1
	}
	for _, e := range list {
		fmt.Fprintln(stdout, e)
	}
	if len(list) > 0 {
		fmt.Fprintf(stdout, "%d number%s of the archived documents cited by nothing\n", len(list), plural(len(list)))
		return 1
	}
	fmt.Fprintln(stdout, "ok: every number of the archived documents is cited or omitted with a reason")
	return 0
}

func checkCmd(root string, strict bool, stdout, stderr io.Writer) int {
	res, err := build.Check(inputs.Dir(root), build.Options{Strict: strict})
	var errs diag.List
	errs.Append(err)
	if report(stderr, errs, res.Warnings) {
		return 1
	}
	fmt.Fprintf(stdout, "ok: %d pages, %d series, %d points, %d targets, %d commitments, %d sources", res.Pages, res.Series, res.Points, res.Targets, res.Commitments, res.Sources)
	fmt.Fprintf(stdout, "; %d quotes verified in %s", res.Quotes, metrics.ArchiveDir)
	if res.Unverified > 0 {
		fmt.Fprintf(stdout, ", %d not verified (their sources have no archived document)", res.Unverified)
	}
	if res.Drafts > 0 {
		fmt.Fprintf(stdout, "; %d draft%s, not published", res.Drafts, plural(res.Drafts))
	}
	fmt.Fprintln(stdout)
	return 0
}
