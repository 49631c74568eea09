package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"testing"

	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	"github.com/chromedp/chromedp"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/schema"
	"github.com/opgraph/opgraph/web"
)

// benchServer serves the pages over the Bolt store named by
// OPGRAPH_BENCH_STORE (e.g. one `opgraph load` filled from `opgraph-bench gen`),
// once its search index and aggregate table are built, as serve does;
// without it, over the seeds in memory, so that the benchmarks keep working.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	dir := os.Getenv("OPGRAPH_BENCH_STORE")
	if dir == "" {
		return seededServer(b)
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

// BenchmarkDashboardRender loads the dashboard, a fresh page each time,
// until every panel is drawn (body[data-state=ready][data-load=1]). ns/op
// is that as the test sees it, through the DevTools protocol; ms/drawn is
// the page's own time from navigation start to the panels drawn (the
// performance mark "dashboard-drawn").
func BenchmarkDashboardRender(b *testing.B) {
	srv := benchServer(b)
	ctx := browser(b, srv)
	run(b, ctx, "warm up", chromedp.Navigate(srv.URL+"/"), loaded(1))
	var drawn float64
	for b.Loop() {
		run(b, ctx, "render", chromedp.Navigate(srv.URL+"/"), loaded(1))
		b.StopTimer()
		drawn += get(b, ctx, "read the mark", chromedp.Evaluate[float64](`performance.getEntriesByName("dashboard-drawn")[0].startTime`))
		b.StartTimer()
	}
	b.ReportMetric(drawn/float64(b.N), "ms/drawn")
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	return s[len(s)/2]
}

// BenchmarkExplorerExpand times a click on a node of the explorer until its
// page and neighbourhood are drawn (body[data-state=ready]): an operation of
// the agency with the most arrests is opened, then the agency, a hub, is
// expanded (up to 150 nodes, the explorer's limit). ns/op is as the test
// sees it, through the DevTools protocol; ms/expand is the page's own time
// (the measure "choose": from the click's handler to both drawn).
func BenchmarkExplorerExpand(b *testing.B) {
	srv := benchServer(b)
	ctx := browser(b, srv)
	top := query(b, srv, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 1) { key } }`, nil)["aggregate"].([]any)[0].(map[string]any)["key"].(string)
	// One of its operations: an operation_agency link makes the agency a
	// neighbour of the operation, drawn on the operation's page.
	nb := query(b, srv, `query($a: ID!) { neighborhood(id: $a, depth: 1, limit: 1000, predicates: ["operation_agency"]) { nodes { id type } } }`, map[string]any{"a": top})
	op := ""
	for _, n := range nb["neighborhood"].(map[string]any)["nodes"].([]any) {
		if n := n.(map[string]any); n["type"] == "Operation" && op == "" {
			op = n["id"].(string)
		}
	}
	if op == "" {
		b.Fatalf("%s runs no operation", top)
	}
	count := func() int {
		return get(b, ctx, "count nodes", chromedp.Evaluate[int](`cy.nodes().length`))
	}
	var nodesAdded int
	var chosen, page, hood []float64
	for b.Loop() {
		b.StopTimer()
		run(b, ctx, "open "+op, chromedp.Navigate(srv.URL+"/node/"+op),
			chromedp.WaitVisible(css(`body[data-state="ready"] #details[data-state="ready"] h2`)),
			nodeDrawn(top), chromedp.WaitVisible(css(`#graph[data-layout="still"]`)))
		before := count()
		b.StartTimer()
		run(b, ctx, "expand "+top,
			clickNode(top),
			chromedp.WaitVisible(css(`body[data-state="ready"] #details[data-state="ready"] h2`)))
		b.StopTimer()
		nodesAdded += count() - before
		measure := func(name string) float64 {
			return get(b, ctx, "read the measure "+name, chromedp.Evaluate[float64](fmt.Sprintf(`performance.getEntriesByName(%q).at(-1).duration`, name)))
		}
		chosen = append(chosen, measure("choose"))
		page = append(page, measure("node-page"))
		hood = append(hood, measure("neighbourhood"))
		b.StartTimer()
	}
	// Medians: on a shared machine one stalled run in ten moves a mean by seconds.
	b.ReportMetric(median(chosen), "ms/expand-p50")
	b.ReportMetric(slices.Max(chosen), "ms/expand-max")
	b.ReportMetric(median(page), "ms/node-page-p50")
	b.ReportMetric(median(hood), "ms/neighbourhood-p50")
	b.ReportMetric(float64(nodesAdded)/float64(b.N), "nodes-added/expand")
}
