// Command tiendo builds a progress-report site from content/, templates/ and
// assets/.
//
//	tiendo build [--root DIR] [--out DIR] [--base-url URL] [--strict] [--no-cache] [--lang vi|en]
//	tiendo check [--root DIR] [--strict] [--coverage] [--lang vi|en]
//	tiendo serve [--root DIR] [--port N] [--lang vi|en]
//	tiendo new report|note|metric|commitment|source "Tiêu đề có dấu" [--root DIR]
//	tiendo new metric "Tiêu đề có dấu" [--kind KIND] [--theme THEME] [--root DIR]
//
// Each command works on the site in the folder it is run from or the
// nearest one above it that holds content/site.toml, as git finds its
// repository; --root DIR names the site's folder instead.
//
// Problems in editors' files are printed one per line as file:line:col:
// message, and the command exits with status 1. They are printed in the
// site's first language (Vietnamese), or in the language of --lang, or else
// of the environment variable TIENDO_LANG ("vi" or "en").
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
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
	os.Exit(profiled(func() int { return run(os.Args[1:], os.Stdout, os.Stderr) }))
}

// profiled runs f, writing a CPU profile of it to the file named by
// TIENDO_CPUPROFILE when that is set (go tool pprof reads it).
func profiled(f func() int) int {
	name := os.Getenv("TIENDO_CPUPROFILE")
	if name == "" {
		return f()
	}
	out, err := os.Create(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tiendo:", err)
		return 2
	}
	defer out.Close()
	if err := pprof.StartCPUProfile(out); err != nil {
		fmt.Fprintln(os.Stderr, "tiendo:", err)
		return 2
	}
	defer pprof.StopCPUProfile()
	return f()
}

const usage = `usage:
  tiendo build [--root DIR] [--out DIR] [--base-url URL] [--strict] [--no-cache] [--lang vi|en]
  tiendo check [--root DIR] [--strict] [--coverage] [--lang vi|en]
  tiendo serve [--root DIR] [--port N] [--lang vi|en]
  tiendo new report|note|metric|commitment|source "Tiêu đề" [--root DIR]
  tiendo new metric "Tiêu đề" [--kind KIND] [--theme THEME] [--root DIR]

Run it in the site's folder or any folder below it, or give --root DIR.`

// langEnv names the environment variable that chooses the language of the
// messages when --lang is not given.
const langEnv = "TIENDO_LANG"

// messageLang returns the language problems are printed in: flag if set,
// else $TIENDO_LANG, else the first language of the site in dir (English
// when the messages have none in it).
func messageLang(flag, dir string) (string, error) {
	lang, from := flag, "--lang"
	if lang == "" {
		lang, from = os.Getenv(langEnv), langEnv
	}
	if lang == "" {
		lang = siteLanguages(dir)[0]
		if !slices.Contains(diag.Langs, lang) {
			lang = diag.English
		}
	}
	if !slices.Contains(diag.Langs, lang) {
		return "", fmt.Errorf("%s=%s: the messages are in %s", from, lang, strings.Join(diag.Langs, " or "))
	}
	return lang, nil
}

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
	var langFlag *string
	switch cmd {
	case "build", "check":
		strict = fl.Bool("strict", false, "make warnings fail, as errors do")
	}
	switch cmd {
	case "build", "check", "serve":
		langFlag = fl.String("lang", "", "language of the messages: vi or en (default $"+langEnv+", else the site's first language, vi)")
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
	lang, err := messageLang(*langFlag, dir)
	if err != nil {
		fmt.Fprintf(stderr, "tiendo %s: %v\n", cmd, err)
		return 2
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
		return buildCmd(dir, to, opt, lang, stdout, stderr)
	case "check":
		if *coverage {
			return coverageCmd(dir, lang, stdout, stderr)
		}
		return checkCmd(dir, *strict, lang, stdout, stderr)
	case "serve":
		return serveCmd(dir, *port, lang, stdout, stderr)
	}
	return 2
}

// siteLanguages are the languages of the site in dir, the default first,
// as content/site.toml lists them; tiendo's own when it cannot be read
// (the build says why).
func siteLanguages(dir string) []string {
	cfg, _ := content.LoadConfig(inputs.Dir(dir)) // its languages, even when it has errors
	if len(cfg.Languages) == 0 {
		return i18n.Codes
	}
	return cfg.Languages
}

// siteRoot returns the site's folder: dir when --root names one, else the
// working directory or the nearest folder above it that holds
// content/site.toml, as git finds its repository. A found folder is
// relative to the working directory (".", "../.."). A folder on the way
// with series or sources but no site.toml stops the search: it is a site
// being begun, and the one above it is not the one meant.
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
		if begun(d) && !isSite(d) {
			// A site being begun: the one above it is not the one meant.
			return "", fmt.Errorf("%s has content/ but no %s: write that file first (the README says the least it holds), or give --root DIR", d, content.SiteFile)
		}
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

// begun reports whether dir holds what only a site's content/ holds (its
// series, its sources), though perhaps not yet its site.toml.
func begun(dir string) bool {
	for _, name := range []string{metrics.SeriesDir, metrics.CommitmentsDir, metrics.SourcesFile} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			return true
		}
	}
	return false
}

// report prints problems one per line in the language lang and says
// whether the run failed.
func report(stderr io.Writer, lang string, errs diag.List, warnings diag.List) bool {
	warnings.Sort()
	for _, w := range warnings {
		fmt.Fprintln(stderr, w.In(lang))
	}
	if errs.Err() == nil {
		return false
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, e.In(lang))
	}
	n, strict := len(errs.Errors()), 0
	for _, e := range errs.Errors() {
		if e.Warning {
			strict++
		}
	}
	switch {
	case strict == n:
		diag.Fprintf(stderr, lang, "%s, which --strict treats as errors\n", warningCount(n))
	case strict > 0:
		diag.Fprintf(stderr, lang, "%s and %s, which --strict treats as errors\n", errorCount(n-strict), warningCount(strict))
	default:
		diag.Fprintf(stderr, lang, "%s\n", errorCount(n))
	}
	return true
}

func errorCount(n int) diag.Text {
	if n == 1 {
		return diag.T("1 error")
	}
	return diag.T("%d errors", n)
}

// count is one if n is 1, else other: a count in English's singular or
// plural (the catalog gives each its Vietnamese, which has no plural).
func count(n int, one, other diag.Text) diag.Text {
	if n == 1 {
		return one
	}
	return other
}

func warningCount(n int) diag.Text {
	if n == 1 {
		return diag.T("1 warning")
	}
	return diag.T("%d warnings", n)
}

func buildCmd(root, out string, opt build.Options, lang string, stdout, stderr io.Writer) int {
	start := time.Now()
	res, err := build.Run(inputs.Dir(root), out, opt)
	var errs diag.List
	errs.Append(err)
	if report(stderr, lang, errs, res.Warnings) {
		diag.Fprintf(stderr, lang, "build failed; the previous output was left as it was\n")
		return 1
	}
	fmt.Fprint(stdout, res.Summary(lang, time.Since(start)))
	return 0
}

// coverageCmd prints the numbers of the archived documents that nothing
// cites, one per line at its place; it exits 1 when there is any.
func coverageCmd(root, lang string, stdout, stderr io.Writer) int {
	list, err := build.Coverage(inputs.Dir(root))
	var errs diag.List
	errs.Append(err)
	if report(stderr, lang, errs, nil) {
		return 1
	}
	for _, e := range list {
		fmt.Fprintln(stdout, e.In(lang))
	}
	switch n := len(list); {
	case n == 1:
		diag.Fprintf(stdout, lang, "1 number of the archived documents cited by nothing\n")
	case n > 1:
		diag.Fprintf(stdout, lang, "%d numbers of the archived documents cited by nothing\n", n)
	default:
		diag.Fprintf(stdout, lang, "ok: every number of the archived documents is cited or omitted with a reason\n")
		return 0
	}
	return 1
}

func checkCmd(root string, strict bool, lang string, stdout, stderr io.Writer) int {
	res, err := build.Check(inputs.Dir(root), build.Options{Strict: strict})
	var errs diag.List
	errs.Append(err)
	if report(stderr, lang, errs, res.Warnings) {
		return 1
	}
	fmt.Fprint(stdout, "ok: ") // the same in Vietnamese
	diag.Fprintf(stdout, lang, "%s, %s, %s, %s, %s, %s",
		count(res.Pages, diag.T("1 page"), diag.T("%d pages", res.Pages)),
		diag.T("%d series", res.Series),
		count(res.Points, diag.T("1 point"), diag.T("%d points", res.Points)),
		count(res.Targets, diag.T("1 target"), diag.T("%d targets", res.Targets)),
		count(res.Commitments, diag.T("1 commitment"), diag.T("%d commitments", res.Commitments)),
		count(res.Sources, diag.T("1 source"), diag.T("%d sources", res.Sources)))
	if res.Quotes == 1 {
		diag.Fprintf(stdout, lang, "; 1 quote verified in %s", metrics.ArchiveDir)
	} else {
		diag.Fprintf(stdout, lang, "; %d quotes verified in %s", res.Quotes, metrics.ArchiveDir)
	}
	if res.Unverified > 0 {
		diag.Fprintf(stdout, lang, ", %d not verified (their sources have no archived document)", res.Unverified)
	}
	switch {
	case res.Drafts == 1:
		diag.Fprintf(stdout, lang, "; 1 draft, not published")
	case res.Drafts > 1:
		diag.Fprintf(stdout, lang, "; %d drafts, not published", res.Drafts)
	}
	fmt.Fprintln(stdout)
	return 0
}
