package schema

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
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
