package schema_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// testExportsApplyCuration curates through the API (a fact retracted, a
// count and a date corrected, an agency merged into another, an agency retracted) and
// checks the CSV, JSON-LD and FtM exports say what the API says, and that
// the raw exports still hold what the articles said.
func testExportsApplyCuration(t *testing.T, f *fixture) {
	const kept, merged, gone = "Quayside Constabulary", "Quayside Police", "Phantom Bureau"
	twelve, twelveProps := arrest("export twelve", 12)
	five, fiveProps := arrest("export five", 5)
	three, threeProps := arrest("export three", 3)
	two, twoProps := arrest("export two", 2)
	f.writeFigures(t, "https://test.example/quay-1", "2023-05-02", kept, "Lantern", []figure{
		{id: twelve, kind: graph.KindArrest, props: twelveProps, sentence: "Twelve people were arrested."},
		{id: five, kind: graph.KindArrest, props: fiveProps, sentence: "Five were later released."},
	})
	f.writeFigures(t, "https://test.example/quay-2", "2023-05-03", merged, "", []figure{
		{id: three, kind: graph.KindArrest, props: threeProps, sentence: "Three people were arrested."},
	})
	f.writeFigures(t, "https://test.example/quay-3", "2023-05-04", gone, "", []figure{
		{id: two, kind: graph.KindArrest, props: twoProps, sentence: "Two people were arrested."},
	})
	keptID, mergedID, goneID := graph.EntityID(graph.KindAgency, kept), graph.EntityID(graph.KindAgency, merged), graph.EntityID(graph.KindAgency, gone)
	f.mutate(t, `mutation($id: ID!) { retractFact(id: $id, reason: "not arrests") { id } }`, map[string]any{"id": five})
	f.mutate(t, `mutation($id: ID!) { correctFact(id: $id, field: "count", value: "14", reason: "the force's release says 14") { id } }`, map[string]any{"id": twelve})
	f.mutate(t, `mutation($id: ID!) { correctFact(id: $id, field: "date", value: "1 May 2023", reason: "the raids were the day before") { id } }`, map[string]any{"id": twelve})
	f.mutate(t, `mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m, reason: "one force") { id } }`, map[string]any{"k": keptID, "m": mergedID})
	f.mutate(t, `mutation($id: ID!) { retractEntity(id: $id, reason: "no such body") { id } }`, map[string]any{"id": goneID})

	ents, err := f.store.Entities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	curated := graph.Curated(ents)

	// CSV: rows by id, columns by header.
	table := func(ents []*graph.Entity, k graph.Kind) map[string]map[string]string {
		var buf bytes.Buffer
		if err := graph.WriteCSV(&buf, k, ents); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rows := map[string]map[string]string{}
		for _, rec := range recs[1:] {
			row := map[string]string{}
			for i, col := range recs[0] {
				row[col] = rec[i]
			}
			rows[rec[0]] = row
		}
		return rows
	}
	arrests, agencies := table(curated, graph.KindArrest), table(curated, graph.KindAgency)
	if _, ok := arrests[string(five)]; ok {
		t.Errorf("arrest.csv holds the retracted arrest %s", five)
	}
	if got := arrests[string(twelve)]["count"]; got != "14" {
		t.Errorf("arrest.csv count of %s = %q, want the corrected 14", twelve, got)
	}
	if got := arrests[string(twelve)]; got["date"] != "1 May 2023" || got["eventDate"] != "2023-05-01" || got["dateSource"] != graph.DateFromCurator {
		t.Errorf("arrest.csv dates of %s = %q, %q, %q; want the curator's date and the event date it gives", twelve, got["date"], got["eventDate"], got["dateSource"])
	}
	if got := arrests[string(three)]; got["agency"] != string(keptID) || got["agency_name"] != kept {
		t.Errorf("arrest.csv row of %s = %v, want its agency merged into %s", three, got, keptID)
	}
	if got := arrests[string(two)]["agency"]; got != "" {
		t.Errorf("arrest.csv agency of %s = %q, want none: the agency was retracted", two, got)
	}
	for _, id := range []graph.ID{mergedID, goneID} {
		if _, ok := agencies[string(id)]; ok {
			t.Errorf("agency.csv holds %s, merged or retracted", id)
		}
	}
	if got := agencies[string(keptID)]["alias"]; !strings.Contains(got, merged) {
		t.Errorf("agency.csv alias of %s = %q, want the merged name %q", keptID, got, merged)
	}
	if rows := table(curated, graph.KindChange); len(rows) != 0 {
		t.Errorf("curated change.csv has %d rows, want none: the changes are applied", len(rows))
	}
	// The API agrees: the arrests by agency give the same numbers.
	api := map[string]float64{}
	for _, b := range f.query(t, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 500) { key value } }`, nil)["aggregate"].([]any) {
		bm := b.(map[string]any)
		api[bm["key"].(string)] = bm["value"].(float64)
	}
	if api[string(keptID)] != 17 || api[string(mergedID)] != 0 || api[string(goneID)] != 0 {
		t.Errorf("API arrests by agency: kept %v, merged %v, retracted %v; want 17, 0, 0", api[string(keptID)], api[string(mergedID)], api[string(goneID)])
	}

	// Raw: what the articles said, changes included.
	rawArrests, rawAgencies := table(ents, graph.KindArrest), table(ents, graph.KindAgency)
	if _, ok := rawArrests[string(five)]; !ok || rawArrests[string(twelve)]["count"] != "12" || rawArrests[string(three)]["agency"] != string(mergedID) {
		t.Errorf("raw arrest.csv: five %v, twelve %v, three %v; want as written", rawArrests[string(five)], rawArrests[string(twelve)], rawArrests[string(three)])
	}
	if _, ok := rawAgencies[string(mergedID)]; !ok {
		t.Errorf("raw agency.csv lost the merged %s", mergedID)
	}
	if rows := table(ents, graph.KindChange); len(rows) != 5 {
		t.Errorf("raw change.csv has %d rows, want the 5 changes", len(rows))
	}

	// FtM: no entity for what is gone; the arrest's organizer is the one kept.
	ftm := map[string]graph.FtMEntity{}
	for _, e := range graph.FtM(curated) {
		ftm[e.ID] = e
	}
	ftmID := func(id graph.ID) string {
		return "opg-" + strings.NewReplacer("/", "-", ":", "-").Replace(strings.TrimPrefix(string(id), "opg:"))
	}
	for _, id := range []graph.ID{five, mergedID, goneID} {
		if _, ok := ftm[ftmID(id)]; ok {
			t.Errorf("FtM export holds %s, retracted or merged", id)
		}
	}
	if got := ftm[ftmID(three)].Properties["organizer"]; len(got) != 1 || got[0] != ftmID(keptID) {
		t.Errorf("FtM organizer of %s = %v, want %s", three, got, ftmID(keptID))
	}
	if got := ftm[ftmID(twelve)].Properties["name"]; len(got) != 1 || !strings.HasPrefix(got[0], "14 arrests") {
		t.Errorf("FtM name of %s = %v, want the corrected 14 arrests", twelve, got)
	}

	// JSON-LD: the same nodes and values.
	var buf bytes.Buffer
	if err := graph.WriteJSONLD(&buf, curated); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	ld := map[string]map[string]any{}
	for _, n := range doc.Graph {
		ld[n["@id"].(string)] = n
	}
	for _, id := range []graph.ID{five, mergedID, goneID} {
		if _, ok := ld[string(id)]; ok {
			t.Errorf("JSON-LD export holds %s, retracted or merged", id)
		}
	}
	if got := ld[string(twelve)][string(graph.PredCount)]; got == nil || got.([]any)[0].(map[string]any)["@value"] != 14.0 {
		t.Errorf("JSON-LD count of %s = %v, want 14", twelve, got)
	}
	for _, n := range doc.Graph {
		if n[string(graph.PredSupports)] != nil {
			for _, s := range n[string(graph.PredSupports)].([]any) {
				if s.(map[string]any)["@id"] == string(five) {
					t.Errorf("JSON-LD evidence %s supports the retracted %s", n["@id"], five)
				}
			}
		}
	}
}
