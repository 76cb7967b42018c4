package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// want is where a problem must be reported: in file, on the nth (1-based,
// default 1) line containing lineHas, at the column where colAt starts in
// that line (any column ≥ 1 when colAt is empty), with msg in the message.
type want struct {
	file    string
	lineHas string
	nth     int
	colAt   string
	msg     string
}

// locate returns the expected line and column (0 = any) of w in the site at
// root, after the fault was injected.
func (w want) locate(t *testing.T, root string) (line, col int) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "content", filepath.FromSlash(w.file)))
	if err != nil {
		t.Fatal(err)
	}
	nth := max(w.nth, 1)
	for i, l := range strings.Split(string(data), "\n") {
		if !strings.Contains(l, w.lineHas) {
			continue
		}
		if nth--; nth > 0 {
			continue
		}
		if w.colAt == "" {
			return i + 1, 0
		}
		j := strings.Index(l, w.colAt)
		if j < 0 {
			t.Fatalf("line %d of %s has no %q", i+1, w.file, w.colAt)
		}
		return i + 1, utf8.RuneCountInString(l[:j]) + 1
	}
	t.Fatalf("%s has no line %q (occurrence %d)", w.file, w.lineHas, max(w.nth, 1))
	return 0, 0
}

// find reports whether stderr holds the problem w.
func (w want) find(t *testing.T, root, stderr string) error {
	line, col := w.locate(t, root)
	path := "content/" + w.file
	for _, p := range problems(stderr) {
		if p.file == path && p.line == line && (col == 0 || p.col == col) && strings.Contains(p.msg, w.msg) {
			return nil
		}
	}
	at := fmt.Sprintf("%s:%d:%d", path, line, col)
	if col == 0 {
		at = fmt.Sprintf("%s:%d:*", path, line)
	}
	return fmt.Errorf("want a line %q…%q", at, w.msg)
}

// summary lines that may follow the problems on stderr.
func isSummary(l string) bool {
	return l == "" || strings.HasSuffix(l, " error") || strings.HasSuffix(l, " errors") ||
		strings.HasPrefix(l, "build failed")
}

// checkLines fails if any line of stderr is neither a located problem nor a
// summary line: every problem must be one line, file:line:col: message.
func checkLines(t *testing.T, stderr string) {
	t.Helper()
	for _, l := range strings.Split(stderr, "\n") {
		if !isSummary(l) && !diagLine.MatchString(l) {
			t.Errorf("stderr line is not file:line:col: message: %q", l)
		}
	}
}

// fault is one injected mistake.
type fault struct {
	name   string
	inject func(t *testing.T, root string)
	want   []want
}

func replace(name, old, new string) func(*testing.T, string) {
	return func(t *testing.T, root string) { edit(t, root, "content/"+name, old, new) }
}

func create(name, data string) func(*testing.T, string) {
	return func(t *testing.T, root string) { write(t, root, "content/"+name, data) }
}

const dupSource = `
[[sources]]
id = "src-a"
title = "Bản sao"
publisher = "VGP"
date = 2024-07-11
kind = "news-report"
`

const dupCommitment = `
[[commitments]]
id = "kl-vneid"
agency = "Bộ Công an"
task = "Một nhiệm vụ khác."
due = 2024-12-31
source = "src-a"
quote = "hoàn thành trước 31/12/2024"

[[commitments.reports]]
status = "done"
source = "src-b"
quote = "đã hoàn thành"
`

var faults = []fault{
	{"toml-syntax", replace("metrics/egdi-rank.toml", "value = 71\n", "value = 71 71\n"),
		[]want{{file: "metrics/egdi-rank.toml", lineHas: "value = 71 71", msg: ""}}},
	{"front-matter-syntax", replace("reports/ket-luan.md", `summary = "Tóm tắt kết luận."`, `summary = "Tóm tắt kết luận.`),
		[]want{{file: "reports/ket-luan.md", lineHas: `summary = "Tóm tắt`, msg: ""}}},
	{"unknown-key", replace("metrics/egdi-rank.toml", `quote = "Chỉ số năm 2024`, `qoute = "Chỉ số năm 2024`),
		[]want{{file: "metrics/egdi-rank.toml", lineHas: "qoute =", colAt: `"Chỉ`, msg: `unknown key "points.qoute": did you mean "quote"?`}}},
	{"unknown-front-matter-key", replace("reports/ket-luan.md", "summary =", "sumary ="),
		[]want{{file: "reports/ket-luan.md", lineHas: "sumary =", colAt: `"Tóm`, msg: `unknown key "sumary"`}}},
	{"wrong-type", replace("metrics/online-services.toml", "value = 42\n", "value = \"42\"\n"),
		[]want{{file: "metrics/online-services.toml", lineHas: `value = "42"`, colAt: `"42"`, msg: "value"}}},
	{"missing-required-field", replace("metrics/egdi-rank.toml", "source = \"src-a\"\n", ""),
		[]want{{file: "metrics/egdi-rank.toml", lineHas: "[[points]]", msg: "source is required"}}},
	{"missing-title", replace("notes/ghi-chu.md", "title = \"Ghi chú về số liệu\"\n", ""),
		[]want{{file: "notes/ghi-chu.md", lineHas: "+++", msg: "title is required"}}},
	{"malformed-date", replace("notes/ghi-chu.md", "date = 2025-02-06", "date = 2025-02-30"),
		[]want{{file: "notes/ghi-chu.md", lineHas: "date = 2025-02-30", msg: ""}}},
	{"duplicate-source-id", func(t *testing.T, root string) {
		data, _ := os.ReadFile(filepath.Join(root, "content/sources.toml"))
		write(t, root, "content/sources.toml", string(data)+dupSource)
	}, []want{{file: "sources.toml", lineHas: "[[sources]]", nth: 3, msg: `duplicate source id "src-a"`}}},
	{"duplicate-series-id", create("metrics/x-egdi-copy.toml", "id = \"egdi-rank\"\n"+egdiCopy),
		[]want{{file: "metrics/x-egdi-copy.toml", lineHas: "id =", msg: `duplicate series id "egdi-rank"`}}},
	{"duplicate-commitment-id", func(t *testing.T, root string) {
		data, _ := os.ReadFile(filepath.Join(root, "content/commitments/ket-luan.toml"))
		write(t, root, "content/commitments/ket-luan.toml", string(data)+dupCommitment)
	}, []want{{file: "commitments/ket-luan.toml", lineHas: "[[commitments]]", nth: 2, msg: `duplicate commitment id "kl-vneid"`}}},
	{"same-url-as-generated-page", create("pages/metrics.md", "+++\ntitle = \"Chỉ số\"\n+++\n\nTrang trùng địa chỉ với mục lục chỉ số.\n"),
		[]want{{file: "pages/metrics.md", lineHas: "+++", msg: "URL"}}},
	{"unknown-source", replace("metrics/online-services.toml", `source = "src-b"`, `source = "src-z"`),
		[]want{{file: "metrics/online-services.toml", lineHas: `source = "src-z"`, colAt: `"src-z"`, msg: `unknown source "src-z"`}}},
	{"unknown-metric-in-page", replace("reports/ket-luan.md", `metrics = ["egdi-rank", "online-services"]`, `metrics = ["egdi-rank", "online-servics"]`),
		[]want{{file: "reports/ket-luan.md", lineHas: `"online-servics"`, colAt: "[", msg: `unknown metric "online-servics"`}}},
	{"malformed-period", replace("metrics/online-services.toml", `period = "2024-H1"`, `period = "2024-H3"`),
		[]want{{file: "metrics/online-services.toml", lineHas: `"2024-H3"`, colAt: `"2024-H3"`, msg: "not a period"}}},
	{"rate-above-100", replace("metrics/online-services.toml", "value = 55.5", "value = 155.5"),
		[]want{{file: "metrics/online-services.toml", lineHas: "value = 155.5", colAt: "155.5", msg: "between 0 and 100"}}},
	{"rate-below-0", replace("metrics/online-services.toml", "value = 42\n", "value = -42\n"),
		[]want{{file: "metrics/online-services.toml", lineHas: "value = -42", colAt: "-42", msg: "between 0 and 100"}}},
	{"rank-above-of", replace("metrics/egdi-rank.toml", "value = 86", "value = 286"),
		[]want{{file: "metrics/egdi-rank.toml", lineHas: "value = 286", colAt: "286", msg: "above its of"}}},
	{"target-without-deadline", replace("metrics/egdi-rank.toml", "by = 2026\n", ""),
		[]want{{file: "metrics/egdi-rank.toml", lineHas: "[[targets]]", msg: "deadline"}}},
	{"quote-without-value", replace("metrics/online-services.toml", "Tỷ lệ đạt 55,5% vào cuối năm.", "Tỷ lệ đạt 56% vào cuối năm."),
		[]want{{file: "metrics/online-services.toml", lineHas: "Tỷ lệ đạt 56%", colAt: `"Tỷ`, msg: "does not contain the value 55.5"}}},
	{"chart-unknown-metric", replace("reports/ket-luan.md", "metrics = [\"egdi-rank\"]\n", "metrics = [\"egdi-rnak\"]\n"),
		[]want{{file: "reports/ket-luan.md", lineHas: `"egdi-rnak"`, colAt: `"egdi-rnak"`, msg: "egdi-rnak"}}},
	{"chart-unknown-key", replace("reports/ket-luan.en.md", "metrics = [\"online-services\"]\n", "metrics = [\"online-services\"]\ntitel = \"x\"\n"),
		[]want{{file: "reports/ket-luan.en.md", lineHas: "titel =", colAt: "titel", msg: `unknown key "titel"`}}},
	{"broken-internal-link", replace("reports/ket-luan.md", "(/notes/ghi-chu/)", "(/notes/ghi-chuu/)"),
		[]want{{file: "reports/ket-luan.md", lineHas: "/notes/ghi-chuu/", colAt: "[ghi chú]", msg: "broken link"}}},
	{"unknown-theme", replace("metrics/egdi-rank.toml", `theme = "international-rankings"`, `theme = "international-ranking"`),
		[]want{{file: "metrics/egdi-rank.toml", lineHas: "theme =", colAt: `"international`, msg: `theme "international-ranking"`}}},
	{"bad-slug", create("notes/Ghi Chu.md", "+++\ntitle = \"x\"\ndate = 2025-01-01\n+++\n"),
		[]want{{file: "notes/Ghi Chu.md", lineHas: "+++", msg: "rename the file to ghi-chu.md"}}},
}

// noise lists, per case, a message that must not appear: one mistake is
// reported once, not again by everything that refers to the broken file.
var noise = map[string]string{
	"wrong-type":       `unknown metric "online-services"`,
	"malformed-period": `unknown metric "online-services"`,
	"toml-syntax":      `unknown metric "egdi-rank"`,
}

const egdiCopy = `title = "Bản sao"
title_en = "Copy"
unit = "hạng"
unit_en = "rank"
kind = "rank"
theme = "international-rankings"

[[points]]
period = 2024
value = 71
of = 193
source = "src-b"
quote = "Chỉ số năm 2024 xếp hạng 71/193."
`

// TestFaults injects one mistake per case into a copy of the fixture site
// that was built once, and checks that check and build both report it where
// it is, that build exits non-zero, and that the previous output is left
// byte-identical.
func TestFaults(t *testing.T) {
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			root := newSite(t, "site")
			mustBuild(t, root)
			before := hashTree(t, filepath.Join(root, "public"))
			entries := dirNames(t, root)
			f.inject(t, root)

			chk := run(t, root, nil, "check", "--root", ".")
			if chk.code == 0 {
				t.Errorf("check exited 0 with the fault; stdout:\n%s", chk.stdout)
			}
			bld := run(t, root, nil, "build", "--root", ".")
			if bld.code == 0 {
				t.Errorf("build exited 0 with the fault")
			}
			for _, w := range f.want {
				if err := w.find(t, root, chk.stderr); err != nil {
					t.Errorf("check: %v; stderr:\n%s", err, chk.stderr)
				}
				if err := w.find(t, root, bld.stderr); err != nil {
					t.Errorf("build: %v; stderr:\n%s", err, bld.stderr)
				}
			}
			checkLines(t, chk.stderr)
			checkLines(t, bld.stderr)
			if n := noise[f.name]; n != "" && strings.Contains(chk.stderr+bld.stderr, n) {
				t.Errorf("a consequence is reported as a mistake of its own (%s):\n%s", n, chk.stderr)
			}
			if d := before.diff(hashTree(t, filepath.Join(root, "public"))); d != "" {
				t.Errorf("the failed build changed public/:\n%s", d)
			}
			if got := dirNames(t, root); got != entries {
				t.Errorf("the failed build left files beside public/: %s (before: %s)", got, entries)
			}
		})
	}
}

// dirNames lists the names in dir, for spotting leftovers.
func dirNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestManyFaults puts mistakes in four files, of kinds found at different
// stages (decoding, validation, cross-references, Markdown links), and wants
// every one reported in one run.
func TestManyFaults(t *testing.T) {
	root := newSite(t, "site")
	mustBuild(t, root)
	before := hashTree(t, filepath.Join(root, "public"))
	inject := []func(*testing.T, string){
		replace("metrics/online-services.toml", "value = 55.5", "value = 155.5"),
		replace("sources.toml", `publisher = "VGP"`, `publsher = "VGP"`),
		replace("reports/ket-luan.md", `metrics = ["egdi-rank", "online-services"]`, `metrics = ["egdi-rank", "online-servics"]`),
		replace("notes/ghi-chu.md", "Số liệu mới nhất", "[Số liệu](/metrics/khong-co/) mới nhất"),
		replace("metrics/egdi-rank.toml", "by = 2026\n", ""),
	}
	wants := []want{
		{file: "metrics/online-services.toml", lineHas: "value = 155.5", colAt: "155.5", msg: "between 0 and 100"},
		{file: "sources.toml", lineHas: "publsher =", colAt: `"VGP"`, msg: `unknown key`},
		{file: "reports/ket-luan.md", lineHas: `"online-servics"`, msg: `unknown metric "online-servics"`},
		{file: "notes/ghi-chu.md", lineHas: "/metrics/khong-co/", colAt: "[Số liệu]", msg: "broken link"},
		{file: "metrics/egdi-rank.toml", lineHas: "[[targets]]", msg: "deadline"},
	}
	for _, f := range inject {
		f(t, root)
	}
	for _, cmd := range []string{"check", "build"} {
		r := run(t, root, nil, cmd, "--root", ".")
		if r.code == 0 {
			t.Errorf("%s exited 0", cmd)
		}
		for _, w := range wants {
			if err := w.find(t, root, r.stderr); err != nil {
				t.Errorf("%s: %v", cmd, err)
			}
		}
		checkLines(t, r.stderr)
		if t.Failed() {
			t.Logf("%s stderr:\n%s", cmd, r.stderr)
		}
	}
	if d := before.diff(hashTree(t, filepath.Join(root, "public"))); d != "" {
		t.Errorf("the failed build changed public/:\n%s", d)
	}
}

// TestStrict: a commitment past its deadline with no report is a warning,
// listed apart, that does not fail a build; --strict makes it fail the
// build, still labelled a warning.
func TestStrict(t *testing.T) {
	root := newSite(t, "site")
	mustBuild(t, root, "--strict")
	edit(t, root, "content/commitments/ket-luan.toml", "\n[[commitments.reports]]\nstatus = \"done\"\nsource = \"src-b\"\nquote = \"đã hoàn thành\"\n", "")
	w := want{file: "commitments/ket-luan.toml", lineHas: "[[commitments]]", msg: `commitment "kl-vneid" was due`}

	for _, cmd := range []string{"check", "build"} {
		r := run(t, root, nil, cmd, "--root", ".")
		if r.code != 0 {
			t.Fatalf("%s without --strict failed on a warning:\n%s", cmd, r.stderr)
		}
		if err := w.find(t, root, r.stderr); err != nil {
			t.Errorf("%s: %v; stderr:\n%s", cmd, err, r.stderr)
		}
		for _, p := range problems(r.stderr) {
			if !strings.HasPrefix(p.msg, "warning: ") {
				t.Errorf("%s: a warning is not marked as one: %v", cmd, p)
			}
		}
	}
	after := hashTree(t, filepath.Join(root, "public"))

	for _, cmd := range []string{"check", "build"} {
		r := run(t, root, nil, cmd, "--root", ".", "--strict")
		if r.code == 0 {
			t.Errorf("%s --strict exited 0 with a warning", cmd)
		}
		if err := w.find(t, root, r.stderr); err != nil {
			t.Errorf("%s --strict: %v; stderr:\n%s", cmd, err, r.stderr)
		}
		// It fails the build and is still labelled what it is.
		for _, p := range problems(r.stderr) {
			if !strings.HasPrefix(p.msg, "warning: ") {
				t.Errorf("%s --strict: a warning lost its label: %v", cmd, p)
			}
		}
		checkLines(t, r.stderr)
	}
	if d := after.diff(hashTree(t, filepath.Join(root, "public"))); d != "" {
		t.Errorf("the failed --strict build changed public/:\n%s", d)
	}
}
