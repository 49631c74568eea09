package graph_test

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
)

func TestParseValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want any
	}{
		{"12.5", 12.5}, {"-3", -3.0}, {"1e3", 1000.0}, {"+7", 7.0}, {".5", 0.5},
		{"NaN", "NaN"}, {"nan", "nan"}, {"Inf", "Inf"}, {"-Infinity", "-Infinity"},
		{"1e400", "1e400"}, {"0x1p3", "0x1p3"}, {"1_000", "1_000"}, {"", ""}, {".", "."}, {"1e", "1e"}, {"12 kilos", "12 kilos"},
	} {
		if got := graph.ParseValue(tc.in); got != tc.want {
			t.Errorf("ParseValue(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

// TestNonFiniteNumbersAreRefused checks NaN and the infinities never reach
// the store, by a correction or an article.
func TestNonFiniteNumbersAreRefused(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fact := graph.ID("opg:arrest/x")
	af := graph.ArticleFacts{Article: graph.Article{ID: "opg:article/x", URL: "https://test.example/x"},
		Nodes: []graph.Node{{ID: fact, Kind: graph.KindArrest, Props: []graph.Prop{{Pred: graph.PredCount, Value: 3.0}},
			Evidence: []graph.Evidence{{Sentence: "Three were arrested.", End: 20, Confidence: 0.9}}}}}
	if _, _, err := st.WriteArticle(ctx, af); err != nil {
		t.Fatal(err)
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := st.WriteChange(ctx, graph.Change{Action: graph.ActionCorrect, Target: fact, Field: graph.PredCount, Value: v, Reason: "r", By: "a", At: time.Now()})
		if !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("correction to %v: err = %v, want ErrInvalid", v, err)
		}
		bad := af
		bad.Nodes = []graph.Node{{ID: fact, Kind: graph.KindArrest, Props: []graph.Prop{{Pred: graph.PredCount, Value: v}}}}
		if _, _, err := st.WriteArticle(ctx, bad); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("article with a count of %v: err = %v, want ErrInvalid", v, err)
		}
	}
	got, err := st.Get(ctx, fact)
	if err != nil || got[fact] == nil {
		t.Fatalf("the fact after refused writes: %v %v", got, err)
	}
	if n, _ := got[fact].Float(graph.PredCount); n != 3 {
		t.Errorf("count = %v, want 3", n)
	}
}
