package schema_test

import (
	"context"
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
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	profile := t.TempDir()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--virtual-time-budget=10000", "--dump-dom", f.srv.URL+"/console#run")
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	dom := string(out)
	for _, want := range []string{
		// The schema docs, from introspection. Not an argument list: graphql-go
		// orders a field's arguments differently from run to run.
		"Every Agency, ordered by ID",
		`"totalCount"`, // the query's result, shown as JSON
		"Eternal",
	} {
		if !strings.Contains(dom, want) {
			docs := dom
			if i := strings.Index(dom, `id="docs"`); i >= 0 {
				docs = dom[i:min(len(dom), i+600)]
			}
			t.Errorf("the console page after running lacks %q; its schema panel:\n%s", want, docs)
		}
	}
}
