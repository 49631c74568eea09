package schema_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// Our own articles: two about one haul (Border Force's 2.4 tonnes and the
// NCA's 2,400 kg at Felixstowe on 9 June 2023), each recalling the UK
// record of 2019 in its own words (one names no place, the other the UK);
// a third about another haul recalling a record of the same size and year
// (Police Scotland's); and a fourth reporting a 1.9 t haul in 2019 as news.
var recordArticles = []struct{ name, text string }{
	{"felixstowe-border-force.txt", `---
title: Record cocaine haul at Felixstowe
published: 2023-06-12
---
Border Force officers seized 2.4 tonnes of cocaine at Felixstowe on 9 June 2023.

The previous UK record was also set at Felixstowe. In 2019, officers there seized 1.9 tonnes of cocaine.
`},
	{"felixstowe-nca.txt", `---
title: Container of cocaine stopped at port
published: 2023-06-13
---
The National Crime Agency said 2,400 kg of cocaine were found in a container at Felixstowe on 9 June 2023.

The largest UK seizure before this was 1.9 tonnes of cocaine found in 2019.
`},
	{"grangemouth.txt", `---
title: Cocaine found at Grangemouth
published: 2023-09-01
---
Police Scotland seized 300 kg of cocaine at Grangemouth on 30 August 2023.

The force's largest seizure before this was 1.9 tonnes of cocaine, which Police Scotland seized in 2019.
`},
	{"felixstowe-2019.txt", `---
title: Cocaine in banana boxes
published: 2019-05-06
---
Border Force officers seized 1.9 tonnes of cocaine at Felixstowe on 3 May 2019.
`},
}

// testPastRecordAcrossArticles: two articles about one haul that each
// recall the same earlier record count the record once (with
// includeContext), with both sentences as its evidence; the same figure
// and year recalled by an article about another event stays a fact of its
// own, and a past figure is never read as one with a haul reported as news.
func testPastRecordAcrossArticles(t *testing.T, f *fixture) {
	const q = `query($c: Boolean!) { aggregate(measure: SEIZED_KG, groupBy: YEAR, filter: {subtype: "cocaine"}, includeContext: $c, first: 20) {
		label value count facts(first: 10) { id ... on Seizure { quantity unit context eventDate evidence { article { title } } } } } }`
	year := func(c bool, label string) (value, count float64, facts []any) {
		t.Helper()
		if b := bucketOf(t, f.query(t, q, map[string]any{"c": c}), label); b != nil {
			return b["value"].(float64), b["count"].(float64), b["facts"].([]any)
		}
		return 0, 0, nil
	}
	for _, label := range []string{"2019", "2023"} {
		for _, c := range []bool{false, true} {
			if v, n, _ := year(c, label); v != 0 || n != 0 {
				t.Fatalf("the seeds already give %v kg of cocaine in %v facts under %s (includeContext %v): the test needs a year of its own", v, n, label, c)
			}
		}
	}
	for _, a := range recordArticles {
		id := f.writeText(t, a.name, a.text)
		f.api.ArticlesAdded(graph.Written{Article: id}) // one at a time: the table takes each in place
		f.fresh(t)
	}

	if v, n, _ := year(false, "2023"); v != 2700 || n != 2 {
		t.Errorf("cocaine in 2023: %v kg in %v facts, want 2700 in 2 (the Felixstowe haul once, Grangemouth's 300 kg)", v, n)
	}
	if v, n, _ := year(false, "2019"); v != 1900 || n != 1 {
		t.Errorf("cocaine in 2019 without past figures: %v kg in %v facts, want 1900 in 1 (the haul reported in 2019)", v, n)
	}
	v, n, facts := year(true, "2019")
	if v != 5700 || n != 3 {
		t.Errorf("cocaine in 2019 with past figures: %v kg in %v facts, want 5700 in 3 (the 2019 haul, the UK record once, Police Scotland's record)", v, n)
	}
	// The facts behind the bucket: which articles each past figure comes from.
	var records [][]string
	for _, fact := range facts {
		fm := fact.(map[string]any)
		if fm["context"] != true {
			continue
		}
		var titles []string
		for _, e := range fm["evidence"].([]any) {
			titles = append(titles, e.(map[string]any)["article"].(map[string]any)["title"].(string))
		}
		records = append(records, titles)
	}
	want := map[string][]string{
		"Record cocaine haul at Felixstowe": {"Record cocaine haul at Felixstowe", "Container of cocaine stopped at port"},
		"Cocaine found at Grangemouth":      {"Cocaine found at Grangemouth"},
	}
	if len(records) != len(want) {
		t.Errorf("past figures under 2019 from the articles %v, want two: the UK record from both Felixstowe articles, Police Scotland's alone", records)
	}
	for _, got := range records {
		if w, ok := want[got[0]]; ok && !sameSet(got, w) || !ok && !sameSet(got, want["Record cocaine haul at Felixstowe"]) {
			t.Errorf("a past figure under 2019 is stated by %v, want %v or %v", got, want["Record cocaine haul at Felixstowe"], want["Cocaine found at Grangemouth"])
		}
	}

	// The table, updated in place, gives what the store gives read
	// afresh, and what a whole build gives.
	const byYear = `query($c: Boolean!) { aggregate(measure: SEIZED_KG, groupBy: YEAR, includeContext: $c, first: 100 FILTER) { label value count facts(first: 50) { id } } }`
	inPlace := map[bool]map[string]any{}
	for _, c := range []bool{false, true} {
		inPlace[c] = f.query(t, strings.Replace(byYear, "FILTER", "", 1), map[string]any{"c": c})
		store := f.query(t, strings.Replace(byYear, "FILTER", ", filter: {minConfidence: 0.000001}", 1), map[string]any{"c": c})
		if !reflect.DeepEqual(inPlace[c], store) {
			t.Errorf("kg by year (includeContext %v): from the table %v\nfrom the store %v", c, inPlace[c], store)
		}
	}
	f.api.StoreChanged()
	f.fresh(t)
	for _, c := range []bool{false, true} {
		if whole := f.query(t, strings.Replace(byYear, "FILTER", "", 1), map[string]any{"c": c}); !reflect.DeepEqual(inPlace[c], whole) {
			t.Errorf("kg by year (includeContext %v): updated in place %v\nbuilt whole %v", c, inPlace[c], whole)
		}
	}
	aggregatesAgree(t, f)
}

func sameSet(a, b []string) bool {
	in := map[string]int{}
	for _, s := range a {
		in[s]++
	}
	for _, s := range b {
		in[s]--
	}
	for _, n := range in {
		if n != 0 {
			return false
		}
	}
	return true
}
