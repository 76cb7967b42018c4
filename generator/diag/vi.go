package diag

// vi is the Vietnamese of every message, keyed by its English format. A
// translation has the English format's verbs (%s, %q, %d, %v…) in the same
// order; key names, file names and values stay as they are written in the
// files, between `backquotes` or "quotes". TestCatalog checks that every
// format in the code has an entry, that every entry is used, and the verbs.
//
// Terms, as the site uses them: source "nguồn", document "văn bản",
// archived document "bản lưu", series "chuỗi số liệu", point "số liệu",
// target "mục tiêu", commitment "nhiệm vụ", report (of a commitment)
// "báo cáo tình hình", quote "trích dẫn", period "kỳ", key "trường",
// hedge word "chữ rào đón", chart "biểu đồ", page "trang", file "tệp".
var vi = map[string]string{
	// cmd/tiendo and package diag
	"warning:":                              "cảnh báo:",
	"1 error":                               "1 lỗi",
	"%d errors":                             "%d lỗi",
	"1 warning":                             "1 cảnh báo",
	"%d warnings":                           "%d cảnh báo",
	"%s\n":                                  "%s\n",
	"%s, which --strict treats as errors\n": "%s; với --strict, cảnh báo được tính là lỗi\n",
	"%s and %s, which --strict treats as errors\n":                                                                               "%s và %s; với --strict, cảnh báo được tính là lỗi\n",
	"build failed; the previous output was left as it was\n":                                                                     "dựng trang không thành công; bản dựng trước đó được giữ nguyên\n",
	"1 number of the archived documents cited by nothing\n":                                                                      "1 con số trong bản lưu của các văn bản chưa được trích dẫn ở đâu\n",
	"%d numbers of the archived documents cited by nothing\n":                                                                    "%d con số trong bản lưu của các văn bản chưa được trích dẫn ở đâu\n",
	"ok: every number of the archived documents is cited or omitted with a reason\n":                                             "ok: mọi con số trong bản lưu của các văn bản đều đã được trích dẫn, hoặc được bỏ qua có nêu lý do\n",
	"ok: %d pages, %d series, %d points, %d targets, %d commitments, %d sources":                                                 "ok: %d trang, %d chuỗi số liệu, %d số liệu, %d mục tiêu, %d nhiệm vụ, %d nguồn",
	"; %d quotes verified in %s":                                                                                                 "; %d trích dẫn đã được đối chiếu với bản lưu trong %s",
	", %d not verified (their sources have no archived document)":                                                                ", %d trích dẫn chưa đối chiếu được (nguồn của chúng không có bản lưu)",
	"built %s in %v on %d cores: %d files (%d rendered, %d written, %d unchanged, %d deleted), %d pages, %d series, %d points\n": "đã dựng %s trong %v trên %d lõi: %d tệp (%d được kết xuất, %d được ghi, %d không đổi, %d bị xóa), %d trang, %d chuỗi số liệu, %d số liệu\n",
	"HTML pages: %d, %s, median %s gzipped; largest:\n":                                                                          "trang HTML: %d, %s, trung vị %s khi nén gzip; lớn nhất:\n",
	"  %-60s %8s %8s gzipped\n":                                                                                                  "  %-60s %8s %8s khi nén gzip\n",
	"%s: the pages show these problems until they are fixed\n":                                                                   "%s: các trang hiện những lỗi này cho đến khi chúng được sửa\n",
	"%s: built in %v: %d files rendered, %d written, %d deleted\n":                                                               "%s: đã dựng trong %v: %d tệp được kết xuất, %d được ghi, %d bị xóa\n",
	"serving %s on http://%s/ (Ctrl+C to stop)\n":                                                                                "đang chạy bản xem trước của %s tại http://%s/ (nhấn Ctrl+C để dừng)\n",
	"the site was not built: %v":                                                                                                 "chưa dựng được trang: %v",
	"tiendo serve: port %d is already in use (another tiendo serve, or another program): stop it, or choose another port, for example --port %d\n": "tiendo serve: cổng %d đang được dùng (bởi một tiendo serve khác, hoặc một chương trình khác): hãy dừng chương trình đó, hoặc chọn cổng khác, ví dụ --port %d\n",
}
