package markdown

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đề án 06 — kết quả", "de-an-06-ket-qua"},
		{"Chuyển đổi số quốc gia", "chuyen-doi-so-quoc-gia"},
		{"Thủ tướng: Phát huy vai trò", "thu-tuong-phat-huy-vai-tro"},
		{"ĐỒNG BẰNG SÔNG CỬU LONG", "dong-bang-song-cuu-long"},
		{"Ưu tiên ơn huệ, Ý kiến, Ỹ", "uu-tien-on-hue-y-kien-y"},
		{"Q1/2024 (ước tính)", "q1-2024-uoc-tinh"},
		{"  --Hello,   World!--  ", "hello-world"},
		{"egdi-rank", "egdi-rank"},
		{"Ngày 10/7/2024", "ngay-10-7-2024"},
		{norm.NFD.String("Chuyển đổi số"), "chuyen-doi-so"}, // decomposed input
		{"Café naïve", "cafe-naive"},
		{"中文 标题", ""},
		{"—", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDsGenerate(t *testing.T) {
	var ids headingIDs
	ids.Put([]byte("ket-qua-1")) // an explicit id seen earlier
	var got []string
	for _, s := range []string{"Kết quả", "Kết quả", "Kết quả", "Kết quả-1", "", "中文"} {
		got = append(got, string(ids.Generate([]byte(s), 0)))
	}
	want := []string{"ket-qua", "ket-qua-2", "ket-qua-3", "ket-qua-1-1", "section", "section-1"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ids = %q, want %q", got, want)
		}
	}
}
