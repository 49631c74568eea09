package schema_test

import (
	"testing"
)

// TestEdgesCarryTheirFacts checks every edge of a neighbourhood names the
// facts that state it: a relation edge its Relation nodes, with the same
// ends and predicate and evidence; a figure's link the figure itself.
func TestEdgesCarryTheirFacts(t *testing.T) {
	f := seeded(t)
	data := f.query(t, `{ neighborhood(id: "opg:operation/venetic", depth: 2, limit: 300) { edges { source target predicate facts } } }`, nil)
	edges := data["neighborhood"].(map[string]any)["edges"].([]any)
	relations, links := 0, 0
	for _, e := range edges {
		e := e.(map[string]any)
		source, target, pred := e["source"].(string), e["target"].(string), e["predicate"].(string)
		facts := e["facts"].([]any)
		if len(facts) == 0 {
			t.Errorf("edge %s -%s-> %s has no facts", source, pred, target)
			continue
		}
		switch pred {
		case "agency", "operation", "place":
			links++
			if len(facts) != 1 || facts[0] != source {
				t.Errorf("a figure's link %s -%s-> %s has facts %v, want the figure", source, pred, target, facts)
			}
		default:
			relations++
			for _, id := range facts {
				rel := f.query(t, `query($id: ID!) { node(id: $id) { __typename ... on Relation { rel from { id } to { id } evidence { sentence } } } }`,
					map[string]any{"id": id})["node"].(map[string]any)
				from, to := rel["from"].(map[string]any)["id"], rel["to"].(map[string]any)["id"]
				if rel["__typename"] != "Relation" || rel["rel"] != pred || from != source || to != target {
					t.Errorf("edge %s -%s-> %s names fact %s, which is %v", source, pred, target, id, rel)
				}
				if len(rel["evidence"].([]any)) == 0 {
					t.Errorf("the relation %s has no evidence", id)
				}
			}
		}
	}
	if relations == 0 || links == 0 {
		t.Fatalf("Venetic's neighbourhood has %d relation edges and %d figure links; the test needs both", relations, links)
	}
}
