package schema_test

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// testCooccurrence: two agencies run Operation Driftwood (one article
// each); one of them runs Operation Keel, which targets a platform and
// whose figure names a third agency. The pairs, their operations and
// articles, filtered by commodity and by agency, and after a merge.
func testCooccurrence(t *testing.T, f *fixture) {
	six, sixProps := arrest("driftwood six", 6)
	haul, haulProps := drugs("driftwood haul", 50, "kg")
	four, fourProps := arrest("keel four", 4)
	f.writeFigures(t, "https://test.example/drift-1", "2023-06-01", "Driftwood Police", "Driftwood", []figure{
		{id: six, kind: graph.KindArrest, props: sixProps, sentence: "Six were arrested."}})
	f.writeFigures(t, "https://test.example/drift-2", "2023-06-02", "Harbour Customs", "Driftwood", []figure{
		{id: haul, kind: graph.KindSeizure, props: haulProps, sentence: "Fifty kilograms were seized."}})
	f.writeFigures(t, "https://test.example/keel-1", "2023-07-01", "Driftwood Police", "Keel", []figure{
		{id: four, kind: graph.KindArrest, props: fourProps, sentence: "Four were arrested."}})
	// The fourth article: Keel targeted ShadowChat, and an agency with no
	// stated part in Keel made three of its arrests.
	keel, iru := graph.EntityID(graph.KindOperation, "Keel"), graph.EntityID(graph.KindAgency, "Inland Revenue Unit")
	chat := graph.EntityID(graph.KindPlatform, "ShadowChat")
	url := "https://test.example/keel-2"
	at := 0
	ev := func(s string) []graph.Evidence {
		e := graph.Evidence{Sentence: s, Start: at, End: at + len(s), Confidence: 0.9}
		at = e.End + 1
		return []graph.Evidence{e}
	}
	af := graph.ArticleFacts{Article: graph.Article{ID: graph.ArticleID(url, ""), URL: url, Published: "2023-07-02", Title: "test " + url},
		Nodes: []graph.Node{
			{ID: keel, Kind: graph.KindOperation, Props: []graph.Prop{{Pred: graph.PredName, Value: "Keel"}}, Evidence: ev("Operation Keel went on.")},
			{ID: iru, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: "Inland Revenue Unit"}}, Evidence: ev("The Inland Revenue Unit said so.")},
			{ID: chat, Kind: graph.KindPlatform, Props: []graph.Prop{{Pred: graph.PredName, Value: "ShadowChat"}}, Evidence: ev("ShadowChat was the target.")},
			{ID: graph.RelationID(graph.RelOperationTarget, keel, chat), Kind: graph.KindRelation, Props: []graph.Prop{{Pred: graph.PredRel, Value: graph.RelOperationTarget},
				{Pred: graph.PredFrom, Value: keel}, {Pred: graph.PredTo, Value: chat}}, Evidence: ev("Keel targeted ShadowChat.")},
			{ID: graph.FactID(graph.KindArrest, "test", "keel three"), Kind: graph.KindArrest, Props: []graph.Prop{{Pred: graph.PredCount, Value: 3.0},
				{Pred: graph.PredAgency, Value: iru}, {Pred: graph.PredOperation, Value: keel}}, Evidence: ev("The unit arrested three in Keel.")},
		}}
	if _, _, err := f.store.WriteArticle(context.Background(), af); err != nil {
		t.Fatal(err)
	}
	f.api.StoreChanged()
	f.fresh(t)

	type row struct {
		ops, arts []string
		nOps      float64
		nArts     float64
	}
	pairs := func(of string, filter map[string]any) map[[2]string]row {
		data := f.query(t, `query($of: Pairs!, $f: Filter) { cooccurrence(of: $of, filter: $f, first: 300) {
			a { ... on Agency { name } } b { ... on Agency { name } ... on Platform { name } }
			operationCount articleCount operations(first: 5) { ... on Operation { name } } articles(first: 5) { ... on Article { url } } } }`,
			map[string]any{"of": of, "f": filter})
		out := map[[2]string]row{}
		for _, p := range data["cooccurrence"].([]any) {
			pm := p.(map[string]any)
			var r row
			for _, o := range pm["operations"].([]any) {
				r.ops = append(r.ops, o.(map[string]any)["name"].(string))
			}
			for _, a := range pm["articles"].([]any) {
				r.arts = append(r.arts, a.(map[string]any)["url"].(string))
			}
			sort.Strings(r.ops)
			sort.Strings(r.arts)
			r.nOps, r.nArts = pm["operationCount"].(float64), pm["articleCount"].(float64)
			out[[2]string{pm["a"].(map[string]any)["name"].(string), pm["b"].(map[string]any)["name"].(string)}] = r
		}
		return out
	}
	key := func(a, b string) [2]string {
		if b < a && b != "ShadowChat" {
			a, b = b, a
		}
		return [2]string{a, b}
	}
	// Agencies in pairs are in ID order, which is name order here.
	driftwood := row{ops: []string{"Driftwood"}, arts: []string{"https://test.example/drift-1", "https://test.example/drift-2"}, nOps: 1, nArts: 2}
	keelRow := row{ops: []string{"Keel"}, arts: []string{"https://test.example/keel-1", "https://test.example/keel-2"}, nOps: 1, nArts: 2}
	got := pairs("AGENCY_AGENCY", nil)
	for k, want := range map[[2]string]row{key("Driftwood Police", "Harbour Customs"): driftwood, key("Driftwood Police", "Inland Revenue Unit"): keelRow} {
		if !reflect.DeepEqual(got[k], want) {
			t.Errorf("AGENCY_AGENCY %v = %+v, want %+v", k, got[k], want)
		}
	}
	if r, ok := got[key("Harbour Customs", "Inland Revenue Unit")]; ok {
		t.Errorf("Harbour Customs and the Inland Revenue Unit share no operation, got %+v", r)
	}
	got = pairs("AGENCY_PLATFORM", nil)
	for _, a := range []string{"Driftwood Police", "Inland Revenue Unit"} {
		if !reflect.DeepEqual(got[key(a, "ShadowChat")], keelRow) {
			t.Errorf("AGENCY_PLATFORM %s x ShadowChat = %+v, want %+v", a, got[key(a, "ShadowChat")], keelRow)
		}
	}
	if _, ok := got[key("Harbour Customs", "ShadowChat")]; ok {
		t.Errorf("Harbour Customs was in no operation targeting ShadowChat")
	}
	// Filtered: drugs keep Driftwood (its seizure); the unit keeps Keel (its arrest).
	got = pairs("AGENCY_AGENCY", map[string]any{"commodity": "drugs"})
	if _, ok := got[key("Driftwood Police", "Harbour Customs")]; !ok {
		t.Errorf("filter drugs: no Driftwood pair in %v", got)
	}
	if _, ok := got[key("Driftwood Police", "Inland Revenue Unit")]; ok {
		t.Errorf("filter drugs: Keel's pair kept, but Keel seized no drugs")
	}
	got = pairs("AGENCY_AGENCY", map[string]any{"agency": string(iru)})
	if _, ok := got[key("Driftwood Police", "Inland Revenue Unit")]; !ok || len(got) != 1 {
		t.Errorf("filter agency %s: %v, want only Keel's pair", iru, got)
	}
	if res := f.do(t, "", `{ cooccurrence(of: AGENCY_AGENCY, filter: {agency: "opg:agency/no-such-body"}) { operationCount } }`, nil); len(res.Errors) == 0 {
		t.Errorf("an unknown agency in the filter gave no error")
	}
	// Merged into one, the two Driftwood agencies are no pair.
	f.mutate(t, `mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m, reason: "one body") { id } }`,
		map[string]any{"k": string(graph.EntityID(graph.KindAgency, "Driftwood Police")), "m": string(graph.EntityID(graph.KindAgency, "Harbour Customs"))})
	if r, ok := pairs("AGENCY_AGENCY", nil)[key("Driftwood Police", "Harbour Customs")]; ok {
		t.Errorf("after the merge the pair is still there: %+v", r)
	}
}
