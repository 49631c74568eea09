package graph_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
)

func openStore(t testing.TB, cfg graph.Config) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%+v): %v", cfg, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMemstore(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		return openStore(t, graph.Config{Backend: "memstore"})
	})
}

func TestBolt(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		return openStore(t, graph.Config{Backend: "bbolt", Addr: t.TempDir()})
	})
}

func TestBoltInUse(t *testing.T) {
	dir := t.TempDir()
	openStore(t, graph.Config{Backend: "bbolt", Addr: dir})
	_, err := graph.Open(context.Background(), graph.Config{Backend: "bbolt", Addr: dir, OpenTimeout: 100 * time.Millisecond})
	if !errors.Is(err, graph.ErrInUse) {
		t.Fatalf("second open: err = %v, want ErrInUse", err)
	}
}

func TestBoltReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, graph.Config{Backend: "bbolt", Addr: dir})
	id := graph.EntityID(graph.KindAgency, "Europol")
	_, _, err := s.WriteArticle(context.Background(), graph.ArticleFacts{
		Article: graph.Article{ID: graph.ArticleID("u", ""), URL: "u"},
		Nodes: []graph.Node{{ID: id, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: "Europol"}},
			Evidence: []graph.Evidence{{Sentence: "Europol helped.", End: 15, Confidence: 1}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2 := openStore(t, graph.Config{Backend: "bbolt", Addr: dir})
	got, err := s2.Get(context.Background(), id)
	if err != nil || got[id] == nil || got[id].String(graph.PredName) != "Europol" {
		t.Fatalf("after reopen: %v, %v", got, err)
	}
}

func TestUnknownBackend(t *testing.T) {
	if _, err := graph.Open(context.Background(), graph.Config{Backend: "nosuch"}); !errors.Is(err, graph.ErrUnknownBackend) {
		t.Fatalf("err = %v, want ErrUnknownBackend", err)
	}
}

func TestSlug(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"spaces and case", "Metropolitan  Police", "metropolitan-police"},
		{"accents", "An Garda Síochána", "an-garda-siochana"},
		{"punctuation", "Sheriff's Office (LA)", "sheriff-s-office-la"},
		{"empty", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := graph.Slug(tc.in); got != tc.want {
				t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestUnnamedOperationID checks that an article's unnamed operation has
// an ID of its own, stable for the article and no named operation's.
func TestUnnamedOperationID(t *testing.T) {
	a, b := graph.ArticleID("https://example.org/a", ""), graph.ArticleID("https://example.org/b", "")
	id := graph.UnnamedOperationID(a)
	if id != graph.UnnamedOperationID(a) || id == graph.UnnamedOperationID(b) {
		t.Errorf("unnamed operations of two articles: %s, %s; want one per article, stable", id, graph.UnnamedOperationID(b))
	}
	if !graph.Unnamed(id) || !strings.HasPrefix(string(id), graph.KindOperation.IRIPrefix()) {
		t.Errorf("%s: Unnamed %v, want an operation's IRI that Unnamed reports", id, graph.Unnamed(id))
	}
	for _, name := range []string{"Unnamed", "unnamed/x", "Unnamed " + string(id)} {
		if named := graph.EntityID(graph.KindOperation, name); graph.Unnamed(named) {
			t.Errorf("the operation named %q (%s) reads as unnamed", name, named)
		}
	}
}

func TestPostgres(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		return openStore(t, graph.Config{Backend: "postgres", Addr: graphtest.Postgres(t)})
	})
}

// TestPostgresWithCayleyWrites mixes the store's own SQL with Cayley's
// ApplyDeltas on one database: each reads and deletes what the other wrote.
func TestPostgresWithCayleyWrites(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, graph.Config{Backend: "postgres", Addr: graphtest.Postgres(t)})
	id := graph.EntityID(graph.KindAgency, "Europol")
	af := graph.ArticleFacts{
		Article: graph.Article{ID: graph.ArticleID("u", ""), URL: "u"},
		Nodes: []graph.Node{{ID: id, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: "Europol"}},
			Evidence: []graph.Evidence{{Sentence: "Europol helped.", End: 15, Confidence: 1}}}},
	}
	if _, _, err := s.WriteArticle(ctx, af); err != nil {
		t.Fatal(err)
	}
	// Cayley adds a quad with new nodes and one with the store's nodes.
	extra := []quad.Quad{
		quad.Make(quad.IRI("opg:agency/x"), quad.IRI("opg:name"), quad.String("X\x00 with a NUL"), nil),
		quad.Make(quad.IRI(id), quad.IRI("opg:country"), quad.LangString{Value: "EU", Lang: "en"}, nil),
	}
	if err := graph.CayleyApply(s, extra, nil); err != nil {
		t.Fatal(err)
	}
	got, err := graph.SubjectQuads(ctx, s, "opg:agency/x")
	if err != nil || len(got) != 1 || got[0] != extra[0] {
		t.Errorf("store reads Cayley's quad as %v, %v; want %v", got, err, extra[0])
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("after Cayley's writes: %v", err)
	}
	// Cayley deletes everything the store wrote about the agency.
	mine, err := graph.SubjectQuads(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := graph.CayleyApply(s, nil, mine); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("after Cayley's deletes: %v", err)
	}
	// The store writes the article back, and deletes it.
	if _, _, err := s.WriteArticle(ctx, af); err != nil {
		t.Fatal(err)
	}
	if e, err := s.Get(ctx, id); err != nil || e[id] == nil || e[id].String(graph.PredName) != "Europol" {
		t.Fatalf("after rewriting: %v, %v", e, err)
	}
	if _, err := s.DeleteArticle(ctx, af.Article.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("after the store's delete: %v", err)
	}
	// Verify notices a reference count Cayley would not have kept.
	if err := graph.BreakRefs(ctx, s, quad.IRI("opg:name")); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err == nil {
		t.Error("Verify passed a store with a wrong reference count")
	}
}

// TestReferrersOfKindReadingTypes checks ReferrersOfKind answers alike
// from the list of a kind the store keeps, from what it kept itself and,
// where the store keeps no list, from the type links of the nodes it
// finds; and that a node's new type is seen.
func TestReferrersOfKindReadingTypes(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, graph.Config{Backend: "memstore"})
	op := graph.EntityID(graph.KindOperation, "Venetic")
	ev := []graph.Evidence{{Sentence: "Operation Venetic led to 746 arrests and the seizure of 2 tonnes of drugs.", Start: 0, End: 70, Confidence: 0.9}}
	art := graph.Article{ID: graph.ArticleID("https://example.org/venetic", ""), URL: "https://example.org/venetic", Title: "Venetic"}
	if _, _, err := s.WriteArticle(ctx, graph.ArticleFacts{Article: art, Nodes: []graph.Node{
		{ID: op, Kind: graph.KindOperation, Props: []graph.Prop{{Pred: graph.PredName, Value: "Venetic"}}, Evidence: ev},
		{ID: graph.FactID(graph.KindArrest, "746", string(op)), Kind: graph.KindArrest, Props: []graph.Prop{{Pred: graph.PredCount, Value: 746}, {Pred: graph.PredOperation, Value: op}}, Evidence: ev},
		{ID: graph.FactID(graph.KindSeizure, "2 t", string(op)), Kind: graph.KindSeizure, Props: []graph.Prop{{Pred: graph.PredCommodity, Value: "drugs"}, {Pred: graph.PredOperation, Value: op}}, Evidence: ev},
	}}); err != nil {
		t.Fatal(err)
	}
	read := func() map[graph.Kind]map[graph.ID][]graph.ID {
		out := map[graph.Kind]map[graph.ID][]graph.ID{}
		for _, k := range graph.Kinds() {
			got, err := s.ReferrersOfKind(ctx, graph.PredOperation, k, op, "opg:operation/none")
			if err != nil {
				t.Fatal(err)
			}
			out[k] = got
		}
		return out
	}
	for _, k := range graph.Kinds() {
		if _, err := s.List(ctx, k); err != nil { // kept: ReferrersOfKind searches them
			t.Fatal(err)
		}
	}
	kept := read()
	if len(kept[graph.KindArrest][op]) != 1 || len(kept[graph.KindSeizure][op]) != 1 || len(kept[graph.KindEvidence][op]) != 0 {
		t.Fatalf("from the kept lists: %v, want one arrest and one seizure", kept)
	}
	if again := read(); !reflect.DeepEqual(again, kept) {
		t.Errorf("read again (kept with the operation's quads): %v, want %v", again, kept)
	}
	graph.KeepNoKindLists(s)
	if byType := read(); !reflect.DeepEqual(byType, kept) {
		t.Errorf("from type links: %v, want what the kept lists gave: %v", byType, kept)
	}
	// A node's type changed and its link to the operation left alone:
	// what was kept for the operation is stale.
	arrest := kept[graph.KindArrest][op][0]
	typ := quad.IRI(graph.PredType)
	if err := graph.CayleyApply(s, []quad.Quad{quad.Make(quad.IRI(arrest), typ, quad.IRI("opg:kind/Seizure"), nil)},
		[]quad.Quad{quad.Make(quad.IRI(arrest), typ, quad.IRI("opg:kind/Arrest"), nil)}); err != nil {
		t.Fatal(err)
	}
	retyped := read()
	if len(retyped[graph.KindArrest][op]) != 0 || len(retyped[graph.KindSeizure][op]) != 2 {
		t.Errorf("after the arrest became a seizure: %v, want no arrest and two seizures", retyped)
	}
}
