package schema_test

import (
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// testSearchHitsHaveLabelTypeAndSnippet: hits say what they are and where
// the words were found: a name, or an evidence sentence cut around them.
func testSearchHitsHaveLabelTypeAndSnippet(t *testing.T, f *fixture) {
	eleven, elevenProps := arrest("lighthouse eleven", 11)
	haul, haulProps := drugs("lighthouse haul", 20, "kg")
	long := "After a patrol that lasted through the night and much of the following morning, in rain that grounded every helicopter along the coast, officers of the <harbour> & river unit found twenty kilograms of cocaine in a crate stored beside the old lighthouse keeper's cottage."
	f.writeFigures(t, "https://test.example/lighthouse", "2023-08-01", "Lighthouse Guard", "", []figure{
		{id: eleven, kind: graph.KindArrest, props: elevenProps, sentence: "Eleven smugglers were detained near the lighthouse."},
		{id: haul, kind: graph.KindSeizure, props: haulProps, sentence: long},
	})
	search := func(text, types string) []map[string]any {
		data := f.query(t, `query($t: String!) { search(text: $t, types: [`+types+`], first: 5) { type label node { id }
			snippet { field text html highlights { start end } } } }`, map[string]any{"t": text})
		var out []map[string]any
		for _, h := range data["search"].([]any) {
			out = append(out, h.(map[string]any))
		}
		return out
	}
	marked := func(sn map[string]any) []string {
		rs := []rune(sn["text"].(string))
		var words []string
		for _, h := range sn["highlights"].([]any) {
			hm := h.(map[string]any)
			words = append(words, string(rs[int(hm["start"].(float64)):int(hm["end"].(float64))]))
		}
		return words
	}
	hits := search("lighthouse detained", "Arrest")
	if len(hits) != 1 {
		t.Fatalf("search lighthouse detained in arrests: %d hits, want 1: %v", len(hits), hits)
	}
	h := hits[0]
	sn := h["snippet"].(map[string]any)
	if h["type"] != "Arrest" || h["label"] != "11 arrests" || h["node"].(map[string]any)["id"] != string(eleven) {
		t.Errorf("hit = %v, want the Arrest labelled 11 arrests", h)
	}
	if sn["field"] != "sentence" || sn["text"] != "Eleven smugglers were detained near the lighthouse." ||
		strings.Join(marked(sn), ",") != "detained,lighthouse" ||
		sn["html"] != "Eleven smugglers were <mark>detained</mark> near the <mark>lighthouse</mark>." {
		t.Errorf("snippet = %v (marked %v), want the sentence with detained and lighthouse marked", sn, marked(sn))
	}

	hits = search("lighthouse", "Agency")
	if len(hits) != 1 || hits[0]["label"] != "Lighthouse Guard" || hits[0]["type"] != "Agency" {
		t.Fatalf("search lighthouse in agencies = %v, want Lighthouse Guard", hits)
	}
	if sn := hits[0]["snippet"].(map[string]any); sn["field"] != "name" || sn["html"] != "<mark>Lighthouse</mark> Guard" {
		t.Errorf("agency snippet = %v, want its name with the word marked", sn)
	}

	// A long sentence is cut around the words, and escaped for HTML.
	hits = search("cocaine keeper", "Seizure")
	if len(hits) != 1 || hits[0]["label"] != "20 kg cocaine" {
		t.Fatalf("search cocaine keeper in seizures = %v, want the 20 kg", hits)
	}
	sn = hits[0]["snippet"].(map[string]any)
	text := sn["text"].(string)
	if !strings.HasPrefix(text, "…") || len([]rune(text)) > 162 || !strings.Contains(long, strings.Trim(text, "…")) {
		t.Errorf("long snippet = %q, want at most 160 runes of the sentence after …", text)
	}
	if got := strings.Join(marked(sn), ","); got != "cocaine,keeper" {
		t.Errorf("long snippet marks %q, want cocaine,keeper", got)
	}
	if html := sn["html"].(string); !strings.Contains(html, "&lt;harbour&gt; &amp; river unit") || !strings.Contains(html, "<mark>cocaine</mark>") {
		t.Errorf("long snippet html = %q, want the text escaped and cocaine marked", html)
	}
}
