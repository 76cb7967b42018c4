package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/markdown"
)

const newUsage = `usage: tiendo new report|note|metric "Tiêu đề có dấu" [--root DIR]`

// newCmd creates a page or series skeleton named from a Vietnamese title:
// content/reports/<slug>.md, content/notes/<slug>.md or
// content/metrics/<slug>.toml, dated today. It never overwrites a file.
func newCmd(fl *flag.FlagSet, args []string, root *string, stdout, stderr io.Writer) int {
	// Flags may come before or after the kind and the title.
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(stdout, newUsage)
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
	kind, title := pos[0], strings.TrimSpace(pos[1])
	slug := markdown.Slugify(title)
	if slug == "" {
		fmt.Fprintf(stderr, "tiendo new: the title %q gives an empty file name: write it with letters or digits\n", title)
		return 2
	}
	now := time.Now()
	var name, text string
	switch kind {
	case "report", "note":
		name = filepath.Join(*root, "content", kind+"s", slug+".md")
		text = fmt.Sprintf(`+++
title = %s
date = %s
summary = ""       # one or two sentences, shown in lists, feeds and link previews
sources = []       # ids from content/sources.toml
metrics = []       # ids of the series the %s discusses
tags = []
+++

`, tomlString(title), now.Format("2006-01-02"), kind)
	case "metric":
		theme := `""                # one of the theme ids in content/site.toml`
		if cfg, errs := content.LoadSite(os.DirFS(*root)); errs.Err() == nil && len(cfg.Themes) > 0 {
			var ids []string
			for _, t := range cfg.Themes {
				ids = append(ids, t.ID)
			}
			theme = fmt.Sprintf("%q # or %s", ids[0], strings.Join(ids[1:], ", "))
		}
		name = filepath.Join(*root, "content", "metrics", slug+".toml")
		text = fmt.Sprintf(`# Format: see the package documentation of generator/metrics.
title = %s
title_en = ""
unit = ""          # e.g. "%%", "tỷ USD", "triệu tài khoản"
unit_en = ""
kind = "count"     # rank | amount | rate | count
theme = %s
description = ""
description_en = ""

[[points]]
period = %d
value = 0
source = ""        # an id from content/sources.toml
quote = ""         # a verbatim excerpt of the source that contains the value
`, tomlString(title), theme, now.Year())
	default:
		fmt.Fprintf(stderr, "tiendo new: unknown kind %q (want report, note or metric)\n%s\n", kind, newUsage)
		return 2
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 1
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if os.IsExist(err) {
		fmt.Fprintf(stderr, "tiendo new: %s already exists\n", name)
		return 1
	}
	if err == nil {
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, name)
	return 0
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
