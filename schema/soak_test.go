package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestSoak is the soak, run by hand: 50 clients read (node lookups,
// pages, search, aggregates) for a minute while articles are ingested
// through the API, 10 a second. It reports errors and latencies per kind.
//
//	OPGRAPH_SOAK=60s go test -run TestSoak -v ./schema
func TestSoak(t *testing.T) {
	span, err := time.ParseDuration(os.Getenv("OPGRAPH_SOAK"))
	if err != nil {
		t.Skip("set OPGRAPH_SOAK to a duration (e.g. 60s) to run the soak")
	}
	f := seeded(t)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	post := func(auth string, body []byte) error {
		req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var out struct{ Errors []any }
		if err := json.Unmarshal(raw, &out); err != nil || resp.StatusCode != 200 || len(out.Errors) > 0 {
			return fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, raw)
		}
		return nil
	}
	reads := map[string]string{
		"node":      `{ operations(first: 1) { edges { node { id name agencies { name } } } } }`,
		"page":      `{ arrests(first: 50) { totalCount edges { node { id count agency { name } } } } }`,
		"search":    `{ search(text: "police arrested") { score node { id } } }`,
		"aggregate": `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { label value } }`,
	}
	kinds := []string{"node", "page", "search", "aggregate"}
	var mu sync.Mutex
	lat := map[string][]time.Duration{}
	errs := map[string]int{}
	firstErr := map[string]string{}
	record := func(kind string, d time.Duration, err error) {
		mu.Lock()
		defer mu.Unlock()
		lat[kind] = append(lat[kind], d)
		if err != nil {
			errs[kind]++
			if firstErr[kind] == "" {
				firstErr[kind] = err.Error()
			}
		}
	}
	end := time.Now().Add(span)
	var wg sync.WaitGroup
	for c := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; time.Now().Before(end); i++ {
				kind := kinds[i%len(kinds)]
				body, _ := json.Marshal(map[string]any{"query": reads[kind]})
				start := time.Now()
				err := post("", body)
				record(kind, time.Since(start), err)
			}
		}()
	}
	wg.Add(1)
	go func() { // 10 articles a second, in our own words
		defer wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for n := 0; time.Now().Before(end); n++ {
			<-tick.C
			body, _ := json.Marshal(map[string]any{
				"query": `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
				"variables": map[string]any{"in": map[string]any{"url": fmt.Sprintf("https://soak.example/%d", n), "published": "2024-03-01",
					"text": fmt.Sprintf("Kent Police said Operation Soak %d led to %d arrests. Officers seized %d kilos of cannabis.", n, n%40+1, n%9+1)}}})
			start := time.Now()
			err := post(token, body)
			record("ingest", time.Since(start), err)
		}
	}()
	wg.Wait()
	for _, kind := range append(kinds, "ingest") {
		ds := lat[kind]
		slices.Sort(ds)
		q := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
		t.Logf("%-9s %6d requests %3d errors  p50 %8v  p99 %8v  max %8v  %s", kind, len(ds), errs[kind], q(0.5).Round(time.Microsecond), q(0.99).Round(time.Microsecond), ds[len(ds)-1].Round(time.Microsecond), firstErr[kind])
		if errs[kind] > 0 {
			t.Errorf("%s: %d errors", kind, errs[kind])
		}
	}
}
