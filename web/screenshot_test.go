package web_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes the README's screenshots (1280×800) to the folder
// named by OPGRAPH_SCREENSHOTS:
//
//	OPGRAPH_SCREENSHOTS=../docs/img go test ./web -run Screenshots
//
// The dashboard is drawn over the seeds and the dev corpus
// (../shared/corpus/dev): it shows figures and names only. The
// drill-through and the explorer show article sentences and titles, so they
// are drawn over the seeds alone, written in our own words.
func TestScreenshots(t *testing.T) {
	out := os.Getenv("OPGRAPH_SCREENSHOTS")
	if out == "" {
		t.Skip("skipping: set OPGRAPH_SCREENSHOTS to a folder to write the screenshots there")
	}
	dev := "../../shared/corpus/dev"
	if _, err := os.Stat(dev); err != nil {
		t.Skipf("skipping: no dev corpus at %s", dev)
	}
	shoot := func(ctx context.Context, name string) {
		t.Helper()
		raw := get(t, ctx, "screenshot "+name, chromedp.CaptureScreenshot())
		img, err := png.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(out, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d×%d, %d bytes", path, img.Bounds().Dx(), img.Bounds().Dy(), buf.Len())
	}

	big := serverWith(t, dev)
	ctx := browser(t, big)
	do(t, ctx, "open the dashboard", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(big.URL+"/"), loaded(1))
	shoot(ctx, "dashboard.png")

	seeds := seededServer(t)
	ctx = browser(t, seeds)
	nca := "opg:agency/national-crime-agency"
	do(t, ctx, "open a drill-through", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(seeds.URL+"/?drill=arrests-by-agency&key="+nca), loaded(1),
		chromedp.WaitVisible(css(`#drill[data-state="ready"] .fact`)))
	shoot(ctx, "drill-through.png")
	do(t, ctx, "open the explorer on Venetic and expand the NCA",
		chromedp.Navigate(seeds.URL+"/node/opg:operation/venetic"),
		clickNode(nca),
		chromedp.WaitVisible(css(`#details[data-state="ready"] h2`)),
		chromedp.WaitVisible(css(`body[data-state="ready"] #graph[data-layout="still"]`)))
	shoot(ctx, "explorer.png")
}
