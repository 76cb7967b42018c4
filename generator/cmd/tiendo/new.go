package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/tiendo/tiendo/generator/markdown"
)

// newCmd creates a page or series skeleton named from a Vietnamese title.
func newCmd(fl *flag.FlagSet, args []string, root *string, stdout, stderr io.Writer) int {
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 2 {
		fmt.Fprintln(stderr, `usage: tiendo new report|note|metric "Tiêu đề có dấu" [--root DIR]`)
		return 2
	}
	kind, title := fl.Arg(0), fl.Arg(1)
	slug := markdown.Slugify(title)
	if slug == "" {
		fmt.Fprintf(stderr, "tiendo new: the title %q gives an empty slug\n", title)
		return 2
	}
	today := time.Now().Format("2006-01-02")
	var name, text string
	switch kind {
	case "report", "note":
		name = filepath.Join(*root, "content", kind+"s", slug+".md")
		text = fmt.Sprintf("+++\ntitle = %s\ndate = %s\nsummary = \"\"\nsources = []\nmetrics = []\ntags = []\n+++\n\n## \n", strconv.Quote(title), today)
	case "metric":
		name = filepath.Join(*root, "content", "metrics", slug+".toml")
		text = fmt.Sprintf(`title = %s
title_en = ""
unit = ""
unit_en = ""
kind = "count"   # rank | amount | rate | count
theme = ""       # one of the theme ids in content/site.toml
description = ""
description_en = ""

[[points]]
period = %d
value = 0
source = ""      # an id from content/sources.toml
quote = ""       # a verbatim excerpt of the source that contains the value
`, strconv.Quote(title), time.Now().Year())
	default:
		fmt.Fprintf(stderr, "tiendo new: unknown kind %q (want report, note or metric)\n", kind)
		return 2
	}
	if _, err := os.Stat(name); err == nil {
		fmt.Fprintf(stderr, "tiendo new: %s already exists\n", name)
		return 1
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 1
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		fmt.Fprintf(stderr, "tiendo new: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, name)
	return 0
}
