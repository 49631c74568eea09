package graph_test

import (
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// decimal is what ParseValue must read as a number: the differential twin
// of its hand-written check.
var decimal = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// FuzzParseValue checks ParseValue gives a finite number exactly for
// decimal numbers that fit a float64, and the text itself otherwise.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"12.5", "-3", "NaN", "Inf", "1e400", "0x1p3", "1_000", ".5", "5.", "1e", "+.e1", "\u0661"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := graph.ParseValue(s)
		v, err := strconv.ParseFloat(s, 64)
		want := decimal.MatchString(s) && err == nil && !math.IsInf(v, 0)
		switch g := got.(type) {
		case float64:
			if !want || g != v || math.IsNaN(g) || math.IsInf(g, 0) {
				t.Fatalf("ParseValue(%q) = %v, want the text", s, g)
			}
		case string:
			if want || g != s {
				t.Fatalf("ParseValue(%q) = %q, want %v", s, g, v)
			}
		default:
			t.Fatalf("ParseValue(%q) = %T", s, got)
		}
	})
}
