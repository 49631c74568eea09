package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/cayleygraph/cayley/graph/memstore"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders"
	"github.com/opgraph/opgraph/schema"
)

var _ schema.Reader = (*graph.Store)(nil)

// seededServer serves the real schema over a memstore holding seeds/.
func seededServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../seeds/*.txt")
	if len(files) < 6 {
		t.Fatalf("want at least 6 seed articles, found %d", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := loaders.ParseText(f, data)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := store.WriteArticle(ctx, loaders.Facts(doc, x.Extract(doc))); err != nil {
			t.Fatal(err)
		}
	}
	s, err := schema.New(store)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(schema.NewHandler(s, schema.HandlerConfig{}))
	t.Cleanup(srv.Close)
	return srv
}

type gqlResponse struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func query(t *testing.T, srv *httptest.Server, q string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response %s: %v", raw, err)
	}
	return out
}

// edges returns the nodes of a connection in a response.
func edges(t *testing.T, data map[string]any, field string) []map[string]any {
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

func TestOperationsWithAgencies(t *testing.T) {
	srv := seededServer(t)
	res := query(t, srv, `{ operations(first: 50) { totalCount edges { node { name agencies { name } } } } }`, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	found := false
	for _, op := range edges(t, res.Data, "operations") {
		if op["name"] != "Eternal" {
			continue
		}
		found = true
		ags := op["agencies"].([]any)
		if len(ags) != 1 || ags[0].(map[string]any)["name"] != "Metropolitan Police" {
			t.Errorf("Eternal's agencies = %v, want the Metropolitan Police", ags)
		}
	}
	if !found {
		t.Errorf("no operation Eternal in %v", res.Data)
	}
}

func TestSeizureWithEvidence(t *testing.T) {
	srv := seededServer(t)
	res := query(t, srv, `{ seizures(first: 100) { edges { node { commodity amount currency agency { name }
		evidence { sentence start end confidence article { title url published } } } } } }`, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	for _, s := range edges(t, res.Data, "seizures") {
		if s["commodity"] != "cash" || s["amount"] != 54000000.0 {
			continue
		}
		if s["currency"] != "GBP" {
			t.Errorf("£54m currency = %v, want GBP", s["currency"])
		}
		ev := s["evidence"].([]any)
		if len(ev) == 0 {
			t.Fatal("£54m has no evidence")
		}
		e := ev[0].(map[string]any)
		if !strings.Contains(e["sentence"].(string), "£54m") {
			t.Errorf("evidence sentence %q does not state £54m", e["sentence"])
		}
		art := e["article"].(map[string]any)
		if art["published"] != "2020-07-02" || art["url"] == nil {
			t.Errorf("evidence article = %v", art)
		}
		if e["end"].(float64) <= e["start"].(float64) {
			t.Errorf("evidence offsets %v..%v", e["start"], e["end"])
		}
		return
	}
	t.Errorf("no £54m cash seizure in %v", res.Data)
}

func TestPaginationAndNode(t *testing.T) {
	srv := seededServer(t)
	const q = `query($after: String) { agencies(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`
	var seen []string
	var after any
	total := -1
	for page := 0; page < 100; page++ {
		res := query(t, srv, q, map[string]any{"after": after})
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", res.Errors)
		}
		conn := res.Data["agencies"].(map[string]any)
		total = int(conn["totalCount"].(float64))
		for _, n := range edges(t, res.Data, "agencies") {
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
			t.Fatalf("pages out of order or repeating at %d: %s after %s", i, seen[i], seen[i-1])
		}
	}
	res := query(t, srv, `query($id: ID!) { node(id: $id) { id ... on Agency { name } } }`, map[string]any{"id": seen[0]})
	if len(res.Errors) > 0 || res.Data["node"].(map[string]any)["id"] != seen[0] {
		t.Errorf("node(%s) = %v %v", seen[0], res.Data, res.Errors)
	}
}

func TestErrors(t *testing.T) {
	srv := seededServer(t)
	cases := []struct {
		name, query, want string
	}{
		{"missing node", `{ node(id: "opg:agency/nobody") { id } }`, "not found"},
		{"page too big", `{ operations(first: 1000) { totalCount } }`, "first must be between"},
		{"bad cursor", `{ operations(after: "%%%") { totalCount } }`, "malformed cursor"},
		{"unknown field", `{ operations { nope } }`, "Cannot query field"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := query(t, srv, tc.query, nil)
			if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, tc.want) {
				t.Errorf("errors = %v, want one containing %q", res.Errors, tc.want)
			}
		})
	}
}

func TestHealthzAndGET(t *testing.T) {
	srv := seededServer(t)
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = http.Get(srv.URL + "/graphql?query=" + "%7B%20arrests%20%7B%20totalCount%20%7D%20%7D")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	json.NewDecoder(resp.Body).Decode(&out)
	if n, _ := out.Data["arrests"].(map[string]any)["totalCount"].(float64); n < 3 {
		t.Errorf("GET arrests totalCount = %v, want the seeds' arrests", out.Data)
	}
}
