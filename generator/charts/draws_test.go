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

// TestDrawsAsCollect holds Draws, which answers without building a line, to
// collect, which builds them: over every series of the fixtures, alone and
// in pairs, with ranges before, around and after its periods and with each
// of its sub-series picked.
func TestDrawsAsCollect(t *testing.T) {
	d := fixtures(t)
	ranges := []Spec{{}, {From: year(2030)}, {To: year(1990)}, {From: year(2020), To: year(2022)}, {From: year(2023)}, {To: year(2021)}}
	n := 0
	for i, se := range d.Series {
		specs := []Spec{{Series: []*metrics.Series{se}}}
		if i > 0 {
			specs = append(specs, Spec{Series: []*metrics.Series{d.Series[i-1], se}})
		}
		for _, sub := range se.Subseries {
			specs = append(specs, Spec{Series: []*metrics.Series{se}, Subseries: []string{sub.ID}})
		}
		for _, base := range specs {
			for _, rng := range ranges {
				spec := base
				spec.ID, spec.From, spec.To = "c", rng.From, rng.To
				lines, _ := collect(spec, "")
				if got, want := Draws(spec), len(lines) > 0; got != want {
					t.Errorf("%s %v from %v to %v: Draws = %v, collect has %d lines", se.ID, spec.Subseries, spec.From, spec.To, got, len(lines))
				}
				if len(lines) > 0 {
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no spec of the fixtures draws anything: the test compares nothing")
	}
}
