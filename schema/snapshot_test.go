package schema

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
)

// restartFixture is a store holding the seeds that servers start on one
// after another, as `serve` restarts: each reads the snapshots the last
// one left where they still hold, and builds where they do not.
type restartFixture struct {
	cfg   graph.Config
	store *graph.Store
	x     *extract.Extractor
}

func newRestartFixture(t *testing.T, cfg graph.Config) *restartFixture {
	t.Helper()
	f := newAddedFixture(t, cfg) // the seeds, and a first server (no snapshots) over them
	f.api.Close()
	return &restartFixture{cfg: cfg, store: f.store, x: f.x}
}

// reopen closes the store and opens it again, where it outlives the
// process (memstore does not: it stays open).
func (f *restartFixture) reopen(t *testing.T) {
	t.Helper()
	if f.cfg.Backend == "memstore" {
		return
	}
	f.store.Close()
	s, err := graph.Open(context.Background(), f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.store = s
	t.Cleanup(func() { s.Close() })
}

// start starts a server on the store and waits until its search index
// and aggregate table are there; with snapshots, it keeps them beside the
// store.
func (f *restartFixture) start(t *testing.T, snapshots bool) (*Server, *httptest.Server) {
	t.Helper()
	ingest := func(ctx context.Context, a Article) (graph.Written, error) {
		return writeArticle(ctx, f.store, f.x.Facts(source.Document{Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source, Text: a.Text}))
	}
	api, srv := testServer(t, f.store, func(c *ServerConfig) {
		c.Ingest, c.Curator = ingest, f.store
		if snapshots {
			c.Snapshots = f.store
		}
	})
	if err := api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	return api, srv
}

// loaded says how many of the server's first builds came from snapshots.
func loaded(api *Server) int {
	n := 0
	for _, c := range []func() int{api.b.search.loadedCount, api.b.aggs.loadedCount} {
		n += c()
	}
	return n
}

func (s *background[T]) loadedCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loaded
}

func (s *background[T]) savedCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saved
}

// TestRestartReadsSnapshots: a server that stops leaves its search index
// and aggregate table beside the store; the next one reads them back and
// answers as a server that built both from the whole store does. Where
// the store changed in between (an article or a curator's change written
// by another process), the next server builds them again; a curator's
// change through the server itself is saved with its rebuild.
func TestRestartReadsSnapshots(t *testing.T) {
	for _, b := range addedBackends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			f := newRestartFixture(t, b.cfg(t))
			docs := articlesToAdd(t)
			words := searchWords(docs)
			// check starts a server after a restart and compares its
			// answers with those of one that builds from the whole store.
			check := func(what string, wantLoaded int) (*Server, *httptest.Server) {
				t.Helper()
				f.reopen(t)
				api, srv := f.start(t, true)
				if got := loaded(api); got != wantLoaded {
					t.Errorf("%s: %d of the two read from snapshots, want %d", what, got, wantLoaded)
				}
				whole, wholeSrv := f.start(t, false)
				defer whole.Close()
				sameAnswers(t, answers(t, srv, words), answers(t, wholeSrv, words))
				return api, srv
			}

			// A first server builds both, takes articles in place, saves as it closes.
			api, srv := f.start(t, true)
			for _, doc := range docs[len(docs)-5:] {
				ingest(t, api, srv, doc)
			}
			if _, updated := api.b.aggs.counts(); updated == 0 {
				t.Fatal("no article taken into the table in place")
			}
			api.Close()
			if api.b.search.savedCount() == 0 || api.b.aggs.savedCount() == 0 {
				t.Fatalf("the first server saved %d search and %d aggregate snapshots", api.b.search.savedCount(), api.b.aggs.savedCount())
			}
			api, _ = check("after a restart", 2)
			api.Close()

			// An article written behind the servers' backs.
			if _, err := writeArticle(ctx, f.store, f.x.Facts(docs[0])); err != nil {
				t.Fatal(err)
			}
			api, srv = check("after an article written by another process", 0)

			// A retraction through the server: built again and saved.
			fact := topArrest(t, srv)
			if res := ask(t, srv, testToken, `mutation($id: ID!) { retractFact(id: $id, reason: "test") { id } }`, map[string]any{"id": fact}); len(res.Errors) > 0 {
				t.Fatal(res.Errors)
			}
			if err := api.WaitFresh(ctx); err != nil {
				t.Fatal(err)
			}
			api.Close()
			_, srv = check("after a retraction through the server", 2)
			if got := topArrest(t, srv); got == fact {
				t.Errorf("the retracted fact %s still counts after the restart", fact)
			}

			// A curator's change written behind the servers' backs.
			if _, err := f.store.WriteChange(ctx, graph.Change{Action: graph.ActionRetract, Target: graph.ID(topArrest(t, srv)),
				Reason: "test", By: "bob", At: time.Now()}); err != nil {
				t.Fatal(err)
			}
			check("after a retraction by another process", 0)
		})
	}
}

func ingest(t *testing.T, api *Server, srv *httptest.Server, doc source.Document) {
	t.Helper()
	res := ask(t, srv, testToken, `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"title": doc.Title, "url": doc.URL, "published": doc.Published, "source": doc.Source, "text": doc.Text}})
	if len(res.Errors) > 0 {
		t.Fatalf("ingest %s: %v", doc.Path, res.Errors)
	}
	if err := api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// topArrest is the first fact of the largest arrests by agency.
func topArrest(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	res := ask(t, srv, "", `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 1) { facts(first: 1) { id } } }`, nil)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	return res.Data["aggregate"].([]any)[0].(map[string]any)["facts"].([]any)[0].(map[string]any)["id"].(string)
}

// TestSnapshotRoundTrip: what is read back from a snapshot is what was
// saved, field by field, for both builds.
func TestSnapshotRoundTrip(t *testing.T) {
	f := newAddedFixture(t, graph.Config{Backend: "memstore"})
	for _, doc := range articlesToAdd(t) {
		f.ingest(t, doc)
	}
	ctx := context.Background()
	p, _ := f.api.b.search.peek()
	table, _ := f.api.b.aggs.peek()
	if len(table.same.into) == 0 {
		t.Fatal("no facts read as one: the table's duplicates go untested")
	}
	ps := &persistence[*postings]{store: f.store, name: "search", encode: encodePostings, decode: decodePostings}
	as := &persistence[*aggTable]{store: f.store, name: "aggregates", encode: encodeAggTable, decode: decodeAggTable}
	if err := ps.save(ctx, 1, p); err != nil {
		t.Fatal(err)
	}
	if err := as.save(ctx, 1, table); err != nil {
		t.Fatal(err)
	}
	p2, ok, err := ps.load(ctx, 1)
	if !ok || err != nil {
		t.Fatalf("search index: read back %v, %v", ok, err)
	}
	if !reflect.DeepEqual(p2, p) {
		t.Errorf("the search index read back differs from the one saved")
	}
	t2, ok, err := as.load(ctx, 1)
	if !ok || err != nil {
		t.Fatalf("aggregate table: read back %v, %v", ok, err)
	}
	// Printed, not DeepEqual: figures not stated are NaN, unequal to itself.
	flat := func(m map[graph.Kind]*rowList) map[graph.Kind][]aggRow {
		out := map[graph.Kind][]aggRow{}
		for k, l := range m {
			out[k] = l.slice()
		}
		return out
	}
	for what, pair := range map[string][2]any{"rows": {flat(t2.rows), flat(table.rows)}, "raw rows": {flat(t2.raw), flat(table.raw)}, "facts read as one": {t2.same, table.same}, "groups of figures": {t2.byKey, table.byKey}} {
		if got, want := fmt.Sprintf("%#v", pair[0]), fmt.Sprintf("%#v", pair[1]); got != want {
			t.Errorf("the aggregate table's %s read back differ from those saved:\n%.500s\n%.500s", what, got, want)
		}
	}
	// Another program's snapshot is not read.
	if _, ok, err := ps.load(ctx, 2); ok || err != nil {
		t.Errorf("a snapshot of another generation: read %v, err %v", ok, err)
	}
	if err := f.store.WriteSnapshot(ctx, "search", 3, func(w io.Writer) error {
		sw := &snapWriter{w: bufio.NewWriter(w)}
		sw.str("opgraph search")
		sw.uint(snapFormat)
		sw.bytes([]byte("another program"))
		return sw.finish()
	}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := ps.load(ctx, 3); ok || !errors.Is(err, errOtherProgram) {
		t.Errorf("another program's snapshot: read %v, err %v", ok, err)
	}
}

// TestHeldWrites: a build is stamped with a generation only when every
// write up to it is in, whatever order the updates in place come in; an
// update may add what it wrote without reading the store's nodes only
// where the build holds exactly the writes it says, none of the update's.
func TestHeldWrites(t *testing.T) {
	for _, tc := range []struct {
		name      string
		updates   [][]uint64
		wantGen   uint64
		wantSaved bool
		wantFresh []bool
	}{
		{"one write after another", [][]uint64{{11}, {12}}, 12, true, []bool{true, true}},
		{"heard out of order", [][]uint64{{12}, {11}}, 12, true, []bool{true, true}},
		{"a write not heard of", [][]uint64{{12}}, 10, false, []bool{true}},
		{"a write the build read already", [][]uint64{{9}, {11}}, 11, true, []bool{false, true}},
		{"heard twice", [][]uint64{{11}, {11}}, 11, true, []bool{true, false}},
		{"a batch of two writes", [][]uint64{{11, 12}}, 12, true, []bool{true}},
		{"writes not known", [][]uint64{{11}, nil}, 11, false, []bool{true, false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := heldWrites{gen: 10, known: true, exact: true}
			var fresh []bool
			for _, u := range tc.updates {
				fresh = append(fresh, h.fresh(u))
				h.take(u)
			}
			saved := h.known && len(h.ahead) == 0
			if h.gen != tc.wantGen || saved != tc.wantSaved || !reflect.DeepEqual(fresh, tc.wantFresh) {
				t.Errorf("after %v from 10: holds every write to %d, would save %v, fresh %v; want %d, %v, %v", tc.updates, h.gen, saved, fresh, tc.wantGen, tc.wantSaved, tc.wantFresh)
			}
		})
	}
	if (&heldWrites{gen: 10, known: true}).fresh([]uint64{11}) {
		t.Error("a build that read writes in part: an update of a later write counted fresh")
	}
}
