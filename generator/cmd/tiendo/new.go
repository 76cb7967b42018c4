package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/inputs"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
)

const newUsage = `usage: tiendo new report|note|metric|commitment|source "Tiêu đề có dấu" [--root DIR]
       tiendo new metric "Tiêu đề có dấu" [--kind KIND] [--theme THEME] [--root DIR]`

// newKinds are the kinds of file tiendo new makes.
var newKinds = []string{"report", "note", "metric", "commitment", "source"}

// newCmd makes a draft named from a Vietnamese title, never over an
// existing file or id: content/reports/<slug>.md, content/notes/<slug>.md,
// content/metrics/<slug>.toml or content/commitments/<slug>.toml, or a
// [[sources]] entry appended to content/sources.toml. It prints the file's
// path on stdout, and what to do next on stderr.
func newCmd(fl *flag.FlagSet, args []string, root *string, stdout, stderr io.Writer) int {
	kind := fl.String("kind", "", "metric: the kind of series, one of "+strings.Join(metrics.Kinds, ", ")+" (default count)")
	theme := fl.String("theme", "", "metric: the id of one of the themes of content/site.toml (default the first)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), newUsage)
		fl.PrintDefaults()
	}
	// Flags may come before or after the kind and the title.
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fl.NArg() == 0 {
			break
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, newUsage)
		return 2
	}
	what, title := pos[0], strings.TrimSpace(pos[1])
	if !slices.Contains(newKinds, what) {
		fmt.Fprintf(stderr, "tiendo new: unknown kind %q (want %s)\n%s\n", what, strings.Join(newKinds, ", "), newUsage)
		return 2
	}
	if (*kind != "" || *theme != "") && what != "metric" {
		fmt.Fprintf(stderr, "tiendo new: --kind and --theme are for a metric (tiendo new metric …), not a %s\n", what)
		return 2
	}
	if *kind != "" && !slices.Contains(metrics.Kinds, *kind) {
		fmt.Fprintf(stderr, "tiendo new: unknown kind of series %q: want one of %s (see generator/metrics/doc.go)\n", *kind, strings.Join(metrics.Kinds, ", "))
		return 2
	}
	dir, err := siteRoot(*root)
	if err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 1
	}
	// Its problems are in the language of the others' ($TIENDO_LANG, else
	// the site's first); it has no --lang of its own.
	lang, err := messageLang("", dir)
	if err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 2
	}
	langs := siteLanguages(dir)
	texts, ok := scaffolds[langs[0]]
	if !ok {
		texts = scaffolds["en"]
	}
	slug := markdown.Slugify(title)
	if slug == "" {
		diag.Fprintf(stderr, lang, "tiendo new: the title %q gives an empty file name: write it with letters or digits\n", title)
		return 2
	}
	now := time.Now()
	n := &newFile{root: dir, texts: texts, data: scaffoldData{
		Kind: what, Title: tomlString(title), ID: slug, Date: now.Format("2006-01-02"), Year: now.Year(),
		English: slices.Contains(langs[1:], "en")}}
	switch what {
	case "report", "note":
		err = n.page()
	case "metric":
		err = n.metric(*kind, *theme)
	case "commitment":
		err = n.commitment()
	case "source":
		err = n.source()
	}
	if err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, n.data.Path)
	next := n.texts.Next[what]
	if what == "report" || what == "note" {
		next = n.texts.Next["page"]
	}
	hint, err := fill(next, n.data)
	if err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 1
	}
	fmt.Fprint(stderr, hint)
	return 0
}

// newFile is one file being made by tiendo new.
type newFile struct {
	root  string // the site's folder
	texts scaffold
	data  scaffoldData
}

// path is the file name of a site path (content/…) under the root.
func (n *newFile) path(rel string) string { return filepath.Join(n.root, filepath.FromSlash(rel)) }

func (n *newFile) page() error {
	rel := "content/" + n.data.Kind + "s/" + n.data.ID + ".md"
	return n.create(rel, n.texts.Page)
}

func (n *newFile) metric(kind, theme string) error {
	cfg, problems := content.LoadConfig(inputs.Dir(n.root))
	if problems.Err() != nil {
		return fmt.Errorf("%s has problems (tiendo check lists them); fix them first", content.SiteFile)
	}
	themes := cfg.ThemeIDs()
	switch {
	case len(themes) == 0:
		return fmt.Errorf("%s has no [[themes]], and a series belongs to one: add one first (see generator/content/content.go)", content.SiteFile)
	case theme == "":
		theme = themes[0]
	case !slices.Contains(themes, theme):
		return fmt.Errorf("unknown theme %q: the themes of %s are %s", theme, content.SiteFile, strings.Join(themes, ", "))
	}
	if kind == "" {
		kind = metrics.Count
	}
	d, err := n.loadData(themes)
	if err != nil {
		return err
	}
	if s := d.SeriesByID(n.data.ID); s != nil {
		return fmt.Errorf("a series with the id %q already exists: %s; choose another title", n.data.ID, n.display(n.path(s.File)))
	}
	n.data.SeriesKind, n.data.Kinds = kind, strings.Join(metrics.Kinds, " | ")
	n.data.Theme, n.data.Themes = theme, strings.Join(themes, ", ")
	return n.create(metrics.SeriesDir+"/"+n.data.ID+".toml", n.texts.Metric)
}

func (n *newFile) commitment() error {
	d, err := n.loadData(nil)
	if err != nil {
		return err
	}
	for _, c := range d.Commitments {
		if c.ID == n.data.ID {
			return fmt.Errorf("a task with the id %q already exists at %s; choose another title", c.ID, n.at(c.Pos))
		}
	}
	return n.create(metrics.CommitmentsDir+"/"+n.data.ID+".toml", n.texts.Commitment)
}

// source appends a [[sources]] entry to content/sources.toml (and makes
// the file when the site has none).
func (n *newFile) source() error {
	name := n.path(metrics.SourcesFile)
	old, err := os.ReadFile(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err == nil {
		d, err := n.loadData(nil)
		if err != nil {
			return err
		}
		if d.SourcesUnread() {
			return fmt.Errorf("%s cannot be read (tiendo check says why); fix it first", metrics.SourcesFile)
		}
		for _, s := range d.Sources {
			if s.ID == n.data.ID {
				return fmt.Errorf("a source with the id %q already exists at %s; choose another title", s.ID, n.at(s.Pos))
			}
		}
	}
	var sep string
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		sep = "\n"
	}
	n.data.Document = n.data.ID + ".txt"
	n.data.Archive = n.display(n.path(metrics.ArchiveDir + "/" + n.data.Document))
	n.data.Path = n.display(name)
	text, err := fill(n.texts.Source, n.data)
	if err != nil {
		return err
	}
	text = sep + text
	if len(old) == 0 {
		text = strings.TrimPrefix(text, "\n") // a new file
	}
	// The line of "[[sources]]" in the file, once appended.
	before, _, _ := strings.Cut(text, "[[sources]]")
	n.data.Line = bytes.Count(old, []byte("\n")) + strings.Count(before, "\n") + 1
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// loadData loads the site's data, drafts included, to look its ids up.
func (n *newFile) loadData(themes []string) (*metrics.Data, error) {
	d, _ := metrics.Load(inputs.Dir(n.root), themes)
	if d == nil {
		return nil, fmt.Errorf("cannot read the site's data in %s", n.path("content"))
	}
	return d, nil
}

// create writes a new file at the site path rel from a skeleton; it never
// overwrites one.
func (n *newFile) create(rel, skeleton string) error {
	name := n.path(rel)
	n.data.Path = n.display(name)
	text, err := fill(skeleton, n.data)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; it was left as it is (choose another title, or open that file)", n.data.Path)
	}
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// display is how a file is named to the editor: relative to the working
// directory when it is below it, else as found from the root.
func (n *newFile) display(name string) string {
	wd, err := os.Getwd()
	abs, aerr := filepath.Abs(name)
	if err != nil || aerr != nil {
		return name
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return name
}

// at is a position in the site's files, named as display names files.
func (n *newFile) at(p diag.Pos) string {
	p.File = n.display(n.path(p.File))
	return p.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
