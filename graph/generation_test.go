package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
)

// genBackends are the stores whose generation and snapshots are tested;
// reopen is nil where the store does not outlive its process (memstore).
var genBackends = []struct {
	name   string
	config func(t *testing.T) graph.Config
	reopen bool
}{
	{"memstore", func(t *testing.T) graph.Config { return graph.Config{Backend: "memstore"} }, false},
	{"bolt", func(t *testing.T) graph.Config { return graph.Config{Backend: "bbolt", Addr: t.TempDir()} }, true},
	{"postgres", func(t *testing.T) graph.Config { return graph.Config{Backend: "postgres", Addr: graphtest.Postgres(t)} }, true},
}

// smallArticle is an article stating one agency.
func smallArticle(url, agency string) graph.ArticleFacts {
	return graph.ArticleFacts{
		Article: graph.Article{ID: graph.ArticleID(url, ""), URL: url, Title: "About " + agency},
		Nodes: []graph.Node{{ID: graph.EntityID(graph.KindAgency, agency), Kind: graph.KindAgency,
			Props:    []graph.Prop{{Pred: graph.PredName, Value: agency}},
			Evidence: []graph.Evidence{{Sentence: agency + " helped.", End: 10, Confidence: 1}}}},
	}
}

// TestGenerationCountsWrites: every transaction that changes the store
// adds one to its generation (an article, a batch, a curator's change, a
// batch of a dump); reads and writes that change nothing add none; the
// generation outlives the process where the store does.
func TestGenerationCountsWrites(t *testing.T) {
	for _, b := range genBackends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			cfg := b.config(t)
			s, err := graph.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { s.Close() }()
			gen := func() uint64 {
				t.Helper()
				g, err := s.Generation(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return g
			}
			step := func(what string, want uint64, do func() error) {
				t.Helper()
				before := gen()
				if err := do(); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if got := gen(); got != before+want {
					t.Errorf("%s: generation %d -> %d, want +%d", what, before, got, want)
				}
			}
			a := smallArticle("https://gen.example/a", "Europol")
			step("an article", 1, func() error { _, _, err := s.WriteArticle(ctx, a); return err })
			step("the same article again", 0, func() error { _, _, err := s.WriteArticle(ctx, a); return err })
			step("reads", 0, func() error {
				if _, err := s.List(ctx, graph.KindAgency); err != nil {
					return err
				}
				_, err := s.Get(ctx, a.Article.ID)
				return err
			})
			var written []graph.Written
			step("a batch of three", 1, func() (err error) {
				written, err = s.WriteArticles(ctx, []graph.ArticleFacts{smallArticle("https://gen.example/b", "Interpol"),
					smallArticle("https://gen.example/c", "Eurojust"), a})
				return err
			})
			if g := gen(); written[0].Generation != g || written[1].Generation != g || written[2].Generation != 0 {
				t.Errorf("batch's generations %d %d %d, want %d %d 0 (the third changed nothing)", written[0].Generation, written[1].Generation, written[2].Generation, g, g)
			}
			step("a curator's change", 1, func() error {
				_, err := s.WriteChange(ctx, graph.Change{Action: graph.ActionRetract, Target: graph.EntityID(graph.KindAgency, "Interpol"),
					Reason: "test", By: "alice", At: time.Unix(1700000000, 0)})
				return err
			})
			// A dump of another store's article: one batch, one transaction.
			other, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			if _, _, err := other.WriteArticle(ctx, smallArticle("https://gen.example/d", "Frontex")); err != nil {
				t.Fatal(err)
			}
			var dump bytes.Buffer
			if _, err := other.WriteNQuads(ctx, &dump); err != nil {
				t.Fatal(err)
			}
			step("a dump", 1, func() error {
				_, err := s.ImportNQuads(ctx, "d.nq", bytes.NewReader(dump.Bytes()), graph.ImportOptions{})
				return err
			})
			if !b.reopen {
				return
			}
			last := gen()
			s.Close()
			if s, err = graph.Open(ctx, cfg); err != nil {
				t.Fatal(err)
			}
			if got := gen(); got != last {
				t.Errorf("after reopening: generation %d, want %d", got, last)
			}
		})
	}
}

// TestSnapshots: a snapshot is read back as written, only under the
// generation it was stamped with, and outlives the process where the
// store does; a damaged one is an error, not a snapshot.
func TestSnapshots(t *testing.T) {
	for _, b := range genBackends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			cfg := b.config(t)
			s, err := graph.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { s.Close() }()
			payload := bytes.Repeat([]byte("index "), 100000)
			put := func(gen uint64, data []byte) {
				t.Helper()
				if err := s.WriteSnapshot(ctx, "search", gen, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
					t.Fatal(err)
				}
			}
			get := func(gen uint64) ([]byte, bool, error) {
				var got []byte
				found, err := s.ReadSnapshot(ctx, "search", gen, func(r io.Reader) (err error) { got, err = io.ReadAll(r); return err })
				return got, found, err
			}
			if _, found, err := get(0); found || err != nil {
				t.Fatalf("before any snapshot: found %v, err %v", found, err)
			}
			put(7, []byte("old"))
			put(8, payload)
			for _, tc := range []struct {
				gen   uint64
				found bool
			}{{7, false}, {8, true}, {9, false}} {
				got, found, err := get(tc.gen)
				if err != nil || found != tc.found || found && !bytes.Equal(got, payload) {
					t.Errorf("read at generation %d: found %v (want %v), %d bytes, err %v", tc.gen, found, tc.found, len(got), err)
				}
			}
			// A reader that stops short of the end is told so.
			if _, err := s.ReadSnapshot(ctx, "search", 8, func(r io.Reader) error { _, err := r.Read(make([]byte, 10)); return err }); err == nil {
				t.Error("a snapshot read only in part: no error")
			}
			if err := s.WriteSnapshot(ctx, "../x", 1, func(io.Writer) error { return nil }); err == nil {
				t.Error("a snapshot named ../x: no error")
			}
			failed := fmt.Errorf("encoder failed")
			if err := s.WriteSnapshot(ctx, "search", 9, func(w io.Writer) error { w.Write([]byte("half")); return failed }); err == nil {
				t.Error("a failed write: no error")
			}
			if got, found, err := get(8); !found || err != nil || !bytes.Equal(got, payload) {
				t.Errorf("after a failed write: found %v, err %v: the snapshot before it is gone", found, err)
			}
			if !b.reopen {
				return
			}
			s.Close()
			if s, err = graph.Open(ctx, cfg); err != nil {
				t.Fatal(err)
			}
			if got, found, err := get(8); !found || err != nil || !bytes.Equal(got, payload) {
				t.Errorf("after reopening: found %v, %d bytes, err %v", found, len(got), err)
			}
			if b.name != "bolt" {
				return
			}
			// One byte of the payload changed on disk.
			file := filepath.Join(cfg.Addr, "search.snapshot")
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			data[len(data)/2] ^= 1
			if err := os.WriteFile(file, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, found, err := get(8); err == nil {
				t.Errorf("a damaged snapshot: found %v, no error", found)
			}
		})
	}
}

// TestWrittenSaysWhatNodesGained: a batch reports, per article, what it
// added to the nodes it states: everything of a node new to the store,
// only the new claims of one stored before, nothing of its evidence.
func TestWrittenSaysWhatNodesGained(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	europol := graph.EntityID(graph.KindAgency, "Europol")
	first := smallArticle("https://gen.example/1", "Europol")
	again := smallArticle("https://gen.example/2", "Europol")
	again.Nodes[0].Evidence[0].Claims = []graph.Prop{{Pred: graph.PredAlias, Value: "EU police agency"}}
	same := smallArticle("https://gen.example/3", "Europol")
	same.Nodes[0].Evidence[0].Claims = []graph.Prop{{Pred: graph.PredAlias, Value: "EU police agency"}}
	w, err := s.WriteArticles(ctx, []graph.ArticleFacts{first, again, same})
	if err != nil {
		t.Fatal(err)
	}
	show := func(ps []graph.Prop) string {
		var out []string
		for _, p := range ps {
			out = append(out, fmt.Sprintf("%s=%v", p.Pred, p.Value))
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	for i, want := range []map[graph.ID]string{
		{europol: "opg:name=Europol rdf:type=opg:kind/Agency", first.Article.ID: "opg:headline=About Europol opg:url=https://gen.example/1 rdf:type=opg:kind/Article"},
		{europol: "opg:alias=EU police agency", again.Article.ID: "opg:headline=About Europol opg:url=https://gen.example/2 rdf:type=opg:kind/Article"},
		{same.Article.ID: "opg:headline=About Europol opg:url=https://gen.example/3 rdf:type=opg:kind/Article"},
	} {
		if w[i].Article != []graph.ID{first.Article.ID, again.Article.ID, same.Article.ID}[i] {
			t.Errorf("article %d: Written names %s", i, w[i].Article)
		}
		got := map[graph.ID]string{}
		for id, ps := range w[i].Gained {
			got[id] = show(ps)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("article %d gained %v, want %v", i, got, want)
		}
	}
}
