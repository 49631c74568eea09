package schema_test

import (
	"strings"
	"testing"
)

// testCurationFixesAnyFieldAndUndoes moves the Met's 132 arrests to the
// NCA and to another year, undoes the move, retracts and brings back, and
// checks what may be corrected or retracted is said when refused.
func testCurationFixesAnyFieldAndUndoes(t *testing.T, f *fixture) {
	met := idOf(t, f, "agencies", "Metropolitan Police")
	nca := idOf(t, f, "agencies", "National Crime Agency")
	var id string
	for _, a := range nodes(t, f.query(t, `{ arrests(first: 100) { edges { node { id count agency { id } } } } }`, nil), "arrests") {
		if a["count"] == 132.0 {
			id = a["id"].(string)
		}
	}
	if id == "" {
		t.Fatal("no 132 arrests in the seeds")
	}
	byAgency := func() map[string]float64 {
		out := map[string]float64{}
		for _, b := range f.query(t, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 200) { key value } }`, nil)["aggregate"].([]any) {
			bm := b.(map[string]any)
			out[bm["key"].(string)] = bm["value"].(float64)
		}
		return out
	}
	before := byAgency()
	moved := f.mutate(t, `mutation($id: ID!, $to: String!) { correctFact(id: $id, field: "agency", value: $to, reason: "the NCA made them") { id field old value } }`,
		map[string]any{"id": id, "to": nca})["correctFact"].(map[string]any)
	if moved["old"] != met || moved["value"] != nca || moved["field"] != "agency" {
		t.Errorf("correction = %v, want agency from the Met to the NCA", moved)
	}
	after := byAgency()
	if after[met] != before[met]-132 || after[nca] != before[nca]+132 {
		t.Errorf("by agency before %v, after %v: want the 132 moved from the Met to the NCA", before, after)
	}
	lists := func() (metHas, ncaHas bool) {
		data := f.query(t, `query($m: ID!, $n: ID!) { met: node(id: $m) { ... on Agency { arrests { id } } } nca: node(id: $n) { ... on Agency { arrests { id } } } }`, map[string]any{"m": met, "n": nca})
		has := func(k string) bool {
			for _, a := range data[k].(map[string]any)["arrests"].([]any) {
				if a.(map[string]any)["id"] == id {
					return true
				}
			}
			return false
		}
		return has("met"), has("nca")
	}
	if m, n := lists(); m || !n {
		t.Errorf("after the move: in the Met's arrests %v, in the NCA's %v; want only the NCA's", m, n)
	}
	f.mutate(t, `mutation($id: ID!) { correctFact(id: $id, field: "date", value: "8 June 2019", reason: "the raids were in 2019") { id } }`, map[string]any{"id": id})
	years := map[string]float64{}
	for _, b := range f.query(t, `{ aggregate(measure: ARREST_COUNT, groupBy: YEAR) { key value } }`, nil)["aggregate"].([]any) {
		years[b.(map[string]any)["key"].(string)] = b.(map[string]any)["value"].(float64)
	}
	if years["2019"] < 132 {
		t.Errorf("by year after the date correction = %v, want the 132 in 2019", years)
	}
	aggregatesAgree(t, f)

	f.mutate(t, `mutation($c: ID!) { undoChange(id: $c, reason: "it was the Met after all") { action target } }`, map[string]any{"c": moved["id"]})
	if got := byAgency(); got[met] != before[met] || got[nca] != before[nca] {
		t.Errorf("after the undo = %v, want %v", got, before)
	}
	if m, n := lists(); !m || n {
		t.Errorf("after the undo: in the Met's arrests %v, in the NCA's %v; want only the Met's", m, n)
	}
	h := f.query(t, `query($id: ID!) { node(id: $id) { ... on Arrest { agency { id } history { action field old value undone } } } }`, map[string]any{"id": id})["node"].(map[string]any)
	var actions []string
	for _, c := range h["history"].([]any) {
		cm := c.(map[string]any)
		actions = append(actions, cm["action"].(string))
		if cm["field"] == "agency" && cm["undone"] != true {
			t.Errorf("the undone correction reads %v", cm)
		}
	}
	if strings.Join(actions, ",") != "correct,correct,undo" || h["agency"].(map[string]any)["id"] != met {
		t.Errorf("history %v, agency %v: want correct, correct, undo and the Met", actions, h["agency"])
	}
	res := f.do(t, token, `mutation($c: ID!) { undoChange(id: $c, reason: "again") { id } }`, map[string]any{"c": moved["id"]})
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, "already undone") {
		t.Errorf("undoing twice: %v", res.Errors)
	}

	// A date the text gave is corrected too: the event date follows the
	// curator's, in the fact and in totals by year, until undone.
	var haul string
	for _, s := range nodes(t, f.query(t, `{ seizures(first: 100) { edges { node { id quantity eventDate dateSource } } } }`, nil), "seizures") {
		if s["quantity"] == 5.7 && s["eventDate"] == "2024-02-08" && s["dateSource"] == "text" {
			haul = s["id"].(string)
		}
	}
	if haul == "" {
		t.Fatal("no 5.7 t seizure dated 8 February 2024 by its text in the seeds")
	}
	kgIn := func(year string) float64 {
		for _, b := range f.query(t, `{ aggregate(measure: SEIZED_KG, groupBy: YEAR, first: 100) { key value } }`, nil)["aggregate"].([]any) {
			if bm := b.(map[string]any); bm["key"] == year {
				return bm["value"].(float64)
			}
		}
		return 0
	}
	kg2023, kg2024 := kgIn("2023"), kgIn("2024")
	redated := f.mutate(t, `mutation($id: ID!) { correctFact(id: $id, field: "date", value: "3 March 2023", reason: "the container was found a year earlier") { id } }`,
		map[string]any{"id": haul})["correctFact"].(map[string]any)
	dated := func() map[string]any {
		return f.query(t, `query($id: ID!) { node(id: $id) { ... on Seizure { date eventDate datePrecision dateSource } } }`, map[string]any{"id": haul})["node"].(map[string]any)
	}
	if d := dated(); d["eventDate"] != "2023-03-03" || d["datePrecision"] != "day" || d["dateSource"] != "curator" {
		t.Errorf("the re-dated haul reads %v, want eventDate 2023-03-03 from the curator", d)
	}
	if a, b := kgIn("2023"), kgIn("2024"); a != kg2023+5700 || b != kg2024-5700 {
		t.Errorf("kg in 2023 and 2024: %v and %v, were %v and %v; want the 5,700 kg moved to 2023", a, b, kg2023, kg2024)
	}
	aggregatesAgree(t, f)
	f.mutate(t, `mutation($c: ID!) { undoChange(id: $c, reason: "it was 2024") { id } }`, map[string]any{"c": redated["id"]})
	if d := dated(); d["eventDate"] != "2024-02-08" || d["dateSource"] != "text" || kgIn("2024") != kg2024 {
		t.Errorf("after the undo the haul reads %v, %v kg in 2024; want the text's date back and %v kg", d, kgIn("2024"), kg2024)
	}

	// A retraction undone brings the fact back.
	r := f.mutate(t, `mutation($id: ID!) { retractFact(id: $id, reason: "unsure") { id } }`, map[string]any{"id": id})["retractFact"].(map[string]any)
	if byAgency()[met] != before[met]-132 {
		t.Errorf("the retracted 132 still counts")
	}
	f.mutate(t, `mutation($c: ID!) { undoChange(id: $c, reason: "checked") { id } }`, map[string]any{"c": r["id"]})
	if byAgency()[met] != before[met] {
		t.Errorf("the 132 is not back after undoing its retraction")
	}

	for _, tc := range []struct{ name, q, id, want string }{
		{"retractFact on an entity", `mutation($id: ID!) { retractFact(id: $id, reason: "x") { id } }`, met, "use retractEntity"},
		{"retractEntity on a fact", `mutation($id: ID!) { retractEntity(id: $id, reason: "x") { id } }`, id, "use retractFact"},
		{"unknown field", `mutation($id: ID!) { correctFact(id: $id, field: "colour", value: "red", reason: "x") { id } }`, id, "it may be: count, qualifier, date, agency, operation, place"},
		{"link to the wrong kind", `mutation($id: ID!) { correctFact(id: $id, field: "place", value: "` + met + `", reason: "x") { id } }`, id, "takes the ID of a Place"},
		{"link to nothing", `mutation($id: ID!) { correctFact(id: $id, field: "agency", value: "opg:agency/nobody", reason: "x") { id } }`, id, "not found"},
		{"not a date", `mutation($id: ID!) { correctFact(id: $id, field: "date", value: "soon", reason: "x") { id } }`, id, "takes a date"},
		{"undo a fact", `mutation($id: ID!) { undoChange(id: $id, reason: "x") { id } }`, id, "not a change"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := f.do(t, token, tc.q, map[string]any{"id": tc.id})
			if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, tc.want) {
				t.Errorf("errors = %v, want one containing %q", res.Errors, tc.want)
			}
		})
	}
	f.mutate(t, `mutation($id: ID!) { retractEntity(id: $id, reason: "not an agency") { id } }`, map[string]any{"id": met})
	for _, a := range nodes(t, f.query(t, `{ agencies(first: 100) { edges { node { id } } } }`, nil), "agencies") {
		if a["id"] == met {
			t.Errorf("the retracted agency is still listed")
		}
	}
	aggregatesAgree(t, f)
}

// testRelationsAreNodes reads a relation from an article's evidence and
// by its ID, with its ends and evidence.
func testRelationsAreNodes(t *testing.T, f *fixture) {
	data := f.query(t, `{ articles(first: 3) { edges { node { evidence { fact { __typename ... on Relation { id rel from { id } to { id } } } } } } } }`, nil)
	var rel map[string]any
	for _, a := range nodes(t, data, "articles") {
		for _, e := range a["evidence"].([]any) {
			if fact := e.(map[string]any)["fact"].(map[string]any); fact["__typename"] == "Relation" {
				rel = fact
			}
		}
	}
	if rel == nil || rel["rel"] == nil || rel["from"] == nil || rel["to"] == nil {
		t.Fatalf("no relation with its ends among the articles' evidence: %v", data)
	}
	got := f.query(t, `query($id: ID!) { node(id: $id) { __typename ... on Relation { rel evidence { sentence } } } }`, map[string]any{"id": rel["id"]})
	n := got["node"].(map[string]any)
	if n["__typename"] != "Relation" || n["rel"] != rel["rel"] || len(n["evidence"].([]any)) == 0 {
		t.Errorf("node(id: %s) = %v, want the relation with its evidence", rel["id"], n)
	}
}
