package schema

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// TestAttacksAreRefusedOverHTTP sends the attacks to the real
// handler: each gets a 400 naming the limit, and the server keeps serving
// (before the gate, the first one killed the process with a stack overflow).
func TestAttacksAreRefusedOverHTTP(t *testing.T) {
	_, srv := testServer(t, memStore(t), nil)
	cases := []struct{ name, query, want string }{
		{"fragment cycle", `{...A} fragment A on Query{...A}`, "A -> A"},
		{"fragment fan-out", fanOut(40), "fragment spreads"},
		{"3,000 levels deep", nested(3000), "too deep"},
		{"30,000 fields", "{" + strings.Repeat(" __typename", 30_000) + "}", "too long"},
		{"aliased introspection", "{" + strings.Repeat(" s: __schema { queryType { name } }", 300) + "}", "aliases"},
		{"a variable without a type (FuzzHandler)", `query($A:) {A}`, "$A has no type"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := ask(t, srv, "", tc.query, nil)
			if res.status != http.StatusBadRequest || !strings.Contains(res.message(), tc.want) {
				t.Errorf("HTTP %d %q, want 400 naming %q", res.status, res.message(), tc.want)
			}
			if ok := ask(t, srv, "", `{ __typename }`, nil); ok.status != http.StatusOK {
				t.Fatalf("after the attack: HTTP %d %s", ok.status, ok.raw)
			}
		})
	}
	t.Run("deep by GET", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/graphql?query="+url.QueryEscape(nested(3000)), nil)
		if res := send(t, req); res.status != http.StatusBadRequest || !strings.Contains(res.message(), "too deep") {
			t.Errorf("HTTP %d %q, want 400 too deep", res.status, res.message())
		}
	})
}

// TestTokenBeforeParsing checks that without a token nothing is parsed or
// validated where it is needed: no schema leaks through suggestions.
func TestTokenBeforeParsing(t *testing.T) {
	st := memStore(t)
	_, private := testServer(t, st, func(c *ServerConfig) { c.ReadsNeedToken = true })
	_, public := testServer(t, st, nil)
	cases := []struct {
		name  string
		srv   string
		query string
		want  string
	}{
		{"private: a query with a typo", "private", `{ operatons { totalCount } }`, "answers only requests with the header"},
		{"private: a fragment cycle", "private", `{...A} fragment A on Query{...A}`, "answers only requests with the header"},
		{"public: a mutation with a typo", "public", `mutation { retractFac(id: "x", reason: "y") { id } }`, "mutations need the header"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := public
			if tc.srv == "private" {
				srv = private
			}
			res := ask(t, srv, "", tc.query, nil)
			if res.status != http.StatusUnauthorized || !strings.Contains(res.message(), tc.want) {
				t.Errorf("HTTP %d %q, want 401 saying %q", res.status, res.message(), tc.want)
			}
			if strings.Contains(string(res.raw), "Did you mean") {
				t.Errorf("the refusal suggests field names: %s", res.raw)
			}
		})
	}
	if res := ask(t, private, testToken, `{ __typename }`, nil); res.status != http.StatusOK {
		t.Errorf("private with the token: HTTP %d %s", res.status, res.raw)
	}
}

// writeArrest stores one article stating one arrest figure and returns the arrest's ID.
func writeArrest(t testing.TB, st *graph.Store, n int) graph.ID {
	t.Helper()
	art := graph.ID(fmt.Sprintf("opg:article/test-%d", n))
	id := graph.ID(fmt.Sprintf("opg:arrest/test-%d", n))
	af := graph.ArticleFacts{Article: graph.Article{ID: art, Title: "test", URL: "https://test.example/" + string(art)},
		Nodes: []graph.Node{{ID: id, Kind: graph.KindArrest, Props: []graph.Prop{{Pred: graph.PredCount, Value: float64(n)}},
			Evidence: []graph.Evidence{{Sentence: "Police arrested people.", Start: 0, End: 23, Confidence: 0.9}}}}}
	if _, _, err := st.WriteArticle(context.Background(), af); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestBadInputGetsAClearError covers the item 10 and the NaN of
// item 9: each request is refused with a message that says why, and the
// store reads as before afterwards.
func TestBadInputGetsAClearError(t *testing.T) {
	st := memStore(t)
	arrest := writeArrest(t, st, 7)
	_, srv := testServer(t, st, nil)
	const correct = `mutation($id: ID!, $v: String!) { correctFact(id: $id, field: "count", value: $v, reason: "r") { id } }`
	cases := []struct {
		name, auth, query string
		vars              map[string]any
		opName            string
		status            int
		want              string
	}{
		{"NaN count", testToken, correct, map[string]any{"id": arrest, "v": "NaN"}, "", 200, "takes a number"},
		{"Inf count", testToken, correct, map[string]any{"id": arrest, "v": "+Inf"}, "", 200, "takes a number"},
		{"1e400 count", testToken, correct, map[string]any{"id": arrest, "v": "1e400"}, "", 200, "takes a number"},
		{"hex count", testToken, correct, map[string]any{"id": arrest, "v": "0x1p3"}, "", 200, "takes a number"},
		{"negative count", testToken, correct, map[string]any{"id": arrest, "v": "-3"}, "", 200, "between 0 and"},
		{"fractional count", testToken, correct, map[string]any{"id": arrest, "v": "2.5"}, "", 200, "whole number"},
		{"huge count", testToken, correct, map[string]any{"id": arrest, "v": "1e12"}, "", 200, "between 0 and"},
		{"missing node in a mutation", testToken, correct, map[string]any{"id": "opg:arrest/nobody", "v": "3"}, "", 200, "not found"},
		{"retracting a missing fact", testToken, `mutation { retractFact(id: "opg:arrest/nope", reason: "r") { id } }`, nil, "", 200, "opg:arrest/nope: not found"},
		{"undoing a missing change", testToken, `mutation { undoChange(id: "opg:change/nope", reason: "r") { id } }`, nil, "", 200, "opg:change/nope: not found"},
		{"minConfidence over 1", "", `{ arrests(filter: {minConfidence: 2}) { totalCount } }`, nil, "", 200, "minConfidence must be between"},
		{"first -1 on changes", "", `{ changes(first: -1) { id } }`, nil, "", 200, "first must be between"},
		{"first -1 on conflicts", "", `{ conflicts(first: -1) { kind } }`, nil, "", 200, "first must be between"},
		{"first -1 on facts", "", `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { facts(first: -1) { id } } }`, nil, "", 200, "first must be between"},
		{"unknown operationName", "", `query A { __typename } query B { __typename }`, nil, "C", 400, `no operation named "C"`},
		{"two operations, none named", "", `query A { __typename } query B { __typename }`, nil, "", 400, "name the one to run"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": tc.query, "variables": tc.vars, "operationName": tc.opName})
			res := post(t, srv, tc.auth, body)
			if res.status != tc.status || !strings.Contains(res.message(), tc.want) {
				t.Errorf("HTTP %d %q, want %d with %q", res.status, res.message(), tc.status, tc.want)
			}
		})
	}
	t.Run("bytes after the JSON body", func(t *testing.T) {
		res := post(t, srv, "", []byte(`{"query":"{ __typename }"} {"query":"mutation { x }"}`))
		if res.status != http.StatusBadRequest || !strings.Contains(res.message(), "more after the JSON object") {
			t.Errorf("HTTP %d %q, want 400 refusing the trailing bytes", res.status, res.message())
		}
		if res := post(t, srv, "", []byte("{\"query\":\"{ __typename }\"}\n")); res.status != http.StatusOK {
			t.Errorf("a body ending in a newline: HTTP %d %s", res.status, res.raw)
		}
	})
	res := ask(t, srv, "", `{ arrests { totalCount edges { node { id count } } } aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { value } }`, nil)
	if res.status != 200 || len(res.Errors) > 0 || fmt.Sprint(res.Data["arrests"]) != fmt.Sprintf("map[edges:[map[node:map[count:7 id:%s]]] totalCount:1]", arrest) {
		t.Errorf("after the refused corrections: HTTP %d %s", res.status, res.raw)
	}
}

// TestQueryCacheIsBoundedInBytes fills the parsed-query cache with
// distinct queries of about 2 KB and checks what it holds stays within its budget.
func TestQueryCacheIsBoundedInBytes(t *testing.T) {
	const budget = 1 << 20
	api, srv := testServer(t, memStore(t), func(c *ServerConfig) { c.DocCacheBytes = budget })
	for i := range 300 {
		q := fmt.Sprintf("{ a%d: __typename %s }", i, strings.Repeat(" __typename", 180))
		if res := ask(t, srv, "", q, nil); res.status != 200 {
			t.Fatalf("HTTP %d %s", res.status, res.raw)
		}
	}
	if got := api.docs.bytes(); got > budget || got < budget/2 {
		t.Errorf("the cache holds an estimated %d bytes, want at most %d and more than half of it", got, budget)
	}
}
