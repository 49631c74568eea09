// Package kindtest proves that a new kind of fact is one spec: a Charge,
// registered here and nowhere else, appears in the GraphQL types and
// lists (with its event date and every agency), filters, aggregates,
// corrections and exports. It is a package of
// its own so that the kind it registers stays out of the other tests.
package kindtest

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	_ "github.com/cayleygraph/cayley/graph/memstore"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/schema"
)

const (
	kindCharge  graph.Kind      = "Charge"
	predOffence graph.Predicate = "opg:offence"
	predPerson  graph.Predicate = "opg:person"
)

// chargeSpec is all a charge is: no other code knows the kind.
var chargeSpec = graph.KindSpec{
	Kind: kindCharge, List: "charges", Fact: true, Doc: "A charge brought against a person.",
	Fields: []graph.Field{
		{Name: "offence", Pred: predOffence, Type: graph.Text, Correctable: true},
		{Name: "count", Pred: graph.PredCount, Type: graph.Number, Correctable: true, Max: 1000, Whole: true},
		{Name: "date", Pred: graph.PredDate, Type: graph.Date},
		{Name: "eventDate", Pred: graph.PredEventDate, Type: graph.EventDate},
	},
	Links: []graph.Link{
		{Name: "person", Pred: predPerson, To: graph.KindPerson, Correctable: true, FtMProp: "involved"},
		{Name: "agency", Pred: graph.PredAgency, To: graph.KindAgency, FtMProp: "organizer", All: "agencies", AllDoc: "Every agency that brought it."},
	},
	Measures: []graph.Measure{{Name: "CHARGE_COUNT", Doc: "sums counts of charges", Reads: []graph.Predicate{graph.PredCount},
		Value: func(e *graph.Entity) (float64, bool) { return e.Float(graph.PredCount) }}},
	FtM: func(e *graph.Entity) (string, map[string][]string) {
		return "Event", map[string][]string{"name": {"charge: " + e.String(predOffence)}}
	},
}

func init() {
	if err := graph.RegisterKind(chargeSpec); err != nil {
		panic(err)
	}
}

const token = "tok"

// world is an NCA (GB) charge of John Smith with 3 counts of fraud, its
// text dated 20 February 2024, and a Garda (IE) charge of Ann Byrne with 2
// counts of theft, undated, each from its own article.
func world(t *testing.T) (*graph.Store, map[string]graph.ID) {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ids := map[string]graph.ID{}
	for i, c := range []struct{ agency, country, person, offence string }{
		{"National Crime Agency", "GB", "John Smith", "fraud"},
		{"Garda Siochana", "IE", "Ann Byrne", "theft"},
	} {
		art := graph.ArticleID(fmt.Sprintf("https://test.example/charge-%d", i), "")
		agency, person := graph.EntityID(graph.KindAgency, c.agency), graph.EntityID(graph.KindPerson, c.person)
		charge := graph.FactID(kindCharge, c.person, c.offence)
		ids[c.offence], ids[c.agency], ids[c.person] = charge, agency, person
		ev := func(conf float64, claims ...graph.Prop) []graph.Evidence {
			return []graph.Evidence{{Sentence: "A sentence of the test's own.", Start: 0, End: 29, Confidence: conf, Claims: claims}}
		}
		var dated []graph.Prop
		if i == 0 {
			dated = []graph.Prop{{Pred: graph.PredEventDate, Value: "2024-02-20"}, {Pred: graph.PredDateSource, Value: graph.DateFromText}}
		}
		af := graph.ArticleFacts{
			Article: graph.Article{ID: art, Title: "charges " + c.offence, URL: fmt.Sprintf("https://test.example/charge-%d", i), Published: "2024-03-0" + fmt.Sprint(i+1)},
			Nodes: []graph.Node{
				{ID: agency, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: c.agency}, {Pred: graph.PredCountry, Value: c.country}}, Evidence: ev(0.9)},
				{ID: person, Kind: graph.KindPerson, Props: []graph.Prop{{Pred: graph.PredName, Value: c.person}}, Evidence: ev(0.9)},
				{ID: charge, Kind: kindCharge, Props: []graph.Prop{{Pred: predOffence, Value: c.offence}, {Pred: graph.PredCount, Value: float64(3 - i)},
					{Pred: predPerson, Value: person}, {Pred: graph.PredAgency, Value: agency}}, Evidence: ev(0.5+0.4*float64(i), dated...)},
			},
		}
		if _, _, err := st.WriteArticle(ctx, af); err != nil {
			t.Fatal(err)
		}
	}
	return st, ids
}

func query(t *testing.T, srv *httptest.Server, q string, vars map[string]any) map[string]any {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Data   map[string]any
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("%s: %v", q, res.Errors)
	}
	return res.Data
}

func TestANewKindIsOneSpec(t *testing.T) {
	st, ids := world(t)
	api, err := schema.NewServer(schema.ServerConfig{Config: schema.Config{Reader: st, Curator: st}, Tokens: map[string]string{token: "alice"}})
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	srv := httptest.NewServer(api)
	defer srv.Close()
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }

	t.Run("list, fields and links", func(t *testing.T) {
		got := js(query(t, srv, `{ charges { totalCount edges { node { offence count person { name } agency { name } } } } }`, nil))
		for _, want := range []string{`"totalCount":2`, `"offence":"fraud","person":{"name":"John Smith"}`, `"agency":{"name":"Garda Siochana"},"count":2`} {
			if !strings.Contains(got, want) {
				t.Errorf("charges = %s, want it to hold %s", got, want)
			}
		}
	})
	t.Run("the nodes it links to list it", func(t *testing.T) {
		got := js(query(t, srv, `query($p: ID!, $a: ID!) { p: node(id: $p) { ... on Person { charges { offence } } } a: node(id: $a) { ... on Agency { charges { offence } } } }`,
			map[string]any{"p": ids["John Smith"], "a": ids["Garda Siochana"]}))
		if want := `{"a":{"charges":[{"offence":"theft"}]},"p":{"charges":[{"offence":"fraud"}]}}`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
	t.Run("filters", func(t *testing.T) {
		for _, tc := range []struct{ filter, want string }{
			{`{agency: "` + string(ids["National Crime Agency"]) + `"}`, "fraud"},
			{`{country: "IE"}`, "theft"},
			{`{minConfidence: 0.8}`, "theft"},
			{`{from: "2024-03-02"}`, "theft"},
		} {
			got := js(query(t, srv, `{ charges(filter: `+tc.filter+`) { totalCount edges { node { offence } } } }`, nil))
			if want := `{"charges":{"edges":[{"node":{"offence":"` + tc.want + `"}}],"totalCount":1}}`; got != want {
				t.Errorf("filter %s: got %s, want %s", tc.filter, got, want)
			}
		}
	})
	t.Run("aggregates, from the table and from the store", func(t *testing.T) {
		if err := api.WaitFresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct{ args, want string }{
			{`groupBy: AGENCY`, `[{"key":"` + string(ids["National Crime Agency"]) + `","value":3},{"key":"` + string(ids["Garda Siochana"]) + `","value":2}]`},
			{`groupBy: COUNTRY, filter: {country: "GB"}`, `[{"key":"GB","value":3}]`},     // the table
			{`groupBy: YEAR, filter: {minConfidence: 0.8}`, `[{"key":"2024","value":2}]`}, // the store
		} {
			got := js(query(t, srv, `{ aggregate(measure: CHARGE_COUNT, `+tc.args+`) { key value } }`, nil)["aggregate"])
			if got != tc.want {
				t.Errorf("aggregate(%s) = %s, want %s", tc.args, got, tc.want)
			}
		}
	})
	t.Run("event dates and every agency", func(t *testing.T) {
		got := js(query(t, srv, `query($f: ID!, $t: ID!) { f: node(id: $f) { ... on Charge { eventDate datePrecision dateSource agencies { name } } } t: node(id: $t) { ... on Charge { eventDate datePrecision dateSource } } }`,
			map[string]any{"f": ids["fraud"], "t": ids["theft"]}))
		want := `{"f":{"agencies":[{"name":"National Crime Agency"}],"datePrecision":"day","dateSource":"text","eventDate":"2024-02-20"},` +
			`"t":{"datePrecision":"day","dateSource":"article","eventDate":"2024-03-02"}}`
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
		if err := api.WaitFresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		got = js(query(t, srv, `{ aggregate(measure: CHARGE_COUNT, groupBy: MONTH) { key value datedByArticle } }`, nil)["aggregate"])
		if want := `[{"datedByArticle":0,"key":"2024-02","value":3},{"datedByArticle":1,"key":"2024-03","value":2}]`; got != want {
			t.Errorf("aggregate by month = %s, want %s", got, want)
		}
	})
	t.Run("corrections and retraction", func(t *testing.T) {
		query(t, srv, `mutation($id: ID!) { correctFact(id: $id, field: "offence", value: "money laundering", reason: "the indictment") { id } }`, map[string]any{"id": ids["fraud"]})
		query(t, srv, `mutation($id: ID!, $to: String!) { correctFact(id: $id, field: "person", value: $to, reason: "the other one") { id } }`, map[string]any{"id": ids["theft"], "to": ids["John Smith"]})
		got := js(query(t, srv, `{ charges { edges { node { offence person { name } } } } }`, nil))
		if !strings.Contains(got, `"offence":"money laundering"`) || strings.Contains(got, "Ann Byrne") {
			t.Errorf("after the corrections: %s", got)
		}
		query(t, srv, `mutation($id: ID!) { retractFact(id: $id, reason: "dropped") { id } }`, map[string]any{"id": ids["theft"]})
		if got := js(query(t, srv, `{ charges { totalCount } }`, nil)); got != `{"charges":{"totalCount":1}}` {
			t.Errorf("after the retraction: %s", got)
		}
	})
	t.Run("documented", func(t *testing.T) {
		got := js(query(t, srv, `{ __type(name: "Mutation") { fields { name args { name description } } } }`, nil))
		if !strings.Contains(got, "a charge's offence, count or person") {
			t.Errorf("correctFact's arguments do not say what a charge may have corrected: %s", got)
		}
		got = js(query(t, srv, `{ __type(name: "Measure") { enumValues { name } description } }`, nil))
		if !strings.Contains(got, `"name":"CHARGE_COUNT"`) || !strings.Contains(got, "CHARGE_COUNT sums counts of charges") {
			t.Errorf("the Measure enum = %s, want CHARGE_COUNT with its description", got)
		}
	})
	t.Run("exports", func(t *testing.T) {
		ents, err := st.Entities(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(graph.Kinds(), kindCharge) {
			t.Errorf("graph.Kinds() = %v: the CSV export would leave charges out", graph.Kinds())
		}
		var buf bytes.Buffer
		if err := graph.WriteCSV(&buf, kindCharge, ents); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(recs) != 3 || !slices.Contains(recs[0], "offence") || !slices.Contains(recs[0], "person_name") {
			t.Errorf("charge.csv = %v, %v; want a header with offence and person_name, and two rows", recs, err)
		}
		var event *graph.FtMEntity
		for _, e := range graph.FtM(ents) {
			if e.Schema == "Event" && slices.Contains(e.Properties["name"], "charge: fraud") {
				event = &e
			}
		}
		if event == nil || !slices.Contains(event.Properties["involved"], "opg-person-john-smith") || len(event.Properties["organizer"]) != 1 {
			t.Errorf("the fraud charge in FtM = %+v, want an Event involving John Smith organised by the NCA", event)
		}
	})
}
