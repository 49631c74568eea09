package schema_test

import (
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// Our own articles: one haul two agencies each announce, dated to the same
// day, and the same figure by a third agency two weeks later.
var claimedArticles = map[string]string{
	"dover-border-force.txt": `---
title: Dover haul
published: 2021-05-05
---
Border Force officers seized 40 kg of heroin at Dover on 3 May 2021.
`,
	"dover-nca.txt": `---
title: Heroin found in lorry
published: 2021-05-06
---
The National Crime Agency seized 40 kg of heroin on 3 May 2021.
`,
	"merseyside.txt": `---
title: Another heroin find
published: 2021-05-20
---
Merseyside Police seized 40 kg of heroin on 17 May 2021.
`,
}

// testHaulClaimedByTwoAgencies: the same figure of the same drug found on
// the same day, announced by two agencies in two articles, is one fact under
// both agencies, counted once in totals and once in each agency's; the same
// figure on another day stays a fact of its own.
func testHaulClaimedByTwoAgencies(t *testing.T, f *fixture) {
	heroin := func() (total, count float64, byAgency map[string]float64) {
		data := f.query(t, `{ all: aggregate(measure: SEIZED_KG, groupBy: SUBTYPE, filter: {subtype: "heroin"}) { label value count }
			agencies: aggregate(measure: SEIZED_KG, groupBy: AGENCY, filter: {subtype: "heroin"}, first: 100) { label value } }`, nil)
		for _, b := range data["all"].([]any) {
			bm := b.(map[string]any)
			total += bm["value"].(float64)
			count += bm["count"].(float64)
		}
		byAgency = map[string]float64{}
		for _, b := range data["agencies"].([]any) {
			bm := b.(map[string]any)
			byAgency[bm["label"].(string)] = bm["value"].(float64)
		}
		return total, count, byAgency
	}
	total0, count0, agencies0 := heroin()
	for name, text := range claimedArticles {
		f.writeText(t, name, text)
	}
	f.api.StoreChanged()
	f.fresh(t)
	total, count, agencies := heroin()
	if total-total0 != 80 || count-count0 != 2 {
		t.Errorf("heroin total went from %v kg in %v facts to %v in %v, want 80 kg more in 2 facts (the Dover haul once, Merseyside's)", total0, count0, total, count)
	}
	for _, a := range []string{"Border Force", "National Crime Agency", "Merseyside Police"} {
		if agencies[a]-agencies0[a] != 40 {
			t.Errorf("%s: heroin %v kg, was %v, want 40 more", a, agencies[a], agencies0[a])
		}
	}
	bf := graph.EntityID(graph.KindAgency, "Border Force")
	var dover map[string]any
	for _, s := range nodes(t, f.query(t, `query($a: ID!) { seizures(filter: {agency: $a, subtype: "heroin"}, first: 50) { edges { node {
		quantity eventDate agencies { name } evidence { article { title } } } } } }`, map[string]any{"a": bf}), "seizures") {
		if s["quantity"] == 40.0 && s["eventDate"] == "2021-05-03" {
			dover = s
		}
	}
	if dover == nil {
		t.Fatal("no 40 kg heroin seizure of 3 May 2021 under Border Force")
	}
	names := map[string]bool{}
	for _, a := range dover["agencies"].([]any) {
		names[a.(map[string]any)["name"].(string)] = true
	}
	if len(names) != 2 || !names["Border Force"] || !names["National Crime Agency"] || len(dover["evidence"].([]any)) != 2 {
		t.Errorf("the Dover haul = %v, want one fact under Border Force and the National Crime Agency with both articles' sentences", dover)
	}
}
