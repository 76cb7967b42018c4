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
	"warning:": "cảnh báo:",
}
