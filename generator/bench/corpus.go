// Package bench writes large synthetic sites in tiendo's formats, for
// benchmarks and for tests of incremental builds: notes of Vietnamese text
// with headings, lists, a table and sometimes a chart; metric series with
// sources and quotes that pass validation; series split into the 63
// provinces. The same notes are written as a Hugo site, so that both tools
// can build the very same markdown side by side (notes use only `title` and
// `date` in their +++ TOML front matter).
//
// Output is a pure function of Config: the same config gives the same bytes.
package bench

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
)

// Config sizes a corpus.
type Config struct {
	Notes      int // content/notes/*.md
	Series     int // content/metrics/*.toml, Points points each (per sub-series)
	Provincial int // how many of the series are split into the 63 provinces
	Points     int // points per series line: the years up to 2024
	ChartEvery int // every n-th note embeds a chart of a series (0: none)
	Seed       uint64
}

// Default is the corpus of `make bench`.
var Default = Config{Notes: 10000, Series: 1000, Provincial: 10, Points: 20, ChartEvery: 20, Seed: 1}

// Small is a corpus for tests.
var Small = Config{Notes: 60, Series: 12, Provincial: 1, Points: 5, ChartEvery: 10, Seed: 1}

// lastYear is the year of the newest point.
const lastYear = 2024

// Generate writes the site into dir (content/ only; see CopySiteFiles for
// templates/ and assets/) and, when hugoDir is not empty, a Hugo site with
// the same notes.
func Generate(dir, hugoDir string, c Config) error {
	files := map[string]string{
		"content/site.toml":    siteTOML(c),
		"content/sources.toml": sourcesTOML(c),
	}
	for i := range c.Series {
		files["content/metrics/"+SeriesID(i)+".toml"] = SeriesTOML(c, i, 0)
	}
	for i := range c.Notes {
		files[NotePath(c, i)] = Note(c, i, 0)
	}
	if err := writeFiles(dir, files); err != nil {
		return err
	}
	if hugoDir == "" {
		return nil
	}
	hugo := map[string]string{}
	for name, text := range hugoFiles {
		hugo[name] = text
	}
	for i := range c.Notes {
		hugo[NotePath(c, i)] = files[NotePath(c, i)]
	}
	return writeFiles(hugoDir, hugo)
}

func writeFiles(dir string, files map[string]string) error {
	made := map[string]bool{}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// CopySiteFiles copies templates/ and assets/ of the site at from into dir.
func CopySiteFiles(from, dir string) error {
	for _, top := range []string{"templates", "assets"} {
		src := os.DirFS(filepath.Join(from, top))
		err := fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, top, filepath.FromSlash(name))
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := fs.ReadFile(src, name)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// SeriesID is the id of the i-th series.
func SeriesID(i int) string {
	return fmt.Sprintf("%s-%04d", topics[i%len(topics)].id, i)
}

// NotePath is the file of the i-th note.
func NotePath(c Config, i int) string {
	return "content/notes/" + markdown.Slugify(noteTitle(c, i)) + ".md"
}

func noteTitle(c Config, i int) string {
	r := rng(c, "title", i)
	return fmt.Sprintf("%s %s: %s", pickOne(r, titleHeads), provinces[r.IntN(len(provinces))],
		strings.TrimSuffix(sentence(r), ".")) + fmt.Sprintf(" (số %d)", i+1)
}

func rng(c Config, what string, i int) *rand.Rand {
	h := uint64(14695981039346656037)
	for _, b := range []byte(what) {
		h = (h ^ uint64(b)) * 1099511628211
	}
	return rand.New(rand.NewPCG(c.Seed, h^uint64(i)*0x9E3779B97F4A7C15))
}

func pickOne[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// sentence makes one plausible Vietnamese sentence.
func sentence(r *rand.Rand) string {
	s := pickOne(r, subjects) + " " + pickOne(r, verbs) + " " + pickOne(r, objects)
	if r.IntN(3) > 0 {
		s += " " + pickOne(r, complements)
	}
	r0, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r0)) + s[n:] + "."
}

func paragraph(r *rand.Rand) string {
	n := 2 + r.IntN(4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = sentence(r)
	}
	return strings.Join(parts, " ")
}

// Note is the i-th note at revision rev (rev 0 is what Generate writes;
// benchmarks and tests edit a note by writing a later revision).
func Note(c Config, i, rev int) string {
	r := rng(c, "note", i)
	var b strings.Builder
	y := 2019 + r.IntN(6)
	fmt.Fprintf(&b, "+++\ntitle = %s\ndate = %04d-%02d-%02d\n+++\n\n", strconv.Quote(noteTitle(c, i)), y, 1+r.IntN(12), 1+r.IntN(28))
	b.WriteString(paragraph(r) + "\n\n")
	if rev > 0 {
		fmt.Fprintf(&b, "Cập nhật lần %d: %s\n\n", rev, sentence(r))
	}
	for h := range 3 {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", pickOne(r, headings), paragraph(r))
		switch h {
		case 0:
			for range 3 + r.IntN(3) {
				fmt.Fprintf(&b, "- %s\n", sentence(r))
			}
			b.WriteString("\n")
		case 1:
			fmt.Fprintf(&b, "| Chỉ tiêu | %d | %d | Ghi chú |\n|---|---:|---:|---|\n", y-1, y)
			for range 3 + r.IntN(2) {
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", pickOne(r, indicators),
					viNumber(float64(r.IntN(100000))/10), viNumber(float64(r.IntN(100000))/10), pickOne(r, complements))
			}
			b.WriteString("\n")
		case 2:
			if c.ChartEvery > 0 && i%c.ChartEvery == 0 && c.Series > 0 {
				fmt.Fprintf(&b, "```chart\nmetrics = [%q]\n```\n\n", SeriesID(i/c.ChartEvery%c.Series))
			}
			if c.Series > 0 {
				fmt.Fprintf(&b, "Xem thêm [số liệu chi tiết](/metrics/%s/).\n\n", SeriesID(r.IntN(c.Series)))
			}
		}
	}
	b.WriteString(paragraph(r) + "\n")
	return b.String()
}

// viNumber writes x with Vietnamese separators and one decimal at most.
func viNumber(x float64) string { return metrics.NumberForms(x)[0] }

func siteTOML(c Config) string {
	var b strings.Builder
	b.WriteString(`title = "Tiến độ chuyển đổi số — bộ dữ liệu thử"
title_en = "Digital transformation progress — synthetic corpus"
description = "Một trang tổng hợp sinh tự động để đo tốc độ dựng trang."
description_en = "A generated site to measure build speed."
`)
	fmt.Fprintf(&b, "as_of = %d-12-31\n", lastYear)
	var head []string
	for i := range min(4, c.Series) {
		head = append(head, strconv.Quote(SeriesID(i)))
	}
	fmt.Fprintf(&b, "headline = [%s]\n", strings.Join(head, ", "))
	for _, t := range topics {
		if !strings.Contains(b.String(), `"`+t.theme+`"`) {
			fmt.Fprintf(&b, "\n[[themes]]\nid = %q\ntitle = %q\ntitle_en = %q\n", t.theme, t.themeVi, t.themeEn)
		}
	}
	return b.String()
}

func sourceID(year int) string { return fmt.Sprintf("thong-ke-%d", year) }

func sourcesTOML(c Config) string {
	var b strings.Builder
	for y := lastYear - max(c.Points, 1) + 1; y <= lastYear; y++ {
		fmt.Fprintf(&b, "[[sources]]\nid = %q\ntitle = \"Báo cáo thống kê chuyển đổi số năm %d\"\ntitle_en = \"Digital transformation statistics %d\"\n"+
			"publisher = \"Cục Thống kê\"\ndate = %d-12-31\nkind = \"statistics\"\n\n", sourceID(y), y, y, y)
	}
	return b.String()
}

// SeriesTOML is the i-th series at revision rev: a later revision changes the
// newest values (and their quotes).
func SeriesTOML(c Config, i, rev int) string {
	t := topics[i%len(topics)]
	r := rng(c, "series", i)
	var b strings.Builder
	fmt.Fprintf(&b, "title = \"%s (chuỗi %d)\"\ntitle_en = \"%s (series %d)\"\nunit = %q\nunit_en = %q\nkind = %q\ntheme = %q\n",
		t.vi, i, t.en, i, t.unit, t.unitEn, t.kind, t.theme)
	fmt.Fprintf(&b, "description = %q\n", paragraph(r))
	if t.kind == metrics.Amount || t.kind == metrics.Rate {
		b.WriteString("decimals = 1\n")
	}
	lines, labels := []string{""}, []string{"cả nước"}
	if i < c.Provincial {
		lines, labels = provinceIDs(), provinces
		for _, p := range provinces {
			id := markdown.Slugify(p)
			fmt.Fprintf(&b, "\n[[subseries]]\nid = %q\nlabel = %q\nlabel_en = %q\n", id, p, p)
		}
	}
	for li, line := range lines {
		v := t.start * (0.5 + r.Float64())
		for k := range c.Points {
			year := lastYear - c.Points + 1 + k
			v = t.next(r, v)
			if rev > 0 && k == c.Points-1 {
				v = t.next(rand.New(rand.NewPCG(uint64(rev), uint64(i*1000+li))), v)
			}
			fmt.Fprintf(&b, "\n[[points]]\nperiod = %d\nvalue = %s\n", year, strconv.FormatFloat(v, 'f', -1, 64))
			if t.kind == metrics.Rank {
				b.WriteString("of = 193\n")
			}
			if line != "" {
				fmt.Fprintf(&b, "subseries = %q\n", line)
			}
			fmt.Fprintf(&b, "source = %q\nquote = %q\n", sourceID(year), t.quote(labels[li], year, v))
		}
		if line == "" || li == 0 {
			goal := t.next(r, v)
			fmt.Fprintf(&b, "\n[[targets]]\nvalue = %s\nby = %d\n", strconv.FormatFloat(goal, 'f', -1, 64), lastYear+1)
			if line != "" {
				fmt.Fprintf(&b, "subseries = %q\n", line)
			}
			fmt.Fprintf(&b, "source = %q\nquote = \"Phấn đấu đến năm %d đạt %s.\"\n", sourceID(lastYear), lastYear+1, t.format(goal))
		}
	}
	return b.String()
}

type topic struct {
	id, vi, en, unit, unitEn, kind string
	theme, themeVi, themeEn        string
	start                          float64
}

func (t topic) next(r *rand.Rand, v float64) float64 {
	switch t.kind {
	case metrics.Rate:
		return float64(int(min(99, max(1, v+r.Float64()*6-1))*10)) / 10
	case metrics.Rank:
		return float64(min(193, max(1, int(v)+r.IntN(11)-6)))
	case metrics.Amount:
		return float64(int(v*(1+r.Float64()*0.2)*10)) / 10
	}
	return float64(int(v * (1 + r.Float64()*0.3)))
}

func (t topic) format(v float64) string {
	switch t.kind {
	case metrics.Rate:
		return viNumber(v) + "%"
	case metrics.Rank:
		return "hạng " + viNumber(v) + "/193"
	}
	return viNumber(v) + " " + t.unit
}

func (t topic) quote(where string, year int, v float64) string {
	r0, n := utf8.DecodeRuneInString(t.vi)
	return fmt.Sprintf("Năm %d, %s của %s đạt %s.", year, string(unicode.ToLower(r0))+t.vi[n:], where, t.format(v))
}

var topics = []topic{
	{"ty-le-ho-so-truc-tuyen", "Tỷ lệ hồ sơ trực tuyến", "Share of online applications", "%", "%", metrics.Rate, "digital-government", "Chính phủ số", "Digital government", 20},
	{"tai-khoan-dinh-danh", "Số tài khoản định danh điện tử", "Electronic ID accounts", "tài khoản", "accounts", metrics.Count, "project-06", "Đề án 06 và định danh điện tử", "Project 06 and electronic identity", 100000},
	{"doanh-thu-so", "Doanh thu kinh tế số", "Digital economy revenue", "tỷ đồng", "billion VND", metrics.Amount, "digital-economy", "Kinh tế số", "Digital economy", 1200},
	{"xep-hang-quoc-te", "Xếp hạng chỉ số quốc tế", "International index rank", "hạng", "rank", metrics.Rank, "international-rankings", "Xếp hạng quốc tế", "International rankings", 90},
	{"thue-bao-cap-quang", "Số thuê bao cáp quang", "Fibre subscriptions", "thuê bao", "subscriptions", metrics.Count, "digital-infrastructure", "Hạ tầng số", "Digital infrastructure", 50000},
	{"nguoi-dung-thanh-toan-so", "Tỷ lệ người dùng thanh toán số", "Share of digital payment users", "%", "%", metrics.Rate, "digital-society", "Xã hội số", "Digital society", 15},
}

var provinces = []string{"An Giang", "Bà Rịa – Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
	"Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
	"Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
	"Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
	"Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
	"Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
	"Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang",
	"TP. Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái"}

func provinceIDs() []string {
	ids := make([]string, len(provinces))
	for i, p := range provinces {
		ids[i] = markdown.Slugify(p)
	}
	return ids
}

var titleHeads = []string{"Ghi nhận tại", "Tiến độ ở", "Báo cáo nhanh từ", "Làm việc với", "Kiểm tra tại", "Sơ kết tại"}

var subjects = []string{"Ủy ban nhân dân tỉnh", "Bộ Công an", "Bộ Thông tin và Truyền thông", "các sở, ngành",
	"Văn phòng Chính phủ", "người dân ở vùng sâu, vùng xa", "các doanh nghiệp công nghệ", "tổ công tác Đề án 06",
	"cán bộ một cửa cấp xã", "ngân hàng thương mại", "Cổng Dịch vụ công quốc gia", "các trường đại học"}

var verbs = []string{"đã hoàn thành", "đang đẩy mạnh", "tiếp tục triển khai", "cần khẩn trương rà soát",
	"đã kết nối thành công", "chưa bảo đảm tiến độ", "được giao chủ trì", "phối hợp thực hiện", "đề xuất sửa đổi"}

var objects = []string{"việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
	"cơ sở dữ liệu quốc gia về dân cư", "dịch vụ công trực tuyến toàn trình", "ứng dụng định danh điện tử VNeID",
	"hạ tầng cáp quang đến thôn, bản", "thanh toán không dùng tiền mặt trong bệnh viện", "nền tảng học trực tuyến",
	"chữ ký số cho người dân", "hệ thống thông tin báo cáo quốc gia", "kho dữ liệu dùng chung của tỉnh",
	"việc cấp căn cước cho người từ đủ 14 tuổi", "hồ sơ sức khỏe điện tử"}

var complements = []string{"trong quý này", "theo chỉ đạo của Thủ tướng", "trước ngày 31 tháng 12",
	"với sự hỗ trợ của doanh nghiệp viễn thông", "nhưng còn gặp khó khăn về kinh phí", "ở tất cả các huyện",
	"và báo cáo kết quả về Ủy ban Quốc gia", "bảo đảm an toàn thông tin", "nhằm giảm thời gian đi lại của người dân"}

var headings = []string{"Kết quả nổi bật", "Khó khăn, vướng mắc", "Nhiệm vụ thời gian tới", "Số liệu chính",
	"Ý kiến của người dân", "Kiến nghị, đề xuất", "Đánh giá chung", "Phân công thực hiện"}

var indicators = []string{"Hồ sơ trực tuyến", "Tài khoản VNeID kích hoạt", "Thủ tục toàn trình",
	"Giao dịch không tiền mặt", "Thuê bao cáp quang", "Hồ sơ sức khỏe điện tử"}

// hugoFiles are the configuration and layouts of the Hugo site: the
// smallest templates that publish what tiendo publishes for notes (a page
// per note with its table of contents, a list of the notes, a home page
// listing them, RSS and sitemap, which Hugo makes by default).
var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = "http://127.0.0.1/"
languageCode = "vi"
title = "Tiến độ — bộ dữ liệu thử"
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = false
[markup.tableOfContents]
startLevel = 2
endLevel = 3
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/css/site.css" | relURL }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2/1/2006" }}</time></p>
<nav class="toc">{{ .TableOfContents }}</nav>
<div class="prose">{{ .Content }}</div>
</article>{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2/1/2006" }}</time></li>{{ end }}</ul>
{{ end }}
`,
	"layouts/index.html": `{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2/1/2006" }}</time></li>{{ end }}</ul>
{{ end }}
`,
}
