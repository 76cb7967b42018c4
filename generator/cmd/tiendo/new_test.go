package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/markdown"
)

func TestNew(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "site.toml"), []byte(`title = "T"
title_en = "T"
[[themes]]
id = "digital-government"
title = "Chính phủ số"
title_en = "Digital government"
`), 0o644)
	title := `Đề án 06: "kết quả" tại Thừa Thiên Huế`
	code, out, errOut := runCmd("new", "note", title, "--root", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	name := filepath.Join(dir, "content", "notes", "de-an-06-ket-qua-tai-thua-thien-hue.md")
	if strings.TrimSpace(out) != name {
		t.Errorf("printed %q, want %q", out, name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p, problems := content.ParsePage("content/notes/de-an-06-ket-qua-tai-thua-thien-hue.md", data)
	if problems.Err() != nil {
		t.Fatalf("the new note does not parse: %v\n%s", problems, data)
	}
	if p.Title != title || p.Date.String() != time.Now().Format("2006-01-02") {
		t.Errorf("title %q, date %s", p.Title, p.Date)
	}
	if _, err := markdown.New(markdown.Options{BasePath: "/"}).Convert(p.File, p.BodyLine, p.Body, nil); err != nil {
		t.Errorf("the new note's body has problems: %v\n%s", err, data)
	}

	// Flags before the kind; a report; never over an existing file.
	if code, _, errOut := runCmd("new", "--root", dir, "report", title); code != 0 {
		t.Errorf("new report: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "reports", "de-an-06-ket-qua-tai-thua-thien-hue.md")); err != nil {
		t.Error(err)
	}
	if code, _, errOut := runCmd("new", "note", title, "--root", dir); code == 0 || !strings.Contains(errOut, "already exists") {
		t.Errorf("a second note of the same title: exit %d, %q", code, errOut)
	}
	if again, _ := os.ReadFile(name); string(again) != string(data) {
		t.Error("the existing note was changed")
	}

	// A metric gets a theme of the site.
	if code, _, errOut := runCmd("new", "metric", "Tỷ lệ hồ sơ trực tuyến", "--root", dir); code != 0 {
		t.Fatalf("new metric: exit %d: %s", code, errOut)
	}
	m, _ := os.ReadFile(filepath.Join(dir, "content", "metrics", "ty-le-ho-so-truc-tuyen.toml"))
	if !strings.Contains(string(m), `title = "Tỷ lệ hồ sơ trực tuyến"`) || !strings.Contains(string(m), `theme = "digital-government"`) {
		t.Errorf("metric skeleton:\n%s", m)
	}

	for _, args := range [][]string{{"new", "note"}, {"new", "page", "x"}, {"new", "note", "—"}} {
		if code, _, _ := runCmd(append(args, "--root", dir)...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
