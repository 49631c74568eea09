package ingest

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
)

func TestBatchSize(t *testing.T) {
	cases := []struct {
		name  string
		quads int64
		want  int
	}{
		{"empty store", 0, 256},
		{"10k articles", 1_500_000, 256},
		{"just below", bigStore - 1, 256},
		{"big store", bigStore, 1024},
		{"100k articles", 16_000_000, 1024},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := batchSize(tc.quads); got != tc.want {
				t.Errorf("batchSize(%d) = %d, want %d", tc.quads, got, tc.want)
			}
		})
	}
}

// spoiler hands the store each batch with one article made invalid (its
// ID dropped), and notes the batches' sizes.
type spoiler struct {
	*graph.Store
	spoil   graph.ID
	mu      sync.Mutex
	batches []int
}

func (s *spoiler) WriteArticles(ctx context.Context, batch []graph.ArticleFacts) ([]graph.Written, error) {
	s.mu.Lock()
	s.batches = append(s.batches, len(batch))
	s.mu.Unlock()
	b := make([]graph.ArticleFacts, len(batch))
	copy(b, batch)
	for i := range b {
		if b[i].Article.ID == s.spoil {
			b[i].Article.ID = ""
		}
	}
	return s.Store.WriteArticles(ctx, b)
}

// TestBadArticleInALargeBatch: in the batches of a big store, one bad
// article fails alone: the others of its batch are stored, and a second
// load finds them unchanged.
func TestBadArticleInALargeBatch(t *testing.T) {
	ctx := context.Background()
	store := openBolt(t, t.TempDir())
	defer store.Close()
	x := newExtractor(t)
	var out, errOut bytes.Buffer
	// The article to spoil: the first of those the seeds hold.
	var first graph.ID
	{
		probe := openBolt(t, t.TempDir())
		defer probe.Close()
		if sum := Paths(ctx, probe, x, []string{"../../seeds"}, &out, &errOut); sum.Loaded < 2 {
			t.Fatalf("seeds: %v, want at least 2 loaded\n%s", sum, errOut.String())
		}
		ids, err := probe.List(ctx, graph.KindArticle)
		if err != nil || len(ids) < 2 {
			t.Fatalf("seeds' articles: %v, %v", ids, err)
		}
		first = ids[0]
	}
	load := func() Summary {
		out.Reset()
		errOut.Reset()
		probe := &spoiler{Store: store, spoil: first}
		l := &Loader{Store: probe, Extractor: x, Sources: &source.Sources{}, Workers: 2, StoredQuads: bigStore, Out: &out, ErrOut: &errOut}
		sum := l.Run(ctx, []string{"../../seeds"})
		for _, n := range probe.batches {
			if n > batchSize(bigStore) {
				t.Errorf("a batch of %d articles, want at most %d", n, batchSize(bigStore))
			}
		}
		return sum
	}
	sum := load()
	if sum.Failed != 1 || sum.Loaded < 1 {
		t.Fatalf("first load: %v, want 1 failed and the others loaded\n%s", sum, errOut.String())
	}
	stored, err := store.List(ctx, graph.KindArticle)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != sum.Loaded {
		t.Errorf("%d articles stored, want the %d loaded", len(stored), sum.Loaded)
	}
	for _, id := range stored {
		if id == first {
			t.Errorf("the spoilt article %s was stored", id)
		}
	}
	if again := load(); again != (Summary{Unchanged: sum.Loaded, NoFacts: sum.NoFacts, Failed: 1}) {
		t.Errorf("second load: %v, want %d unchanged and the spoilt one failed", again, sum.Loaded)
	}
}
