package schema_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestConsoleInChromium opens the query console in a real headless
// browser: the schema docs must come from introspection and the query must
// run and show its result. Skips where no Chromium is installed.
func TestConsoleInChromium(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("skipping: no Chromium on this machine (apt-get install chromium)")
	}
	f := seeded(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	wants := []string{
		"search(text: String!", // the schema docs, built from introspection
		`"totalCount"`,         // the query's result, shown as JSON
		"Eternal",
	}
	// Virtual time does not wait for a slow server (the race detector makes
	// it slow): load the page again, with more time, until it is complete.
	var dom string
	for attempt, budget := 0, 5000; attempt < 6; attempt, budget = attempt+1, budget*2 {
		profile := t.TempDir()
		cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+profile, fmt.Sprintf("--virtual-time-budget=%d", budget), "--dump-dom", f.srv.URL+"/#run")
		cmd.Env = append(os.Environ(), "HOME="+profile)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, out)
		}
		dom = string(out)
		complete := true
		for _, want := range wants {
			complete = complete && strings.Contains(dom, want)
		}
		if complete {
			return
		}
	}
	for _, want := range wants {
		if !strings.Contains(dom, want) {
			t.Errorf("the console page after six loads lacks %q:\n%s", want, dom[max(0, len(dom)-3000):])
		}
	}
}
