package build_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/build"
)

// commitmentsFixture adds to the fixture's one commitment three more of
// other agencies, deadlines and statuses (the quote is the real one).
func commitmentsFixture(t *testing.T) fstest.MapFS {
	fsys := fixture(t)
	quote := `quote = "hoàn thành lý lịch tư pháp, sổ sức khỏe điện tử, giấy khai sinh, kết hôn... để người dân trên cả nước được sử dụng, thụ hưởng, hoàn thành trước 31/12/2024"`
	task := func(id, agency, agencyEn, due string, more ...string) string {
		return strings.Join(append([]string{"[[commitments]]", `id = "` + id + `"`, `agency = "` + agency + `"`, `agency_en = "` + agencyEn + `"`,
			`task = "Nhiệm vụ ` + id + `."`, `task_en = "Task ` + id + `."`, due, `source = "thuong-truc-2024-07"`, quote, "checked = 2025-02-06"}, more...), "\n") + "\n\n"
	}
	fsys["content/commitments/more.toml"] = &fstest.MapFile{Data: []byte(
		task("t-open", "Bộ Y tế", "Ministry of Health", `due = "2025-H2"`, `partners = ["Bộ Công an"]`, `partners_en = ["Ministry of Public Security"]`) +
			task("t-event", "Bộ Tư pháp", "Ministry of Justice", `due_event = "thường xuyên"`, `due_event_en = "ongoing"`) +
			task("t-done", "Bộ Y tế", "Ministry of Health", `due = "2024-12"`,
				"", "[[commitments.reports]]", `status = "done"`, `source = "phien-hop-10-2025-02"`,
				`quote = "Thủ tướng giao Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng, Bộ Thông tin và Truyền thông tăng cường phối hợp"`))}
	return fsys
}

// The commitments page counts its tasks by status at the top, lists them in
// one group per status, and indexes them by agency (lead and partner) and
// by deadline with links to their rows: all without JavaScript.
func TestCommitmentsPage(t *testing.T) {
	out := render(t, commitmentsFixture(t), build.Options{})
	h := string(out["commitments/index.html"])
	rows := regexp.MustCompile(`<tr id="c-([^"]+)"`).FindAllStringSubmatch(h, -1)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	ids := map[string]bool{}
	for _, m := range rows {
		ids[m[1]] = true
	}
	// Counts by status, each linking its group, whose heading has the count.
	counts := regexp.MustCompile(`<li><a href="#(st-[a-z-]+)"><span class="badge cst-[a-z-]+">([^<]+)</span> <span class="n">(\d+)</span></a></li>`).FindAllStringSubmatch(h, -1)
	var got []string
	total := 0
	for _, m := range counts {
		got = append(got, m[1]+"="+m[3])
		n, _ := strconv.Atoi(m[3])
		total += n
		if !strings.Contains(h, `<h2 id="h-`+m[1]+`">`+m[2]+` <span class="count">`+m[3]+`</span></h2>`) {
			t.Errorf("no group %s headed %q with %s tasks", m[1], m[2], m[3])
		}
	}
	if s := strings.Join(got, " "); s != "st-passed=1 st-open=1 st-event=1 st-done=1" || total != 4 {
		t.Errorf("counts by status: %s", s)
	}
	// The agency index: Bộ Công an leads one task and takes part in another.
	i := strings.Index(h, `<li id="ag-bo-cong-an">`)
	if i < 0 {
		t.Fatal("no agency index entry for Bộ Công an")
	}
	entry := h[i : i+strings.Index(h[i:], "</ul></li>")]
	if !strings.Contains(entry, `(2)`) || !strings.Contains(entry, `href="#c-t-open"`) || !strings.Contains(entry, "(phối hợp)") {
		t.Errorf("Bộ Công an's entry: %s", entry)
	}
	// Index entries are alphabetical in Vietnamese: Bộ Công an, Bộ Tư pháp, Bộ Y tế.
	agencies := regexp.MustCompile(`<li id="ag-[^"]+"><span class="c-index-name">([^<]+)</span>`).FindAllStringSubmatch(h, -1)
	var names []string
	for _, m := range agencies {
		names = append(names, m[1])
	}
	if s := strings.Join(names, ", "); s != "Bộ Công an, Bộ Tư pháp, Bộ Y tế" {
		t.Errorf("agency index: %s", s)
	}
	// The deadline index, in deadline order, events last.
	dues := regexp.MustCompile(`<li id="(due-[^"]+)"><span class="c-index-name">([^<]+)</span>`).FindAllStringSubmatch(h, -1)
	names = names[:0]
	for _, m := range dues {
		names = append(names, m[2])
	}
	if s := strings.Join(names, "; "); s != "Đến hết tháng 12/2024; Ngày 31/12/2024; Đến hết 6 tháng cuối năm 2025; Thường xuyên" {
		t.Errorf("deadline index: %s", s)
	}
	// Every index link leads to a row.
	for _, m := range regexp.MustCompile(`href="#c-([^"]+)"`).FindAllStringSubmatch(h, -1) {
		if !ids[m[1]] {
			t.Errorf("an index links #c-%s, which is no row", m[1])
		}
	}
	// The filter's rows know their index entries.
	if !strings.Contains(h, `<tr id="c-t-open" class="st-open" data-agencies="ag-bo-cong-an ag-bo-y-te" data-due="due-den-het-6-thang-cuoi-nam-2025">`) {
		t.Error("the row of t-open does not name its agencies and deadline for the filter")
	}
	en := string(out["en/commitments/index.html"])
	if !strings.Contains(en, `<span class="c-index-name">Ministry of Health</span> <span class="count">(2)</span>`) ||
		!strings.Contains(en, "By deadline (4)") {
		t.Error("the English page's indexes are not in English")
	}
}
