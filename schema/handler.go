package schema

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"

	"github.com/opgraph/opgraph/graph"
)

// ServerConfig configures the HTTP server of the API; zero values take the defaults.
type ServerConfig struct {
	Config
	// Tokens maps a bearer token to the curator it names; mutations need one.
	Tokens map[string]string
	// WarmSearch builds the search index and the aggregate table when the
	// server starts rather than on the first search or aggregate.
	WarmSearch bool
	// AfterBuild, when set, runs after each background build of the search
	// index or the aggregate table, and after each snapshot saved: where
	// the process's memory policy (cmd/opgraph returns the build's garbage
	// to the system) hooks in.
	AfterBuild func()
	// ReadsNeedToken makes queries need a token too.
	ReadsNeedToken bool
	// AllowedOrigins are the origins browsers may call the API from
	// ("*" for any); none by default.
	AllowedOrigins []string
	Limits         Limits
	MaxBodyBytes   int64 // default 1 MiB
	// DocCacheBytes bounds the memory of the parsed-query cache (estimated
	// from the queries' text); default 16 MiB.
	DocCacheBytes int64
	Timeout       time.Duration // per request, default 10s
	Logger        *slog.Logger
	// Metrics, when set, counts requests; MetricsHandler serves /metrics.
	Metrics        *Metrics
	MetricsHandler http.Handler
	// Pages serves every GET the API does not answer (the dashboard at /);
	// without it, / sends browsers to the query console.
	Pages http.Handler
	// Live bounds the subscriptions (factsAdded) served as server-sent events.
	Live LiveConfig
	// Snapshots, when set, keeps the search index and the aggregate table
	// beside the store, so that the next server on the same store reads
	// them back instead of building them (snapshot.go).
	Snapshots Snapshots
}

// Server serves the GraphQL API at /graphql (POST, and GET for queries),
// a query console at /console, a health check at /healthz, readiness at /readyz,
// Prometheus metrics at /metrics (with MetricsHandler), and the pages
// of ServerConfig.Pages everywhere else.
type Server struct {
	schema  graphql.Schema
	b       *builder
	cfg     ServerConfig
	router  *mux.Router
	handler http.Handler // router behind observe
	docs    *docCache
	intro   introspectionFanout
	live    *liveFeed
	answers answerBufs
}

// NewServer builds the schema and the HTTP handler around it.
func NewServer(cfg ServerConfig) (*Server, error) {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.DocCacheBytes == 0 {
		cfg.DocCacheBytes = 16 << 20
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	cfg.Logger = slog.New(requestIDHandler{cfg.Logger.Handler()})
	cfg.Limits = cfg.Limits.withDefaults()
	cfg.Live = cfg.Live.withDefaults()
	s, b, err := build(cfg.Config)
	if err != nil {
		return nil, err
	}
	srv := &Server{schema: s, b: b, cfg: cfg, router: mux.NewRouter(), docs: newDocCache(cfg.DocCacheBytes), intro: newIntrospectionFanout(s)}
	b.life.afterBuild = cfg.AfterBuild
	if cfg.Snapshots != nil {
		b.search.persist = &persistence[*postings]{store: cfg.Snapshots, name: "search", encode: encodePostings, decode: decodePostings, log: cfg.Logger}
		b.aggs.persist = &persistence[*aggTable]{store: cfg.Snapshots, name: "aggregates", encode: encodeAggTable, decode: decodeAggTable, log: cfg.Logger}
	}
	// Events wait for the aggregate table (what dashboards redraw from), not
	// for the search index.
	srv.live = newLiveFeed(cfg.Reader, b.aggs.waitFresh, cfg.Live.MaxSubscribers, cfg.Logger)
	b.onChange = srv.live.poke
	if cfg.WarmSearch {
		b.aggs.warm() // asked first, so most often built first: dashboards wait for it (builds take turns)
		b.search.warm()
	}
	srv.router.HandleFunc("/graphql", srv.serveGraphQL).Methods(http.MethodPost, http.MethodGet, http.MethodOptions)
	srv.router.HandleFunc("/console", serveConsole).Methods(http.MethodGet)
	srv.router.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("ok\n"))
	}).Methods(http.MethodGet)
	srv.router.HandleFunc("/readyz", srv.serveReady).Methods(http.MethodGet)
	if cfg.MetricsHandler != nil {
		srv.router.Handle("/metrics", cfg.MetricsHandler).Methods(http.MethodGet)
	}
	// Last: the routes above win over the pages.
	if cfg.Pages != nil {
		srv.router.PathPrefix("/").Handler(cfg.Pages).Methods(http.MethodGet, http.MethodHead)
	} else {
		srv.router.Handle("/", http.RedirectHandler("/console", http.StatusFound)).Methods(http.MethodGet)
	}
	srv.handler = srv.observe(srv.router)
	return srv, nil
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// WaitFresh waits until the search index and the aggregate table reflect
// every change the server has heard of, as long as ctx allows. Search and
// aggregates never wait so: they answer from the last complete build.
func (s *Server) WaitFresh(ctx context.Context) error {
	if err := s.b.search.waitFresh(ctx); err != nil {
		return err
	}
	return s.b.aggs.waitFresh(ctx)
}

// StoreChanged tells the server that articles were written behind its back
// (a watched folder): the search index and the aggregate table are built again.
func (s *Server) StoreChanged() { s.b.storeChanged() }

// ArticlesAdded tells the server that articles not stored before were
// written behind its back, and nothing else changed: the search index and
// the aggregate table take them in place. written is what the store said
// of each (graph.Store.WriteArticles): with its generation and what it
// added to nodes, the search index reads only the articles' evidence, and
// the server saves its snapshots (ServerConfig.Snapshots); a Written with
// no generation makes it read more and save nothing until it next builds
// from the whole store. A replaced article, or any other change, is for
// StoreChanged.
func (s *Server) ArticlesAdded(written ...graph.Written) { s.b.articlesAdded(written) }

// Close ends the open subscriptions (EndStreams), stops the server's
// background builds (search index, aggregate table) and waits for them to
// end, so the store can be closed after it. Reads that need a build answer
// "unavailable" afterwards.
func (s *Server) Close() error {
	s.live.close()
	s.b.life.close()
	return nil
}

type httpRequest struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
}

// badRequest is a request refused before it runs, with its HTTP status.
type badRequest struct {
	status int
	msg    string
}

func (e *badRequest) Error() string { return e.msg }

func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	if s.cors(w, r) {
		return
	}
	curator := s.curator(r)
	if curator == "" && s.cfg.ReadsNeedToken {
		// Before the body is read: without a token, nothing is parsed.
		writeError(w, http.StatusUnauthorized, errTokenNeeded.Error())
		return
	}
	req, err := s.readRequest(w, r)
	if err != nil {
		var bad *badRequest
		errors.As(err, &bad)
		writeError(w, bad.status, bad.msg)
		return
	}
	doc, cached := s.docs.get(req.Query)
	tokens := 0
	if !cached {
		if doc, tokens, err = s.parse(req.Query); err != nil {
			var syntax *gqlerrors.Error
			if errors.As(err, &syntax) {
				s.writeResult(w, http.StatusBadRequest, &graphql.Result{Errors: gqlerrors.FormatErrors(err)})
			} else {
				writeError(w, http.StatusBadRequest, err.Error())
			}
			return
		}
	}
	op, err := operation(doc, req.OperationName)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.noteOperation(r.Context(), op)
	mutation := op.Operation == ast.OperationTypeMutation
	if mutation && curator == "" {
		writeError(w, http.StatusUnauthorized, errUnauthorized.Error())
		return
	}
	if mutation && r.Method == http.MethodGet {
		writeError(w, http.StatusMethodNotAllowed, "mutations need POST")
		return
	}
	if !cached {
		// Validation runs on documents the limits have bounded, and only
		// once the request may run the operation it names.
		if v := s.validate(doc); !v.IsValid {
			s.writeResult(w, http.StatusBadRequest, &graphql.Result{Errors: v.Errors})
			return
		}
		s.docs.add(req.Query, doc, tokens)
	}
	if op.Operation == ast.OperationTypeSubscription {
		s.serveSubscription(w, r, doc, req, curator)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	if curator != "" {
		ctx = WithCurator(ctx, curator)
	}
	ctx = withRequest(ctx, s.cfg.Reader)
	if mutation && ctx.Err() != nil {
		writeError(w, http.StatusServiceUnavailable, errNotApplied.Error())
		return
	}
	res := graphql.Execute(graphql.ExecuteParams{Schema: s.schema, AST: doc, OperationName: req.OperationName,
		Args: req.Variables, Context: executionContext(ctx, mutation)})
	res.Errors = s.presentErrors(ctx, res.Errors)
	if builds := requestOf(ctx).buildsUsed(); builds != nil {
		// Search and aggregates answer from the last complete build: say how old.
		if res.Extensions == nil {
			res.Extensions = map[string]any{}
		}
		res.Extensions["builds"] = builds
	}
	s.writeResult(w, http.StatusOK, res)
}

// readRequest reads the query, its variables and operation name from the
// URL (GET) or the JSON body (POST).
func (s *Server) readRequest(w http.ResponseWriter, r *http.Request) (httpRequest, error) {
	var req httpRequest
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				return req, &badRequest{http.StatusBadRequest, "variables: " + err.Error()}
			}
		}
	default:
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
		err := dec.Decode(&req)
		if err == nil {
			if _, after := dec.Token(); after != io.EOF {
				err = errors.New("more after the JSON object: send one request per body")
				var tooBig *http.MaxBytesError
				if errors.As(after, &tooBig) {
					err = after
				}
			}
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return req, &badRequest{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over the limit of %d bytes", s.cfg.MaxBodyBytes)}
			}
			return req, &badRequest{http.StatusBadRequest, "request body: " + err.Error()}
		}
	}
	if strings.TrimSpace(req.Query) == "" {
		return req, &badRequest{http.StatusBadRequest, "no query given"}
	}
	return req, nil
}

// parse checks the query's text against the limits, parses it and checks
// the document, all before graphql-go validates it. A syntax error comes
// back as a *gqlerrors.Error. It returns the document's tokens too.
func (s *Server) parse(query string) (*ast.Document, int, error) {
	tokens, err := checkText(query, s.cfg.Limits)
	if err != nil {
		return nil, 0, err
	}
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(query), Name: "GraphQL request"})})
	if err != nil {
		return nil, 0, err
	}
	if _, err := checkDocument(doc, s.cfg.Limits, s.intro); err != nil {
		return nil, 0, err
	}
	return doc, tokens, nil
}

// validate runs graphql-go's validation; a panic in it (a document its
// parser accepts and its validator cannot handle) refuses the query rather
// than the connection.
func (s *Server) validate(doc *ast.Document) (res graphql.ValidationResult) {
	defer func() {
		if p := recover(); p != nil {
			s.cfg.Logger.Error("graphql-go's validation failed", "panic", p)
			res = graphql.ValidationResult{Errors: []gqlerrors.FormattedError{{Message: "the query could not be validated"}}}
		}
	}()
	return graphql.ValidateDocument(&s.schema, doc, nil)
}

// operation returns the operation a request names, or its only one.
func operation(doc *ast.Document, name string) (*ast.OperationDefinition, error) {
	var ops []*ast.OperationDefinition
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			if name == "" || op.Name != nil && op.Name.Value == name {
				ops = append(ops, op)
			}
		}
	}
	switch {
	case len(ops) == 1:
		return ops[0], nil
	case name != "" && len(ops) == 0:
		return nil, fmt.Errorf("operationName: the query has no operation named %q", name)
	case name != "":
		return nil, fmt.Errorf("operationName: the query has %d operations named %q", len(ops), name)
	case len(ops) == 0:
		return nil, errors.New("the query has no operation, only fragments")
	default:
		return nil, fmt.Errorf("the query has %d operations: name the one to run with operationName", len(ops))
	}
}

// curator returns the name of the curator whose bearer token the request carries, or "".
func (s *Server) curator(r *http.Request) string {
	h := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || token == "" {
		return ""
	}
	for t, name := range s.cfg.Tokens {
		if subtle.ConstantTimeCompare([]byte(t), []byte(token)) == 1 {
			return name
		}
	}
	return ""
}

// cors answers a preflight and sets the headers for allowed origins; it
// reports whether the request was fully answered.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	allowed := false
	for _, o := range s.cfg.AllowedOrigins {
		allowed = allowed || o == "*" || o == origin
	}
	if origin != "" && allowed {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Vary", "Origin")
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
	}
	if r.Method == http.MethodOptions {
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// presentErrors is the one place errors are made for the client: not-found
// and invalid input say so, as does a store out of disk space; anything
// else is logged in full and reaches the client as "internal error".
func (s *Server) presentErrors(ctx context.Context, errs []gqlerrors.FormattedError) []gqlerrors.FormattedError {
	for i, e := range errs {
		orig := e.OriginalError()
		if orig == nil {
			continue // a syntax or validation error: its message is for the client
		}
		var inner error = orig
		var located *gqlerrors.Error
		if errors.As(orig, &located) {
			if located.OriginalError == nil {
				continue
			}
			inner = located.OriginalError
		}
		switch {
		case errors.Is(inner, errNotFound), errors.Is(inner, errInvalid), errors.Is(inner, errUnauthorized), errors.Is(inner, errUnavailable),
			errors.Is(inner, graph.ErrNotFound), errors.Is(inner, graph.ErrInvalid):
		case errors.Is(inner, context.DeadlineExceeded), errors.Is(inner, context.Canceled):
			errs[i].Message = "request timed out"
		case errors.Is(inner, graph.ErrNoSpace):
			// Said as such, so an operator knows what to fix; the backend's
			// own error names the server's files and goes only to the log.
			s.cfg.Logger.ErrorContext(ctx, "graphql resolver failed", "path", e.Path, "err", inner)
			errs[i].Message = "the store is out of disk space: nothing was changed; try again once space is freed"
		default:
			s.cfg.Logger.ErrorContext(ctx, "graphql resolver failed", "path", e.Path, "err", inner)
			errs[i].Message = "internal error"
		}
	}
	return errs
}
