package graph_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// TestListTogether checks List called by many at once for a kind not read
// yet: every caller whose context holds gets the whole list, also when the
// caller whose read the others share has given up, and an ended context
// leaves nothing behind for the calls after it.
func TestListTogether(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{"memstore", "bbolt"} {
		t.Run(backend, func(t *testing.T) {
			cfg := graph.Config{Backend: backend}
			if backend == "bbolt" {
				cfg.Addr = t.TempDir()
			}
			s := openStore(t, cfg)
			var want []graph.ID
			for i := range 40 {
				name := fmt.Sprintf("Agency %02d", i)
				id := graph.EntityID(graph.KindAgency, name)
				want = append(want, id)
				af := graph.ArticleFacts{
					Article: graph.Article{ID: graph.ArticleID(fmt.Sprintf("u%d", i), ""), URL: fmt.Sprintf("u%d", i)},
					Nodes: []graph.Node{{ID: id, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: name}},
						Evidence: []graph.Evidence{{Sentence: name + " acted.", End: 10, Confidence: 1}}}},
				}
				if _, _, err := s.WriteArticle(ctx, af); err != nil {
					t.Fatal(err)
				}
			}
			slices.Sort(want)
			gone, cancel := context.WithCancel(ctx)
			cancel()
			if _, err := s.List(gone, graph.KindAgency); err == nil {
				t.Fatal("List with an ended context gave no error")
			}
			var wg sync.WaitGroup
			got := make([][]graph.ID, 16)
			errs := make([]error, 16)
			for i := range got {
				wg.Add(1)
				go func() {
					defer wg.Done()
					c := ctx
					if i%4 == 0 {
						c = gone // some callers give up; the others still get their answer
					}
					got[i], errs[i] = s.List(c, graph.KindAgency)
				}()
			}
			wg.Wait()
			for i := range got {
				if i%4 == 0 {
					continue
				}
				if errs[i] != nil || !slices.Equal(got[i], want) {
					t.Errorf("caller %d: %d IDs, %v; want the %d agencies", i, len(got[i]), errs[i], len(want))
				}
			}
		})
	}
}

// TestWarmLists checks that WarmLists leaves the lists of the kinds it is
// given kept, and no others, where the store keeps lists.
func TestWarmLists(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, graph.Config{Backend: "memstore"})
	for i := range 3 {
		name := fmt.Sprintf("Agency %d", i)
		af := graph.ArticleFacts{
			Article: graph.Article{ID: graph.ArticleID(fmt.Sprintf("w%d", i), ""), URL: fmt.Sprintf("w%d", i)},
			Nodes: []graph.Node{{ID: graph.EntityID(graph.KindAgency, name), Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: name}},
				Evidence: []graph.Evidence{{Sentence: name + " acted.", End: 10, Confidence: 1}}}},
		}
		if _, _, err := s.WriteArticle(ctx, af); err != nil {
			t.Fatal(err)
		}
	}
	graph.KeepNoKindLists(s)
	if _, ok := graph.KeptKindList(s, graph.KindAgency); ok {
		t.Fatal("a list kept after KeepNoKindLists")
	}
	if err := s.WarmLists(ctx, graph.KindAgency); err != nil {
		t.Fatal(err)
	}
	if n, ok := graph.KeptKindList(s, graph.KindAgency); !ok || n != 3 {
		t.Errorf("agencies kept: %d, %v; want 3, true", n, ok)
	}
	if _, ok := graph.KeptKindList(s, graph.KindOperation); ok {
		t.Error("operations kept though not warmed")
	}
}
