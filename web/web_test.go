package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/cayleygraph/cayley/graph/memstore"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
	"github.com/opgraph/opgraph/schema"
	"github.com/opgraph/opgraph/web"
)

// seededServer serves the real API and the pages over a memstore holding seeds/.
func seededServer(t testing.TB) *httptest.Server {
	t.Helper()
	return serverWith(t)
}

// serverWith serves the real API and the pages over a memstore holding
// seeds/ and the articles (*.txt) of the folders given.
func serverWith(t testing.TB, folders ...string) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../seeds/*.txt")
	if len(files) < 6 {
		t.Fatalf("want at least 6 seed articles, found %d", len(files))
	}
	for _, dir := range folders {
		more, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		files = append(files, more...)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := source.ParseText(file, data)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := store.WriteArticle(ctx, x.Facts(doc)); err != nil {
			t.Fatal(err)
		}
	}
	ingest := func(ctx context.Context, a schema.Article) (graph.Written, error) {
		af := x.Facts(source.Document{Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source, Text: a.Text})
		w, err := store.WriteArticles(ctx, []graph.ArticleFacts{af})
		if err != nil {
			return graph.Written{}, err
		}
		return w[0], w[0].Err
	}
	api, err := schema.NewServer(schema.ServerConfig{Config: schema.Config{Reader: store, Ingest: ingest},
		Tokens: map[string]string{token: "alice"}, Pages: web.Handler()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	return srv
}

// token lets the tests ingest articles.
const token = "s3cret"

// query runs a GraphQL query against the server, as any client would.
func query(t testing.TB, srv *httptest.Server, q string, vars map[string]any) map[string]any {
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
	var out struct {
		Data   map[string]any
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 {
		t.Fatalf("query %s: %v", q, out.Errors)
	}
	return out.Data
}

// browser starts headless Chromium on a fresh profile; it fails the test on
// any console error, uncaught exception, or request to another host than srv.
func browser(t testing.TB, srv *httptest.Server) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("skipping: no Chromium on this machine (apt-get install chromium; .ci/run installs it)")
	}
	profile := t.TempDir()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile), chromedp.Env("HOME="+profile), chromedp.WindowSize(1280, 800))
	ctx, cancelCtx := chromedp.NewContext(alloc)
	limit := 90 * time.Second
	if _, bench := t.(*testing.B); bench {
		limit = 10 * time.Minute // a benchmark runs as many rounds as asked
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	var mu sync.Mutex
	var problems []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == "error" {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				problems = append(problems, "console error: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			problems = append(problems, fmt.Sprintf("uncaught at %s:%d: %s", d.URL, d.LineNumber, msg))
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				problems = append(problems, "request outside the server: "+u)
			}
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("the page: %s", p)
		}
	})
	return ctx
}

// do runs the steps of a test in the page, failing the test at the first that fails.
func do(t *testing.T, ctx context.Context, step string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	for i, s := range steps {
		// Each step waits for its event at most this long, so a page that
		// never shows it fails here rather than at the test's deadline.
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(sctx, s)
		cancel()
		if err != nil {
			t.Fatalf("%s, step %d: %v", step, i+1, err)
		}
	}
}

// get runs one step that reads something from the page.
func get[T any](t testing.TB, ctx context.Context, step string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return v
}

func css(sel string, args ...any) chromedp.CSS { return chromedp.CSS(fmt.Sprintf(sel, args...)) }

// loaded waits until the dashboard has finished its n-th load.
func loaded(n int) chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(css(`body[data-state="ready"][data-load="%d"] #kpis`, n))
}

type bar struct {
	Key   string  `json:"key"`
	Value float64 `json:"value"`
}

// bars reads a dashboard panel's bars, in the order drawn: the data its
// chart (ECharts) draws, each bar's data item with the bucket's key.
func bars(t *testing.T, ctx context.Context, panel string) []bar {
	t.Helper()
	return get(t, ctx, "read "+panel, chromedp.Evaluate[[]bar](fmt.Sprintf(
		`(chartOf(%q)?.getOption().series[0].data || []).map(d => ({key: d.key, value: d.value}))`, panel)))
}

// clickBar clicks, with the mouse, the middle of the bar of a bucket, where
// the chart says it drew it.
func clickBar(panel, key string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		xy, err := chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
			const box = document.querySelector("#%s .chart"), c = chartOf(%[1]q);
			const data = c.getOption().series[0].data, i = data.findIndex(d => d.key === %q);
			if (i < 0) return null;
			box.scrollIntoView({block: "center"});
			const [x, y] = c.convertToPixel({seriesIndex: 0}, [data[i].value / 2, i]), r = box.getBoundingClientRect();
			return [r.left + x, r.top + y];
		})()`, panel, key))(ctx, tg)
		if err != nil {
			return err
		}
		if len(xy) != 2 {
			return fmt.Errorf("no bar for %s in %s", key, panel)
		}
		_, err = chromedp.MouseClickXY(xy[0], xy[1])(ctx, tg)
		return err
	})
}

// aggregateBars is what the API answers, the first n buckets.
func aggregateBars(t *testing.T, srv *httptest.Server, measure, groupBy string, filter map[string]any, n int) []bar {
	t.Helper()
	data := query(t, srv, fmt.Sprintf(`query($f: Filter) { aggregate(measure: %s, groupBy: %s, filter: $f, first: %d) { key value } }`, measure, groupBy, n),
		map[string]any{"f": filter})
	var out []bar
	for _, b := range data["aggregate"].([]any) {
		m := b.(map[string]any)
		out = append(out, bar{m["key"].(string), m["value"].(float64)})
	}
	return out
}

func sameBars(t *testing.T, what string, got, want []bar) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: the page draws\n%v\nthe API answers\n%v", what, got, want)
	}
}

func TestDashboardInChromium(t *testing.T) {
	srv := seededServer(t)
	ctx := browser(t, srv)
	do(t, ctx, "open the dashboard", chromedp.Navigate(srv.URL+"/"), loaded(1))

	// The bars are the API's buckets, largest first.
	all := aggregateBars(t, srv, "ARREST_COUNT", "AGENCY", nil, 12)
	if len(all) < 3 {
		t.Fatalf("the seeds give %d agencies with arrests", len(all))
	}
	sameBars(t, "arrests by agency", bars(t, ctx, "arrests-by-agency"), all)
	// The total is the sum of the API's year buckets.
	var total float64
	for _, b := range aggregateBars(t, srv, "ARREST_COUNT", "YEAR", nil, 1000) {
		total += b.Value
	}
	kpi := get(t, ctx, "read the arrests total", chromedp.Text(css("#kpi-arrests .value")))
	if want := fmt.Sprintf("%d", int(total)); strings.ReplaceAll(kpi, ",", "") != want {
		t.Errorf("the arrests total reads %q, the API's years add up to %s", kpi, want)
	}

	// A filter in the URL changes the panels to the filtered answer.
	do(t, ctx, "open a filtered link", chromedp.Navigate(srv.URL+"/?country=GB"), loaded(1))
	gb := aggregateBars(t, srv, "ARREST_COUNT", "AGENCY", map[string]any{"country": "GB"}, 12)
	if fmt.Sprint(gb) == fmt.Sprint(all) {
		t.Fatalf("the GB filter changes nothing in the API's answer: %v", gb)
	}
	sameBars(t, "arrests by agency in GB", bars(t, ctx, "arrests-by-agency"), gb)
	sameBars(t, "seizures by commodity in GB", bars(t, ctx, "seizures-by-commodity"),
		aggregateBars(t, srv, "SEIZURE_COUNT", "COMMODITY", map[string]any{"country": "GB"}, 12))

	// Choosing a filter on the page puts it in the URL and redraws.
	do(t, ctx, "choose a commodity",
		chromedp.SetValue(css(`select[name="commodity"]`), "cash"), // sends input and change events, as a person's choice does
		loaded(2))
	search := get(t, ctx, "read the URL", chromedp.Evaluate[string](`location.search`))
	if !strings.Contains(search, "country=GB") || !strings.Contains(search, "commodity=cash") {
		t.Errorf("after choosing cash the URL's query is %q", search)
	}
	sameBars(t, "seizures by commodity in GB, cash", bars(t, ctx, "seizures-by-commodity"),
		aggregateBars(t, srv, "SEIZURE_COUNT", "COMMODITY", map[string]any{"country": "GB", "commodity": "cash"}, 12))

	// A bar opens the facts behind it with their sentences.
	do(t, ctx, "back to no filter", chromedp.Navigate(srv.URL+"/"), loaded(1))
	nca := "opg:agency/national-crime-agency"
	data := query(t, srv, `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 50) { key facts { ... on Arrest { evidence { sentence article { title } } } } } }`, nil)
	var sentences, titles []string
	for _, b := range data["aggregate"].([]any) {
		if b.(map[string]any)["key"] != nca {
			continue
		}
		for _, f := range b.(map[string]any)["facts"].([]any) {
			for _, ev := range f.(map[string]any)["evidence"].([]any) {
				sentences = append(sentences, ev.(map[string]any)["sentence"].(string))
				titles = append(titles, ev.(map[string]any)["article"].(map[string]any)["title"].(string))
			}
		}
	}
	if len(sentences) == 0 {
		t.Fatal("the API gives no sentence for the NCA's arrests")
	}
	do(t, ctx, "click the NCA's bar",
		clickBar("arrests-by-agency", nca),
		chromedp.WaitVisible(css(`#drill[data-state="ready"] .fact`)))
	drill := get(t, ctx, "read the drill-through", chromedp.Text(css("#drill")))
	url := get(t, ctx, "read the URL", chromedp.Location())
	for i, s := range sentences {
		if !strings.Contains(drill, s) || !strings.Contains(drill, titles[i]) {
			t.Errorf("the drill-through lacks the sentence %q of %q; it reads:\n%s", s, titles[i], drill)
		}
	}
	if !strings.Contains(drill, "according to") {
		t.Errorf("the drill-through names no asserter:\n%s", drill)
	}
	if !strings.Contains(url, "drill=arrests-by-agency") {
		t.Errorf("the drill-through is not in the URL: %s", url)
	}
	// The link to it opens it again.
	do(t, ctx, "reopen the drill-through from its link", chromedp.Navigate(url), loaded(1),
		chromedp.WaitVisible(css(`#drill[data-state="ready"] .fact`)))
	if again := get(t, ctx, "read it", chromedp.Text(css("#drill"))); !strings.Contains(again, sentences[0]) {
		t.Errorf("the drill-through's link does not show the sentence again:\n%s", again)
	}
}

// kestrelArticle is our own: nine arrests and the four of them at the
// quay (a part), 1,200 kg of cannabis and the headline's "over 1.1 tonnes"
// (a restatement).
const kestrelArticle = `---
title: Cannabis seized at Kestrel Quay
published: 2023-04-12
---
Gardaí seize over 1.1 tonnes of herbal cannabis

Officers from the Garda Síochána arrested nine people in Operation Kestrel on 10 April 2023. Four of them were arrested at the quay.

Gardaí seized 1,200 kg of herbal cannabis in Operation Kestrel on 10 April 2023.
`

// TestDashboardShowsBreakdowns: a total's drill-through shows, beside the
// fact that counts, its parts and its restatements, which the total does
// not add again.
func TestDashboardShowsBreakdowns(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kestrel.txt"), []byte(kestrelArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serverWith(t, dir)
	ctx := browser(t, srv)
	garda := graph.EntityID(graph.KindAgency, "Garda Síochána")
	do(t, ctx, "open the dashboard for the Garda", chromedp.Navigate(srv.URL+"/?agency="+string(garda)), loaded(1))
	for _, tc := range []struct{ panel, key, total, breakdown string }{
		{"arrests-by-agency", string(garda), "9 arrests from 1 fact", "Of which (counted in this total): 4 arrests"},
		{"kg-by-drug", "herbal cannabis", "1,200 kg from 1 fact", "Also given as (counted once): 1.1 tonne of herbal cannabis"},
	} {
		do(t, ctx, "open the drill-through of "+tc.panel,
			clickBar(tc.panel, tc.key),
			chromedp.WaitVisible(css(`#drill[data-state="ready"] .fact`)))
		text := get(t, ctx, "read the drill-through", chromedp.Text(css("#drill")))
		if !strings.Contains(text, tc.total) || !strings.Contains(text, tc.breakdown) {
			t.Errorf("%s: the drill-through reads\n%s\nwant %q and %q", tc.panel, text, tc.total, tc.breakdown)
		}
		do(t, ctx, "close it", chromedp.Click(css("#drill-close")), chromedp.WaitNotVisible(css("#drill")))
	}
}

func TestExplorerInChromium(t *testing.T) {
	srv := seededServer(t)
	ctx := browser(t, srv)
	encro, venetic, nca := "opg:platform/encrochat", "opg:operation/venetic", "opg:agency/national-crime-agency"
	node := nodeDrawn
	hit := func(id string) chromedp.CSS { return css(`#results li[data-id=%q]`, id) }
	page := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.Search(fmt.Sprintf(`//div[@id="details"][@data-state="ready"]/h2[contains(., %q)]`, name)))
	}
	do(t, ctx, "search EncroChat and open it",
		chromedp.Navigate(srv.URL+"/explore"),
		chromedp.WaitVisible(css(`body[data-state="ready"] #q`)),
		chromedp.SendKeys(css("#q"), "encrochat"),
		chromedp.Click(hit(encro)),
		node(venetic),
		page("EncroChat"))
	if path := get(t, ctx, "read the URL", chromedp.Evaluate[string](`location.pathname`)); path != "/node/"+encro {
		t.Errorf("the node's page is at %q", path)
	}
	// The canvas holds the API's neighbourhood.
	nb := query(t, srv, `query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 150) { nodes { id } } }`, map[string]any{"id": encro})
	drawn := get(t, ctx, "read the canvas", chromedp.Evaluate[[]string](`cy.nodes(":visible").map(n => n.id())`))
	if got, want := len(drawn), len(nb["neighborhood"].(map[string]any)["nodes"].([]any)); got != want {
		t.Errorf("the canvas holds %d nodes %v, the API's neighbourhood %d", got, drawn, want)
	}

	// Clicking a node expands it.
	do(t, ctx, "expand Venetic", clickNode(venetic), node(nca), page("Venetic"))

	// A figure's link shows the figure's sentence.
	do(t, ctx, "click an arrest's link to Venetic",
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`void cy.edges().filter(e => e.id().startsWith("opg:arrest/") && e.id().endsWith(%q)).first().emit("tap")`, "|"+venetic+"|operation")),
		chromedp.WaitVisible(chromedp.Search(`//div[@id="details"][@data-state="ready"]/h2[.="Link"]`)))
	if details := get(t, ctx, "read the link", chromedp.Text(css("#details"))); !strings.Contains(details, "746") {
		t.Errorf("the arrest's link does not show its figure:\n%s", details)
	}

	// A relation's link shows the relation's own sentences, as the API gives them.
	rel := query(t, srv, `query($id: ID!) { neighborhood(id: $id, depth: 1) { edges { source target predicate facts } } }`, map[string]any{"id": venetic})
	var relFacts []any
	for _, e := range rel["neighborhood"].(map[string]any)["edges"].([]any) {
		e := e.(map[string]any)
		if e["source"] == venetic && e["target"] == nca && e["predicate"] == "operation_agency" {
			relFacts = e["facts"].([]any)
		}
	}
	if len(relFacts) == 0 {
		t.Fatal("the API gives no operation_agency edge from Venetic to the NCA")
	}
	var relSentences []string
	for _, id := range relFacts {
		n := query(t, srv, `query($id: ID!) { node(id: $id) { ... on Relation { evidence { sentence } } } }`, map[string]any{"id": id})["node"].(map[string]any)
		for _, ev := range n["evidence"].([]any) {
			relSentences = append(relSentences, ev.(map[string]any)["sentence"].(string))
		}
	}
	do(t, ctx, "click Venetic's link to the NCA",
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`void cy.getElementById(%q).emit("tap")`, venetic+"|"+nca+"|operation_agency")),
		chromedp.WaitVisible(chromedp.Search(`//div[@id="details"][@data-state="ready"]/h3[starts-with(., "Stated by")]`)))
	details := get(t, ctx, "read the link", chromedp.Text(css("#details")))
	shown := get(t, ctx, "count its sentences", chromedp.Evaluate[int](`document.querySelectorAll("#details .evidence").length`))
	unique := map[string]bool{}
	for _, s := range relSentences {
		unique[s] = true
		if !strings.Contains(details, s) {
			t.Errorf("the link lacks the relation's sentence %q:\n%s", s, details)
		}
	}
	if shown < len(unique) || len(unique) == 0 {
		t.Errorf("the link shows %d sentences; the relation has %d distinct ones", shown, len(unique))
	}

	// A path between two agencies is found and highlighted.
	afp, fbi := "opg:agency/australian-federal-police", "opg:agency/federal-bureau-of-investigation"
	want := query(t, srv, `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 5) { length } }`, map[string]any{"a": afp, "b": fbi})["paths"].([]any)
	if len(want) == 0 {
		t.Fatal("the API finds no path from the AFP to the FBI")
	}
	do(t, ctx, "find paths from the AFP to the FBI",
		chromedp.Evaluate[chromedp.Void](`void (document.getElementById("q").value = "")`),
		chromedp.SendKeys(css("#q"), "australian federal police"),
		chromedp.Click(hit(afp)),
		page("Australian Federal Police"),
		chromedp.Click(chromedp.Search(`//button[.="Path from here"]`)),
		chromedp.Evaluate[chromedp.Void](`void (document.getElementById("q").value = "")`),
		chromedp.SendKeys(css("#q"), "federal bureau"),
		chromedp.Click(hit(fbi)),
		page("Federal Bureau of Investigation"),
		chromedp.Click(chromedp.Search(`//button[.="Path to here"]`)),
		chromedp.Click(css("#find-paths")),
		chromedp.WaitVisible(css(`#path-state[data-paths]`)))
	paths := get(t, ctx, "read the paths", chromedp.AttributeValue(css("#path-state"), "data-paths"))
	// Highlighted: drawn in the path's colour, not the others' grey.
	highlighted := get(t, ctx, "count the highlighted links", chromedp.Evaluate[int](`cy.edges(":visible").filter(e => e.style("line-color") === "rgb(213,94,0)").length`))
	if paths.Value != fmt.Sprint(len(want)) || float64(highlighted) < want[0].(map[string]any)["length"].(float64) {
		t.Errorf("the page found %s paths with %d links highlighted; the API %d paths of %v links", paths.Value, highlighted, len(want), want[0].(map[string]any)["length"])
	}
}

// nodeDrawn waits until the explorer's canvas (Cytoscape) shows a node.
func nodeDrawn(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`window.cy && cy.getElementById(%q).visible()`, id))
}

// clickNode clicks a node of the explorer's canvas with the mouse, once the
// layout is still, where Cytoscape drew it (moving the view to it first if
// it lies outside, as a person would).
func clickNode(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := nodeDrawn(id)(ctx, tg); err != nil {
			return err
		}
		if _, err := chromedp.WaitVisible(css(`#graph[data-layout="still"]`))(ctx, tg); err != nil {
			return err
		}
		xy, err := chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
			const n = cy.getElementById(%q), box = cy.container().getBoundingClientRect();
			let p = n.renderedPosition();
			if (p.x < 20 || p.y < 20 || p.x > box.width - 20 || p.y > box.height - 20) { cy.center(n); p = n.renderedPosition(); }
			return [box.left + p.x, box.top + p.y];
		})()`, id))(ctx, tg)
		if err != nil {
			return err
		}
		_, err = chromedp.MouseClickXY(xy[0], xy[1])(ctx, tg)
		return err
	})
}

// TestRoutes checks what the server answers on each path, without a browser.
func TestRoutes(t *testing.T) {
	srv := seededServer(t)
	for _, c := range []struct {
		path, wantType, wantBody string
		wantStatus               int
	}{
		{"/", "text/html", `src="/assets/dashboard.js"`, 200},
		{"/explore", "text/html", `src="/assets/explore.js"`, 200},
		{"/node/opg:platform/encrochat", "text/html", `src="/assets/explore.js"`, 200},
		{"/assets/dashboard.js", "text/javascript", "/graphql", 200},
		{"/assets/explore.js", "text/javascript", "neighborhood(id:", 200},
		{"/assets/app.js", "text/plain", "not found", 404}, // bundled into each page's script
		{"/assets/app.css", "text/css", ":root", 200},
		{"/console", "text/html", "__schema", 200},
		{"/healthz", "text/plain", "ok", 200},
		{"/nowhere", "text/plain", "not found", 404},
		{"/assets/index.html", "text/plain", "not found", 404},
	} {
		t.Run(c.path, func(t *testing.T) {
			resp, err := http.Get(srv.URL + c.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body bytes.Buffer
			body.ReadFrom(resp.Body)
			if resp.StatusCode != c.wantStatus || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.wantType) || !strings.Contains(body.String(), c.wantBody) {
				t.Errorf("GET %s: HTTP %d, %s, %d bytes; want HTTP %d, %s, containing %q",
					c.path, resp.StatusCode, resp.Header.Get("Content-Type"), body.Len(), c.wantStatus, c.wantType, c.wantBody)
			}
			if c.wantStatus == 200 && c.path != "/healthz" && !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'self'") {
				t.Errorf("GET %s: no Content-Security-Policy keeping the page to the server", c.path)
			}
		})
	}
}

// TestAssetsGzippedAndRevalidated checks the pages go out gzipped to
// clients that take it, as they are to others, and as 304 to a browser
// holding the same version.
func TestAssetsGzippedAndRevalidated(t *testing.T) {
	srv := seededServer(t)
	fetch := func(path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultTransport.RoundTrip(req) // no transparent gunzip
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		return resp, body.Bytes()
	}
	for _, path := range []string{"/", "/assets/dashboard.js", "/assets/app.css"} {
		plain, raw := fetch(path)
		zipped, packed := fetch(path, "Accept-Encoding", "gzip, br")
		if plain.Header.Get("Content-Encoding") != "" || zipped.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: Content-Encoding %q without asking, %q asking for gzip", path, plain.Header.Get("Content-Encoding"), zipped.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(packed))
		if err != nil {
			t.Fatal(err)
		}
		var unpacked bytes.Buffer
		unpacked.ReadFrom(zr)
		if !bytes.Equal(unpacked.Bytes(), raw) || len(packed) >= len(raw) {
			t.Errorf("%s: gzipped %d bytes unpack to %d, the plain answer is %d", path, len(packed), unpacked.Len(), len(raw))
		}
		tag := plain.Header.Get("ETag")
		if again, body := fetch(path, "If-None-Match", tag); tag == "" || again.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("%s: with If-None-Match %s: HTTP %d, %d bytes; want 304", path, tag, again.StatusCode, len(body))
		}
	}
}
