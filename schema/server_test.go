package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	_ "github.com/cayleygraph/cayley/graph/memstore"

	"github.com/opgraph/opgraph/graph"
)

const testToken = "t0ken"

// memStore opens an empty memstore for a test.
func memStore(t testing.TB) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// testServer serves the API over st through httptest; edit changes the
// configuration first.
func testServer(t testing.TB, st *graph.Store, edit func(*ServerConfig)) (*Server, *httptest.Server) {
	t.Helper()
	cfg := ServerConfig{Config: Config{Reader: st, Curator: st}, Tokens: map[string]string{testToken: "alice"}}
	if edit != nil {
		edit(&cfg)
	}
	api, err := NewServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { api.Close() }) // after the HTTP server, before the store
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	return api, srv
}

type testResponse struct {
	status int
	raw    []byte
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
	Extensions map[string]any `json:"extensions"`
}

func (r testResponse) message() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Message
}

// post sends a raw body to /graphql.
func post(t testing.TB, srv *httptest.Server, auth string, body []byte) testResponse {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	return send(t, req)
}

func send(t testing.TB, req *http.Request) testResponse {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out := testResponse{status: resp.StatusCode}
	out.raw, _ = io.ReadAll(resp.Body)
	if err := json.Unmarshal(out.raw, &out); err != nil {
		t.Fatalf("HTTP %d, response %q: %v", resp.StatusCode, out.raw, err)
	}
	return out
}

// ask posts a query with variables.
func ask(t testing.TB, srv *httptest.Server, auth, query string, vars map[string]any) testResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return post(t, srv, auth, body)
}
