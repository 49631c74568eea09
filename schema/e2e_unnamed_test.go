package schema_test

import (
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// unnamedArticle is our own article about an action it gives no name:
// two forces take a platform down, Europol supports them.
const unnamedArticle = `---
title: Spanish police take down Exclu with support from Europol
url: https://tests.opgraph.example/exclu
published: 2023-02-06
---
The Guardia Civil and the Policía Nacional have taken down Exclu, an encrypted messaging service.

Europol supported the investigation.

The Guardia Civil arrested 12 people in Madrid. The Policía Nacional arrested 7 people in Valencia.
`

// testUnnamedOperation: an action an article does not name is an
// operation of its own, under the article's IRI, so exploration finds a
// supporter next to the platform, with its role; totals by agency count
// the two forces that made the arrests, not the supporter, and totals by
// operation put the arrests under the article's label.
func testUnnamedOperation(t *testing.T, f *fixture) {
	article := f.writeText(t, "exclu.txt", unnamedArticle)
	f.api.StoreChanged()
	f.fresh(t)
	op := string(graph.UnnamedOperationID(article))
	const label = "(unnamed: Spanish police take down Exclu with support from Europol)"
	europol := string(graph.EntityID(graph.KindAgency, "Europol"))

	node := f.query(t, `query($id: ID!) { node(id: $id) { ... on Operation { name named agencies { name } targets { name }
		agencyRoles { role agency { name } } arrests { count } } } }`, map[string]any{"id": op})["node"].(map[string]any)
	if node["name"] != label || node["named"] != false {
		t.Errorf("operation %s: name %v, named %v; want %q, false", op, node["name"], node["named"], label)
	}
	if got := nameSet(node["agencies"]); len(got) != 2 || !got["Guardia Civil"] || !got["Policía Nacional"] {
		t.Errorf("its agencies are %v, want the Guardia Civil and the Policía Nacional", node["agencies"])
	}
	if got := nameSet(node["targets"]); len(got) != 1 || !got["Exclu"] {
		t.Errorf("its targets are %v, want Exclu", node["targets"])
	}
	roles := map[string]string{}
	for _, r := range node["agencyRoles"].([]any) {
		rm := r.(map[string]any)
		roles[rm["agency"].(map[string]any)["name"].(string)] = rm["role"].(string)
	}
	if roles["Europol"] != graph.RoleSupported || roles["Guardia Civil"] != graph.RoleTookPart || roles["Policía Nacional"] != graph.RoleTookPart {
		t.Errorf("its roles are %v, want Europol supported, the two forces took part", roles)
	}
	if n := len(node["arrests"].([]any)); n != 2 {
		t.Errorf("%d arrests under it, want the 12 and the 7", n)
	}

	// Exploration: Europol two hops from the platform, by a helper edge
	// whose relation gives its role.
	sg := f.query(t, `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { nodes { id label } edges { source target predicate facts } } }`,
		map[string]any{"id": graph.EntityID(graph.KindPlatform, "Exclu")})["neighborhood"].(map[string]any)
	labels := map[string]string{}
	for _, n := range sg["nodes"].([]any) {
		nm := n.(map[string]any)
		labels[nm["id"].(string)] = nm["label"].(string)
	}
	if labels[op] != label || labels[europol] != "Europol" {
		t.Fatalf("the neighbourhood of Exclu lacks the operation or Europol: %v", labels)
	}
	var helper []any
	for _, e := range sg["edges"].([]any) {
		em := e.(map[string]any)
		if em["source"] == op && em["target"] == europol {
			if em["predicate"] != graph.RelOperationHelper {
				t.Errorf("the edge to Europol is %v, want %s", em["predicate"], graph.RelOperationHelper)
			}
			helper = em["facts"].([]any)
		}
	}
	if len(helper) != 1 {
		t.Fatalf("the edge from the operation to Europol has facts %v, want its one relation", helper)
	}
	rel := f.query(t, `query($id: ID!) { node(id: $id) { ... on Relation { rel roles evidence { sentence } } } }`, map[string]any{"id": helper[0]})["node"].(map[string]any)
	if rs := rel["roles"].([]any); len(rs) != 1 || rs[0] != graph.RoleSupported || len(rel["evidence"].([]any)) == 0 {
		t.Errorf("the relation to Europol = %v, want role supported, with its sentence", rel)
	}

	// So in the seeds: the joint investigation that took EncroChat down,
	// which its article does not name, brings Europol and Eurojust, who
	// supported it, next to EncroChat.
	sg = f.query(t, `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { id } } }`,
		map[string]any{"id": graph.EntityID(graph.KindPlatform, "EncroChat")})["neighborhood"].(map[string]any)
	near := map[string]bool{}
	for _, n := range sg["nodes"].([]any) {
		near[n.(map[string]any)["id"].(string)] = true
	}
	for _, a := range []string{"Europol", "Eurojust"} {
		if !near[string(graph.EntityID(graph.KindAgency, a))] {
			t.Errorf("%s is not in EncroChat's neighbourhood (truncated: %v)", a, sg["truncated"])
		}
	}

	// Totals by agency count the actors only; by operation, the article's label.
	filter := map[string]any{"op": op}
	byAgency := buckets(t, f.query(t, `query($op: ID!) { aggregate(measure: ARREST_COUNT, groupBy: AGENCY, filter: {operation: $op}) { label value } }`, filter))
	if len(byAgency) != 2 || byAgency["Guardia Civil"] != 12 || byAgency["Policía Nacional"] != 7 {
		t.Errorf("arrests by agency = %v, want the Guardia Civil 12 and the Policía Nacional 7, Europol not among them", byAgency)
	}
	byOperation := buckets(t, f.query(t, `{ aggregate(measure: ARREST_COUNT, groupBy: OPERATION, first: 100) { label value } }`, nil))
	if byOperation[label] != 19 {
		t.Errorf("arrests by operation = %v, want 19 under %q", byOperation, label)
	}
}

// nameSet is the set of names of a list of nodes.
func nameSet(list any) map[string]bool {
	out := map[string]bool{}
	for _, n := range names(list) {
		out[n] = true
	}
	return out
}

// buckets are an aggregate's values by label.
func buckets(t *testing.T, data map[string]any) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, b := range data["aggregate"].([]any) {
		bm := b.(map[string]any)
		out[bm["label"].(string)] = bm["value"].(float64)
	}
	return out
}
