package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
)

// minimalSite makes a folder with a content/site.toml of one theme and
// nothing else.
func minimalSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "site.toml"), []byte(`title = "T"
title_en = "T"
[[themes]]
id = "digital-government"
title = "Chính phủ số"
title_en = "Digital government"
`), 0o644)
	return dir
}

func TestNew(t *testing.T) {
	dir := minimalSite(t)
	title := `Đề án 06: "kết quả" tại Thừa Thiên Huế`
	code, out, errOut := runCmd("new", "note", title, "--root", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	name := filepath.Join(dir, "content", "notes", "de-an-06-ket-qua-tai-thua-thien-hue.md")
	if out != name+"\n" {
		t.Errorf("printed %q, want %q", out, name)
	}
	if !strings.Contains(errOut, "draft = true") {
		t.Errorf("stderr does not say how to publish the draft: %q", errOut)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p, problems := content.ParsePage("content/notes/de-an-06-ket-qua-tai-thua-thien-hue.md", data)
	if problems.Err() != nil {
		t.Fatalf("the new note does not parse: %v\n%s", problems, data)
	}
	if p.Title != title || p.Date.String() != time.Now().Format("2006-01-02") || !p.Draft {
		t.Errorf("title %q, date %s, draft %v", p.Title, p.Date, p.Draft)
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
	if code, _, errOut := runCmd("new", "note", title, "--root", dir); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("a second note of the same title: exit %d, %q", code, errOut)
	}
	if again, _ := os.ReadFile(name); string(again) != string(data) {
		t.Error("the existing note was changed")
	}

	// A metric gets the site's first theme unless told another.
	if code, _, errOut := runCmd("new", "metric", "Tỷ lệ hồ sơ trực tuyến", "--root", dir); code != 0 {
		t.Fatalf("new metric: exit %d: %s", code, errOut)
	}
	m, _ := os.ReadFile(filepath.Join(dir, "content", "metrics", "ty-le-ho-so-truc-tuyen.toml"))
	for _, want := range []string{`title = "Tỷ lệ hồ sơ trực tuyến"`, `theme = "digital-government" `, `kind = "count" `, "\ndraft = true "} {
		if !strings.Contains(string(m), want) {
			t.Errorf("metric skeleton lacks %q:\n%s", want, m)
		}
	}

	// A site with no sources.toml gets one.
	if code, _, errOut := runCmd("new", "source", "Báo cáo đầu tiên", "--root", dir); code != 0 {
		t.Fatalf("new source: exit %d: %s", code, errOut)
	}
	d, errs := metrics.Load(os.DirFS(dir), []string{"digital-government"})
	if errs.Err() != nil || len(d.Sources) != 1 || d.Sources[0].ID != "bao-cao-dau-tien" || !d.Sources[0].Draft {
		t.Errorf("the new sources.toml: %v, %v", d.Sources, errs)
	}

	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"new", "note"}, 2, "usage:"},
		{[]string{"new", "page", "x"}, 2, `unknown kind "page" (want report, note, metric, commitment, source)`},
		{[]string{"new", "note", "—"}, 2, "gives an empty file name"},
		{[]string{"new", "note", "x", "--kind", "rate"}, 2, "--kind and --theme are for a metric"},
		{[]string{"new", "metric", "x", "--kind", "percent"}, 2, "want one of rank, amount, rate, count, index"},
		{[]string{"new", "metric", "x", "--theme", "kinh-te-so"}, 1, `unknown theme "kinh-te-so": the themes of content/site.toml are digital-government`},
		{[]string{"new", "metric", "Tỷ lệ hồ sơ trực tuyến"}, 1, `a series with the id "ty-le-ho-so-truc-tuyen" already exists`},
		{[]string{"new", "source", "Báo cáo đầu tiên"}, 1, `a source with the id "bao-cao-dau-tien" already exists at ` + filepath.Join(dir, "content", "sources.toml") + ":2:1"},
	} {
		code, out, errOut := runCmd(append(tt.args, "--root", dir)...)
		if code != tt.code || !strings.Contains(errOut, tt.stderr) || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d and %q", tt.args, code, out, errOut, tt.code, tt.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "metrics", "x.toml")); err == nil {
		t.Error("a metric of an unknown theme was made")
	}
}

// TestNewDraftsPassCheck: each kind of file, scaffolded into a small site,
// is a draft that passes the check, strict, with no warning, its comments in
// the site's default language, with the keys of an English translation only
// when the site has one; published as it is, it is told what it lacks. The
// sites: the fixture in Vietnamese and English, and in English only.
func TestNewDraftsPassCheck(t *testing.T) {
	t.Setenv(langEnv, "")
	draftWords := map[string]string{"vi": "# bản nháp:", "en": "# a draft:"}
	for _, lang := range i18n.Codes {
		dir := site(t)
		if lang == "en" {
			englishOnly(t, dir)
		}
		sourcesBefore, _ := os.ReadFile(filepath.Join(dir, "content", "sources.toml"))
		made := map[string]string{}
		hints := map[string]string{}
		for _, args := range [][]string{
			{"report", "Kết luận Hội nghị sơ kết năm 2025"},
			{"note", "Họp Ban Chỉ đạo tháng 11"},
			{"metric", "Tỷ lệ thanh toán không dùng tiền mặt", "--kind", "rank", "--theme", "digital-economy"},
			{"commitment", "Hoàn thành kết nối dữ liệu dân cư"},
			{"source", "Báo cáo của Bộ Công an tháng 3/2025"},
		} {
			code, out, errOut := runCmd(append([]string{"new", "--root", dir}, args...)...)
			if code != 0 {
				t.Fatalf("%s: new %s: exit %d: %s", lang, args[0], code, errOut)
			}
			made[args[0]], hints[args[0]] = strings.TrimSpace(out), errOut
		}
		for kind, name := range made {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for l, w := range draftWords {
				if !strings.Contains(string(b), "\ndraft = true ") || strings.Contains(string(b), w) != (l == lang) {
					t.Errorf("%s: the %s's comments are not in %s (%q):\n%s", lang, kind, lang, w, b)
				}
			}
		}
		m, _ := os.ReadFile(made["metric"])
		if !strings.Contains(string(m), `kind = "rank" `) || !strings.Contains(string(m), `theme = "digital-economy" `) {
			t.Errorf("%s: --kind or --theme not written:\n%s", lang, m)
		}
		for kind, name := range made {
			b, _ := os.ReadFile(name)
			if kind == "source" { // the entry appended
				b = b[bytes.LastIndex(b, []byte("[[sources]]")):]
			}
			if has := strings.Contains(string(b), "_en = "); has != (lang == "vi") && kind != "report" && kind != "note" {
				t.Errorf("%s: the %s has the keys of an English translation: %v, want %v:\n%s", lang, kind, has, lang == "vi", b)
			}
		}
		sources, _ := os.ReadFile(made["source"])
		if !strings.HasPrefix(string(sources), string(sourcesBefore)) {
			t.Errorf("%s: sources.toml was not appended to:\n%s", lang, sources)
		}
		// The hint says where the text goes, how to cite the source, and
		// the line of its entry.
		id := "bao-cao-cua-bo-cong-an-thang-3-2025"
		hint := hints["source"]
		for _, want := range []string{filepath.Join(dir, "content", "sources", id+".txt"), `document = "` + id + `.txt"`, `source = "` + id + `"`, "quote = "} {
			if !strings.Contains(hint, want) {
				t.Errorf("%s: the source's hint lacks %q:\n%s", lang, want, hint)
			}
		}
		lines := strings.Split(string(sources), "\n")
		n := strings.Count(string(sourcesBefore), "\n") + 3
		at := map[string]string{"vi": "dòng ", "en": "line "}[lang] + strconv.Itoa(n) + "."
		if !strings.Contains(hint, at) || lines[n-1] != "[[sources]]" || lines[n] != `id = "`+id+`"` {
			t.Errorf("%s: the hint names line %d of sources.toml, which is %q:\n%s", lang, n, lines[n-1], hint)
		}

		for _, args := range [][]string{{"check", "--root", dir}, {"check", "--strict", "--root", dir}} {
			code, out, errOut := runCmd(args...)
			if code != 0 || errOut != "" || !strings.HasSuffix(out, map[string]string{"vi": "; 5 bản nháp, chưa công bố\n", "en": "; 5 drafts, not published\n"}[lang]) {
				t.Errorf("%s: %q of the scaffolds: exit %d\nstdout: %s\nstderr: %s", lang, args, code, out, errOut)
			}
		}

		// Each again: refused, the files left as they were.
		for kind, name := range made {
			before, _ := os.ReadFile(name)
			title := map[string]string{"report": "Kết luận Hội nghị sơ kết năm 2025", "note": "Họp Ban Chỉ đạo tháng 11",
				"metric": "Tỷ lệ thanh toán không dùng tiền mặt", "commitment": "Hoàn thành kết nối dữ liệu dân cư",
				"source": "Báo cáo của Bộ Công an tháng 3/2025"}[kind]
			if code, _, errOut := runCmd("new", kind, title, "--root", dir); code != 1 || !strings.Contains(errOut, "already exists") {
				t.Errorf("%s: a second %s: exit %d, %q", lang, kind, code, errOut)
			}
			if after, _ := os.ReadFile(name); string(after) != string(before) {
				t.Errorf("%s: a second %s changed %s", lang, kind, name)
			}
		}
		if lang != i18n.Codes[0] {
			continue
		}

		// Published as they are, the drafts are told what they lack.
		t.Setenv(langEnv, "en")
		for _, name := range made {
			edit(t, name, "draft = true", "draft = false")
		}
		code, _, errOut := runCmd("check", "--root", dir)
		for _, want := range []string{
			"content/metrics/ty-le-thanh-toan-khong-dung-tien-mat.toml:5:12: title_en is required",
			`content/commitments/hoan-thanh-ket-noi-du-lieu-dan-cu.toml:4:1: commitment "hoan-thanh-ket-noi-du-lieu-dan-cu": agency (the lead agency) and task are required`,
			`publisher is required`,
			`date is required`,
		} {
			if code != 1 || !strings.Contains(errOut, want) {
				t.Errorf("published scaffolds: exit %d, no %q in:\n%s", code, want, errOut)
			}
		}
	}
}

// TestNewDraftAfterCachedBuild: a page that names a draft series is told
// it is a draft, also when the data comes from the build cache.
func TestNewDraftAfterCachedBuild(t *testing.T) {
	dir := site(t)
	if code, _, errOut := runCmd("new", "metric", "Chỉ số nháp", "--root", dir); code != 0 {
		t.Fatalf("new metric: exit %d: %s", code, errOut)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCmd("build", "--root", dir, "--out", out); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "metrics", "chi-so-nhap")); err == nil {
		t.Error("the draft series is published")
	}
	edit(t, filepath.Join(dir, "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"), `metrics = ["online-records-share"]`, `metrics = ["online-records-share", "chi-so-nhap"]`)
	code, _, errOut := runCmd("build", "--root", dir, "--out", out)
	if code != 1 || !strings.Contains(errOut, `content/reports/so-ket-6-thang-2024-tai-nghe-an.md:6:11: metric "chi-so-nhap" is a draft (draft = true in content/metrics/chi-so-nhap.toml)`) {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

// TestSiteRoot: run from a folder below the site, a command finds the site
// as git finds its repository; outside any site it says so.
func TestSiteRoot(t *testing.T) {
	dir := site(t)
	notes := filepath.Join(dir, "content", "notes")
	os.MkdirAll(notes, 0o755)
	t.Chdir(notes)
	code, out, errOut := runCmd("new", "note", "Họp Ban Chỉ đạo tháng 11")
	if code != 0 || out != "hop-ban-chi-dao-thang-11.md\n" {
		t.Errorf("new note in content/notes: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(notes, "hop-ban-chi-dao-thang-11.md")); err != nil {
		t.Error(err)
	}
	t.Chdir(filepath.Join(dir, "content"))
	if code, out, errOut := runCmd("new", "metric", "Chỉ số mới"); code != 0 || out != filepath.Join("metrics", "chi-so-moi.toml")+"\n" {
		t.Errorf("new metric in content: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, out, errOut := runCmd("check"); code != 0 || !strings.HasPrefix(out, "ok: 4 pages") {
		t.Errorf("check in content: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// A second site begun in a folder of the first: no file is written
	// into the first.
	begun := filepath.Join(dir, "second-site")
	os.MkdirAll(filepath.Join(begun, "content", "metrics"), 0o755)
	t.Chdir(begun)
	if code, out, errOut := runCmd("new", "metric", "EGDI score"); code != 1 || out != "" || !strings.Contains(errOut, "has content/ but no content/site.toml") {
		t.Errorf("new metric in a site being begun: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "metrics", "egdi-score.toml")); err == nil {
		t.Error("tiendo new wrote into the site above")
	}

	t.Chdir(t.TempDir())
	for _, args := range [][]string{{"check"}, {"build"}, {"serve"}, {"new", "note", "x"}} {
		code, out, errOut := runCmd(args...)
		if code != 1 || out != "" || !strings.Contains(errOut, "no site here: neither ") || !strings.Contains(errOut, "--root DIR") {
			t.Errorf("%q outside a site: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}
