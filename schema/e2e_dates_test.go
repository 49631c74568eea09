package schema_test

import (
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// datedArticle is our own article: figures dated to the day, the month,
// relative to publication, and not at all.
const datedArticle = `---
title: Test raids across the county
published: 2024-03-20
---
On 4 February 2024, Greater Manchester Police arrested 11 people in Bolton.

Greater Manchester Police also arrested 6 people in Wigan.

Greater Manchester Police arrested 23 people in Salford in January 2024.

Greater Manchester Police arrested 5 people in Bury yesterday.
`

// testEventDates: each figure carries the date its sentence gives, with
// its precision, or the article's date marked as a fallback; totals by
// month place each figure by its own date and count the fallbacks.
func testEventDates(t *testing.T, f *fixture) {
	f.writeText(t, "dated.txt", datedArticle)
	f.api.StoreChanged()
	f.fresh(t)
	gmp := graph.EntityID(graph.KindAgency, "Greater Manchester Police")
	got := map[float64][3]any{}
	for _, a := range nodes(t, f.query(t, `query($a: ID!) { arrests(filter: {agency: $a}, first: 20) { edges { node { count eventDate datePrecision dateSource } } } }`,
		map[string]any{"a": gmp}), "arrests") {
		got[a["count"].(float64)] = [3]any{a["eventDate"], a["datePrecision"], a["dateSource"]}
	}
	want := map[float64][3]any{
		11: {"2024-02-04", "day", "text"},
		6:  {"2024-03-20", "day", "article"},
		23: {"2024-01", "month", "text"},
		5:  {"2024-03-19", "day", "text"},
	}
	for count, w := range want {
		if got[count] != w {
			t.Errorf("arrest of %v: eventDate, precision, source = %v, want %v", count, got[count], w)
		}
	}
	data := f.query(t, `query($a: ID!) { aggregate(measure: ARREST_COUNT, groupBy: MONTH, filter: {agency: $a}) { label value count datedByArticle } }`,
		map[string]any{"a": gmp})
	wantMonths := map[string][3]float64{ // value, count, datedByArticle
		"2024-01": {23, 1, 0},
		"2024-02": {11, 1, 0},
		"2024-03": {11, 2, 1},
	}
	for month, w := range wantMonths {
		b := bucketOf(t, data, month)
		if b == nil || b["value"] != w[0] || b["count"] != w[1] || b["datedByArticle"] != w[2] {
			t.Errorf("month %s: bucket %v, want value %v, count %v, datedByArticle %v", month, b, w[0], w[1], w[2])
		}
	}
	if n := len(data["aggregate"].([]any)); n != len(wantMonths) {
		t.Errorf("%d month buckets, want %d: %v", n, len(wantMonths), data["aggregate"])
	}
}

// undatedArticle has no publication date: its operation is dated by the
// sentence that names it, not put under "(not stated)".
const undatedArticle = `---
title: A test of an operation's own date
---
In March 2023, Northumbria Police launched Operation Wrenfield against drug supply.

Officers from Operation Wrenfield arrested 14 people.
`

// testOperationDates: an operation carries the date the text gives it, and
// totals of operations by month place it there.
func testOperationDates(t *testing.T, f *fixture) {
	f.writeText(t, "undated.txt", undatedArticle)
	f.api.StoreChanged()
	f.fresh(t)
	op := graph.EntityID(graph.KindOperation, "Wrenfield")
	data := f.query(t, `query($id: ID!) { node(id: $id) { ... on Operation { name eventDate datePrecision dateSource } } }`, map[string]any{"id": op})
	n, _ := data["node"].(map[string]any)
	if n == nil || n["eventDate"] != "2023-03" || n["datePrecision"] != "month" || n["dateSource"] != "text" {
		t.Fatalf("operation = %v, want eventDate 2023-03 (month, text)", n)
	}
	agg := f.query(t, `{ aggregate(measure: OPERATION_COUNT, groupBy: MONTH) { label value count datedByArticle } }`, nil)
	if b := bucketOf(t, agg, "2023-03"); b == nil || b["count"] != 1.0 || b["datedByArticle"] != 0.0 {
		t.Errorf("March 2023 bucket %v, want the operation, dated by its text: %v", b, agg["aggregate"])
	}
}
