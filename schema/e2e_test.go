package schema_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
	"github.com/opgraph/opgraph/schema"
)

var (
	_ schema.Reader  = (*graph.Store)(nil)
	_ schema.Curator = (*graph.Store)(nil)
)

const token = "s3cret"

// countingReader counts the store reads the resolvers make, and the nodes
// they read.
type countingReader struct {
	*graph.Store
	calls atomic.Int64
	nodes atomic.Int64
}

func (c *countingReader) List(ctx context.Context, k graph.Kind) ([]graph.ID, error) {
	c.calls.Add(1)
	return c.Store.List(ctx, k)
}

func (c *countingReader) Get(ctx context.Context, ids ...graph.ID) (map[graph.ID]*graph.Entity, error) {
	c.calls.Add(1)
	c.nodes.Add(int64(len(ids)))
	return c.Store.Get(ctx, ids...)
}

func (c *countingReader) Referrers(ctx context.Context, p graph.Predicate, ids ...graph.ID) (map[graph.ID][]graph.ID, error) {
	c.calls.Add(1)
	return c.Store.Referrers(ctx, p, ids...)
}

type fixture struct {
	api    *schema.Server
	srv    *httptest.Server
	store  *graph.Store
	reader *countingReader
	x      *extract.Extractor
}

// writeText extracts an article written for a test and stores it; it
// returns the article's ID.
func (f *fixture) writeText(t *testing.T, name, text string) graph.ID {
	t.Helper()
	doc, err := source.ParseText(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	af := f.x.Facts(doc)
	if _, _, err := f.store.WriteArticle(context.Background(), af); err != nil {
		t.Fatal(err)
	}
	return af.Article.ID
}

// backends are the stores the end-to-end tests run on; PostgreSQL's is
// skipped with a message where no server is configured.
var backends = []struct {
	name string
	cfg  func(t *testing.T) graph.Config
}{
	{"memstore", func(t *testing.T) graph.Config { return graph.Config{Backend: "memstore"} }},
	{"bolt", func(t *testing.T) graph.Config { return graph.Config{Backend: "bbolt", Addr: t.TempDir()} }},
	{"postgres", func(t *testing.T) graph.Config { return graph.Config{Backend: "postgres", Addr: graphtest.Postgres(t)} }},
}

// TestEndToEnd runs every end-to-end case on every backend, each case on
// a fresh store holding the seeds.
func TestEndToEnd(t *testing.T) {
	cases := []struct {
		name string
		fn   func(*testing.T, *fixture)
	}{
		{"OperationsWithAgencies", testOperationsWithAgencies},
		{"SeizureWithEvidence", testSeizureWithEvidence},
		{"RelationsBothWays", testRelationsBothWays},
		{"Filters", testFilters},
		{"SubOperations", testSubOperations},
		{"Search", testSearch},
		{"NeighborhoodAndPaths", testNeighborhoodAndPaths},
		{"Aggregates", testAggregates},
		{"AggregateTableMatchesTheStore", testAggregateTableMatchesTheStore},
		{"FilteredAggregateTableMatchesTheStore", testFilteredAggregateTableMatchesTheStore},
		{"AggregatesAfterArticleMerge", testAggregatesAfterArticleMerge},
		{"Conflicts", testConflicts},
		{"MutationsNeedToken", testMutationsNeedToken},
		{"RetractKeepsHistory", testRetractKeepsHistory},
		{"MergeAndCorrect", testMergeAndCorrect},
		{"IngestArticle", testIngestArticle},
		{"BatchedReads", testBatchedReads},
		{"FilterReadsWhatItReaches", testFilterReadsWhatItReaches},
		{"Limits", testLimits},
		{"Errors", testErrors},
		{"PaginationIsStable", testPaginationIsStable},
		{"ConsoleCORSAndHealth", testConsoleCORSAndHealth},
		{"SearchFollowsTheStore", testSearchFollowsTheStore},
		{"TotalsCountEachHaulOnce", testTotalsCountEachHaulOnce},
		{"SameFigureAcrossArticles", testSameFigureAcrossArticles},
		{"CurationFixesAnyFieldAndUndoes", testCurationFixesAnyFieldAndUndoes},
		{"RelationsAreNodes", testRelationsAreNodes},
		{"ExportsApplyCuration", testExportsApplyCuration},
		{"Cooccurrence", testCooccurrence},
		{"SearchHitsHaveLabelTypeAndSnippet", testSearchHitsHaveLabelTypeAndSnippet},
		{"EventDates", testEventDates},
		{"OperationDates", testOperationDates},
		{"AgencyRoles", testAgencyRoles},
		{"HaulClaimedByTwoAgencies", testHaulClaimedByTwoAgencies},
		{"PastRecordAcrossArticles", testPastRecordAcrossArticles},
		{"UnnamedOperation", testUnnamedOperation},
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) { tc.fn(t, seededOn(t, b.cfg(t))) })
			}
		})
	}
}

// seeded serves the real API over a memstore holding seeds/.
func seeded(t *testing.T) *fixture { return seededOn(t, graph.Config{Backend: "memstore"}) }

// seededOn serves the real API over the store cfg opens, holding seeds/.
func seededOn(t *testing.T, cfg graph.Config) *fixture {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: store, reader: &countingReader{Store: store}, x: x}
	files, _ := filepath.Glob("../seeds/*.txt")
	if len(files) < 6 {
		t.Fatalf("want at least 6 seed articles, found %d", len(files))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f.writeText(t, file, string(data))
	}
	ingest := func(ctx context.Context, a schema.Article) (graph.Written, error) {
		doc := source.Document{Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source, Text: a.Text}
		af := x.Facts(doc)
		w, err := store.WriteArticles(ctx, []graph.ArticleFacts{af})
		if err != nil {
			return graph.Written{}, err
		}
		return w[0], w[0].Err
	}
	srv, err := schema.NewServer(schema.ServerConfig{
		Config:         schema.Config{Reader: f.reader, Curator: store, Ingest: ingest},
		Tokens:         map[string]string{token: "alice"},
		AllowedOrigins: []string{"https://dash.example"},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.api = srv
	f.srv = httptest.NewServer(srv)
	t.Cleanup(f.srv.Close)
	return f
}

type gqlResponse struct {
	status int
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (f *fixture) do(t *testing.T, auth, q string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response %s: %v", raw, err)
	}
	out.status = resp.StatusCode
	return out
}

// query runs a query that must succeed.
func (f *fixture) query(t *testing.T, q string, vars map[string]any) map[string]any {
	t.Helper()
	res := f.do(t, "", q, vars)
	if len(res.Errors) > 0 || res.status != http.StatusOK {
		t.Fatalf("query failed (HTTP %d): %v\n%s", res.status, res.Errors, q)
	}
	return res.Data
}

// mutate runs a mutation with the token; it must succeed. It returns once
// search and aggregates, which answer from the last build and never wait
// for the next, reflect it.
func (f *fixture) mutate(t *testing.T, q string, vars map[string]any) map[string]any {
	t.Helper()
	res := f.do(t, token, q, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("mutation failed: %v\n%s", res.Errors, q)
	}
	f.fresh(t)
	return res.Data
}

// fresh waits until search and aggregates reflect every change the server heard of.
func (f *fixture) fresh(t *testing.T) {
	t.Helper()
	if err := f.api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// nodes returns the nodes of a connection.
func nodes(t *testing.T, data map[string]any, field string) []map[string]any {
	t.Helper()
	conn, ok := data[field].(map[string]any)
	if !ok {
		t.Fatalf("no connection %q in %v", field, data)
	}
	var out []map[string]any
	for _, e := range conn["edges"].([]any) {
		out = append(out, e.(map[string]any)["node"].(map[string]any))
	}
	return out
}

func names(list any) []string {
	var out []string
	for _, x := range list.([]any) {
		out = append(out, fmt.Sprint(x.(map[string]any)["name"]))
	}
	return out
}

func idOf(t *testing.T, f *fixture, field, name string) string {
	t.Helper()
	data := f.query(t, fmt.Sprintf(`{ %s(first: 100, filter: {text: %q}) { edges { node { id name } } } }`, field, name), nil)
	for _, n := range nodes(t, data, field) {
		if n["name"] == name {
			return n["id"].(string)
		}
	}
	t.Fatalf("no %s named %q", field, name)
	return ""
}

func testOperationsWithAgencies(t *testing.T, f *fixture) {
	data := f.query(t, `{ operations(first: 50) { totalCount edges { node { name agencies { name } } } } }`, nil)
	for _, op := range nodes(t, data, "operations") {
		if op["name"] == "Eternal" {
			if got := names(op["agencies"]); len(got) != 1 || got[0] != "Metropolitan Police" {
				t.Errorf("Eternal's agencies = %v, want the Metropolitan Police", got)
			}
			return
		}
	}
	t.Errorf("no operation Eternal in %v", data)
}

func testSeizureWithEvidence(t *testing.T, f *fixture) {
	data := f.query(t, `{ seizures(first: 100) { edges { node { commodity amount currency agency { name }
		evidence { sentence start end confidence rule assertedBy article { title url published } } } } } }`, nil)
	for _, s := range nodes(t, data, "seizures") {
		if s["commodity"] != "cash" || s["amount"] != 54000000.0 {
			continue
		}
		if s["currency"] != "GBP" {
			t.Errorf("£54m currency = %v, want GBP", s["currency"])
		}
		e := s["evidence"].([]any)[0].(map[string]any)
		if !strings.Contains(e["sentence"].(string), "£54m") {
			t.Errorf("evidence sentence %q does not state £54m", e["sentence"])
		}
		if art := e["article"].(map[string]any); art["published"] != "2020-07-02" || art["url"] == nil {
			t.Errorf("evidence article = %v", art)
		}
		if e["assertedBy"] != "National Crime Agency" { // "The NCA said £54m ... was seized."
			t.Errorf("evidence assertedBy = %v, want National Crime Agency", e["assertedBy"])
		}
		return
	}
	t.Errorf("no £54m cash seizure in %v", data)
}

func testRelationsBothWays(t *testing.T, f *fixture) {
	met := idOf(t, f, "agencies", "Metropolitan Police")
	data := f.query(t, `query($id: ID!) { node(id: $id) { ... on Agency { operations { name agencies { name } }
		arrests { count operation { name seizures { amount } } } people { name organisation { name } } } } }`, map[string]any{"id": met})
	a := data["node"].(map[string]any)
	if got := names(a["operations"]); len(got) != 1 || got[0] != "Eternal" {
		t.Errorf("Met's operations = %v, want [Eternal]", got)
	}
	arrests := a["arrests"].([]any)
	if len(arrests) == 0 || arrests[0].(map[string]any)["count"] != 132.0 {
		t.Fatalf("Met's arrests = %v, want 132", arrests)
	}
	op := arrests[0].(map[string]any)["operation"].(map[string]any)
	if op["name"] != "Eternal" || len(op["seizures"].([]any)) == 0 {
		t.Errorf("arrest -> operation -> seizures = %v", op)
	}
	people := a["people"].([]any)
	if len(people) != 1 || people[0].(map[string]any)["organisation"].(map[string]any)["name"] != "Metropolitan Police" {
		t.Errorf("Met's people = %v, want Cressida Dick of the Met", people)
	}
}

func testFilters(t *testing.T, f *fixture) {
	nca := idOf(t, f, "agencies", "National Crime Agency")
	cases := []struct {
		name, field, filter string
		want                func(n map[string]any) bool
		min                 int
	}{
		{"seizures by agency", "seizures", fmt.Sprintf(`{agency: %q}`, nca), nil, 3},
		{"drugs by commodity", "seizures", `{commodity: "drugs"}`, func(n map[string]any) bool { return n["commodity"] == "drugs" }, 3},
		{"cocaine by subtype", "seizures", `{subtype: "cocaine"}`, func(n map[string]any) bool { return n["subtype"] == "cocaine" }, 2},
		{"in 2024", "seizures", `{from: "2024", to: "2024-12-31"}`, func(n map[string]any) bool { return n["subtype"] == "cocaine" }, 1},
		{"articles in 2020", "arrests", `{articleFrom: "2020-07-01", articleTo: "2020-07-31"}`, nil, 2},
		{"confident", "arrests", `{minConfidence: 0.5}`, nil, 3},
		{"country GB", "seizures", `{country: "GB"}`, nil, 3},
		{"agency and commodity", "seizures", fmt.Sprintf(`{agency: %q, commodity: "cash"}`, nca), func(n map[string]any) bool { return n["commodity"] == "cash" }, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sel := "count"
			if tc.field == "seizures" {
				sel = "commodity subtype"
			}
			q := fmt.Sprintf(`{ %s(first: 100, filter: %s) { totalCount edges { node { %s } } } }`, tc.field, tc.filter, sel)
			ns := nodes(t, f.query(t, q, nil), tc.field)
			if len(ns) < tc.min {
				t.Errorf("%d results, want at least %d", len(ns), tc.min)
			}
			for _, n := range ns {
				if tc.want != nil && !tc.want(n) {
					t.Errorf("result %v does not match %s", n, tc.filter)
				}
			}
		})
	}
	// Nothing matches an impossible combination.
	ns := nodes(t, f.query(t, fmt.Sprintf(`{ seizures(filter: {agency: %q, commodity: "vehicles"}) { edges { node { id } } } }`, nca), nil), "seizures")
	if len(ns) != 0 {
		t.Errorf("NCA vehicle seizures = %v, want none", ns)
	}
}

func testSubOperations(t *testing.T, f *fixture) {
	f.writeText(t, "phases.txt", "---\nurl: https://test.example/phases\npublished: 2022-03-01\n---\n"+
		"The Australian Federal Police said Operation Ironside Phase 2 led to 31 arrests.\n")
	ironside := idOf(t, f, "operations", "Ironside")
	data := f.query(t, `query($op: ID!) { arrests(filter: {operation: $op}) { edges { node { count operation { name partOf { name } } } } } }`, map[string]any{"op": ironside})
	counts := map[float64]bool{}
	for _, n := range nodes(t, data, "arrests") {
		counts[n["count"].(float64)] = true
	}
	if !counts[224] || !counts[31] {
		t.Errorf("arrests under Ironside = %v, want its own 224 and its phase's 31", counts)
	}
}

func testSearch(t *testing.T, f *fixture) {
	data := f.query(t, `{ search(text: "EncroChat", first: 5) { score node { id __typename ... on Platform { name } } } }`, nil)
	hits := data["search"].([]any)
	if len(hits) == 0 {
		t.Fatal("no hits for EncroChat")
	}
	if top := hits[0].(map[string]any)["node"].(map[string]any); top["name"] != "EncroChat" {
		t.Errorf("top hit = %v, want the platform EncroChat (name beats sentence)", top)
	}
	data = f.query(t, `{ search(text: "shipping container cocaine", types: [Seizure]) { node { ... on Seizure { quantity unit } } } }`, nil)
	hits = data["search"].([]any)
	if len(hits) == 0 || hits[0].(map[string]any)["node"].(map[string]any)["quantity"] != 5.7 {
		t.Errorf("search for the Southampton container = %v, want the 5.7 tonne seizure first", hits)
	}
	if data := f.query(t, `{ search(text: "zzzunknownword") { score } }`, nil); len(data["search"].([]any)) != 0 {
		t.Errorf("hits for a word in no text: %v", data)
	}
}

func testNeighborhoodAndPaths(t *testing.T, f *fixture) {
	met := idOf(t, f, "agencies", "Metropolitan Police")
	data := f.query(t, `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) { truncated nodes { id type label } edges { source target predicate } } }`, map[string]any{"id": met})
	sg := data["neighborhood"].(map[string]any)
	labels := map[string]string{}
	for _, n := range sg["nodes"].([]any) {
		nm := n.(map[string]any)
		labels[nm["id"].(string)] = nm["type"].(string) + ":" + nm["label"].(string)
	}
	for _, want := range []string{"Operation:Eternal", "Arrest:132 arrests", "Person:Cressida Dick"} {
		found := false
		for _, l := range labels {
			found = found || l == want
		}
		if !found {
			t.Errorf("neighborhood of the Met lacks %s: %v", want, labels)
		}
	}
	for _, e := range sg["edges"].([]any) {
		em := e.(map[string]any)
		if labels[em["source"].(string)] == "" || labels[em["target"].(string)] == "" {
			t.Errorf("edge %v leaves the subgraph", em)
		}
	}
	encro := idOf(t, f, "platforms", "EncroChat")
	nca := idOf(t, f, "agencies", "National Crime Agency")
	data = f.query(t, `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { length nodes { label } edges { predicate } } }`, map[string]any{"a": nca, "b": encro})
	paths := data["paths"].([]any)
	if len(paths) == 0 {
		t.Fatal("no path from the NCA to EncroChat")
	}
	p := paths[0].(map[string]any)
	if p["length"] != 2.0 {
		t.Errorf("shortest path length = %v, want 2 (NCA -> Venetic -> EncroChat): %v", p["length"], p)
	}
}

func testAggregates(t *testing.T, f *fixture) {
	data := f.query(t, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { key label value count facts { ... on Arrest { count evidence { sentence article { url } } } } } }`, nil)
	var nca map[string]any
	for _, b := range data["aggregate"].([]any) {
		if bm := b.(map[string]any); bm["label"] == "National Crime Agency" {
			nca = bm
		}
	}
	if nca == nil || nca["value"] != 746.0 {
		t.Fatalf("NCA bucket = %v, want 746 (stated by two seed articles, counted once)", nca)
	}
	fact := nca["facts"].([]any)[0].(map[string]any)
	if fact["count"] != 746.0 || len(fact["evidence"].([]any)) != 2 {
		t.Errorf("NCA fact = %v, want 746 with the sentences of both articles", fact)
	}
	for _, e := range fact["evidence"].([]any) {
		if !strings.Contains(e.(map[string]any)["sentence"].(string), "746") {
			t.Errorf("evidence %v does not state 746", e)
		}
	}
	data = f.query(t, `{ aggregate(measure: SEIZED_VALUE, groupBy: COMMODITY) { key currency value } }`, nil)
	gbpCash := 0.0
	for _, b := range data["aggregate"].([]any) {
		bm := b.(map[string]any)
		if bm["currency"] == nil {
			t.Errorf("a SEIZED_VALUE bucket without currency: %v", bm)
		}
		if bm["key"] == "cash" && bm["currency"] == "GBP" {
			gbpCash = bm["value"].(float64)
		}
	}
	if gbpCash != 54e6+13.3e6 {
		t.Errorf("GBP cash = %v, want £67.3m (never mixed with other currencies)", gbpCash)
	}
	data = f.query(t, `{ aggregate(measure: SEIZED_KG, groupBy: YEAR) { key value } }`, nil)
	byYear := map[string]float64{}
	for _, b := range data["aggregate"].([]any) {
		bm := b.(map[string]any)
		byYear[bm["key"].(string)] = bm["value"].(float64)
	}
	if byYear["2024"] < 5700 {
		t.Errorf("kg seized in 2024 = %v, want the 5.7 tonnes of Southampton", byYear)
	}
	data = f.query(t, `{ aggregate(measure: OPERATION_COUNT, groupBy: PLATFORM) { label value } }`, nil)
	if len(data["aggregate"].([]any)) < 2 {
		t.Errorf("operations by platform = %v", data)
	}
}

// testAggregateTableMatchesTheStore asks every aggregate without a filter
// (answered from the table built in the background) and with one that keeps
// every fact (answered from the store): the answers must be the same.
func testAggregateTableMatchesTheStore(t *testing.T, f *fixture) { aggregatesAgree(t, f) }

// testFilteredAggregateTableMatchesTheStore asks aggregates under filters
// the table answers (agency, operation, place, platform, country,
// commodity, subtype, dates) and the same with a condition only the store
// answers added, which keeps every fact: the answers must be the same.
// The filters' values are the largest buckets of the seeds.
func testFilteredAggregateTableMatchesTheStore(t *testing.T, f *fixture) {
	top := func(measure, groupBy string) string {
		data := f.query(t, `{ aggregate(measure: `+measure+`, groupBy: `+groupBy+`, first: 5) { key } }`, nil)
		for _, b := range data["aggregate"].([]any) {
			if k := b.(map[string]any)["key"].(string); k != "" { // not "(not stated)"
				return k
			}
		}
		t.Fatalf("%s by %s: no buckets with a key", measure, groupBy)
		return ""
	}
	place := nodes(t, f.query(t, `{ places(first: 1) { edges { node { id } } } }`, nil), "places")[0]["id"].(string)
	year := top("OPERATION_COUNT", "YEAR")
	filters := map[string]string{
		"agency":    `agency: "` + top("OPERATION_COUNT", "AGENCY") + `"`,
		"operation": `operation: "` + top("ARREST_COUNT", "OPERATION") + `"`,
		"place":     `place: "` + place + `"`,
		"platform":  `platform: "` + top("OPERATION_COUNT", "PLATFORM") + `"`,
		"country":   `country: "` + strings.ToLower(top("SEIZURE_COUNT", "COUNTRY")) + `"`,
		"commodity": `commodity: "` + top("SEIZURE_COUNT", "COMMODITY") + `"`,
		"subtype":   `subtype: "` + top("SEIZED_KG", "SUBTYPE") + `"`,
		"dates":     `from: "` + year + `-01", to: "` + year + `"`,
		"several":   `country: "` + top("SEIZURE_COUNT", "COUNTRY") + `", from: "` + year + `"`,
	}
	nonEmpty := 0
	for name, cond := range filters {
		for _, measure := range []string{"ARREST_COUNT", "SEIZURE_COUNT", "SEIZED_KG", "SEIZED_VALUE", "OPERATION_COUNT"} {
			for _, groupBy := range []string{"AGENCY", "COUNTRY", "MONTH"} {
				q := `{ aggregate(measure: ` + measure + `, groupBy: ` + groupBy + `, first: 200, filter: {` + cond + `FILTER}) { key label currency value count facts(first: 200) { id } } }`
				table := f.query(t, strings.Replace(q, "FILTER", "", 1), nil)
				store := f.query(t, strings.Replace(q, "FILTER", ", minConfidence: 0.000001", 1), nil)
				if !reflect.DeepEqual(table, store) {
					t.Errorf("%s by %s, filter %s: from the table %v\nfrom the store %v", measure, groupBy, name, table, store)
				}
				if len(table["aggregate"].([]any)) > 0 {
					nonEmpty++
				}
			}
		}
	}
	if nonEmpty < 40 {
		t.Errorf("only %d of the filtered aggregates have buckets: the filters keep too little to compare", nonEmpty)
	}
}

// testAggregatesAfterArticleMerge merges one seed article into another:
// the facts dated by the merged article's publication are dated
// differently through the store, and the table must follow.
func testAggregatesAfterArticleMerge(t *testing.T, f *fixture) {
	arts := nodes(t, f.query(t, `{ articles(first: 2) { edges { node { id } } } }`, nil), "articles")
	if len(arts) < 2 {
		t.Fatalf("want 2 articles, got %v", arts)
	}
	f.mutate(t, `mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m, reason: "the same release") { action } }`,
		map[string]any{"k": arts[0]["id"], "m": arts[1]["id"]})
	aggregatesAgree(t, f)
}

// aggregatesAgree compares every aggregate from the table with the same
// from the store; the curation tests call it after their changes.
func aggregatesAgree(t *testing.T, f *fixture) {
	t.Helper()
	for _, measure := range []string{"ARREST_COUNT", "SEIZURE_COUNT", "SEIZED_KG", "SEIZED_VALUE", "OPERATION_COUNT"} {
		for _, groupBy := range []string{"AGENCY", "OPERATION", "COMMODITY", "SUBTYPE", "COUNTRY", "PLATFORM", "MONTH", "YEAR"} {
			q := `{ aggregate(measure: ` + measure + `, groupBy: ` + groupBy + `, first: 200 FILTER) { key label currency value count facts(first: 200) { id } } }`
			table := f.query(t, strings.Replace(q, "FILTER", "", 1), nil)
			store := f.query(t, strings.Replace(q, "FILTER", ", filter: {minConfidence: 0.000001}", 1), nil)
			if !reflect.DeepEqual(table, store) {
				t.Errorf("%s by %s: from the table %v\nfrom the store %v", measure, groupBy, table, store)
			}
			if len(table["aggregate"].([]any)) == 0 {
				t.Errorf("%s by %s: no buckets", measure, groupBy)
			}
		}
	}
}

func testConflicts(t *testing.T, f *fixture) {
	f.writeText(t, "other.txt", "---\nurl: https://test.example/venetic-800\npublished: 2020-07-10\n---\n"+
		"In the United Kingdom, the National Crime Agency ran Operation Venetic. The NCA said Operation Venetic led to 800 arrests.\n")
	data := f.query(t, `{ conflicts { kind values operation { name } facts { ... on Arrest { count evidence { article { url } } } } } }`, nil)
	for _, c := range data["conflicts"].([]any) {
		cm := c.(map[string]any)
		if cm["operation"] != nil && cm["operation"].(map[string]any)["name"] == "Venetic" {
			vals := fmt.Sprint(cm["values"])
			if !strings.Contains(vals, "746") || !strings.Contains(vals, "800") {
				t.Errorf("Venetic conflict values = %v, want 746 and 800", vals)
			}
			arrests := nodes(t, f.query(t, `{ arrests(first: 100) { edges { node { id count operation { id name } agency { id } conflictsWith { count } } } } }`, nil), "arrests")
			for _, a := range arrests {
				// (the seeds hold another 800: Trojan Shield's, which no source disputes)
				if a["count"] == 800.0 && a["operation"] != nil && a["operation"].(map[string]any)["name"] == "Venetic" && len(a["conflictsWith"].([]any)) != 1 {
					t.Errorf("800 conflictsWith = %v, want the 746", a["conflictsWith"])
				}
			}
			return
		}
	}
	t.Errorf("no Venetic conflict in %v", data)
}

func testMutationsNeedToken(t *testing.T, f *fixture) {
	arrests := nodes(t, f.query(t, `{ arrests(first: 100) { edges { node { id count } } } }`, nil), "arrests")
	id := arrests[0]["id"].(string)
	const retract = `mutation($id: ID!) { retractFact(id: $id, reason: "duplicate of another report") { id by at action } }`
	res := f.do(t, "", retract, map[string]any{"id": id})
	if res.status != http.StatusUnauthorized || len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, "Authorization") {
		t.Fatalf("without a token: HTTP %d %v, want 401 naming the header", res.status, res.Errors)
	}
	res = f.do(t, "wrong", retract, map[string]any{"id": id})
	if res.status != http.StatusUnauthorized {
		t.Fatalf("with a wrong token: HTTP %d, want 401", res.status)
	}
	if still := nodes(t, f.query(t, `{ arrests(first: 100) { edges { node { id } } } }`, nil), "arrests"); len(still) != len(arrests) {
		t.Fatalf("a refused mutation changed the arrests: %d -> %d", len(arrests), len(still))
	}
}

func testRetractKeepsHistory(t *testing.T, f *fixture) {
	nca := idOf(t, f, "agencies", "National Crime Agency")
	before := f.query(t, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { label value facts { id } } }`, nil)
	var id string
	for _, b := range before["aggregate"].([]any) {
		if bm := b.(map[string]any); bm["label"] == "National Crime Agency" {
			id = bm["facts"].([]any)[0].(map[string]any)["id"].(string)
		}
	}
	got := f.mutate(t, `mutation($id: ID!) { retractFact(id: $id, reason: "double-counted") { action by reason target } }`, map[string]any{"id": id})
	ch := got["retractFact"].(map[string]any)
	if ch["by"] != "alice" || ch["action"] != "retract" || ch["target"] != id {
		t.Errorf("change = %v, want alice's retraction of %s", ch, id)
	}
	for _, n := range nodes(t, f.query(t, `{ arrests(first: 100) { edges { node { id } } } }`, nil), "arrests") {
		if n["id"] == id {
			t.Errorf("retracted arrest %s still listed", id)
		}
	}
	after := f.query(t, `query($a: ID!) { aggregate(measure: ARREST_COUNT, groupBy: AGENCY, filter: {agency: $a}) { value } }`, map[string]any{"a": nca})
	for _, b := range after["aggregate"].([]any) {
		if v := b.(map[string]any)["value"].(float64); v == 746 {
			t.Errorf("retracted 746 still counted: %v", after)
		}
	}
	node := f.query(t, `query($id: ID!) { node(id: $id) { ... on Arrest { count retracted history { action reason by at } } } }`, map[string]any{"id": id})
	n := node["node"].(map[string]any)
	if n["retracted"] != true || len(n["history"].([]any)) != 1 || n["history"].([]any)[0].(map[string]any)["reason"] != "double-counted" {
		t.Errorf("retracted node = %v, want it readable with its history", n)
	}
	changes := f.query(t, `{ changes { action target by } }`, nil)
	if len(changes["changes"].([]any)) != 1 {
		t.Errorf("changes = %v, want the retraction", changes)
	}
	aggregatesAgree(t, f)
}

func testMergeAndCorrect(t *testing.T, f *fixture) {
	f.writeText(t, "nca2.txt", "---\nurl: https://test.example/nca-dup\n---\nThe Natl Crime Agency said officers seized 12 kilos of heroin.\n")
	keep := idOf(t, f, "agencies", "National Crime Agency")
	dup := idOf(t, f, "agencies", "Natl Crime Agency")
	// A merge undone leaves both agencies as they were; done again, one.
	listed := func() bool {
		for _, a := range nodes(t, f.query(t, `{ agencies(first: 100) { edges { node { id } } } }`, nil), "agencies") {
			if a["id"] == dup {
				return true
			}
		}
		return false
	}
	merge := func() string {
		return f.mutate(t, `mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m, reason: "same agency") { id action } }`,
			map[string]any{"k": keep, "m": dup})["mergeEntities"].(map[string]any)["id"].(string)
	}
	first := merge()
	f.mutate(t, `mutation($c: ID!) { undoChange(id: $c, reason: "two agencies after all") { id } }`, map[string]any{"c": first})
	back := f.query(t, `query($id: ID!) { node(id: $id) { id ... on Agency { seizures { subtype } history { action undone } } } }`, map[string]any{"id": dup})["node"].(map[string]any)
	if !listed() || back["id"] != dup || len(back["seizures"].([]any)) != 1 || fmt.Sprint(back["history"]) != "[map[action:merge undone:true] map[action:undo undone:false]]" {
		t.Errorf("after the merge is undone: listed %v, node %v; want %s as it was, its heroin its own, the merge undone in its history", listed(), back, dup)
	}
	merge()
	if listed() {
		t.Errorf("merged agency %s still listed", dup)
	}
	pagesStepOver(t, f, dup)
	data := f.query(t, `query($id: ID!) { node(id: $id) { ... on Agency { seizures { quantity subtype agency { id } } } } }`, map[string]any{"id": keep})
	found := false
	for _, s := range data["node"].(map[string]any)["seizures"].([]any) {
		sm := s.(map[string]any)
		if sm["subtype"] == "heroin" {
			found = true
			if sm["agency"].(map[string]any)["id"] != keep {
				t.Errorf("the merged agency's seizure points at %v, want %s", sm["agency"], keep)
			}
			sid := ""
			for _, n := range nodes(t, f.query(t, `{ seizures(first: 100, filter: {subtype: "heroin"}) { edges { node { id } } } }`, nil), "seizures") {
				sid = n["id"].(string)
			}
			f.mutate(t, `mutation($id: ID!) { correctFact(id: $id, field: "quantity", value: "12.5", reason: "the release says 12.5 kilos") { field value } }`, map[string]any{"id": sid})
			got := f.query(t, `query($id: ID!) { node(id: $id) { ... on Seizure { quantity history { action field value } } } }`, map[string]any{"id": sid})
			if q := got["node"].(map[string]any)["quantity"]; q != 12.5 {
				t.Errorf("corrected quantity = %v, want 12.5", q)
			}
		}
	}
	if !found {
		t.Errorf("the merged agency's heroin seizure is not the kept agency's: %v", data)
	}
	res := f.do(t, token, `mutation($id: ID!) { correctFact(id: $id, field: "count", value: "many", reason: "x") { id } }`, map[string]any{"id": keep})
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, "it may be: name, country") {
		t.Errorf("a count on an agency: %v, want the fields an agency may have corrected", res.Errors)
	}
	arrest := nodes(t, f.query(t, `{ arrests(first: 1) { edges { node { id } } } }`, nil), "arrests")[0]["id"]
	res = f.do(t, token, `mutation($id: ID!) { correctFact(id: $id, field: "count", value: "many", reason: "x") { id } }`, map[string]any{"id": arrest})
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, "takes a number") {
		t.Errorf("a non-numeric count was accepted: %v", res.Errors)
	}
	aggregatesAgree(t, f) // the table reads what curators changed from the store
}

func testIngestArticle(t *testing.T, f *fixture) {
	data := f.mutate(t, `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id title evidence { sentence fact { __typename } } } }`,
		map[string]any{"in": map[string]any{"title": "Harbour raid", "url": "https://test.example/harbour", "published": "2023-05-01",
			"text": "Kent Police said officers seized 40 kilos of cocaine at the harbour on Tuesday."}})
	art := data["ingestArticle"].(map[string]any)
	if art["title"] != "Harbour raid" || len(art["evidence"].([]any)) == 0 {
		t.Fatalf("ingested article = %v", art)
	}
	hits := f.query(t, `{ search(text: "harbour cocaine", types: [Seizure]) { node { ... on Seizure { quantity } } } }`, nil)
	if len(hits["search"].([]any)) == 0 {
		t.Errorf("the new article is not searchable: %v", hits)
	}
}

// TestBatchedReads checks a 50-operation page with agencies, arrests and
// seizures costs a handful of store reads, not one per operation.
func testBatchedReads(t *testing.T, f *fixture) {
	for i := range 55 {
		f.writeText(t, fmt.Sprintf("op%d.txt", i), fmt.Sprintf("---\nurl: https://test.example/op-%d\n---\n"+
			"Kent Police ran Operation Falcon %d. Kent Police said Operation Falcon %d led to %d arrests. Officers seized %d kilos of cannabis.\n", i, i, i, i+3, i+2))
	}
	f.reader.calls.Store(0)
	data := f.query(t, `{ operations(first: 50) { totalCount edges { node { name agencies { name } arrests { count } seizures { quantity } } } } }`, nil)
	page := nodes(t, data, "operations")
	if len(page) != 50 {
		t.Fatalf("page of %d operations, want 50", len(page))
	}
	withArrests := 0
	for _, op := range page {
		if len(op["arrests"].([]any)) > 0 {
			withArrests++
		}
	}
	if withArrests < 40 {
		t.Errorf("only %d of 50 operations have their arrests", withArrests)
	}
	calls := f.reader.calls.Load()
	t.Logf("store reads for the 50-operation page: %d", calls)
	if calls > 15 {
		t.Errorf("%d store reads for one page, want a handful (batched per level)", calls)
	}
}

// testFilterReadsWhatItReaches checks that a list filtered by an agency
// reads the nodes the agency reaches, not every node of the kind (at 10k
// articles, reading every operation's relations took the request past its
// timeout), and answers what the nodes' own links say.
func testFilterReadsWhatItReaches(t *testing.T, f *fixture) {
	for i := range 55 {
		f.writeText(t, fmt.Sprintf("op%d.txt", i), fmt.Sprintf("---\nurl: https://test.example/op-%d\n---\n"+
			"Kent Police ran Operation Falcon %d. Kent Police said Operation Falcon %d led to %d arrests.\n", i, i, i, i+3))
	}
	all := nodes(t, f.query(t, `{ operations(first: 100) { totalCount edges { node { id agencies { id } } } } }`, nil), "operations")
	if len(all) < 60 || len(all) == 100 {
		t.Fatalf("%d operations, want 60 to 99 (one page)", len(all))
	}
	for _, agency := range []string{idOf(t, f, "agencies", "National Crime Agency"), idOf(t, f, "agencies", "Kent Police")} {
		var want []string
		for _, op := range all {
			for _, a := range op["agencies"].([]any) {
				if a.(map[string]any)["id"] == agency {
					want = append(want, op["id"].(string))
				}
			}
		}
		f.reader.nodes.Store(0)
		var got []string
		for _, op := range nodes(t, f.query(t, `query($a: ID!) { operations(first: 100, filter: {agency: $a}) { edges { node { id } } } }`, map[string]any{"a": agency}), "operations") {
			got = append(got, op["id"].(string))
		}
		read := f.reader.nodes.Load()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("operations of %s: %v, want those whose agencies hold it: %v", agency, got, want)
		}
		// The agency's relations, their operations and the filter's own reads;
		// testing every operation read each one and its relations (over 200).
		t.Logf("operations of %s: %d, %d nodes read", agency, len(got), read)
		if limit := int64(3*len(want) + 20); read > limit {
			t.Errorf("operations of %s: %d nodes read for %d operations, want at most %d", agency, read, len(want), limit)
		}
	}
}

func testLimits(t *testing.T, f *fixture) {
	deep := "{ agencies { edges { node { " + strings.Repeat("operations { agencies { ", 14) + "name" + strings.Repeat(" } }", 14) + " } } } }"
	huge := `{ operations(first: 100) { edges { node { arrests { agency { operations { arrests { agency { name } } } } } } } } }`
	for name, q := range map[string]string{"30 levels deep": deep, "a million nodes": huge} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			res := f.do(t, "", q, nil)
			if res.status != http.StatusBadRequest || len(res.Errors) == 0 {
				t.Fatalf("HTTP %d %v, want 400 with a message", res.status, res.Errors)
			}
			if again := f.do(t, "", q, nil); again.status != http.StatusBadRequest {
				t.Fatalf("asked again: HTTP %d, want 400: a refused query is never cached", again.status)
			}
			if msg := res.Errors[0].Message; !strings.Contains(msg, "too deep") && !strings.Contains(msg, "too large") {
				t.Errorf("message %q does not say why", msg)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("rejection took %v", d)
			}
		})
	}
}

func testErrors(t *testing.T, f *fixture) {
	cases := []struct {
		name, query, want string
	}{
		{"missing node", `{ node(id: "opg:agency/nobody") { id } }`, "not found"},
		{"page too big", `{ operations(first: 1000) { totalCount } }`, "first must be between"},
		{"bad cursor", `{ operations(after: "%%%") { totalCount } }`, "malformed cursor"},
		{"cursor of no node", `{ operations(after: "aGVsbG8") { totalCount } }`, "malformed cursor"},
		{"cursor of another list", `{ operations(after: "` + base64.RawURLEncoding.EncodeToString([]byte(graph.EntityID(graph.KindAgency, "National Crime Agency"))) + `") { totalCount } }`, "of another list"},
		{"unknown agency in a filter", `{ arrests(filter: {agency: "opg:agency/nobody"}) { totalCount } }`, "filter.agency: node opg:agency/nobody: not found"},
		{"unknown operation in an aggregate", `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, filter: {operation: "opg:operation/none"}) { value } }`, "filter.operation"},
		{"platform that is an agency", `{ seizures(filter: {platform: "opg:agency/national-crime-agency"}) { totalCount } }`, "takes the ID of a Platform"},
		{"unknown field", `{ operations { nope } }`, "Cannot query field"},
		{"bad date", `{ arrests(filter: {from: "last week"}) { totalCount } }`, "not YYYY"},
		{"bad depth", `{ neighborhood(id: "opg:agency/x", depth: 9) { truncated } }`, "depth must be"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for ask := range 2 { // the second time the parsed query may come from the server's cache
				res := f.do(t, "", tc.query, nil)
				if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, tc.want) {
					t.Errorf("ask %d: errors = %v, want one containing %q", ask+1, res.Errors, tc.want)
				}
			}
		})
	}
}

func testPaginationIsStable(t *testing.T, f *fixture) {
	const q = `query($after: String) { agencies(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`
	var seen []string
	var after any
	total := 0
	for page := 0; page < 100; page++ {
		data := f.query(t, q, map[string]any{"after": after})
		conn := data["agencies"].(map[string]any)
		total = int(conn["totalCount"].(float64))
		for _, n := range nodes(t, data, "agencies") {
			seen = append(seen, n["id"].(string))
		}
		info := conn["pageInfo"].(map[string]any)
		if !info["hasNextPage"].(bool) {
			break
		}
		after = info["endCursor"]
	}
	if len(seen) != total || total < 5 {
		t.Fatalf("paged through %d agencies, totalCount %d", len(seen), total)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("pages out of order at %d: %s after %s", i, seen[i], seen[i-1])
		}
	}
}

func testConsoleCORSAndHealth(t *testing.T, f *fixture) {
	resp, err := http.Get(f.srv.URL + "/console")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Contains(page, []byte("__schema")) {
		t.Errorf("console: HTTP %d, %d bytes", resp.StatusCode, len(page))
	}
	for _, ref := range []string{"src=\"http", "href=\"http", "cdn"} {
		if bytes.Contains(bytes.ToLower(page), []byte(ref)) {
			t.Errorf("the console loads something from elsewhere (%q)", ref)
		}
	}
	req, _ := http.NewRequest(http.MethodOptions, f.srv.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://dash.example")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "https://dash.example" {
		t.Errorf("preflight: HTTP %d, allow-origin %q", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	}
	req.Header.Set("Origin", "https://evil.example")
	resp, _ = http.DefaultClient.Do(req)
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("an origin not allowed got CORS headers")
	}
	resp, err = http.Get(f.srv.URL + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, _ = http.Get(f.srv.URL + "/graphql?query=" + "%7B%20arrests%20%7B%20totalCount%20%7D%20%7D")
	var out gqlResponse
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if n, _ := out.Data["arrests"].(map[string]any)["totalCount"].(float64); n < 3 {
		t.Errorf("GET arrests totalCount = %v", out.Data)
	}
}

// TestSearchFollowsTheStore checks that articles written behind the API's
// back (a watched folder) become searchable once the server is told.
func testSearchFollowsTheStore(t *testing.T, f *fixture) {
	const q = `{ search(text: "Quillfeather") { node { id } } }`
	if hits := f.query(t, q, nil)["search"].([]any); len(hits) != 0 {
		t.Fatalf("hits before the article exists: %v", hits)
	}
	f.writeText(t, "quill.txt", "---\nurl: https://test.example/quill\n---\nKent Police said Operation Quillfeather led to 9 arrests.\n")
	f.api.StoreChanged()
	f.fresh(t)
	if hits := f.query(t, q, nil)["search"].([]any); len(hits) == 0 {
		t.Errorf("the new operation is not found after StoreChanged")
	}
}

// pagesStepOver walks the agencies two at a time with their cursors, and
// from the merged agency's own cursor: the pages hold what one page of
// all of them holds, in order, with the same total, and never hidden.
func pagesStepOver(t *testing.T, f *fixture, hidden string) {
	t.Helper()
	const q = `query($after: String, $first: Int!) { agencies(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`
	page := func(after any, first int) (ids []any, total any, next bool, end any) {
		conn := f.query(t, q, map[string]any{"after": after, "first": first})["agencies"].(map[string]any)
		for _, n := range nodes(t, map[string]any{"agencies": conn}, "agencies") {
			ids = append(ids, n["id"])
		}
		info := conn["pageInfo"].(map[string]any)
		return ids, conn["totalCount"], info["hasNextPage"].(bool), info["endCursor"]
	}
	all, total, _, _ := page(nil, 100)
	var walked []any
	var after any
	for range 100 {
		ids, tot, next, end := page(after, 2)
		if tot != total {
			t.Fatalf("a page of 2 after %v: totalCount %v, want %v", after, tot, total)
		}
		walked = append(walked, ids...)
		if !next {
			break
		}
		after = end
	}
	if fmt.Sprint(walked) != fmt.Sprint(all) || len(all) != int(total.(float64)) {
		t.Errorf("agencies two at a time: %v, want %v (total %v)", walked, all, total)
	}
	for _, id := range all {
		if id == hidden {
			t.Errorf("the merged agency %s is listed", hidden)
		}
	}
	// From the hidden agency's own cursor: the agencies after it.
	var rest []any
	for i, id := range all {
		if id.(string) > hidden {
			rest = all[i:]
			break
		}
	}
	if ids, _, _, _ := page(base64.RawURLEncoding.EncodeToString([]byte(hidden)), 100); fmt.Sprint(ids) != fmt.Sprint(rest) {
		t.Errorf("agencies after the merged one's cursor: %v, want %v", ids, rest)
	}
}
