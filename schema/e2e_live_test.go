package schema_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
	"github.com/opgraph/opgraph/schema"
)

// sseEvent is one server-sent event, or a comment line (heartbeats).
type sseEvent struct {
	event, data, comment string
}

// stream is an open subscription.
type stream struct {
	resp   *http.Response
	events chan sseEvent // closed when the stream ends
	cancel context.CancelFunc
}

// subscribe opens a subscription as a graphql-sse client does: POST with
// Accept: text/event-stream. It returns once the server has answered
// (then the subscription is registered), with the response for a refusal.
func subscribe(t *testing.T, url, auth, q string, vars map[string]any) *stream {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	s := &stream{resp: resp, events: make(chan sseEvent, 64), cancel: cancel}
	if resp.StatusCode != http.StatusOK {
		close(s.events)
		return s
	}
	go func() {
		defer close(s.events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				ev.data = strings.Join(data, "\n")
				s.events <- ev
				ev, data = sseEvent{}, nil
			case strings.HasPrefix(line, ":"):
				ev.comment = strings.TrimSpace(line[1:])
			case strings.HasPrefix(line, "event:"):
				ev.event = strings.TrimSpace(line[6:])
			case strings.HasPrefix(line, "data:"):
				data = append(data, strings.TrimPrefix(line[5:], " "))
			}
		}
	}()
	return s
}

// next waits for the stream's next event (not a comment), failing if the
// stream ends first or the test's deadline nears.
func (s *stream) next(t *testing.T) sseEvent {
	t.Helper()
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				t.Fatal("the stream ended before the event came")
			}
			if ev.event != "" {
				return ev
			}
		case <-testDeadline(t):
			t.Fatal("no event before the test's deadline")
		}
	}
}

// testDeadline fires shortly before the test's deadline, if it has one.
func testDeadline(t *testing.T) <-chan time.Time {
	d, ok := t.Deadline()
	if !ok {
		return nil
	}
	return time.After(time.Until(d) - 5*time.Second)
}

// factsAddedOf decodes a "next" event of factsAdded.
func factsAddedOf(t *testing.T, ev sseEvent) (facts []map[string]any, articles []map[string]any) {
	t.Helper()
	if ev.event != "next" {
		t.Fatalf("event %q (%s), want next", ev.event, ev.data)
	}
	var res struct {
		Data struct {
			FactsAdded struct {
				Facts    []map[string]any
				Articles []map[string]any
			}
		}
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal([]byte(ev.data), &res); err != nil {
		t.Fatalf("event data %q: %v", ev.data, err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("event with errors: %v", res.Errors)
	}
	return res.Data.FactsAdded.Facts, res.Data.FactsAdded.Articles
}

// liveServer serves the API over the fixture's store with the given live
// configuration; ingestArticle stores through the same extractor.
func liveServer(t *testing.T, f *fixture, live schema.LiveConfig, private bool) (*schema.Server, *httptest.Server) {
	t.Helper()
	ingest := func(ctx context.Context, a schema.Article) (graph.Written, error) {
		af := f.x.Facts(source.Document{Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source, Text: a.Text})
		w, err := f.store.WriteArticles(ctx, []graph.ArticleFacts{af})
		if err != nil {
			return graph.Written{}, err
		}
		return w[0], w[0].Err
	}
	api, err := schema.NewServer(schema.ServerConfig{
		Config: schema.Config{Reader: f.store, Curator: f.store, Ingest: ingest},
		Tokens: map[string]string{token: "alice"}, ReadsNeedToken: private, Live: live,
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	return api, srv
}

const factsAddedQuery = `subscription($f: Filter) { factsAdded(filter: $f) {
	facts { __typename id ... on Seizure { commodity quantity } }
	articles { id title } } }`

const ingestQuery = `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id evidence { fact { id } } } }`

// ingest sends an article through the mutation and returns its ID and
// the IDs of the facts its evidence states.
func ingest(t *testing.T, url, title, text string) (string, map[string]bool) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": ingestQuery, "variables": map[string]any{"in": map[string]any{
		"title": title, "url": "https://test.example/" + strings.ReplaceAll(strings.ToLower(title), " ", "-"), "published": "2024-03-01", "text": text}}})
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			IngestArticle struct {
				ID       string
				Evidence []struct{ Fact struct{ ID string } }
			}
		}
		Errors []struct{ Message string }
	}
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &out); err != nil || len(out.Errors) > 0 {
		t.Fatalf("ingestArticle: %s %v", raw, err)
	}
	facts := map[string]bool{}
	for _, e := range out.Data.IngestArticle.Evidence {
		facts[e.Fact.ID] = true
	}
	return out.Data.IngestArticle.ID, facts
}

const (
	cocaineText  = "Kent Police said officers seized 40 kilos of cocaine at the harbour on Tuesday."
	firearmsText = "Essex Police said officers seized 12 firearms from a lock-up in Basildon."
)

func TestFactsAddedStreamsIngestedArticles(t *testing.T) {
	f := seeded(t)
	_, srv := liveServer(t, f, schema.LiveConfig{}, false)
	all := subscribe(t, srv.URL, "", factsAddedQuery, nil)
	guns := subscribe(t, srv.URL, "", factsAddedQuery, map[string]any{"f": map[string]any{"commodity": "firearms"}})
	for _, s := range []*stream{all, guns} {
		if s.resp.StatusCode != http.StatusOK || !strings.HasPrefix(s.resp.Header.Get("Content-Type"), "text/event-stream") {
			t.Fatalf("subscribe: HTTP %d %s", s.resp.StatusCode, s.resp.Header.Get("Content-Type"))
		}
	}

	article, stated := ingest(t, srv.URL, "Harbour raid", cocaineText)
	facts, articles := factsAddedOf(t, all.next(t))
	if len(articles) != 1 || articles[0]["id"] != article || articles[0]["title"] != "Harbour raid" {
		t.Errorf("articles = %v, want the one ingested (%s)", articles, article)
	}
	seizures := 0
	for _, fact := range facts {
		if fact["__typename"] == "Seizure" {
			seizures++
			if fact["quantity"] != 40.0 || !stated[fact["id"].(string)] {
				t.Errorf("seizure %v: want the 40 kilos the article states (its facts: %v)", fact, stated)
			}
		}
	}
	if seizures != 1 {
		t.Errorf("facts = %v, want the article's one seizure", facts)
	}

	ingest(t, srv.URL, "Lock-up raid", firearmsText)
	// The filtered stream skipped the cocaine: its first event is the firearms.
	facts, _ = factsAddedOf(t, guns.next(t))
	if len(facts) == 0 {
		t.Fatal("the firearms subscription got an event without facts")
	}
	for _, fact := range facts {
		if fact["commodity"] != "firearms" {
			t.Errorf("the firearms subscription got %v", fact)
		}
	}
	if facts, _ := factsAddedOf(t, all.next(t)); len(facts) == 0 {
		t.Error("the unfiltered subscription missed the second article")
	}
	// Once the event came, the aggregates answer with the new seizure.
	agg := f.query(t, `{ aggregate(measure: SEIZURE_COUNT, groupBy: COMMODITY, filter: {commodity: "firearms", from: "2024-03"}) { value } }`, nil)
	if b := agg["aggregate"].([]any); len(b) == 0 {
		t.Errorf("firearms seizures of March 2024 after the event: %v, want the new one", agg)
	}
}

func TestFactsAddedBounds(t *testing.T) {
	f := seeded(t)
	// Each case on a server of its own: a stream a case closed may hold
	// its place a moment longer.
	bounded := func(t *testing.T) (*schema.Server, *httptest.Server) {
		return liveServer(t, f, schema.LiveConfig{MaxSubscribers: 2, Heartbeat: 20 * time.Millisecond}, false)
	}
	t.Run("heartbeat", func(t *testing.T) {
		_, srv := bounded(t)
		s := subscribe(t, srv.URL, "", factsAddedQuery, nil)
		defer s.cancel()
		for ev := range s.events {
			if ev.comment == "keep-alive" {
				return
			}
		}
		t.Fatal("the stream ended without a heartbeat")
	})

	t.Run("cap, and a slot freed when a client leaves", func(t *testing.T) {
		_, srv := bounded(t)
		a := subscribe(t, srv.URL, "", factsAddedQuery, nil)
		b := subscribe(t, srv.URL, "", factsAddedQuery, nil)
		defer b.cancel()
		refused := subscribe(t, srv.URL, "", factsAddedQuery, nil)
		if refused.resp.StatusCode != http.StatusServiceUnavailable || refused.resp.Header.Get("Retry-After") == "" {
			t.Fatalf("a third subscription over a cap of 2: HTTP %d, want 503 with Retry-After", refused.resp.StatusCode)
		}
		msg, _ := io.ReadAll(refused.resp.Body)
		if !strings.Contains(string(msg), "at most 2") {
			t.Errorf("refusal %q does not say the cap", msg)
		}
		a.cancel() // the client goes away; the server notices and frees its place
		for {
			again := subscribe(t, srv.URL, "", factsAddedQuery, nil)
			if again.resp.StatusCode == http.StatusOK {
				again.cancel()
				break
			}
			select {
			case <-testDeadline(t):
				t.Fatal("the place of a client that left was never freed")
			case <-time.After(10 * time.Millisecond): // poll: the server ends the stream on its own time
			}
		}
	})

	t.Run("refused before streaming", func(t *testing.T) {
		_, srv := bounded(t)
		deep := "subscription { factsAdded { facts { ... on Operation { " + strings.Repeat("agencies { operations { ", 8) + "name" + strings.Repeat(" } }", 8) + " } } } }"
		for name, c := range map[string]struct {
			q      string
			vars   map[string]any
			accept bool
			status int
			says   string
		}{
			"no Accept":          {factsAddedQuery, nil, false, http.StatusNotAcceptable, "text/event-stream"},
			"unknown agency":     {factsAddedQuery, map[string]any{"f": map[string]any{"agency": "opg:agency/nobody"}}, true, http.StatusBadRequest, "not found"},
			"bad date":           {factsAddedQuery, map[string]any{"f": map[string]any{"from": "March"}}, true, http.StatusBadRequest, "YYYY"},
			"over the cost gate": {deep, nil, true, http.StatusBadRequest, "query too large"},
			"unknown field":      {"subscription { factsAdded { nope } }", nil, true, http.StatusBadRequest, "nope"},
		} {
			t.Run(name, func(t *testing.T) {
				body, _ := json.Marshal(map[string]any{"query": c.q, "variables": c.vars})
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
				if c.accept {
					req.Header.Set("Accept", "text/event-stream")
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				msg, _ := io.ReadAll(resp.Body)
				if resp.StatusCode != c.status || !strings.Contains(string(msg), c.says) {
					t.Errorf("HTTP %d %s, want %d saying %q", resp.StatusCode, msg, c.status, c.says)
				}
			})
		}
	})

	t.Run("Close completes the streams", func(t *testing.T) {
		api, srv := bounded(t)
		s := subscribe(t, srv.URL, "", factsAddedQuery, nil)
		api.Close()
		if ev := s.next(t); ev.event != "complete" {
			t.Errorf("event %q after Close, want complete", ev.event)
		}
		if refused := subscribe(t, srv.URL, "", factsAddedQuery, nil); refused.resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("subscribing after Close: HTTP %d, want 503", refused.resp.StatusCode)
		}
	})
}

func TestFactsAddedHonoursPrivate(t *testing.T) {
	f := seeded(t)
	_, srv := liveServer(t, f, schema.LiveConfig{}, true)
	if s := subscribe(t, srv.URL, "", factsAddedQuery, nil); s.resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a subscription without a token on a private server: HTTP %d, want 401", s.resp.StatusCode)
	}
	s := subscribe(t, srv.URL, token, factsAddedQuery, nil)
	if s.resp.StatusCode != http.StatusOK {
		t.Fatalf("with the token: HTTP %d", s.resp.StatusCode)
	}
	ingest(t, srv.URL, "Harbour raid", cocaineText)
	if facts, _ := factsAddedOf(t, s.next(t)); len(facts) == 0 {
		t.Error("no facts in the event")
	}
}
