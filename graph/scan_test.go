package graph_test

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/opgraph/opgraph/graph"
)

// TestEachQuadBatched checks Bolt's batched scan (values named a batch at
// a time, names kept between batches) against memstore's quad-by-quad one
// on the same articles: the same quads, whether names are kept or
// forgotten at every batch.
func TestEachQuadBatched(t *testing.T) {
	ctx := context.Background()
	dump := func(s *graph.Store) []string {
		var out []string
		if err := s.EachQuad(ctx, func(q quad.Quad) error {
			out = append(out, q.String())
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		sort.Strings(out)
		return out
	}
	mem := openStore(t, graph.Config{Backend: "memstore"})
	bolt := openStore(t, graph.Config{Backend: "bbolt", Addr: t.TempDir()})
	for i := range 40 { // about 5,600 quads: several batches of 1,024
		for _, s := range []*graph.Store{mem, bolt} {
			if _, _, err := s.WriteArticle(ctx, benchArticle(i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := dump(mem)
	if len(want) < 3000 {
		t.Fatalf("only %d quads: too few for several batches", len(want))
	}
	for _, tc := range []struct {
		name     string
		maxNames int
	}{{"names kept", 1 << 16}, {"names forgotten every batch", 1}} {
		t.Run(tc.name, func(t *testing.T) {
			defer graph.SetMaxNames(tc.maxNames)()
			if got := dump(bolt); !reflect.DeepEqual(got, want) {
				t.Errorf("Bolt's scan gave %d quads, memstore's %d; first Bolt quads %v", len(got), len(want), got[:min(3, len(got))])
			}
		})
	}
}
