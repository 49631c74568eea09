package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestLiveUpdatesInChromium(t *testing.T) {
	srv := seededServer(t)
	ctx := browser(t, srv)
	ingest := func(slug, text string) {
		t.Helper()
		query(t, srv, `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"title": slug, "url": "https://test.example/" + slug, "published": "2024-03-01", "text": text}})
	}
	arrestsTotal := func() string {
		var total float64
		for _, b := range aggregateBars(t, srv, "ARREST_COUNT", "YEAR", nil, 1000) {
			total += b.Value
		}
		return fmt.Sprint(total)
	}

	// An open dashboard redraws with the new figures, without a reload.
	do(t, ctx, "open the dashboard and its subscription", chromedp.Navigate(srv.URL+"/"), loaded(1),
		chromedp.WaitVisible(css(`body[data-live="open"]`)))
	before := arrestsTotal()
	chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`void (window.sameDocument = true)`))
	sent := time.Now()
	ingest("essex-raids", "Essex Police said 37 people were arrested in raids across Basildon.")
	do(t, ctx, "wait for the update", chromedp.WaitVisible(css(`body[data-updates="1"]`)), loaded(2))
	t.Logf("from ingestArticle to the dashboard redrawn: %v", time.Since(sent).Round(time.Millisecond))
	after := arrestsTotal()
	if after == before {
		t.Fatalf("the article adds no arrests in the API (total %s)", after)
	}
	kpi := get(t, ctx, "read the arrests total", chromedp.Text(css("#kpi-arrests .value")))
	if strings.ReplaceAll(kpi, ",", "") != after {
		t.Errorf("after the article the arrests total reads %q, the API's is %s (was %s)", kpi, after, before)
	}
	sameBars(t, "arrests by agency after the article", bars(t, ctx, "arrests-by-agency"), aggregateBars(t, srv, "ARREST_COUNT", "AGENCY", nil, 12))
	if !get(t, ctx, "was the page reloaded?", chromedp.Evaluate[bool](`window.sameDocument === true`)) {
		t.Error("the page was reloaded")
	}

	// An open node page shows a figure stated about it afterwards.
	nca := "opg:agency/national-crime-agency"
	do(t, ctx, "open the NCA's page", chromedp.Navigate(srv.URL+"/node/"+nca),
		chromedp.WaitVisible(css(`#details[data-state="ready"] h2`)), chromedp.WaitVisible(css(`body[data-live="open"]`)))
	ingest("nca-raids", "The National Crime Agency said 613 people were arrested in Operation Quillfeather.")
	do(t, ctx, "wait for the node page's update", chromedp.WaitVisible(css(`body[data-updates="1"] #details[data-state="ready"] h2`)))
	if details := get(t, ctx, "read the page", chromedp.Text(css("#details"))); !strings.Contains(details, "613") {
		t.Errorf("the NCA's page lacks the new 613 arrests:\n%s", details)
	}
	drawn := get(t, ctx, "read the canvas", chromedp.Evaluate[bool](`cy.getElementById("opg:operation/quillfeather").visible()`))
	if !drawn {
		t.Error("the new operation is not drawn beside the NCA")
	}
}

// TestHiddenPagesLetGoOfTheirStreams goes from node page to node page,
// each holding a subscription: a page left behind (kept in the
// back-forward cache) must close its stream, or after six the browser has
// no connection left to the server for the page in front.
func TestHiddenPagesLetGoOfTheirStreams(t *testing.T) {
	srv := seededServer(t)
	ctx := browser(t, srv)
	for i, id := range []string{"opg:operation/venetic", "opg:platform/encrochat", "opg:agency/national-crime-agency",
		"opg:operation/venetic", "opg:platform/encrochat", "opg:agency/national-crime-agency", "opg:operation/venetic", "opg:platform/encrochat"} {
		do(t, ctx, fmt.Sprintf("open page %d, %s, and its stream", i+1, id), chromedp.Navigate(srv.URL+"/node/"+id),
			chromedp.WaitVisible(css(`body[data-live="open"] #details[data-state="ready"] h2`)))
	}
}
