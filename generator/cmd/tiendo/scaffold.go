package main

import (
	"strings"
	"text/template"
	"unicode/utf8"
)

// The texts of `tiendo new`, all of them, in each language of the site: the
// skeleton of each kind of file, with its comments for the editor, and
// what to do next, printed once it is made. The site's default language
// is used (English when there are no texts in it): the comments are for
// its editors. The keys of an English translation (title_en, …) are there
// when the site is translated into English.
//
// Each skeleton is a draft (draft = true) that passes `tiendo check` as it
// is: what the editor still has to fill in is either empty, which a draft
// may be, or written as a comment to uncomment. See Drafts in package
// metrics.

// scaffold holds the texts of one language. Each is a text/template of a
// scaffoldData.
type scaffold struct {
	Page, Metric, Commitment, Source string            // the skeletons
	Next                             map[string]string // by kind: printed after
}

// scaffoldData is what the skeletons are filled with.
type scaffoldData struct {
	Kind       string // report, note, metric, commitment or source
	Title      string // as a TOML string, quoted
	ID         string // the title's slug
	Date       string // today, 2006-01-02
	Year       int    // this year
	SeriesKind string // metric: its kind
	Kinds      string // metric: the kinds, "rank | amount | …"
	Theme      string // metric: its theme
	Themes     string // metric: the site's themes, "a, b, …"
	Path       string // the file made or appended to, as printed
	Line       int    // source: the line of its [[sources]] in Path
	Document   string // source: the file name its text is saved under
	Archive    string // source: that file's path, as printed
	English    bool   // the site's second language is English: the _en keys are asked for
}

var scaffolds = map[string]scaffold{
	"vi": {
		Page: `+++
title = {{.Title}}
date = {{.Date}}             # ngày họp, hoặc ngày viết (năm-tháng-ngày)
draft = true                  # bản nháp: được kiểm tra nhưng chưa xuất bản; xoá dòng này để xuất bản
summary = ""                  # một, hai câu tóm tắt: hiện trong danh sách, bản tin Atom và khi chia sẻ liên kết
sources = []                  # mã nguồn trong content/sources.toml, ví dụ ["ket-luan-2024-07"]
metrics = []                  # mã các chỉ số mà {{if eq .Kind "report"}}báo cáo{{else}}ghi chú{{end}} này bàn đến, ví dụ ["egdi-rank"]
tags = []                     # từ khoá, ví dụ ["Đề án 06"]
+++

`,
		Metric: `# Một chỉ số: một chuỗi số liệu theo thời gian.
# Định dạng: xem tài liệu của gói generator/metrics (generator/metrics/doc.go).
title = {{.Title}}
draft = true                  # bản nháp: được kiểm tra nhưng chưa xuất bản; xoá dòng này để xuất bản
{{if .English}}title_en = ""                 # tên chỉ số bằng tiếng Anh
{{end}}unit = ""                     # đơn vị, ví dụ "%", "tỷ USD", "triệu tài khoản"
{{if .English}}unit_en = ""                  # đơn vị bằng tiếng Anh
{{end}}kind = "{{.SeriesKind}}"{{pad .SeriesKind 21}}# loại chỉ số: {{.Kinds}}
theme = "{{.Theme}}"{{pad .Theme 20}}# nhóm chỉ số trong content/site.toml: {{.Themes}}
description = ""              # một đoạn giới thiệu chỉ số
{{if .English}}description_en = ""
{{end}}
# Mỗi con số một bảng [[points]]. Bỏ dấu # ở đầu các dòng dưới đây rồi điền:
# [[points]]
# period = {{.Year}}               # {{.Year}}, "{{.Year}}-H1", "{{.Year}}-Q2", "{{.Year}}-06", {{.Year}}-06-30 hoặc "2021/{{.Year}}"; số lũy kế "tính đến": as_of = {{.Year}}-06-30
# value = 0                   # con số, đúng như văn bản nêu
# qualifier = "over"          # chỉ khi văn bản nói "trên" (over), "gần" (nearly), "khoảng" (about)…
# flag = "estimate"           # chỉ khi văn bản nói "ước đạt" (estimate), "sơ bộ" (provisional), "dự kiến" (planned)
# source = ""                 # mã nguồn trong content/sources.toml
# quote = ""                  # câu nguyên văn của văn bản, có chứa con số
`,
		Commitment: `# Nhiệm vụ có thời hạn giao cho một cơ quan.
# Định dạng: xem tài liệu của gói generator/metrics (generator/metrics/doc.go, mục Commitments).

[[commitments]]
id = "{{.ID}}"
draft = true                  # bản nháp: được kiểm tra nhưng chưa xuất bản; xoá dòng này để xuất bản
task = {{.Title}}{{pad .Title 23}}# tóm tắt nhiệm vụ, bằng lời của mình
{{if .English}}task_en = ""                  # tóm tắt bằng tiếng Anh
{{end}}agency = ""                   # cơ quan chủ trì, như văn bản ghi
# partners = ["Bộ Tài chính"] # các cơ quan phối hợp
# Thời hạn, như văn bản nêu: giữ một trong ba dòng, bỏ dấu # ở đầu dòng.
# due = "{{.Year}}-Q1"             # "trong quý I/{{.Year}}"; cả năm: due = {{.Year}}; một ngày: due = {{.Year}}-03-31
# due_before = {{.Year}}-02-15     # "trước ngày 15/2/{{.Year}}"
# due_event = "tại kỳ họp thứ 9"  # một sự kiện, không phải ngày
source = ""                   # mã của văn bản giao nhiệm vụ, trong content/sources.toml
quote = ""                    # câu nguyên văn nêu nhiệm vụ và thời hạn

# Khi một văn bản sau cho biết tiến độ, thêm (bỏ dấu # ở đầu các dòng):
# [[commitments.reports]]
# status = "done"             # done | partly-done | in-progress | late | recurring
# source = ""
# quote = ""
`,
		Source: `
# Nguồn mới, thêm bằng tiendo new source.
[[sources]]
id = "{{.ID}}"
draft = true                  # bản nháp: được kiểm tra nhưng chưa xuất bản; xoá dòng này để xuất bản
title = {{.Title}}{{pad .Title 22}}# tên văn bản, như văn bản ghi
{{if .English}}title_en = ""                 # tên bằng tiếng Anh
{{end}}publisher = ""                # cơ quan ban hành, như văn bản ghi
# date = {{.Date}}           # ngày ban hành (năm-tháng-ngày): bỏ dấu # ở đầu dòng và sửa ngày
kind = ""                     # official-notice | news-report | provincial-news | statistics | other
url = ""                      # đường dẫn tới bản gốc, nếu có
document = ""                 # tên tệp lưu văn bản trong content/sources/, ví dụ "{{.Document}}"
`,
		Next: map[string]string{
			"page": `Bản nháp: điền phần đầu trang (giữa hai dòng +++) và viết nội dung bên dưới; make serve để xem trước.
Xoá dòng draft = true để xuất bản.
`,
			"metric": `Bản nháp: điền {{if .English}}title_en, unit, unit_en{{else}}unit{{end}} và các con số ([[points]]), rồi chạy make check.
Xoá dòng draft = true để xuất bản.
`,
			"commitment": `Bản nháp: điền cơ quan, thời hạn, nguồn và câu trích nguyên văn, rồi chạy make check.
Xoá dòng draft = true để xuất bản.
`,
			"source": `Đã thêm nguồn "{{.ID}}" (bản nháp) vào {{.Path}}, dòng {{.Line}}.
Lưu văn bản, đúng như khi công bố, vào {{.Archive}} (bảng số liệu: tệp .csv),
rồi ghi document = "{{.Document}}"; make check sẽ in sha256 của tệp để ghi kèm.
Dẫn nguồn này trong [[points]], [[targets]] hoặc [[commitments]]:
  source = "{{.ID}}"
  quote = "…câu nguyên văn của văn bản…"
Điền publisher, date, kind rồi xoá dòng draft = true để xuất bản.
`,
		},
	},
	"en": {
		Page: `+++
title = {{.Title}}
date = {{.Date}}             # the date of the meeting, or of writing (year-month-day)
draft = true                  # a draft: checked but not published; remove this line to publish it
summary = ""                  # one or two sentences: shown in lists, in the Atom feed and in link previews
sources = []                  # ids from content/sources.toml, e.g. ["ket-luan-2024-07"]
metrics = []                  # ids of the series this {{.Kind}} discusses, e.g. ["egdi-rank"]
tags = []                     # keywords, e.g. ["Đề án 06"]
+++

`,
		Metric: `# A metric: one series of figures over time.
# Format: see the documentation of package generator/metrics (generator/metrics/doc.go).
title = {{.Title}}
draft = true                  # a draft: checked but not published; remove this line to publish it
{{if .English}}title_en = ""                 # the title in English
{{end}}unit = ""                     # the unit, e.g. "%", "billion USD", "million accounts"
{{if .English}}unit_en = ""                  # the unit in English
{{end}}kind = "{{.SeriesKind}}"{{pad .SeriesKind 21}}# the kind of series: {{.Kinds}}
theme = "{{.Theme}}"{{pad .Theme 20}}# its group, from content/site.toml: {{.Themes}}
description = ""              # one paragraph on the series
{{if .English}}description_en = ""
{{end}}
# One [[points]] table per figure. Remove the # at the start of the lines below and fill them in:
# [[points]]
# period = {{.Year}}               # {{.Year}}, "{{.Year}}-H1", "{{.Year}}-Q2", "{{.Year}}-06", {{.Year}}-06-30 or "2021/{{.Year}}"; a total to a date: as_of = {{.Year}}-06-30
# value = 0                   # the figure, as the document states it
# qualifier = "over"          # only if the document hedges it: "trên" (over), "gần" (nearly), "khoảng" (about)…
# flag = "estimate"           # only if the document says "ước đạt" (estimate), "sơ bộ" (provisional), "dự kiến" (planned)
# source = ""                 # an id from content/sources.toml
# quote = ""                  # the document's sentence that contains the figure, verbatim
`,
		Commitment: `# A task with a deadline assigned to an agency.
# Format: see the documentation of package generator/metrics (generator/metrics/doc.go, Commitments).

[[commitments]]
id = "{{.ID}}"
draft = true                  # a draft: checked but not published; remove this line to publish it
task = {{.Title}}{{pad .Title 23}}# the task, in short, in our words
{{if .English}}task_en = ""                  # the same in English
{{end}}agency = ""                   # the lead agency, as the document names it
# partners = ["Bộ Tài chính"] # the co-agencies
# The deadline, as the document states it: keep one of the three lines, without its #.
# due = "{{.Year}}-Q1"             # "trong quý I/{{.Year}}"; a whole year: due = {{.Year}}; a day: due = {{.Year}}-03-31
# due_before = {{.Year}}-02-15     # "trước ngày 15/2/{{.Year}}"
# due_event = "tại kỳ họp thứ 9"  # an event, not a date
source = ""                   # the id of the document that assigns the task, from content/sources.toml
quote = ""                    # the document's words naming the task and its deadline, verbatim

# When a later document says how it stands, add (without the #):
# [[commitments.reports]]
# status = "done"             # done | partly-done | in-progress | late | recurring
# source = ""
# quote = ""
`,
		Source: `
# A new source, added by tiendo new source.
[[sources]]
id = "{{.ID}}"
draft = true                  # a draft: checked but not published; remove this line to publish it
title = {{.Title}}{{pad .Title 22}}# the document's title, as it gives it
{{if .English}}title_en = ""                 # the title in English
{{end}}publisher = ""                # who issued it, as the document names it
# date = {{.Date}}           # the date of publication (year-month-day): remove the # and correct it
kind = ""                     # official-notice | news-report | provincial-news | statistics | other
url = ""                      # a link to the original, if there is one
document = ""                 # the file in content/sources/ that holds its text, e.g. "{{.Document}}"
`,
		Next: map[string]string{
			"page": `A draft: fill in the front matter (between the +++ lines) and write below it; make serve shows it.
Remove the line draft = true to publish it.
`,
			"metric": `A draft: fill in {{if .English}}title_en, unit, unit_en{{else}}unit{{end}} and the figures ([[points]]), then run make check.
Remove the line draft = true to publish it.
`,
			"commitment": `A draft: fill in the agency, the deadline, the source and its verbatim quote, then run make check.
Remove the line draft = true to publish it.
`,
			"source": `Added the source "{{.ID}}" (a draft) to {{.Path}}, line {{.Line}}.
Save the document's text, exactly as published, as {{.Archive}} (a table: a .csv file),
then set document = "{{.Document}}"; make check prints the file's sha256 to record beside it.
Cite it in [[points]], [[targets]] or [[commitments]] with:
  source = "{{.ID}}"
  quote = "…the document's words, verbatim…"
Fill in publisher, date and kind, then remove the line draft = true to publish it.
`,
		},
	},
}

// fill executes one of the texts.
func fill(text string, data scaffoldData) (string, error) {
	t, err := template.New("").Funcs(template.FuncMap{
		// pad aligns the comment after a value of variable length.
		"pad": func(s string, width int) string { return strings.Repeat(" ", max(1, width-utf8.RuneCountInString(s))) },
	}).Parse(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = t.Execute(&b, data)
	return b.String(), err
}
