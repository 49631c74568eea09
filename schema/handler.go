package schema

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
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
	lru "github.com/hashicorp/golang-lru/v2"
)

// ServerConfig configures the HTTP server of the API; zero values take the defaults.
type ServerConfig struct {
	Config
	// Tokens maps a bearer token to the curator it names; mutations need one.
	Tokens map[string]string
	// WarmSearch builds the search index and the aggregate table when the
	// server starts rather than on the first search or aggregate.
	WarmSearch bool
	// ReadsNeedToken makes queries need a token too.
	ReadsNeedToken bool
	// AllowedOrigins are the origins browsers may call the API from
	// ("*" for any); none by default.
	AllowedOrigins []string
	Limits         Limits
	MaxBodyBytes   int64         // default 1 MiB
	Timeout        time.Duration // per request, default 10s
	Logger         *slog.Logger
}

// Server serves the GraphQL API at /graphql (POST, and GET for queries),
// a query console at /, and a health check at /healthz.
type Server struct {
	schema graphql.Schema
	b      *builder
	cfg    ServerConfig
	router *mux.Router
	// docs holds queries already parsed, validated and within the limits,
	// by their text: a dashboard asks the same few again and again, and
	// validation cost four times the execution of a node lookup.
	docs *lru.Cache[string, *ast.Document]
}

// Queries up to docCacheMaxLen bytes are kept, docCacheSize of them.
const (
	docCacheSize   = 512
	docCacheMaxLen = 16 << 10
)

// NewServer builds the schema and the HTTP handler around it.
func NewServer(cfg ServerConfig) (*Server, error) {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	cfg.Limits = cfg.Limits.withDefaults()
	s, b, err := build(cfg.Config)
	if err != nil {
		return nil, err
	}
	docs, err := lru.New[string, *ast.Document](docCacheSize)
	if err != nil {
		return nil, err
	}
	srv := &Server{schema: s, b: b, cfg: cfg, router: mux.NewRouter(), docs: docs}
	if cfg.WarmSearch {
		b.search.warm()
		b.aggs.warm()
	}
	srv.router.HandleFunc("/graphql", srv.serveGraphQL).Methods(http.MethodPost, http.MethodGet, http.MethodOptions)
	srv.router.HandleFunc("/", serveConsole).Methods(http.MethodGet)
	srv.router.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("ok\n"))
	}).Methods(http.MethodGet)
	return srv, nil
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// StoreChanged tells the server that articles were written behind its back
// (a watched folder): the search index and the aggregate table are built again.
func (s *Server) StoreChanged() { s.b.storeChanged() }

type httpRequest struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
}

func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	if s.cors(w, r) {
		return
	}
	var req httpRequest
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				writeError(w, http.StatusBadRequest, "variables: "+err.Error())
				return
			}
		}
	default:
		body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		if err := json.NewDecoder(body).Decode(&req); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over the limit of %d bytes", s.cfg.MaxBodyBytes))
				return
			}
			writeError(w, http.StatusBadRequest, "request body: "+err.Error())
			return
		}
	}
	if strings.TrimSpace(req.Query) == "" {
		writeError(w, http.StatusBadRequest, "no query given")
		return
	}
	doc, invalid, err := s.document(req.Query)
	if invalid != nil {
		writeResult(w, http.StatusBadRequest, invalid)
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	curator := s.curator(r)
	if curator != "" {
		ctx = WithCurator(ctx, curator)
	} else if s.cfg.ReadsNeedToken || (isMutation(doc, req.OperationName) && r.Method == http.MethodPost) {
		writeError(w, http.StatusUnauthorized, errUnauthorized.Error())
		return
	}
	if isMutation(doc, req.OperationName) && r.Method == http.MethodGet {
		writeError(w, http.StatusMethodNotAllowed, "mutations need POST")
		return
	}
	ctx = withRequest(ctx, s.cfg.Reader)
	res := graphql.Execute(graphql.ExecuteParams{Schema: s.schema, AST: doc, OperationName: req.OperationName,
		Args: req.Variables, Context: ctx})
	res.Errors = s.presentErrors(ctx, res.Errors)
	writeResult(w, http.StatusOK, res)
}

// document parses and validates a query and checks its limits, or takes
// it from the cache of queries that passed. A query that does not parse or
// validate gives the errors as a result; one over the limits, an error.
func (s *Server) document(query string) (*ast.Document, *graphql.Result, error) {
	if doc, ok := s.docs.Get(query); ok {
		return doc, nil, nil
	}
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(query), Name: "GraphQL request"})})
	if err != nil {
		return nil, &graphql.Result{Errors: gqlerrors.FormatErrors(err)}, nil
	}
	if v := graphql.ValidateDocument(&s.schema, doc, nil); !v.IsValid {
		return nil, &graphql.Result{Errors: v.Errors}, nil
	}
	if err := checkLimits(doc, s.cfg.Limits); err != nil {
		return nil, nil, err
	}
	if len(query) <= docCacheMaxLen {
		s.docs.Add(query, doc)
	}
	return doc, nil, nil
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

func isMutation(doc *ast.Document, name string) bool {
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok && op.Operation == ast.OperationTypeMutation {
			if name == "" || op.Name != nil && op.Name.Value == name {
				return true
			}
		}
	}
	return false
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
// and invalid input say so; anything else is logged in full and reaches the
// client as "internal error".
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
		case errors.Is(inner, errNotFound), errors.Is(inner, errInvalid), errors.Is(inner, errUnauthorized), errors.Is(inner, errUnavailable):
		case errors.Is(inner, context.DeadlineExceeded):
			errs[i].Message = "request timed out"
		default:
			s.cfg.Logger.ErrorContext(ctx, "graphql resolver failed", "path", e.Path, "err", inner)
			errs[i].Message = "internal error"
		}
	}
	return errs
}

func writeResult(w http.ResponseWriter, status int, res *graphql.Result) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(res)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"message": msg}}})
}
