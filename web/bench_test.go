package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	"github.com/chromedp/chromedp"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/schema"
	"github.com/opgraph/opgraph/web"
)

// benchServer serves the pages over the Bolt store named by
// OPGRAPH_BENCH_STORE (e.g. one `opgraph load` filled from `opgraph gen`),
// once its search index and aggregate table are built, as serve does.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	dir := os.Getenv("OPGRAPH_BENCH_STORE")
	if dir == "" {
		b.Skip("skipping: set OPGRAPH_BENCH_STORE to a Bolt store's folder (see docs/benchmarks.md)")
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	api, err := schema.NewServer(schema.ServerConfig{Config: schema.Config{Reader: store}, WarmSearch: true, Pages: web.Handler()})
	if err != nil {
		b.Fatal(err)
	}
	if err := api.WaitFresh(ctx); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(api)
	b.Cleanup(srv.Close)
	return srv
}

func run(b *testing.B, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	b.Helper()
	for _, a := range actions {
		if err := chromedp.Do(ctx, a); err != nil {
			b.Fatalf("%s: %v", what, err)
		}
	}
}

// BenchmarkDashboardRender times the dashboard from navigation to every
// panel drawn (body[data-state=ready][data-load=1]), a fresh page each time.
func BenchmarkDashboardRender(b *testing.B) {
	srv := benchServer(b)
	ctx := browser(b, srv)
	run(b, ctx, "warm up", chromedp.Navigate(srv.URL+"/"), loaded(1))
	b.ResetTimer()
	for b.Loop() {
		run(b, ctx, "render", chromedp.Navigate(srv.URL+"/"), loaded(1))
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/render")
}

// BenchmarkExplorerExpand times a click on a node of the explorer until its
// page and neighbourhood are drawn (body[data-state=ready]): the agency with
// the most arrests is opened, then one of its operations expanded.
func BenchmarkExplorerExpand(b *testing.B) {
	srv := benchServer(b)
	ctx := browser(b, srv)
	top := query(b, srv, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 1) { key } }`, nil)["aggregate"].([]any)[0].(map[string]any)["key"].(string)
	open := func() string {
		run(b, ctx, "open "+top, chromedp.Navigate(srv.URL+"/node/"+top),
			chromedp.WaitVisible(css(`body[data-state="ready"] #details[data-state="ready"] h2`)))
		return get(b, ctx, "pick an operation", chromedp.Evaluate[string](
			`[...document.querySelectorAll("svg.graph .node")].map(n => n.dataset.id).find(id => id.startsWith("opg:operation/")) || ""`))
	}
	if op := open(); op == "" {
		b.Fatalf("%s has no operation on the canvas", top)
	}
	var nodesAdded int
	var total time.Duration
	for b.Loop() {
		b.StopTimer()
		op := open()
		before := get(b, ctx, "count nodes", chromedp.Evaluate[int](`document.querySelectorAll("svg.graph .node").length`))
		b.StartTimer()
		start := time.Now()
		run(b, ctx, "expand "+op,
			chromedp.Click(css(`svg.graph .node[data-id=%q] circle`, op)),
			chromedp.WaitVisible(css(`body[data-state="ready"] #details[data-state="ready"] h2`)))
		total += time.Since(start)
		b.StopTimer()
		after := get(b, ctx, "count nodes", chromedp.Evaluate[int](`document.querySelectorAll("svg.graph .node").length`))
		nodesAdded += after - before
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/expand")
	b.ReportMetric(float64(nodesAdded)/float64(b.N), "nodes-added/expand")
}
