package schema

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// fuzzServer is the real handler over a small memstore: two arrests.
func fuzzServer(f *testing.F) *Server {
	st := memStore(f)
	writeArrest(f, st, 3)
	writeArrest(f, st, 5)
	api, _ := testServer(f, st, nil)
	return api
}

// checkAnswer is what every answer must be: JSON, with a status that is
// not a server error, and no error the server did not mean to give.
func checkAnswer(t *testing.T, rec *httptest.ResponseRecorder, req string) {
	t.Helper()
	if rec.Code >= 500 {
		t.Fatalf("HTTP %d for %q: %s", rec.Code, req, rec.Body)
	}
	var out struct {
		Errors []struct{ Message string } `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("answer to %q is not JSON (%v): %s", req, err, rec.Body)
	}
	for _, e := range out.Errors {
		if strings.Contains(e.Message, "internal error") {
			t.Fatalf("internal error for %q: %s", req, rec.Body)
		}
	}
}

// FuzzHandler sends request bodies to the real HTTP handler, with the
// token when the first byte is odd (mutations change the small store).
func FuzzHandler(f *testing.F) {
	api := fuzzServer(f)
	for _, seed := range []string{
		`{"query":"{ arrests { totalCount edges { node { id count } } } }"}`,
		`{"query":"{...A} fragment A on Query{...A}"}`,
		`{"query":"query($f: Filter) { arrests(filter: $f) { totalCount } }","variables":{"f":{"minConfidence":0.5,"from":"2020"}}}`,
		`{"query":"{ search(text: \"police\") { score node { id } } }"}`,
		`{"query":"{ aggregate(measure: ARREST_COUNT, groupBy: MONTH) { label value facts(first: 2) { id } } }"}`,
		`{"query":"mutation { correctFact(id: \"opg:arrest/test-3\", field: \"count\", value: \"4\", reason: \"r\") { id } }"}`,
		`{"query":"{ neighborhood(id: \"opg:arrest/test-3\", depth: 2) { nodes { id } } }"}`,
		`{"query":"{ __schema { types { name } } }","operationName":"x"}`,
		`{"query":"{ operations(first: 5, after: \"b3Bn\") { pageInfo { endCursor } } }"} x`,
	} {
		f.Add(byte(0), []byte(seed))
		f.Add(byte(1), []byte(seed))
	}
	f.Fuzz(func(t *testing.T, auth byte, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth%2 == 1 {
			req.Header.Set("Authorization", "Bearer "+testToken)
		}
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, req)
		checkAnswer(t, rec, string(body))
	})
}

// FuzzFilter sends filters as variables: each is applied or refused with
// a message, never an internal error.
func FuzzFilter(f *testing.F) {
	api := fuzzServer(f)
	for _, seed := range []string{
		`{"minConfidence":0.5}`, `{"minConfidence":-1}`, `{"from":"2020-13","to":"2021"}`, `{"text":"police","country":"gb"}`,
		`{"agency":"opg:agency/x","operation":"","platform":"\u0000"}`, `{"articleFrom":"9999-99-99"}`, `{"minConfidence":1e308}`,
	} {
		f.Add([]byte(seed))
	}
	const q = `query($f: Filter) { arrests(filter: $f) { totalCount } aggregate(measure: ARREST_COUNT, groupBy: YEAR, filter: $f) { value } }`
	f.Fuzz(func(t *testing.T, filter []byte) {
		var v any
		if json.Unmarshal(filter, &v) != nil {
			return // not a variable a client could send
		}
		body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"f": v}})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, req)
		checkAnswer(t, rec, string(filter))
	})
}

// FuzzCursor pages with any after: cursor: a page, a "malformed cursor"
// or one "of another list", and a cursor the server made gives back the
// page after its node.
func FuzzCursor(f *testing.F) {
	ids := []graph.ID{"opg:arrest/1", "opg:arrest/2", "opg:arrest/3", "opg:arrest/\u00e9"}
	for _, s := range []string{"", "b3BnOmEvMQ", "%%%", "b3BnOmEvMQ==", "////", cursorOf("opg:arrest/2"), cursorOf("opg:agency/2")} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, after string, first int) {
		c, err := paginate(graph.KindArrest, ids, map[string]any{"after": after, "first": first})
		if err != nil {
			if !strings.Contains(err.Error(), "malformed cursor") && !strings.Contains(err.Error(), "of another list") && !strings.Contains(err.Error(), "first must be") {
				t.Fatalf("after %q, first %d: %v", after, first, err)
			}
			return
		}
		if len(c.ids) > first || c.total != len(ids) {
			t.Fatalf("after %q, first %d: page %v of %d", after, first, c.ids, c.total)
		}
		if raw, err := base64.RawURLEncoding.DecodeString(after); err == nil && after != "" {
			for _, id := range c.ids {
				if id <= graph.ID(raw) {
					t.Fatalf("after %q (%q): page holds %q", after, raw, id)
				}
			}
		}
		for _, id := range ids {
			if got, _ := base64.RawURLEncoding.DecodeString(cursorOf(id)); graph.ID(got) != id {
				t.Fatalf("cursor of %q decodes to %q", id, got)
			}
		}
	})
}
