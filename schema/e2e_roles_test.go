package schema_test

import (
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// rolesArticle is our own article naming an operation's agencies in each role.
const rolesArticle = `---
title: Tidewater
published: 2023-05-02
---
Operation Tidewater was led by the National Crime Agency, with support from Europol.

Operation Tidewater was enabled by the Federal Bureau of Investigation.

Border Force officers arrested four people in Operation Tidewater.

According to the Metropolitan Police, Operation Tidewater ran for a year.
`

// testAgencyRoles: every agency named with an operation is reachable with
// its role and the sentence that gives it; only those that led or took part
// are the operation's agencies and count in totals by agency.
func testAgencyRoles(t *testing.T, f *fixture) {
	f.writeText(t, "roles.txt", rolesArticle)
	f.api.StoreChanged()
	f.fresh(t)
	op := graph.EntityID(graph.KindOperation, "Tidewater")
	data := f.query(t, `query($id: ID!) { node(id: $id) { ... on Operation { agencies { name }
		agencyRoles { role agency { name } evidence { sentence } relation { rel roles } } } } }`, map[string]any{"id": op})
	node := data["node"].(map[string]any)
	want := []struct{ agency, role, rel string }{ // strongest role first, then by ID
		{"National Crime Agency", "led", graph.RelOperationAgency},
		{"Border Force", "took_part", graph.RelOperationAgency},
		{"Europol", "supported", graph.RelOperationHelper},
		{"Federal Bureau of Investigation", "supported", graph.RelOperationHelper},
		{"Metropolitan Police", "announced", graph.RelOperationHelper},
	}
	roles := node["agencyRoles"].([]any)
	if len(roles) != len(want) {
		t.Fatalf("agencyRoles = %v, want %d agencies", roles, len(want))
	}
	for i, w := range want {
		r := roles[i].(map[string]any)
		rel := r["relation"].(map[string]any)
		if r["agency"].(map[string]any)["name"] != w.agency || r["role"] != w.role || rel["rel"] != w.rel || len(r["evidence"].([]any)) == 0 {
			t.Errorf("agencyRoles[%d] = %v, want %s %s (%s) with evidence", i, r, w.agency, w.role, w.rel)
		}
	}
	actors := map[string]bool{}
	for _, a := range node["agencies"].([]any) {
		actors[a.(map[string]any)["name"].(string)] = true
	}
	if len(actors) != 2 || !actors["National Crime Agency"] || !actors["Border Force"] {
		t.Errorf("agencies = %v, want the National Crime Agency and Border Force only", node["agencies"])
	}
	ops := f.query(t, `query($op: ID!) { aggregate(measure: OPERATION_COUNT, groupBy: AGENCY, filter: {operation: $op}) { label value } }`, map[string]any{"op": op})
	got := map[string]float64{}
	for _, b := range ops["aggregate"].([]any) {
		bm := b.(map[string]any)
		got[bm["label"].(string)] = bm["value"].(float64)
	}
	if len(got) != 2 || got["National Crime Agency"] != 1 || got["Border Force"] != 1 {
		t.Errorf("operations by agency = %v, want Tidewater under its two actors only", got)
	}
}
