package schema_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// figure is one fact of a test article, written straight to the graph with
// the marks an extractor would give its evidence.
type figure struct {
	id       graph.ID
	kind     graph.Kind
	props    []graph.Prop
	sentence string
	partOf   graph.ID
	sameAs   graph.ID
	context  bool
	date     string
	bare     bool // linked to the agency only, not the operation
}

// writeFigures stores an article of figures about one agency and operation,
// and tells the server the store changed.
func (f *fixture) writeFigures(t *testing.T, url, published, agency, operation string, figs []figure) {
	t.Helper()
	art := graph.ArticleID(url, "")
	ag, op := graph.EntityID(graph.KindAgency, agency), graph.EntityID(graph.KindOperation, operation)
	at := 0
	ev := func(sentence string) graph.Evidence {
		e := graph.Evidence{Sentence: sentence, Start: at, End: at + len([]rune(sentence)), Confidence: 0.9}
		at = e.End + 1
		return e
	}
	af := graph.ArticleFacts{Article: graph.Article{ID: art, URL: url, Published: published, Title: "test " + url},
		Nodes: []graph.Node{
			{ID: ag, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: agency}}, Evidence: []graph.Evidence{ev(agency + " said so.")}},
		}}
	if operation != "" {
		af.Nodes = append(af.Nodes, graph.Node{ID: op, Kind: graph.KindOperation, Props: []graph.Prop{{Pred: graph.PredName, Value: operation}}, Evidence: []graph.Evidence{ev("It was called Operation " + operation + ".")}})
		rel := graph.RelationID(graph.RelOperationAgency, op, ag)
		af.Nodes = append(af.Nodes, graph.Node{ID: rel, Kind: graph.KindRelation, Props: []graph.Prop{{Pred: graph.PredRel, Value: graph.RelOperationAgency},
			{Pred: graph.PredFrom, Value: op}, {Pred: graph.PredTo, Value: ag}}, Evidence: []graph.Evidence{ev(agency + " ran Operation " + operation + ".")}})
	}
	for _, fg := range figs {
		e := ev(fg.sentence)
		e.PartOf, e.SameAs, e.Context = fg.partOf, fg.sameAs, fg.context
		if fg.date != "" {
			e.Claims = []graph.Prop{{Pred: graph.PredDate, Value: fg.date}}
		}
		props := append([]graph.Prop{{Pred: graph.PredAgency, Value: ag}}, fg.props...)
		if operation != "" && !fg.bare {
			props = append(props, graph.Prop{Pred: graph.PredOperation, Value: op})
		}
		af.Nodes = append(af.Nodes, graph.Node{ID: fg.id, Kind: fg.kind, Props: props, Evidence: []graph.Evidence{e}})
	}
	if _, _, err := f.store.WriteArticle(context.Background(), af); err != nil {
		t.Fatal(err)
	}
	f.api.StoreChanged()
	f.fresh(t)
}

func arrest(name string, count float64) (graph.ID, []graph.Prop) {
	return graph.FactID(graph.KindArrest, "test", name), []graph.Prop{{Pred: graph.PredCount, Value: count}}
}

func drugs(name string, qty float64, unit string) (graph.ID, []graph.Prop) {
	return graph.FactID(graph.KindSeizure, "test", name), []graph.Prop{{Pred: graph.PredCommodity, Value: "drugs"},
		{Pred: graph.PredSubtype, Value: "cocaine"}, {Pred: graph.PredQuantity, Value: qty}, {Pred: graph.PredUnit, Value: unit}}
}

// bucketOf returns the aggregate's bucket labelled label, or nil.
func bucketOf(t *testing.T, data map[string]any, label string) map[string]any {
	t.Helper()
	for _, b := range data["aggregate"].([]any) {
		if bm := b.(map[string]any); bm["label"] == label {
			return bm
		}
	}
	return nil
}

// testTotalsCountEachHaulOnce: an article gives a total with its parts, a
// restatement in other units, two figures restating each other, and a past
// record. Totals count the whole once and leave the record out unless asked.
func testTotalsCountEachHaulOnce(t *testing.T, f *fixture) {
	const agency = "Coastal Revenue Service"
	total, totalProps := arrest("nine", 9)
	part, partProps := arrest("four of them", 4)
	sevenA, sevenAProps := arrest("seven", 7)
	sevenB, sevenBProps := arrest("seven again", 7)
	haul, haulProps := drugs("haul", 100, "kg")
	east, eastProps := drugs("east quay", 40, "kg")
	west, westProps := drugs("west quay", 60, "kg")
	tenth, tenthProps := drugs("a tenth of a tonne", 0.1, "tonne")
	record, recordProps := drugs("record", 3.2, "tonne")
	f.writeFigures(t, "https://test.example/tidewater", "2023-03-10", agency, "Tidewater", []figure{
		{id: total, kind: graph.KindArrest, props: totalProps, sentence: "Nine suspects were detained."},
		{id: part, kind: graph.KindArrest, props: partProps, sentence: "Four of those nine were held at the quay.", partOf: total},
		{id: sevenA, kind: graph.KindArrest, props: sevenAProps, sentence: "Seven more were detained inland.", sameAs: sevenB},
		{id: sevenB, kind: graph.KindArrest, props: sevenBProps, sentence: "The inland raids led to seven detentions.", sameAs: sevenA},
		{id: haul, kind: graph.KindSeizure, props: haulProps, sentence: "In all, officers took 100 kilograms of cocaine."},
		{id: east, kind: graph.KindSeizure, props: eastProps, sentence: "Forty kilograms were on the east quay.", partOf: haul},
		{id: west, kind: graph.KindSeizure, props: westProps, sentence: "Sixty kilograms were on the west quay.", partOf: haul},
		{id: tenth, kind: graph.KindSeizure, props: tenthProps, sentence: "A tenth of a tonne of the drug was found.", sameAs: haul},
		{id: record, kind: graph.KindSeizure, props: recordProps, sentence: "The largest haul before this was 3.2 tonnes in 2019.", context: true, date: "2019"},
	})
	arrests := func() map[string]any {
		return bucketOf(t, f.query(t, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 200) { label value count facts { id } } }`, nil), agency)
	}
	kg := func(withContext bool) map[string]any {
		q := fmt.Sprintf(`{ aggregate(measure: SEIZED_KG, groupBy: AGENCY, first: 5, includeContext: %v, filter: {agency: %q}) { label value count
			facts(first: 3) { id ... on Seizure { quantity parts { ... on Seizure { quantity } } restatements { ... on Seizure { quantity unit } } } } } }`, withContext, graph.EntityID(graph.KindAgency, agency))
		return bucketOf(t, f.query(t, q, nil), agency)
	}
	if b := arrests(); b == nil || b["value"] != 16.0 || b["count"] != 2.0 {
		t.Errorf("arrests = %v, want 16 (the nine, not its four; the seven once) in 2 facts", b)
	}
	b := kg(false)
	if b == nil || b["value"] != 100.0 || b["count"] != 1.0 {
		t.Fatalf("kg = %v, want 100 (the haul, not its parts or its restatement, not the record)", b)
	}
	whole := b["facts"].([]any)[0].(map[string]any)
	var parts []string
	for _, p := range whole["parts"].([]any) {
		parts = append(parts, fmt.Sprint(p.(map[string]any)["quantity"]))
	}
	if whole["id"] != string(haul) || strings.Join(parts, ",") != "40,60" && strings.Join(parts, ",") != "60,40" {
		t.Errorf("drill-through = %v, want the haul with its parts 40 and 60", whole)
	}
	if rs := whole["restatements"].([]any); len(rs) != 1 || rs[0].(map[string]any)["unit"] != "tonne" {
		t.Errorf("restatements = %v, want the tenth of a tonne", rs)
	}
	if b := kg(true); b == nil || b["value"] != 3300.0 {
		t.Errorf("kg with includeContext = %v, want 3300 (the record too)", b)
	}
	node := f.query(t, `query($p: ID!, $r: ID!) { part: node(id: $p) { ... on Arrest { partOf { id } countedIn { id } context } }
		record: node(id: $r) { ... on Seizure { context partOf { id } } } }`, map[string]any{"p": string(part), "r": string(record)})
	if p := node["part"].(map[string]any); p["partOf"].(map[string]any)["id"] != string(total) || p["countedIn"].(map[string]any)["id"] != string(total) || p["context"] != false {
		t.Errorf("part = %v, want partOf and countedIn the nine", p)
	}
	if r := node["record"].(map[string]any); r["context"] != true || r["partOf"] != nil {
		t.Errorf("record = %v, want a context figure", r)
	}
	// A whole and its parts do not disagree (the nine and the seven do: two
	// figures for one operation and agency, neither said to be in the other).
	for _, c := range f.query(t, `{ conflicts { kind operation { name } values } }`, nil)["conflicts"].([]any) {
		cm := c.(map[string]any)
		if op, _ := cm["operation"].(map[string]any); op != nil && op["name"] == "Tidewater" && (cm["kind"] != "Arrest" || fmt.Sprint(cm["values"]) != "[9 7]" && fmt.Sprint(cm["values"]) != "[7 9]") {
			t.Errorf("conflict %v: parts, restatements and records are not disagreements", c)
		}
	}
	aggregatesAgree(t, f)

	// Another article gives the east quay's 40 kg on its own: it counts.
	f.writeFigures(t, "https://test.example/east-quay", "2023-03-11", agency, "Tidewater", []figure{
		{id: east, kind: graph.KindSeizure, props: eastProps, sentence: "Police took 40 kilograms of cocaine from a quay."}})
	if b := kg(false); b == nil || b["value"] != 140.0 {
		t.Errorf("kg once another article gives the 40 kg alone = %v, want 140", b)
	}
	// With the total retracted, its part counts.
	f.mutate(t, `mutation($id: ID!) { retractFact(id: $id, reason: "misread") { id } }`, map[string]any{"id": string(total)})
	if b := arrests(); b == nil || b["value"] != 11.0 {
		t.Errorf("arrests once the nine is retracted = %v, want 11 (its four counts)", b)
	}
	aggregatesAgree(t, f)
}

// testSameFigureAcrossArticles: articles about one event give its figures
// with more or less detail; each figure counts once, with the evidence of
// all, and a figure they disagree on stays two facts, flagged.
func testSameFigureAcrossArticles(t *testing.T, f *fixture) {
	const agency = "Northern Harbour Police"
	withOp, withOpProps := arrest("58 with the operation", 58)
	bare, bareProps := arrest("58 without", 58)
	other, otherProps := arrest("61", 61)
	smallA, smallAProps := arrest("three", 3)
	smallB, smallBProps := arrest("three later", 3)
	tonnes, tonnesProps := drugs("two tonnes", 2, "tonne")
	kilos, kilosProps := drugs("2,000 kilos", 2000, "kg")
	f.writeFigures(t, "https://test.example/kestrel-1", "2021-05-03", agency, "Kestrel", []figure{
		{id: withOp, kind: graph.KindArrest, props: withOpProps, sentence: "Operation Kestrel led to 58 arrests."},
		{id: tonnes, kind: graph.KindSeizure, props: tonnesProps, sentence: "Two tonnes of cocaine were found in Operation Kestrel."}})
	f.writeFigures(t, "https://test.example/kestrel-2", "2021-05-04", agency, "", []figure{
		{id: bare, kind: graph.KindArrest, props: bareProps, sentence: "The force said 58 people were arrested."},
		{id: kilos, kind: graph.KindSeizure, props: kilosProps, sentence: "Officers found 2,000 kilos of cocaine."},
		{id: smallA, kind: graph.KindArrest, props: smallAProps, sentence: "Three men were arrested in a separate raid."}})
	f.writeFigures(t, "https://test.example/kestrel-3", "2021-05-05", agency, "Kestrel", []figure{
		{id: other, kind: graph.KindArrest, props: otherProps, sentence: "Operation Kestrel has now led to 61 arrests."}})
	f.writeFigures(t, "https://test.example/kestrel-4", "2021-05-14", agency, "", []figure{
		{id: smallB, kind: graph.KindArrest, props: smallBProps, sentence: "Three people were arrested after a car chase."}})
	agID := string(graph.EntityID(graph.KindAgency, agency))
	data := f.query(t, `query($a: ID!) { aggregate(measure: ARREST_COUNT, groupBy: AGENCY, filter: {agency: $a}) { label value count
		facts(first: 10) { id ... on Arrest { count operation { name } evidence { article { url } } } } } }`, map[string]any{"a": agID})
	b := bucketOf(t, data, agency)
	if b == nil || b["value"] != 58.0+61+3+3 || b["count"] != 4.0 {
		t.Fatalf("arrests = %v, want 125 in 4 facts (the 58 once; two small counts a week apart stay two)", b)
	}
	for _, fc := range b["facts"].([]any) {
		fm := fc.(map[string]any)
		if fm["count"] != 58.0 {
			continue
		}
		if fm["id"] != string(withOp) || fm["operation"] == nil || len(fm["evidence"].([]any)) != 2 {
			t.Errorf("the 58 = %v, want the fact naming Kestrel, with both articles' evidence", fm)
		}
	}
	node := f.query(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": string(bare)})
	if node["node"].(map[string]any)["id"] != string(withOp) {
		t.Errorf("the bare 58 reads as %v, want the fact kept", node)
	}
	kg := f.query(t, `query($a: ID!) { aggregate(measure: SEIZED_KG, groupBy: AGENCY, filter: {agency: $a}) { label value count } }`, map[string]any{"a": agID})
	if b := bucketOf(t, kg, agency); b == nil || b["value"] != 2000.0 || b["count"] != 1.0 {
		t.Errorf("kg = %v, want two tonnes once (2,000 kilos is the same haul)", b)
	}
	found := false
	for _, c := range f.query(t, `{ conflicts { operation { name } values } }`, nil)["conflicts"].([]any) {
		cm := c.(map[string]any)
		if op, _ := cm["operation"].(map[string]any); op != nil && op["name"] == "Kestrel" {
			found = fmt.Sprint(cm["values"]) == "[58 61]" || fmt.Sprint(cm["values"]) == "[61 58]"
		}
	}
	if !found {
		t.Errorf("no conflict of 58 and 61 for Kestrel")
	}
	aggregatesAgree(t, f)
}
