// Package graphtest is the store conformance suite: every backend opgraph
// supports must pass Run.
package graphtest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/opgraph/opgraph/graph"
)

// Opener opens a fresh, empty store for one test.
type Opener func(t *testing.T) *graph.Store

// Run runs the conformance suite against the stores open makes.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s *graph.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"SameArticleTwiceIsNoOp", testIdempotent},
		{"SameFactTwoArticles", testSameFactTwoArticles},
		{"ReloadReplacesOnlyItsFacts", testReload},
		{"SharedClaimOutlivesOneArticle", testSharedClaim},
		{"BatchEqualsOneByOne", testBatch},
		{"DeleteArticle", testDelete},
		{"ConcurrentWrites", testConcurrentWrites},
		{"CancelledContext", testCancelled},
		{"InvalidFacts", testInvalid},
		{"GetSharedNodes", testGetShared},
		{"ReferrersOfKind", testReferrersOfKind},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			tc.fn(t, s)
			// What the store wrote and read, Cayley's own iterators read alike.
			if err := s.Verify(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	t.Run("CopyTo", func(t *testing.T) { testCopy(t, open) })
}

var (
	nca     = graph.EntityID(graph.KindAgency, "National Crime Agency")
	met     = graph.EntityID(graph.KindAgency, "Metropolitan Police")
	eternal = graph.EntityID(graph.KindOperation, "Eternal")
)

// article builds a small article: the Met ran Eternal and made `count` arrests.
func article(url string, count int, metAlias string) graph.ArticleFacts {
	art := graph.ArticleID(url, "")
	ev := func(start int, claims ...graph.Prop) []graph.Evidence {
		return []graph.Evidence{{Sentence: "sentence from " + url, Start: start, End: start + 10, Confidence: 0.9, Claims: claims}}
	}
	rel := graph.RelationID(graph.RelOperationAgency, eternal, met)
	arrest := graph.FactID(graph.KindArrest, fmt.Sprint(count), string(met), string(eternal))
	return graph.ArticleFacts{
		Article: graph.Article{ID: art, Title: "About " + url, URL: url, Published: "2020-07-02"},
		Nodes: []graph.Node{
			{ID: met, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: "Metropolitan Police"}},
				Evidence: ev(0, graph.Prop{Pred: graph.PredAlias, Value: metAlias})},
			{ID: eternal, Kind: graph.KindOperation, Props: []graph.Prop{{Pred: graph.PredName, Value: "Eternal"}}, Evidence: ev(20)},
			{ID: rel, Kind: graph.KindRelation, Props: []graph.Prop{
				{Pred: graph.PredRel, Value: graph.RelOperationAgency}, {Pred: graph.PredFrom, Value: eternal}, {Pred: graph.PredTo, Value: met}},
				Evidence: ev(20)},
			{ID: arrest, Kind: graph.KindArrest, Props: []graph.Prop{
				{Pred: graph.PredCount, Value: count}, {Pred: graph.PredQualifier, Value: "exact"},
				{Pred: graph.PredAgency, Value: met}, {Pred: graph.PredOperation, Value: eternal}},
				Evidence: ev(40)},
		},
	}
}

func write(t *testing.T, s *graph.Store, af graph.ArticleFacts) (int, int) {
	t.Helper()
	added, removed, err := s.WriteArticle(context.Background(), af)
	if err != nil {
		t.Fatalf("WriteArticle(%s): %v", af.Article.URL, err)
	}
	return added, removed
}

func list(t *testing.T, s *graph.Store, k graph.Kind) []graph.ID {
	t.Helper()
	ids, err := s.List(context.Background(), k)
	if err != nil {
		t.Fatalf("List(%s): %v", k, err)
	}
	return ids
}

func get(t *testing.T, s *graph.Store, id graph.ID) *graph.Entity {
	t.Helper()
	got, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return got[id]
}

func evidence(t *testing.T, s *graph.Store, id graph.ID) []graph.ID {
	t.Helper()
	refs, err := s.Referrers(context.Background(), graph.PredSupports, id)
	if err != nil {
		t.Fatalf("Referrers(%s): %v", id, err)
	}
	return refs[id]
}

func stats(t *testing.T, s *graph.Store) graph.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testRoundTrip(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	if empty, err := s.Empty(ctx); err != nil || !empty {
		t.Fatalf("a new store: Empty = %v, %v; want true", empty, err)
	}
	af := article("https://example.org/a", 132, "Met")
	if added, _ := write(t, s, af); added == 0 {
		t.Fatal("first write added no quads")
	}
	if empty, err := s.Empty(ctx); err != nil || empty {
		t.Errorf("after a write: Empty = %v, %v; want false", empty, err)
	}
	if got := list(t, s, graph.KindAgency); !reflect.DeepEqual(got, []graph.ID{met}) {
		t.Errorf("agencies = %v, want [%s]", got, met)
	}
	m := get(t, s, met)
	if m == nil || m.Kind != graph.KindAgency || m.String(graph.PredName) != "Metropolitan Police" {
		t.Fatalf("Get(met) = %+v", m)
	}
	if got := m.Strings(graph.PredAlias); !reflect.DeepEqual(got, []string{"Met"}) {
		t.Errorf("met aliases = %v, want [Met]", got)
	}
	arrests := list(t, s, graph.KindArrest)
	if len(arrests) != 1 {
		t.Fatalf("arrests = %v, want one", arrests)
	}
	a := get(t, s, arrests[0])
	if n, ok := a.Float(graph.PredCount); !ok || n != 132 {
		t.Errorf("arrest count = %v %v, want 132", n, ok)
	}
	if a.Link(graph.PredAgency) != met || a.Link(graph.PredOperation) != eternal {
		t.Errorf("arrest links = %v", a.Props)
	}
	evs := evidence(t, s, arrests[0])
	if len(evs) != 1 {
		t.Fatalf("arrest evidence = %v, want one", evs)
	}
	e := get(t, s, evs[0])
	if e.String(graph.PredSentence) != "sentence from https://example.org/a" || e.Link(graph.PredArticle) != af.Article.ID {
		t.Errorf("evidence = %+v", e.Props)
	}
	if start, _ := e.Float(graph.PredStart); start != 40 {
		t.Errorf("evidence start = %v, want 40", start)
	}
	art := get(t, s, af.Article.ID)
	if art == nil || art.String(graph.PredHeadline) != "About https://example.org/a" {
		t.Errorf("article = %+v", art)
	}
	rels, err := s.Referrers(context.Background(), graph.PredFrom, eternal)
	if err != nil || len(rels[eternal]) != 1 {
		t.Fatalf("relations from eternal = %v, %v", rels, err)
	}
	if got, err := s.Get(context.Background(), "opg:agency/nothing"); err != nil || len(got) != 0 {
		t.Errorf("Get(missing) = %v, %v; want empty", got, err)
	}
}

func testIdempotent(t *testing.T, s *graph.Store) {
	af := article("https://example.org/a", 132, "Met")
	write(t, s, af)
	before := stats(t, s)
	added, removed := write(t, s, af)
	if added != 0 || removed != 0 {
		t.Errorf("second write: added %d removed %d, want 0 0", added, removed)
	}
	if after := stats(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("stats changed: before %+v after %+v", before, after)
	}
}

func testSameFactTwoArticles(t *testing.T, s *graph.Store) {
	write(t, s, article("https://example.org/a", 132, "Met"))
	write(t, s, article("https://example.org/b", 132, "Scotland Yard"))
	if got := list(t, s, graph.KindArrest); len(got) != 1 {
		t.Fatalf("arrests = %v, want one fact", got)
	}
	arrest := list(t, s, graph.KindArrest)[0]
	if evs := evidence(t, s, arrest); len(evs) != 2 {
		t.Errorf("evidence of the arrest = %v, want two", evs)
	}
	if got := get(t, s, met).Strings(graph.PredAlias); !reflect.DeepEqual(got, []string{"Met", "Scotland Yard"}) {
		t.Errorf("aliases = %v, want both articles' aliases", got)
	}
	if got := list(t, s, graph.KindArticle); len(got) != 2 {
		t.Errorf("articles = %v, want two", got)
	}
}

func testReload(t *testing.T, s *graph.Store) {
	write(t, s, article("https://example.org/a", 132, "Met"))
	write(t, s, article("https://example.org/b", 132, "Scotland Yard"))
	// A corrected version of a: the figure and the alias change.
	write(t, s, article("https://example.org/a", 171, "Met Police"))
	arrests := list(t, s, graph.KindArrest)
	if len(arrests) != 2 {
		t.Fatalf("arrests = %v, want 132 (from b) and 171 (from a)", arrests)
	}
	counts := map[float64]int{}
	for _, id := range arrests {
		n, _ := get(t, s, id).Float(graph.PredCount)
		counts[n] = len(evidence(t, s, id))
	}
	if !reflect.DeepEqual(counts, map[float64]int{132: 1, 171: 1}) {
		t.Errorf("arrest count -> evidence = %v, want 132:1 171:1", counts)
	}
	if got := get(t, s, met).Strings(graph.PredAlias); !reflect.DeepEqual(got, []string{"Met Police", "Scotland Yard"}) {
		t.Errorf("aliases = %v, want the old alias of a gone", got)
	}
	// b alone replaced by an article with no facts: its arrest goes, a's stays.
	write(t, s, graph.ArticleFacts{Article: graph.Article{ID: graph.ArticleID("https://example.org/b", ""), URL: "https://example.org/b"}})
	if arrests := list(t, s, graph.KindArrest); len(arrests) != 1 {
		t.Errorf("after emptying b: arrests = %v, want one", arrests)
	}
	if got := get(t, s, met).Strings(graph.PredAlias); !reflect.DeepEqual(got, []string{"Met Police"}) {
		t.Errorf("after emptying b: aliases = %v", got)
	}
}

func testDelete(t *testing.T, s *graph.Store) {
	af := article("https://example.org/a", 132, "Met")
	write(t, s, af)
	if _, err := s.DeleteArticle(context.Background(), af.Article.ID); err != nil {
		t.Fatal(err)
	}
	st := stats(t, s)
	for k, n := range st.Nodes {
		if n != 0 {
			t.Errorf("after delete: %d nodes of kind %s", n, k)
		}
	}
	if st.Quads != 0 {
		t.Errorf("after delete: %d quads left", st.Quads)
	}
}

func testConcurrentWrites(t *testing.T, s *graph.Store) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := s.WriteArticle(context.Background(), article(fmt.Sprintf("https://example.org/%d", i), 100+i, "Met"))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := list(t, s, graph.KindArrest); len(got) != 8 {
		t.Errorf("arrests = %d, want 8", len(got))
	}
}

func testCancelled(t *testing.T, s *graph.Store) {
	write(t, s, article("https://example.org/a", 132, "Met"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.List(ctx, graph.KindAgency); !errors.Is(err, context.Canceled) {
		t.Errorf("List with a cancelled context: err = %v, want context.Canceled", err)
	}
	if _, _, err := s.WriteArticle(ctx, article("https://example.org/b", 7, "Met")); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteArticle with a cancelled context: err = %v, want context.Canceled", err)
	}
	if got := list(t, s, graph.KindArticle); len(got) != 1 {
		t.Errorf("articles after a cancelled write = %v, want one", got)
	}
}

func testInvalid(t *testing.T, s *graph.Store) {
	cases := []struct {
		name string
		af   graph.ArticleFacts
	}{
		{"no article ID", graph.ArticleFacts{}},
		{"node without kind", graph.ArticleFacts{Article: graph.Article{ID: "opg:article/x"}, Nodes: []graph.Node{{ID: "opg:x"}}}},
		{"bad value", graph.ArticleFacts{Article: graph.Article{ID: "opg:article/x"}, Nodes: []graph.Node{
			{ID: "opg:x", Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: []int{1}}}}}}},
	}
	for _, tc := range cases {
		if _, _, err := s.WriteArticle(context.Background(), tc.af); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", tc.name, err)
		}
	}
}

// testCopy copies a graph into a second store, checks it answers the same,
// reads back through Cayley, and takes further writes.
func testCopy(t *testing.T, open Opener) {
	ctx := context.Background()
	src, dst := open(t), open(t)
	write(t, src, article("https://example.org/a", 132, "Met"))
	write(t, src, article("https://example.org/b", 132, "Scotland Yard"))
	n, err := src.CopyTo(ctx, dst)
	if err != nil {
		t.Fatalf("CopyTo: %v", err)
	}
	want := stats(t, src)
	if got := stats(t, dst); n != want.Quads || !reflect.DeepEqual(got, want) {
		t.Errorf("copied %d quads; stats of the copy = %+v, want %+v", n, got, want)
	}
	for _, k := range graph.Kinds() {
		ids := list(t, src, k)
		if got := list(t, dst, k); !reflect.DeepEqual(got, ids) {
			t.Errorf("List(%s) on the copy = %v, want %v", k, got, ids)
		}
		a, err := src.Get(ctx, ids...)
		if err != nil {
			t.Fatal(err)
		}
		b, err := dst.Get(ctx, ids...)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(sortProps(a), sortProps(b)) {
			t.Errorf("Get(%s...) differs on the copy", k)
		}
	}
	if err := dst.Verify(ctx); err != nil {
		t.Errorf("copy: %v", err)
	}
	if _, err := src.CopyTo(ctx, dst); !errors.Is(err, graph.ErrNotEmpty) {
		t.Errorf("second CopyTo into the same store: err = %v, want ErrNotEmpty", err)
	}
	// The copy takes a corrected article and a deletion like any store.
	write(t, dst, article("https://example.org/a", 171, "Met Police"))
	if _, err := dst.DeleteArticle(ctx, graph.ArticleID("https://example.org/b", "")); err != nil {
		t.Fatal(err)
	}
	if got := get(t, dst, met).Strings(graph.PredAlias); !reflect.DeepEqual(got, []string{"Met Police"}) {
		t.Errorf("aliases after rewriting the copy = %v", got)
	}
	if err := dst.Verify(ctx); err != nil {
		t.Errorf("copy after writes: %v", err)
	}
}

// sortProps returns copies of the entities with each one's values ordered,
// so that two reads compare equal (Get's nodes are shared: never changed).
func sortProps(m map[graph.ID]*graph.Entity) map[graph.ID]*graph.Entity {
	out := make(map[graph.ID]*graph.Entity, len(m))
	for id, e := range m {
		c := &graph.Entity{ID: e.ID, Kind: e.Kind, Props: make(map[graph.Predicate][]any, len(e.Props))}
		for p, vs := range e.Props {
			vs = slices.Clone(vs)
			sort.Slice(vs, func(i, j int) bool { return fmt.Sprint(vs[i]) < fmt.Sprint(vs[j]) })
			c.Props[p] = vs
		}
		out[id] = c
	}
	return out
}

// testGetShared: Get may hand out the nodes it made before; appending to a
// node's values never changes what the next Get reads, and a write that
// changes a node is read at once, by each way a node is changed.
func testGetShared(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	a := article("https://example.org/a", 132, "Met")
	arrest := func(n int) graph.ID {
		return graph.FactID(graph.KindArrest, fmt.Sprint(n), string(met), string(eternal))
	}
	steps := []struct {
		name    string
		write   func()
		want    []string   // Met's aliases after it
		arrests []graph.ID // Eternal's arrests (Referrers) after it
	}{
		{"first article", func() { write(t, s, a) }, []string{"Met"}, []graph.ID{arrest(132)}},
		{"another article adds an alias", func() { write(t, s, article("https://example.org/b", 132, "Scotland Yard")) },
			[]string{"Met", "Scotland Yard"}, []graph.ID{arrest(132)}},
		{"the first rewritten", func() { write(t, s, article("https://example.org/a", 171, "Met Police")) },
			[]string{"Met Police", "Scotland Yard"}, []graph.ID{arrest(132), arrest(171)}},
		{"the second emptied", func() {
			write(t, s, graph.ArticleFacts{Article: graph.Article{ID: graph.ArticleID("https://example.org/b", ""), URL: "https://example.org/b"}})
		}, []string{"Met Police"}, []graph.ID{arrest(171)}},
		{"the first deleted", func() {
			if _, err := s.DeleteArticle(ctx, graph.ArticleID("https://example.org/a", "")); err != nil {
				t.Fatal(err)
			}
		}, nil, nil},
	}
	for _, st := range steps {
		st.write()
		for read := range 2 { // the second read may be the list the first made
			refs, err := s.Referrers(ctx, graph.PredOperation, eternal)
			if err != nil {
				t.Fatal(err)
			}
			got := refs[eternal]
			want := slices.Clone(st.arrests)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("%s, read %d: Eternal's arrests %v, want %v", st.name, read, got, want)
			}
			if cap(got) != len(got) {
				t.Fatalf("%s: referrers have room past their end (cap %d, len %d)", st.name, cap(got), len(got))
			}
			_ = append(got, "appended")
		}
		for read := range 2 { // the second read may be the node the first made
			e := get(t, s, met)
			if st.want == nil {
				if e != nil {
					t.Fatalf("%s, read %d: Met = %v, want none", st.name, read, e.Props)
				}
				continue
			}
			if e == nil {
				t.Fatalf("%s, read %d: Met missing", st.name, read)
			}
			got := e.Strings(graph.PredAlias)
			sort.Strings(got)
			if !reflect.DeepEqual(got, st.want) {
				t.Fatalf("%s, read %d: aliases %v, want %v", st.name, read, got, st.want)
			}
			for p, vs := range e.Props {
				if cap(vs) != len(vs) {
					t.Fatalf("%s: %s's values have room past their end (cap %d, len %d): an append would change a shared node", st.name, p, cap(vs), len(vs))
				}
				_ = append(vs, "appended")
			}
		}
	}
}

// testSharedClaim: an alias two articles give stays when one of them drops it.
func testSharedClaim(t *testing.T, s *graph.Store) {
	write(t, s, article("https://example.org/a", 132, "Met"))
	write(t, s, article("https://example.org/b", 132, "Met"))
	write(t, s, article("https://example.org/a", 132, "Met Police"))
	if got := get(t, s, met).Strings(graph.PredAlias); !reflect.DeepEqual(got, []string{"Met", "Met Police"}) {
		t.Errorf("aliases = %v, want b's Met kept beside a's new Met Police", got)
	}
	write(t, s, article("https://example.org/b", 132, "Scotland Yard"))
	if got := get(t, s, met).Strings(graph.PredAlias); !reflect.DeepEqual(got, []string{"Met Police", "Scotland Yard"}) {
		t.Errorf("aliases = %v, want Met gone once no article gives it", got)
	}
}

// testBatch: writing articles in one batch leaves the same graph as writing
// them one by one, including an article rewritten within the batch.
func testBatch(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	seq := []graph.ArticleFacts{
		article("https://example.org/a", 132, "Met"),
		article("https://example.org/b", 132, "Met"),
		article("https://example.org/c", 7, "Scotland Yard"),
		article("https://example.org/a", 171, "Met Police"),                                                      // a again, changed
		{Article: graph.Article{ID: graph.ArticleID("https://example.org/c", ""), URL: "https://example.org/c"}}, // c emptied
	}
	dump := func() []string {
		var out []string
		err := s.EachQuad(ctx, func(q quad.Quad) error {
			out = append(out, q.String())
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(out)
		return out
	}
	var oneByOne []int
	for _, af := range seq {
		added, removed := write(t, s, af)
		oneByOne = append(oneByOne, added, removed)
	}
	want := dump()
	for _, u := range []string{"https://example.org/a", "https://example.org/b", "https://example.org/c"} {
		if _, err := s.DeleteArticle(ctx, graph.ArticleID(u, "")); err != nil {
			t.Fatal(err)
		}
	}
	if left := dump(); len(left) != 0 {
		t.Fatalf("after deleting every article, %d quads are left: %v", len(left), left)
	}
	res, err := s.WriteArticles(ctx, append(seq, graph.ArticleFacts{})) // and one invalid article
	if err != nil {
		t.Fatal(err)
	}
	var batched []int
	for _, w := range res[:len(seq)] {
		if w.Err != nil {
			t.Fatal(w.Err)
		}
		batched = append(batched, w.Added, w.Removed)
	}
	if !errors.Is(res[len(seq)].Err, graph.ErrInvalid) {
		t.Errorf("the invalid article: err = %v, want ErrInvalid", res[len(seq)].Err)
	}
	if !reflect.DeepEqual(batched, oneByOne) {
		t.Errorf("added/removed per article: batch %v, one by one %v", batched, oneByOne)
	}
	if got := dump(); !reflect.DeepEqual(got, want) {
		t.Errorf("the batch left %d quads, one by one %d", len(got), len(want))
	}
}

// testReferrersOfKind checks the nodes of one kind linking to a node are
// those Referrers gives whose type is that kind, after each kind of write:
// a new node of the kind, and the kind's last node gone.
func testReferrersOfKind(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	check := func(when string) {
		t.Helper()
		for _, p := range []graph.Predicate{graph.PredOperation, graph.PredAgency, graph.PredTo, graph.PredFrom, graph.PredSupports} {
			ids := []graph.ID{eternal, met, nca}
			all, err := s.Referrers(ctx, p, ids...)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range graph.Kinds() {
				got, err := s.ReferrersOfKind(ctx, p, k, ids...)
				if err != nil {
					t.Fatalf("%s: ReferrersOfKind(%s, %s): %v", when, p, k, err)
				}
				for _, id := range ids {
					var want []graph.ID
					for _, r := range all[id] {
						if e := get(t, s, r); e != nil && e.Kind == k {
							want = append(want, r)
						}
					}
					if g, ok := got[id]; !ok || !reflect.DeepEqual(g, want) {
						t.Errorf("%s: ReferrersOfKind(%s, %s, %s) = %v (present %v), want %v", when, p, k, id, g, ok, want)
					}
				}
			}
		}
	}
	write(t, s, article("https://example.org/a", 132, "Met"))
	check("one article")
	write(t, s, article("https://example.org/b", 171, "Met"))
	check("a second arrest")
	write(t, s, graph.ArticleFacts{Article: graph.Article{ID: graph.ArticleID("https://example.org/a", ""), URL: "https://example.org/a"}})
	write(t, s, graph.ArticleFacts{Article: graph.Article{ID: graph.ArticleID("https://example.org/b", ""), URL: "https://example.org/b"}})
	check("both emptied")
	if n := len(list(t, s, graph.KindArrest)); n != 0 {
		t.Errorf("%d arrests left", n)
	}
}
