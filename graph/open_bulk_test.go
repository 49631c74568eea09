package graph_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// TestBoltBulkOpens: a bulk writer opens an empty Bolt store with Cayley's
// bloom filters and a stored one without; articles written across both
// opens, some of them again, make the store writing them all at once on
// memstore makes, and the ones written again change nothing.
func TestBoltBulkOpens(t *testing.T) {
	ctx := context.Background()
	articles := func(from, to int) []graph.ArticleFacts {
		var out []graph.ArticleFacts
		for i := from; i < to; i++ {
			out = append(out, benchArticle(i))
		}
		return out
	}
	write := func(s *graph.Store, batch []graph.ArticleFacts) []graph.Written {
		t.Helper()
		res, err := s.WriteArticles(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	dir := t.TempDir()
	first, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: dir, BulkWrites: true})
	if err != nil {
		t.Fatal(err)
	}
	write(first, articles(0, 10))
	first.Close()
	second := openStore(t, graph.Config{Backend: "bbolt", Addr: dir, BulkWrites: true})
	for i, w := range write(second, articles(5, 15)) {
		if again := i < 5; again && (w.Err != nil || w.Added+w.Removed != 0) {
			t.Errorf("%s written again: %+v, want no change", w.Article, w)
		} else if !again && (w.Err != nil || w.Added == 0) {
			t.Errorf("%s: %+v, want it added", w.Article, w)
		}
	}
	if err := second.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	mem := openStore(t, graph.Config{Backend: "memstore"})
	write(mem, articles(0, 15))
	if got, want := sortedNQuads(t, second), sortedNQuads(t, mem); got != want {
		t.Errorf("Bolt over two bulk opens holds %d lines, memstore %d; they differ", strings.Count(got, "\n"), strings.Count(want, "\n"))
	}
}

func sortedNQuads(t *testing.T, s *graph.Store) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.WriteNQuads(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
