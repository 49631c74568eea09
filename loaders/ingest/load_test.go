package ingest

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
)

var _ Writer = (*graph.Store)(nil)

const sharedDev = "../../../shared/corpus/dev"

func openBolt(t *testing.T, dir string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newExtractor builds the extractor the tests load with.
func newExtractor(t *testing.T) *extract.Extractor {
	t.Helper()
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestLoadTwiceLeavesCountsUnchanged: a second load of the same folder
// reports every article unchanged, stores nothing and leaves the graph's
// counts as they were.
func TestLoadTwiceLeavesCountsUnchanged(t *testing.T) {
	cases := []struct {
		name, dir string
		min       int // articles the first load must store
	}{
		{"seeds", "../../seeds", 6},
		{"dev corpus", sharedDev, 12},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.dir); err != nil {
				t.Skipf("skipping: no folder at %s", tc.dir)
			}
			ctx := context.Background()
			store := openBolt(t, t.TempDir())
			defer store.Close()
			x := newExtractor(t)
			var out, errOut bytes.Buffer
			first := Paths(ctx, store, x, []string{tc.dir}, &out, &errOut)
			if first.Loaded < tc.min || first.Failed != 0 {
				t.Fatalf("first load: %v, want at least %d loaded\n%s", first, tc.min, errOut.String())
			}
			before, err := store.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			out.Reset()
			second := Paths(ctx, store, x, []string{tc.dir}, &out, &errOut)
			if want := (Summary{Unchanged: first.Loaded, NoFacts: first.NoFacts}); second != want {
				t.Errorf("second load: %v, want %v", second, want)
			}
			if strings.Contains(out.String(), "loaded ") {
				t.Errorf("second load stored something:\n%s", out.String())
			}
			after, err := store.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(before, after) {
				t.Errorf("counts changed: before %+v after %+v", before, after)
			}
		})
	}
}
