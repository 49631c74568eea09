package schema_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/internal/syncbuf"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
	"github.com/opgraph/opgraph/schema"
)

// gatedReader holds List until open is closed, and fails it while fail is set.
type gatedReader struct {
	*graph.Store
	open chan struct{}
	fail atomic.Bool
}

func (g *gatedReader) List(ctx context.Context, k graph.Kind) ([]graph.ID, error) {
	<-g.open
	if g.fail.Load() {
		return nil, errors.New("store gone")
	}
	return g.Store.List(ctx, k)
}

// TestReadyMetricsRequestIDs: /readyz is 503 until the first builds are
// done, then 200; /metrics counts requests by operation and status; a
// request's id comes back in X-Request-Id and is on its log lines.
func TestReadyMetricsRequestIDs(t *testing.T) {
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../seeds/" + firstSeedFile(t))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := source.ParseText("seed.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.WriteArticle(ctx, x.Facts(doc)); err != nil {
		t.Fatal(err)
	}
	reader := &gatedReader{Store: store, open: make(chan struct{})}
	reg := prometheus.NewRegistry()
	metrics, err := schema.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	var logged syncbuf.Buffer // the server's background builds may log while the test reads
	api, err := schema.NewServer(schema.ServerConfig{
		Config:  schema.Config{Reader: reader, Curator: store},
		Metrics: metrics, MetricsHandler: promhttp.HandlerFor(reg, promhttp.HandlerOpts{}),
		Logger: slog.New(slog.NewTextHandler(&logged, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api)
	defer srv.Close()

	if code, body := get(t, srv.URL+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz while the first builds wait: %d %q, want 503", code, body)
	}
	close(reader.open)
	if err := api.WaitFresh(ctx); err != nil {
		t.Fatal(err)
	}
	if code, body := get(t, srv.URL+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz once built: %d %q, want 200", code, body)
	}

	post := func(q, id string) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(`{"query":"`+q+`"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Request-Id", id)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	if resp := post("query Arrests { arrests { totalCount } }", "req-1"); resp.Header.Get("X-Request-Id") != "req-1" {
		t.Errorf("X-Request-Id back: %q, want req-1", resp.Header.Get("X-Request-Id"))
	}
	post("query Arrests { arrests { totalCount } }", "req-2")
	post("query Arrests { arrests { totalCount ", "req-3") // a syntax error
	reader.fail.Store(true)
	post("query Broken { arrests { totalCount } }", "req-4")

	_, text2 := get(t, srv.URL+"/metrics")
	for _, want := range []string{
		`opgraph_graphql_requests_total{operation="query:Arrests",status="200"} 2`,
		`opgraph_graphql_requests_total{operation="unparsed",status="400"} 1`,
		`opgraph_graphql_request_duration_seconds_count{operation="query:Arrests"} 2`,
	} {
		if !strings.Contains(text2, want) {
			t.Errorf("/metrics lacks %s:\n%s", want, grepLines(text2, "opgraph_"))
		}
	}
	if !strings.Contains(logged.String(), "request_id=req-4") {
		t.Errorf("the failed request's log lines lack request_id=req-4:\n%s", logged.String())
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func firstSeedFile(t *testing.T) string {
	t.Helper()
	ents, err := os.ReadDir("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".txt") {
			return e.Name()
		}
	}
	t.Fatal("no seed .txt")
	return ""
}
