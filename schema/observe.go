package schema

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the API's Prometheus series: requests by GraphQL operation
// and HTTP status, and their latency. Register them with NewMetrics.
type Metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec

	mu    sync.Mutex
	names map[string]bool // operation names seen, bounded by maxOperationNames
}

// maxOperationNames bounds the label values a client can create; further
// names count as "other".
const maxOperationNames = 200

// NewMetrics makes the API's metrics and registers them on reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "opgraph_graphql_requests_total", Help: "GraphQL requests by operation (type:name) and HTTP status.",
		}, []string{"operation", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "opgraph_graphql_request_duration_seconds", Help: "Time to answer a GraphQL request, by operation.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"operation"}),
		names: map[string]bool{},
	}
	for _, c := range []prometheus.Collector{m.requests, m.latency} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

var operationName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// label names an operation for the metrics: its type and name, with
// names beyond the first maxOperationNames counted as "other".
func (m *Metrics) label(op *ast.OperationDefinition) string {
	kind := op.Operation
	name := ""
	if op.Name != nil {
		name = op.Name.Value
	}
	if !operationName.MatchString(name) {
		return kind
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.names[name] {
		if len(m.names) >= maxOperationNames {
			return kind + ":other"
		}
		m.names[name] = true
	}
	return kind + ":" + name
}

type requestKey struct{}

// requestInfo is what the handlers note about a request for its log
// lines and metrics.
type requestInfo struct {
	id        string
	operation string // set once the query parses
}

func infoOf(ctx context.Context) *requestInfo {
	ri, _ := ctx.Value(requestKey{}).(*requestInfo)
	return ri
}

// noteOperation records the request's operation for the metrics.
func (s *Server) noteOperation(ctx context.Context, op *ast.OperationDefinition) {
	if ri := infoOf(ctx); ri != nil && s.cfg.Metrics != nil {
		ri.operation = s.cfg.Metrics.label(op)
	}
}

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// observe gives each request an id (the client's X-Request-Id when it is
// a plain token, else a new one), sent back in X-Request-Id and added to
// every log line logged with the request's context, and counts GraphQL
// requests in the metrics.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !requestIDPattern.MatchString(id) {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		ri := &requestInfo{id: id}
		r = r.WithContext(context.WithValue(r.Context(), requestKey{}, ri))
		if s.cfg.Metrics == nil || r.URL.Path != "/graphql" {
			next.ServeHTTP(w, r)
			return
		}
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		next.ServeHTTP(sw, r)
		op := ri.operation
		if op == "" {
			op = "unparsed"
		}
		s.cfg.Metrics.latency.WithLabelValues(op).Observe(time.Since(start).Seconds())
		s.cfg.Metrics.requests.WithLabelValues(op, strconv.Itoa(sw.status)).Inc()
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestIDHandler adds the request id of the context to each record.
type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, rec slog.Record) error {
	if ri := infoOf(ctx); ri != nil {
		rec.AddAttrs(slog.String("request_id", ri.id))
	}
	return h.Handler.Handle(ctx, rec)
}

func (h requestIDHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(as)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}

// serveReady answers 200 once the first search index and aggregate table
// are built (the store is open before the server exists), 503 before.
func (s *Server) serveReady(w http.ResponseWriter, _ *http.Request) {
	s.b.aggs.warm() // starts the builds if nothing has yet
	s.b.search.warm()
	_, searchBuilt := s.b.search.peek()
	_, aggsBuilt := s.b.aggs.peek()
	w.Header().Set("Content-Type", "text/plain")
	if !searchBuilt || !aggsBuilt {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("starting: building the search index and aggregates\n"))
		return
	}
	w.Write([]byte("ready\n"))
}
