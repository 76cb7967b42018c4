package metrics

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// fuzzSources is the fixed content/sources.toml that fuzzed series cite.
const fuzzSources = `
[[sources]]
id = "src-a"
title = "A"
publisher = "P"
date = 2024-07-10
kind = "official-notice"

[[sources]]
id = "src-b"
title = "B"
publisher = "P"
date = 2025-02-06
kind = "news-report"
`

// FuzzLoadSeries loads one series file beside a fixed sources.toml: no
// panic, every problem located inside the series file as file:line:col,
// and a series that loads without error can be summarised.
func FuzzLoadSeries(f *testing.F) {
	files, _ := filepath.Glob("../../content/metrics/*.toml")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			// Point the real files at the fixed sources.
			data = bytes.ReplaceAll(data, []byte(`source = "`), []byte(`source = "src-a" # "`))
			f.Add(data)
		}
	}
	for _, s := range []string{
		"title = \"t\"\ntitle_en = \"t\"\nunit = \"%\"\nunit_en = \"%\"\nkind = \"rate\"\ntheme = \"g\"\n\n[[points]]\nperiod = \"2024-H1\"\nvalue = 42\nsource = \"src-a\"\nquote = \"đạt 42%\"\n\n[[targets]]\nvalue = 80\nby = 2025\nsource = \"src-b\"\nquote = \"80%\"\n",
		"title = \"t\"\ntitle_en = \"t\"\nunit = \"u\"\nunit_en = \"u\"\nkind = \"rank\"\ntheme = \"g\"\n[[points]]\nperiod = 2024\nvalue = 71\nof = 193\nchange = -15\nsource = \"src-b\"\nquote = \"71/193\"\n[[points]]\nperiod = 2022\nderived_from = 2024\n",
		"kind = \"amount\"\n[[subseries]]\nid = \"a\"\n[[points]]\nsubseries = \"b\"\nperiod = 2024-06-30\nvalue = 1e308\nchange_pct = -100\n",
		"[[points]]\nperiod = 2024\nderived_from = 2024\n[[points]]\nperiod = 2024\nderived_from = 2023\n",
		"decimals = 9\nbetter = \"up\"\n[[targets]]\n",
	} {
		f.Add([]byte(s))
	}
	const name = SeriesDir + "/fuzz.toml"
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			SourcesFile: {Data: []byte(fuzzSources)},
			name:        {Data: data},
		}
		d, errs := Load(fsys, []string{"g"})
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.File == SourcesFile && e.Warning { // the sources have no archived documents
				continue
			}
			if e.Pos.File != name || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Errorf("problem not located in the series file (%d lines) as file:line:col: %v", lines, e)
			}
		}
		Warnings(d)
		if errs.Err() != nil {
			return
		}
		for _, s := range d.Series {
			for _, line := range s.Lines() {
				Summarize(s, line.ID, d, d.AsOf())
			}
			for _, p := range s.Points {
				if p.Value == nil && !p.Derived() {
					t.Errorf("a stated point without value loaded: %+v", p)
				}
				if p.Derived() && p.Origin == nil {
					t.Errorf("a derived point without origin loaded: %+v", p)
				}
			}
			for _, tg := range s.Targets {
				if tg.By == nil || tg.Value == nil {
					t.Errorf("a target without deadline or value loaded: %+v", tg)
				}
			}
		}
	})
}
