package schema

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/internal/corpusgen"
	"github.com/opgraph/opgraph/loaders/extract"
)

// TestLinkedMatchesReadingEveryFact compares what request.linked gives
// (the arrests of an operation, the agencies of its relations, the
// evidence of a fact) with linkedByReadingAll below, which reads every
// node one hop away and keeps those of the kind asked for, for every node
// of every kind and every traversal the schema makes, on the seeds and a
// generated corpus with curators' merges, retractions and corrections:
// the answer a page shows, kind by kind. Batches of one level hold every
// node at once, then pages of 50.
func TestLinkedMatchesReadingEveryFact(t *testing.T) {
	ctx := context.Background()
	st := memStore(t)
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../seeds/*.txt")
	dir := t.TempDir()
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: 60, Seed: 5, Out: dir}); err != nil {
		t.Fatal(err)
	}
	gen, _ := filepath.Glob(filepath.Join(dir, "articles", "article-*.txt"))
	for _, doc := range readDocs(t, append(files, gen...)) {
		if _, _, err := st.WriteArticle(ctx, x.Facts(doc)); err != nil {
			t.Fatal(err)
		}
	}
	list := func(k graph.Kind) []graph.ID {
		ids, err := st.List(ctx, k)
		if err != nil || len(ids) < 4 {
			t.Fatalf("%d nodes of kind %s (%v): the corpus is too small for this test", len(ids), k, err)
		}
		return ids
	}
	ops, agencies, arrests, seizures, rels := list(graph.KindOperation), list(graph.KindAgency), list(graph.KindArrest), list(graph.KindSeizure), list(graph.KindRelation)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, c := range []graph.Change{
		{Action: graph.ActionMerge, Target: ops[1], Into: ops[0]},
		{Action: graph.ActionMerge, Target: agencies[1], Into: agencies[0]},
		{Action: graph.ActionRetract, Target: arrests[0]},
		{Action: graph.ActionRetract, Target: rels[0]},
		{Action: graph.ActionRetract, Target: ops[2]},
		{Action: graph.ActionCorrect, Target: arrests[1], Field: graph.PredOperation, Value: ops[3]},
		{Action: graph.ActionCorrect, Target: seizures[0], Field: graph.PredAgency, Value: agencies[2]},
		{Action: graph.ActionCorrect, Target: seizures[1], Field: graph.PredOperation, Value: ops[1]}, // onto a merged one
	} {
		c.By, c.Reason, c.At = "test", "test", at
		if _, err := st.WriteChange(ctx, c); err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
	}
	api, _ := testServer(t, st, nil)
	if err := api.WaitFresh(ctx); err != nil {
		t.Fatal(err)
	}
	same := api.b.sameNow()

	var nodes []graph.ID
	for _, k := range graph.Kinds() {
		ids, err := st.List(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, ids...)
	}
	nodes = append(nodes, "opg:operation/no-such-operation")

	var keys []relKey
	for _, spec := range graph.Specs() {
		for _, l := range spec.Links {
			keys = append(keys, relKey{pred: l.Pred, kind: spec.Kind})
		}
	}
	keys = append(keys, relKey{pred: graph.PredSupports, kind: graph.KindEvidence}, relKey{pred: graph.PredArticle, kind: graph.KindEvidence},
		relKey{pred: graph.PredFrom, kind: graph.KindRelation}, relKey{pred: graph.PredOperation, kind: graph.KindAgency})
	for _, rel := range []string{graph.RelOperationAgency, graph.RelOperationHelper, graph.RelOperationPartOf, graph.RelOperationTarget, graph.RelOperationPlace, graph.RelPersonOrg} {
		for _, k := range graph.Kinds() {
			keys = append(keys, relKey{pred: graph.PredFrom, kind: k, rel: rel, far: graph.PredTo}, relKey{pred: graph.PredTo, kind: k, rel: rel, far: graph.PredFrom})
		}
	}

	found := map[graph.Kind]int{}
	for _, key := range keys {
		for _, size := range []int{len(nodes), 50} {
			for start := 0; start < len(nodes); start += size {
				batch := nodes[start:min(start+size, len(nodes))]
				got := linkedNow(t, withFixedRequest(ctx, st, same), key, batch)
				qctx := withFixedRequest(ctx, st, same)
				q := requestOf(qctx)
				v, err := q.curation(qctx)
				if err != nil {
					t.Fatal(err)
				}
				resolved := make([]graph.ID, len(batch))
				for i, id := range batch {
					resolved[i] = v.resolve(id)
				}
				want, err := linkedByReadingAll(qctx, q, v, key, dedupe(resolved))
				if err != nil {
					t.Fatal(err)
				}
				for i, id := range batch {
					w := want[v.resolve(id)]
					if !reflect.DeepEqual(got[i], w) {
						t.Fatalf("%+v of %s (batch of %d): got %v, want %v", key, id, len(batch), idsOf(got[i]), idsOf(w))
					}
					if size == len(nodes) {
						found[key.kind] += len(w)
					}
				}
			}
		}
	}
	for _, k := range []graph.Kind{graph.KindArrest, graph.KindSeizure, graph.KindAgency, graph.KindEvidence, graph.KindPlace, graph.KindOperation} {
		if found[k] == 0 {
			t.Errorf("no %s found linked to anything: the comparison tests nothing for it", k)
		}
	}
}

// linkedNow asks for the nodes key reaches from each of ids as one level
// of a query does (every load first, then the answers).
func linkedNow(t *testing.T, ctx context.Context, key relKey, ids []graph.ID) [][]*graph.Entity {
	t.Helper()
	q := requestOf(ctx)
	ths := make([]func() ([]*graph.Entity, error), len(ids))
	for i, id := range ids {
		ths[i] = q.linked(ctx, key, id)
	}
	out := make([][]*graph.Entity, len(ids))
	for i, th := range ths {
		es, err := th()
		if err != nil {
			t.Fatalf("%+v of %s: %v", key, ids[i], err)
		}
		out[i] = es
	}
	return out
}

func idsOf(es []*graph.Entity) []graph.ID {
	out := make([]graph.ID, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

// linkedByReadingAll is fetchLinked as it was before it read only the
// facts of the kind asked for: every node one hop away is read, then
// those of another kind dropped.
func linkedByReadingAll(ctx context.Context, q *request, v *view, key relKey, ids []graph.ID) (map[graph.ID][]*graph.Entity, error) {
	all := append([]graph.ID(nil), ids...)
	for _, id := range ids {
		all = append(all, v.from[id]...)
	}
	refs, err := q.r.Referrers(ctx, key.pred, all...)
	if err != nil {
		return nil, err
	}
	if moved := v.movedTo[key.pred]; key.rel == "" && len(moved) > 0 {
		for _, id := range ids {
			refs[id] = append(refs[id][:len(refs[id]):len(refs[id])], moved[id]...)
		}
	}
	var hop []graph.ID
	for _, rs := range refs {
		hop = append(hop, rs...)
	}
	hopEnts, err := q.r.Get(ctx, slices.DeleteFunc(hop, isNone)...)
	if err != nil {
		return nil, err
	}
	byID := map[graph.ID]*graph.Entity{}
	for _, e := range hopEnts {
		byID[e.ID] = e
	}
	if key.rel != "" {
		var far []graph.ID
		for _, e := range byID {
			if e.String(graph.PredRel) == key.rel && !v.retracted[e.ID] {
				far = append(far, v.resolve(e.Link(key.far)))
			}
		}
		farEnts, err := q.r.Get(ctx, slices.DeleteFunc(far, isNone)...)
		if err != nil {
			return nil, err
		}
		for _, e := range farEnts {
			byID[e.ID] = e
		}
	}
	out := make(map[graph.ID][]*graph.Entity, len(ids))
	seen := map[graph.ID]bool{}
	for _, id := range ids {
		clear(seen)
		for i := -1; i < len(v.from[id]); i++ {
			src := id
			if i >= 0 {
				src = v.from[id][i]
			}
			for _, r := range refs[src] {
				e := byID[r]
				if e == nil || v.retracted[e.ID] {
					continue
				}
				if key.rel != "" {
					if e.String(graph.PredRel) != key.rel {
						continue
					}
					e = byID[v.resolve(e.Link(key.far))]
				} else if _, fixed := v.corrections[e.ID][key.pred]; fixed && v.resolve(v.apply(e).Link(key.pred)) != id {
					continue
				}
				if e == nil || e.Kind != key.kind || seen[e.ID] || v.retracted[e.ID] || e.ID == id {
					continue
				}
				seen[e.ID] = true
				out[id] = append(out[id], v.apply(e))
			}
		}
		sort.Slice(out[id], func(a, b int) bool { return out[id][a].ID < out[id][b].ID })
	}
	return out, nil
}

func isNone(id graph.ID) bool { return id == "" }
