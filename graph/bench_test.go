package graph_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
)

// The benchmarks run on Bolt always and on PostgreSQL when
// OPGRAPH_TEST_POSTGRES is set; docs/benchmarks.md has the figures.
//
//	go test -run '^$' -bench . -benchtime 2s ./graph/

// benchArticle is an article of 12 facts: an operation run by three
// agencies, arrests, seizures, places and people, about 140 quads.
func benchArticle(i int) graph.ArticleFacts {
	url := fmt.Sprintf("https://example.org/bench/%d", i)
	art := graph.ArticleID(url, "")
	op := graph.EntityID(graph.KindOperation, fmt.Sprintf("Op %d", i%50))
	ev := func(n int) []graph.Evidence {
		return []graph.Evidence{{Sentence: fmt.Sprintf("Sentence %d of %s.", n, url), Start: n * 40, End: n*40 + 30,
			Confidence: 0.8, Claims: []graph.Prop{{Pred: graph.PredPhrase, Value: fmt.Sprintf("phrase %d", n)}}}}
	}
	nodes := []graph.Node{{ID: op, Kind: graph.KindOperation, Props: []graph.Prop{{Pred: graph.PredName, Value: fmt.Sprintf("Op %d", i%50)}}, Evidence: ev(0)}}
	for a := range 3 {
		name := fmt.Sprintf("Agency %d", (i+a)%40)
		ag := graph.EntityID(graph.KindAgency, name)
		rel := graph.RelationID(graph.RelOperationAgency, op, ag)
		nodes = append(nodes,
			graph.Node{ID: ag, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: name}}, Evidence: ev(1 + a)},
			graph.Node{ID: rel, Kind: graph.KindRelation, Props: []graph.Prop{{Pred: graph.PredRel, Value: graph.RelOperationAgency},
				{Pred: graph.PredFrom, Value: op}, {Pred: graph.PredTo, Value: ag}}, Evidence: ev(4 + a)})
	}
	for f := range 5 {
		ar := graph.FactID(graph.KindArrest, url, fmt.Sprint(f))
		nodes = append(nodes, graph.Node{ID: ar, Kind: graph.KindArrest, Props: []graph.Prop{
			{Pred: graph.PredCount, Value: 10 + f}, {Pred: graph.PredQualifier, Value: "exact"}, {Pred: graph.PredOperation, Value: op}},
			Evidence: ev(7 + f)})
	}
	return graph.ArticleFacts{Article: graph.Article{ID: art, Title: "Bench " + url, URL: url, Published: "2024-01-02"}, Nodes: nodes}
}

type benchBackend struct {
	name string
	open func(b *testing.B) *graph.Store
}

func benchBackends() []benchBackend {
	return []benchBackend{
		{"bolt", func(b *testing.B) *graph.Store {
			return openStore(b, graph.Config{Backend: "bbolt", Addr: b.TempDir()})
		}},
		{"postgres", func(b *testing.B) *graph.Store {
			return openStore(b, graph.Config{Backend: "postgres", Addr: graphtest.Postgres(b)})
		}},
	}
}

func fill(b *testing.B, s *graph.Store, articles int) {
	b.Helper()
	for i := range articles {
		if _, _, err := s.WriteArticle(context.Background(), benchArticle(i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTwoHop reads an operation's agencies as the API does: the
// relations from the operation (hop 1), then the relations' nodes, whose
// opg:to links name the agencies (hop 2), in a graph of 500 articles.
func BenchmarkTwoHop(b *testing.B) {
	for _, be := range benchBackends() {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			fill(b, s, 500)
			ctx := context.Background()
			op := graph.EntityID(graph.KindOperation, "Op 7")
			b.ResetTimer()
			for b.Loop() {
				rels, err := s.Referrers(ctx, graph.PredFrom, op)
				if err != nil {
					b.Fatal(err)
				}
				ents, err := s.Get(ctx, rels[op]...)
				if err != nil {
					b.Fatal(err)
				}
				if len(ents) == 0 || ents[rels[op][0]].Link(graph.PredTo) == "" {
					b.Fatalf("no agencies: %v", ents)
				}
			}
		})
	}
}

// BenchmarkTwoHopCayley is the same walk through Cayley's path query and
// iterators: what the store avoids on the SQL backends.
func BenchmarkTwoHopCayley(b *testing.B) {
	for _, be := range benchBackends() {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			fill(b, s, 500)
			ctx := context.Background()
			op := graph.EntityID(graph.KindOperation, "Op 7")
			b.ResetTimer()
			for b.Loop() {
				vals, err := graph.CayleyTwoHop(ctx, s, op, graph.PredFrom, graph.PredTo)
				if err != nil || len(vals) == 0 {
					b.Fatalf("%v, %v", vals, err)
				}
			}
		})
	}
}

// BenchmarkWriteArticle writes new articles one transaction each, as
// `opgraph load` does, into a store that already holds 200.
func BenchmarkWriteArticle(b *testing.B) {
	for _, be := range benchBackends() {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			fill(b, s, 200)
			ctx := context.Background()
			var quads int
			start := time.Now()
			i := 200
			b.ResetTimer()
			for b.Loop() {
				added, _, err := s.WriteArticle(ctx, benchArticle(i))
				if err != nil {
					b.Fatal(err)
				}
				quads += added
				i++
			}
			b.ReportMetric(float64(quads)/time.Since(start).Seconds(), "quads/s")
		})
	}
}

// BenchmarkBulkLoad copies a graph of 1,000 articles (about 100k quads)
// from memstore into an empty store with CopyTo, the path of `opgraph migrate`:
// on PostgreSQL one transaction, nodes in multi-row upserts, quads with COPY.
func BenchmarkBulkLoad(b *testing.B) {
	src := openStore(b, graph.Config{Backend: "memstore"})
	fill(b, src, 1000)
	for _, be := range benchBackends() {
		b.Run(be.name, func(b *testing.B) {
			ctx := context.Background()
			var quads int64
			var spent time.Duration
			for b.Loop() {
				b.StopTimer()
				dst := be.open(b)
				b.StartTimer()
				start := time.Now()
				n, err := src.CopyTo(ctx, dst)
				if err != nil {
					b.Fatal(err)
				}
				spent += time.Since(start)
				quads += n
			}
			b.ReportMetric(float64(quads)/spent.Seconds(), "quads/s")
		})
	}
}
