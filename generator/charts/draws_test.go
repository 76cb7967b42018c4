package charts

import (
	"testing"

	"github.com/tiendo/tiendo/generator/metrics"
)

// TestDraws checks that Draws says in advance what Option finds: whether
// a spec has anything to draw.
func TestDraws(t *testing.T) {
	d := fixtures(t)
	for _, tt := range []struct {
		name string
		spec Spec
		want bool
	}{
		{"a series", Spec{ID: "c", Series: series(t, d, "egdi-rank")}, true},
		{"two series", Spec{ID: "c", Series: series(t, d, "ecommerce-revenue", "digital-product-exports")}, true},
		{"nothing in range", Spec{ID: "c", Series: series(t, d, "egdi-rank"), From: year(2030)}, false},
		{"nothing until to", Spec{ID: "c", Series: series(t, d, "egdi-rank"), To: year(1990)}, false},
		{"no points", Spec{ID: "c", Series: []*metrics.Series{{ID: "empty", Kind: metrics.Amount}}}, false},
		{"nil series", Spec{ID: "c", Series: []*metrics.Series{nil}}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Draws(tt.spec); got != tt.want {
				t.Errorf("Draws = %v, want %v", got, tt.want)
			}
			if tt.want {
				if _, err := Option(tt.spec, vi); err != nil {
					t.Errorf("Draws, but Option fails: %v", err)
				}
			}
		})
	}
}
