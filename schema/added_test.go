package schema

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
	"github.com/opgraph/opgraph/internal/corpusgen"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
)

// addedBackends are the stores the in-place tests run on; PostgreSQL's is
// skipped with a message where no server is configured.
var addedBackends = []struct {
	name string
	cfg  func(t *testing.T) graph.Config
}{
	{"memstore", func(t *testing.T) graph.Config { return graph.Config{Backend: "memstore"} }},
	{"bolt", func(t *testing.T) graph.Config { return graph.Config{Backend: "bbolt", Addr: t.TempDir()} }},
	{"postgres", func(t *testing.T) graph.Config { return graph.Config{Backend: "postgres", Addr: graphtest.Postgres(t)} }},
}

// addedFixture is a server over a store holding the seeds, ingesting
// through the API with the real extractor.
type addedFixture struct {
	store *graph.Store
	x     *extract.Extractor
	api   *Server
	srv   *httptest.Server
}

func newAddedFixture(t *testing.T, cfg graph.Config) *addedFixture {
	return newAddedFixtureWith(t, cfg, nil)
}

// newAddedFixtureWith edits the server's configuration too.
func newAddedFixtureWith(t *testing.T, cfg graph.Config, edit func(*ServerConfig)) *addedFixture {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob("../seeds/*.txt")
	if len(seeds) < 6 {
		t.Fatalf("want at least 6 seed articles, found %d", len(seeds))
	}
	for _, doc := range readDocs(t, seeds) {
		if _, _, err := store.WriteArticle(ctx, x.Facts(doc)); err != nil {
			t.Fatal(err)
		}
	}
	f := &addedFixture{store: store, x: x}
	f.api, f.srv = f.serveWith(t, edit)
	return f
}

// serve starts a server of its own over the fixture's store: its first
// build reads the whole store.
func (f *addedFixture) serve(t *testing.T) (*Server, *httptest.Server) { return f.serveWith(t, nil) }

func (f *addedFixture) serveWith(t *testing.T, edit func(*ServerConfig)) (*Server, *httptest.Server) {
	ingest := func(ctx context.Context, a Article) (graph.Written, error) {
		return writeArticle(ctx, f.store, f.x.Facts(source.Document{Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source, Text: a.Text}))
	}
	api, srv := testServer(t, f.store, func(c *ServerConfig) {
		c.Ingest = ingest
		if edit != nil {
			edit(c)
		}
	})
	if err := api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	return api, srv
}

// writeArticle writes af as ingestArticle does, and says what the store said of it.
func writeArticle(ctx context.Context, store *graph.Store, af graph.ArticleFacts) (graph.Written, error) {
	w, err := store.WriteArticles(ctx, []graph.ArticleFacts{af})
	if err != nil {
		return graph.Written{}, err
	}
	return w[0], w[0].Err
}

func readDocs(t testing.TB, files []string) []source.Document {
	t.Helper()
	var out []source.Document
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := source.ParseText(file, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, doc)
	}
	return out
}

// articlesToAdd are the articles the tests ingest: some of the shared
// development corpus where it is present, and generated ones (operations
// with several agencies, parts of operations, figures restated).
func articlesToAdd(t *testing.T) []source.Document {
	t.Helper()
	var files []string
	if dev, _ := filepath.Glob("../../shared/corpus/dev/*.txt"); len(dev) > 0 {
		files = dev[:min(10, len(dev))]
	} else {
		t.Log("../../shared/corpus/dev is absent: generated articles only")
	}
	dir := t.TempDir()
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: 12, Seed: 16, Out: dir}); err != nil {
		t.Fatal(err)
	}
	gen, _ := filepath.Glob(filepath.Join(dir, "articles", "*"))
	sort.Strings(gen)
	return append(readDocs(t, append(files, gen...)), ownArticles...)
}

// ownArticles, written for this test, add to what the seeds state: a
// figure restated (one haul, two facts read as one), an operation's new
// target and arrests of an operation the seeds name.
var ownArticles = []source.Document{
	{Path: "restated", URL: "https://test.example/southampton-again", Published: "2024-02-26", Title: "Southampton haul",
		Text: "Border Force officers found 5.7 tonnes of cocaine in a container at the Port of Southampton, the National Crime Agency said."},
	{Path: "target", URL: "https://test.example/venetic-sky", Published: "2021-03-10", Title: "Venetic and Sky ECC",
		Text: "The National Crime Agency said Operation Venetic also targeted the Sky ECC network. Police in the Netherlands arrested 12 people in Operation Venetic."},
	{Path: "arrests", URL: "https://test.example/venetic-more", Published: "2021-03-12", Title: "More Venetic arrests",
		Text: "The National Crime Agency said Operation Venetic led to 40 more arrests in Manchester."},
	// The haul restated once more, in less detail: the fact kept for it
	// stays, with one more duplicate.
	{Path: "restated-again", URL: "https://test.example/southampton-third", Published: "2024-02-27", Title: "Cocaine haul",
		Text: "Border Force officers found 5.7 tonnes of cocaine, the National Crime Agency said."},
	// Two articles that each recall the 2019 record, about hauls that
	// share nothing (one names the agency, the other the place and no day)
	// until a third joins them: then they are about one event and the
	// record they recall is one fact (samePastFigures), found again in
	// place.
	{Path: "record-agency", URL: "https://test.example/record-agency", Published: "2023-06-12", Title: "Record haul",
		Text: "Border Force officers seized 2.4 tonnes of cocaine on 9 June 2023.\n\nThe largest UK seizure before this was 1.9 tonnes of cocaine found in 2019."},
	{Path: "record-place", URL: "https://test.example/record-place", Published: "2023-06-13", Title: "Container at Felixstowe",
		Text: "Officers said 2,400 kg of cocaine were found in a container at Felixstowe.\n\nThe previous UK record was also set at Felixstowe. In 2019, officers there seized 1.9 tonnes of cocaine."},
	{Path: "record-both", URL: "https://test.example/record-both", Published: "2023-06-14", Title: "Felixstowe haul",
		Text: "Border Force officers seized 2.4 tonnes of cocaine at Felixstowe on 9 June 2023."},
}

func (f *addedFixture) ingest(t *testing.T, doc source.Document) {
	t.Helper()
	res := ask(t, f.srv, testToken, `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"title": doc.Title, "url": doc.URL, "published": doc.Published, "source": doc.Source, "text": doc.Text}})
	if len(res.Errors) > 0 {
		t.Fatalf("ingest %s: %v", doc.Path, res.Errors)
	}
	if err := f.api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// answers are what a dashboard and a search box ask, by query.
func answers(t *testing.T, srv *httptest.Server, searchWords []string) map[string]any {
	t.Helper()
	out := map[string]any{}
	run := func(q string) {
		res := ask(t, srv, "", q, nil)
		if len(res.Errors) > 0 {
			t.Fatalf("%s: %v", q, res.Errors)
		}
		out[q] = res.Data
	}
	filters := []string{"", `, filter: {country: "GB"}`, `, filter: {commodity: "drugs"}`, `, filter: {from: "2020", to: "2024-06"}`}
	for _, m := range []string{"ARREST_COUNT", "SEIZURE_COUNT", "SEIZED_KG", "SEIZED_VALUE", "OPERATION_COUNT"} {
		for _, g := range []string{"AGENCY", "OPERATION", "COUNTRY", "PLATFORM", "MONTH", "SUBTYPE"} {
			for _, f := range filters {
				run(fmt.Sprintf(`{ aggregate(measure: %s, groupBy: %s, first: 200%s) { key label currency value count datedByArticle facts(first: 200) { id } } }`, m, g, f))
			}
		}
	}
	for _, w := range searchWords {
		run(fmt.Sprintf(`{ search(text: %q, first: 100) { score type node { id } } }`, w))
	}
	return out
}

// searchWords are words of the articles' titles, and some common ones.
func searchWords(docs []source.Document) []string {
	words := []string{"police", "cocaine", "operation", "arrested", "seized", "national crime agency"}
	for _, d := range docs {
		if w := terms(d.Title); len(w) > 1 {
			words = append(words, w[len(w)-1], w[0]+" "+w[1])
		}
	}
	return words
}

func sameAnswers(t *testing.T, got, want map[string]any) {
	t.Helper()
	bad := 0
	for q, w := range want {
		if g := got[q]; !reflect.DeepEqual(g, w) {
			if bad++; bad <= 5 {
				t.Errorf("%s\nafter updates in place: %v\nfrom a whole build:     %v", q, g, w)
			}
		}
	}
	if bad > 5 {
		t.Errorf("%d answers of %d differ", bad, len(want))
	}
}

// TestArticlesAddedInPlaceAnswerAsAWholeBuild ingests articles one by one
// into a store holding the seeds, each taken into the aggregate table and
// the search index in place, and compares the answers with those of a
// server that built both from the whole store. With the store's
// generations (ServerConfig.Snapshots) the search index adds what each
// article wrote ("new"); without, it reads again every sentence of the
// nodes an article states ("reread").
func TestArticlesAddedInPlaceAnswerAsAWholeBuild(t *testing.T) {
	for _, b := range addedBackends {
		for _, mode := range []string{"new", "reread"} {
			t.Run(b.name+"/"+mode, func(t *testing.T) { testArticlesAddedInPlace(t, b.cfg(t), mode == "new") })
		}
	}
}

func testArticlesAddedInPlace(t *testing.T, cfg graph.Config, generations bool) {
	f := newAddedFixtureWith(t, cfg, func(c *ServerConfig) {
		if generations {
			c.Snapshots = c.Reader.(*graph.Store)
		}
	})
	docs := articlesToAdd(t)
	builds, _ := f.api.b.aggs.counts()
	for _, doc := range docs {
		f.ingest(t, doc)
	}
	started, aggUpdates := f.api.b.aggs.counts()
	_, searchUpdates := f.api.b.search.counts()
	t.Logf("%d articles: %d taken in place into the aggregate table, %d into the search index; %d whole builds",
		len(docs), aggUpdates, searchUpdates, started-builds)
	if aggUpdates == 0 || searchUpdates != len(docs) {
		t.Errorf("of %d articles ingested, %d were taken into the table in place, %d into the search index; want some and all", len(docs), aggUpdates, searchUpdates)
	}
	f.api.b.search.mu.Lock()
	exact := f.api.b.search.held.exact
	f.api.b.search.mu.Unlock()
	if exact != generations {
		t.Errorf("the search index holds exactly the writes it took: %v, want %v (every update added only what it wrote)", exact, generations)
	}
	words := searchWords(docs)
	got := answers(t, f.srv, words)
	whole, fresh := f.serve(t)
	sameAnswers(t, got, answers(t, fresh, words))
	// And the table's own record of facts read as one, and of groups.
	updated, _ := f.api.b.aggs.peek()
	built, _ := whole.b.aggs.peek()
	if !reflect.DeepEqual(updated.same, built.same) || !reflect.DeepEqual(updated.byKey, built.byKey) {
		t.Errorf("facts read as one after updates in place: %v, groups %v\nfrom a whole build: %v, groups %v", updated.same, updated.byKey, built.same, built.byKey)
	}
}

// TestCurationAfterInPlaceUpdatesBuildsWhole retracts a fact after
// articles were taken in place: the table and the index are built from
// the whole store again, and answer as a new server does.
func TestCurationAfterInPlaceUpdatesBuildsWhole(t *testing.T) {
	f := newAddedFixture(t, graph.Config{Backend: "memstore"})
	docs := articlesToAdd(t)
	for _, doc := range docs[len(docs)-4:] {
		f.ingest(t, doc)
	}
	if _, updated := f.api.b.aggs.counts(); updated == 0 {
		t.Fatal("no article was taken into the table in place")
	}
	top := ask(t, f.srv, "", `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 1) { facts(first: 1) { id } } }`, nil)
	fact := top.Data["aggregate"].([]any)[0].(map[string]any)["facts"].([]any)[0].(map[string]any)["id"].(string)
	builds, updates := f.api.b.aggs.counts()
	res := ask(t, f.srv, testToken, `mutation($id: ID!) { retractFact(id: $id, reason: "test") { id } }`, map[string]any{"id": fact})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if err := f.api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if started, updated := f.api.b.aggs.counts(); started != builds+1 || updated != updates {
		t.Errorf("after a retraction: %d whole builds and %d updates in place, want 1 and 0", started-builds, updated-updates)
	}
	words := searchWords(docs)
	got := answers(t, f.srv, words)
	for q, a := range got {
		if strings.Contains(fmt.Sprint(a), fact) && strings.Contains(q, "aggregate") {
			t.Errorf("%s: the retracted fact %s still counts: %v", q, fact, a)
		}
	}
	_, fresh := f.serve(t)
	sameAnswers(t, got, answers(t, fresh, words))
}

// counts returns how many whole builds started and updates in place were applied.
func (s *background[T]) counts() (started, updated int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.started, s.updated
}

// BenchmarkIngestToAggregates measures the time from an ingestArticle
// to the aggregate table answering with it (sub-benchmark inPlace), and,
// for comparison, the same with the table and index built from the whole
// store (wholeBuild), on Bolt. The store holds OPGRAPH_BENCH_ARTICLES
// generated articles (default 200), or is a copy of the Bolt store in the
// folder OPGRAPH_BENCH_BOLT (never written to itself):
//
//	OPGRAPH_BENCH_BOLT=/tmp/bolt10k go test -run '^$' -bench IngestToAggregates -benchtime 20x ./schema/
func BenchmarkIngestToAggregates(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	if from := os.Getenv("OPGRAPH_BENCH_BOLT"); from != "" {
		if err := os.CopyFS(dir, os.DirFS(from)); err != nil {
			b.Fatal(err)
		}
	}
	store, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	x, err := extract.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	gen := b.TempDir()
	n := 200
	if v, err := strconv.Atoi(os.Getenv("OPGRAPH_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	if os.Getenv("OPGRAPH_BENCH_BOLT") != "" {
		n = 0
	}
	// The articles ingested while timing come after the store's, with URLs of their own.
	const extra = 200
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: n + extra, Seed: 7, Out: gen}); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(gen, "articles", "article-*.txt"))
	sort.Strings(files)
	docs := readDocs(b, files)
	for _, doc := range docs[:n] {
		if _, _, err := store.WriteArticle(ctx, x.Facts(doc)); err != nil {
			b.Fatal(err)
		}
	}
	docs = docs[n:]
	ingest := func(ctx context.Context, a Article) (graph.Written, error) {
		return writeArticle(ctx, store, x.Facts(source.Document{Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source, Text: a.Text}))
	}
	// As serve runs it: with the store's generations (and snapshots).
	api, srv := testServer(b, store, func(c *ServerConfig) { c.Ingest = ingest; c.Timeout = time.Hour; c.Snapshots = store })
	if err := api.WaitFresh(ctx); err != nil {
		b.Fatal(err)
	}
	next := 0
	send := func(b *testing.B, throughAPI bool) {
		if next == len(docs) {
			b.Fatalf("more than %d iterations: pass a smaller -benchtime", extra)
		}
		d := docs[next]
		next++
		a := Article{Title: d.Title, URL: fmt.Sprintf("https://bench.example/%d/%s", time.Now().UnixNano(), filepath.Base(d.Path)), Published: d.Published, Text: d.Text}
		if !throughAPI {
			if _, err := ingest(ctx, a); err != nil {
				b.Fatal(err)
			}
			api.b.storeChanged() // as after a change the table cannot take in place
			return
		}
		res := ask(b, srv, testToken, `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"title": a.Title, "url": a.URL, "published": a.Published, "text": a.Text}})
		if len(res.Errors) > 0 {
			b.Fatal(res.Errors)
		}
	}
	for _, mode := range []string{"inPlace", "wholeBuild"} {
		b.Run(mode, func(b *testing.B) {
			_, updatedBefore := api.b.aggs.counts()
			for b.Loop() {
				send(b, mode == "inPlace")
				if err := api.b.aggs.waitFresh(ctx); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := api.WaitFresh(ctx); err != nil { // the search index too, before the next
					b.Fatal(err)
				}
				b.StartTimer()
			}
			_, updated := api.b.aggs.counts()
			b.ReportMetric(float64(updated-updatedBefore)/float64(b.N), "inplace/op")
		})
	}
}
