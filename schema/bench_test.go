package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/internal/corpusgen"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
	"github.com/opgraph/opgraph/schema"
)

// BenchmarkDashboard runs the dashboard's queries (docs/api.md) through
// the real handler and store, on Bolt, over a generated corpus of
// OPGRAPH_BENCH_ARTICLES articles (default 300). `opgraph-bench` measures
// the same queries at 1k to 100k articles.
//
//	go test -run '^$' -bench Dashboard -cpuprofile cpu.out ./schema/
func BenchmarkDashboard(b *testing.B) {
	n := 300
	if v, err := strconv.Atoi(os.Getenv("OPGRAPH_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	dir := b.TempDir()
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: n, Seed: 1, Out: dir}); err != nil {
		b.Fatal(err)
	}
	x, err := extract.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "articles", "article-*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := source.ParseText(f, data)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := store.WriteArticle(ctx, x.Facts(doc)); err != nil {
			b.Fatal(err)
		}
	}
	ops, err := store.List(ctx, graph.KindOperation)
	if err != nil || len(ops) == 0 {
		b.Fatalf("no operations: %v", err)
	}
	srv, err := schema.NewServer(schema.ServerConfig{Config: schema.Config{Reader: store}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	op := string(ops[len(ops)/2])
	agencies, err := store.List(ctx, graph.KindAgency)
	if err != nil || len(agencies) == 0 {
		b.Fatalf("no agencies: %v", err)
	}
	for _, q := range []struct{ name, query string }{
		{"page50", `{ operations(first: 50) { totalCount edges { node { id name agencies { name } arrests { count } seizures { commodity } } } } }`},
		{"aggregateAgency", `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { key label value count } }`},
		{"aggregateMonth", `{ aggregate(measure: ARREST_COUNT, groupBy: MONTH) { key value count } }`},
		{"neighborhood2", `{ neighborhood(id: "$OP", depth: 2) { truncated nodes { id type label } edges { source target predicate } } }`},
		{"search", `{ search(text: "police", first: 10) { score node { id } } }`},
		{"node", `{ node(id: "$OP") { id ... on Operation { name } } }`},
		{"operationsOfAgency", `{ operations(first: 50, filter: {agency: "$AGENCY"}) { totalCount edges { node { id name } } } }`},
	} {
		body, _ := json.Marshal(map[string]string{"query": strings.NewReplacer("$OP", op, "$AGENCY", string(agencies[len(agencies)/2])).Replace(q.query)})
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body)))
				if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("%s: HTTP %d: %.300s", q.name, rec.Code, rec.Body.String())
				}
			}
		})
	}
}
