package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/opgraph/opgraph/loaders/ingest"
	"github.com/opgraph/opgraph/schema"
)

// serverMetrics are the series `serve` exposes at /metrics: the API's, the
// articles ingested and failed, and the Go runtime's.
type serverMetrics struct {
	api      *schema.Metrics
	articles *prometheus.CounterVec
	handler  http.Handler
}

func newServerMetrics() (*serverMetrics, error) {
	reg := prometheus.NewRegistry()
	if err := reg.Register(collectors.NewGoCollector()); err != nil {
		return nil, err
	}
	if err := reg.Register(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})); err != nil {
		return nil, err
	}
	api, err := schema.NewMetrics(reg)
	if err != nil {
		return nil, err
	}
	articles := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "opgraph_articles_total",
		Help: "Articles from seeds, the watched folder and ingestArticle, by result: loaded, unchanged or failed.",
	}, []string{"result"})
	if err := reg.Register(articles); err != nil {
		return nil, err
	}
	for _, r := range []string{"loaded", "unchanged", "failed"} {
		articles.WithLabelValues(r) // present at 0 from the start
	}
	return &serverMetrics{api: api, articles: articles, handler: promhttp.HandlerFor(reg, promhttp.HandlerOpts{})}, nil
}

// count adds a load's summary to the article counters.
func (m *serverMetrics) count(sum ingest.Summary) {
	m.articles.WithLabelValues("loaded").Add(float64(sum.Loaded))
	m.articles.WithLabelValues("unchanged").Add(float64(sum.Unchanged))
	m.articles.WithLabelValues("failed").Add(float64(sum.Failed))
}
