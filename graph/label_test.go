package graph_test

import (
	"testing"

	"github.com/opgraph/opgraph/graph"
)

func TestLabel(t *testing.T) {
	ent := func(k graph.Kind, props map[graph.Predicate]any) *graph.Entity {
		e := &graph.Entity{ID: "opg:x/1", Kind: k, Props: map[graph.Predicate][]any{}}
		for p, v := range props {
			e.Props[p] = []any{v}
		}
		return e
	}
	for _, tc := range []struct {
		name string
		e    *graph.Entity
		want string
	}{
		{"exact count", ent(graph.KindArrest, map[graph.Predicate]any{graph.PredCount: 746.0, graph.PredQualifier: "exact"}), "746 arrests"},
		{"one", ent(graph.KindArrest, map[graph.Predicate]any{graph.PredCount: 1.0}), "1 arrest"},
		{"qualified count", ent(graph.KindArrest, map[graph.Predicate]any{graph.PredCount: 800.0, graph.PredQualifier: "more than"}), "more than 800 arrests"},
		{"no count", ent(graph.KindArrest, nil), "arrests"},
		{"mass", ent(graph.KindSeizure, map[graph.Predicate]any{graph.PredQuantity: 5.7, graph.PredUnit: "tonne", graph.PredCommodity: "drugs", graph.PredSubtype: "cocaine", graph.PredQualifier: "exact"}), "5.7 tonne cocaine"},
		{"amount", ent(graph.KindSeizure, map[graph.Predicate]any{graph.PredAmount: 13300000.0, graph.PredCurrency: "GBP", graph.PredCommodity: "cash", graph.PredAmountQualifier: "about"}), "about GBP 13300000 cash"},
		{"bare seizure", ent(graph.KindSeizure, map[graph.Predicate]any{graph.PredCommodity: "firearms"}), "seizure firearms"},
		{"agency", ent(graph.KindAgency, map[graph.Predicate]any{graph.PredName: "Europol"}), "Europol"},
		{"article", ent(graph.KindArticle, map[graph.Predicate]any{graph.PredHeadline: "Twelve held"}), "Twelve held"},
		{"nothing", ent(graph.KindPlace, nil), "opg:x/1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := graph.Label(tc.e); got != tc.want {
				t.Errorf("Label(%v) = %q, want %q", tc.e.Props, got, tc.want)
			}
		})
	}
}
