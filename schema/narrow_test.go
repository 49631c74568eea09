package schema

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/internal/corpusgen"
	"github.com/opgraph/opgraph/loaders/extract"
)

// TestFilteredListsMatchTestingEveryNode checks that a list filtered by an
// agency, place, platform or operation, which tests only the nodes the
// store's links reach from it (candidates), holds exactly the nodes that
// testing every node of the kind admits: for every node a filter can name,
// on every kind, as loaded and after curators merged, corrected and
// retracted.
func TestFilteredListsMatchTestingEveryNode(t *testing.T) {
	ctx := context.Background()
	st := memStore(t)
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../seeds/*.txt")
	dir := t.TempDir()
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: 40, Seed: 3, Out: dir}); err != nil {
		t.Fatal(err)
	}
	gen, _ := filepath.Glob(filepath.Join(dir, "articles", "article-*.txt"))
	for _, doc := range readDocs(t, append(files, gen...)) {
		if _, _, err := st.WriteArticle(ctx, x.Facts(doc)); err != nil {
			t.Fatal(err)
		}
	}
	api, srv := testServer(t, st, nil)
	b := api.b

	check := func(t *testing.T) {
		var filters []*filter
		for _, k := range []graph.Kind{graph.KindAgency, graph.KindPlace, graph.KindPlatform, graph.KindGroup, graph.KindOperation} {
			ids, err := st.List(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range ids { // merged and retracted ones too
				switch k {
				case graph.KindAgency:
					filters = append(filters, &filter{agency: id})
				case graph.KindPlace:
					filters = append(filters, &filter{place: id})
				case graph.KindOperation:
					filters = append(filters, &filter{operation: id})
				default:
					filters = append(filters, &filter{platform: id})
				}
			}
		}
		// Two conditions at once: each agency with the first operation and place.
		n := len(filters)
		for _, f := range filters[:n] {
			if f.agency != "" {
				filters = append(filters, &filter{agency: f.agency, operation: filters[n-1].operation}, &filter{agency: f.agency, place: firstPlace(filters)})
			}
		}
		matched := 0
		for _, k := range graph.Kinds() {
			if b.types[k] == nil {
				continue
			}
			// Every node of the kind, tested as matchAll does, its facts gathered once.
			qctx := withRequest(ctx, st)
			q := b.requestFrom(qctx)
			v, err := q.curation(qctx)
			if err != nil {
				t.Fatal(err)
			}
			ids, err := st.List(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			ids = slices.DeleteFunc(ids, func(id graph.ID) bool { return v.retracted[id] || v.resolve(id) != id })
			ents, err := q.entities(qctx, ids, false)
			if err != nil {
				t.Fatal(err)
			}
			facts, err := b.gather(qctx, needs{links: true}, ents)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range filters {
				var opSet map[graph.ID]bool
				if f.operation != "" {
					if opSet, err = b.subOperations(qctx, f.operation); err != nil {
						t.Fatal(err)
					}
				}
				var want []graph.ID
				for i, e := range ents {
					if f.admits(nodeView{e, &facts[i]}, opSet) {
						want = append(want, e.ID)
					}
				}
				c, err := b.list(withRequest(ctx, st), k, f, map[string]any{"first": maxPage})
				if err != nil {
					t.Fatal(err)
				}
				if c.total != len(want) || !slices.Equal(c.ids, want[:min(len(want), maxPage)]) {
					t.Errorf("%s with %+v: list gave %d %v, testing every node %d %v", k, *f, c.total, c.ids, len(want), want)
				}
				matched += len(want)
			}
		}
		if matched < 300 {
			t.Errorf("only %d nodes matched over all filters and kinds: the test tests little", matched)
		}
		t.Logf("%d filters, %d matches over all kinds", len(filters), matched)
	}
	t.Run("as loaded", check)

	// Curators: merge two agencies and two operations, move an arrest to
	// another agency and a seizure to another operation, retract an agency.
	first := func(kind graph.Kind, i int) graph.ID {
		ids, err := st.List(ctx, kind)
		if err != nil || len(ids) <= i {
			t.Fatalf("want more than %d nodes of %s: %v", i, kind, err)
		}
		return ids[i]
	}
	mutate := func(q string, vars map[string]any) {
		t.Helper()
		if res := ask(t, srv, testToken, q, vars); res.status != 200 || len(res.Errors) > 0 {
			t.Fatalf("%s: HTTP %d %s", q, res.status, res.message())
		}
	}
	const merge = `mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m, reason: "one body") { id } }`
	const correct = `mutation($id: ID!, $f: String!, $to: String!) { correctFact(id: $id, field: $f, value: $to, reason: "test") { id } }`
	mutate(merge, map[string]any{"k": first(graph.KindAgency, 0), "m": first(graph.KindAgency, 1)})
	mutate(merge, map[string]any{"k": first(graph.KindOperation, 2), "m": first(graph.KindOperation, 3)})
	mutate(correct, map[string]any{"id": first(graph.KindArrest, 0), "f": "agency", "to": string(first(graph.KindAgency, 4))})
	mutate(correct, map[string]any{"id": first(graph.KindSeizure, 0), "f": "operation", "to": string(first(graph.KindOperation, 5))})
	mutate(`mutation($id: ID!) { retractEntity(id: $id, reason: "test") { id } }`, map[string]any{"id": first(graph.KindAgency, 6)})
	t.Run("curated", check)
}

func firstPlace(fs []*filter) graph.ID {
	for _, f := range fs {
		if f.place != "" {
			return f.place
		}
	}
	return ""
}
