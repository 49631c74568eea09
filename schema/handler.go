package schema

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/mux"
	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
)

// HandlerConfig tunes the HTTP handler; zero values take the defaults.
type HandlerConfig struct {
	MaxBodyBytes int64         // default 1 MiB
	Timeout      time.Duration // per request, default 10s
	Logger       *slog.Logger
}

// NewHandler serves the schema at /graphql (POST, and GET for queries) and
// a health check at /healthz.
func NewHandler(s graphql.Schema, cfg HandlerConfig) http.Handler {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	h := &handler{schema: s, cfg: cfg}
	r := mux.NewRouter()
	r.HandleFunc("/graphql", h.serveGraphQL).Methods(http.MethodPost, http.MethodGet)
	r.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("ok\n"))
	}).Methods(http.MethodGet)
	return r
}

type handler struct {
	schema graphql.Schema
	cfg    HandlerConfig
}

type request struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
}

func (h *handler) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	var req request
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
		body := http.MaxBytesReader(w, r.Body, h.cfg.MaxBodyBytes)
		if err := json.NewDecoder(body).Decode(&req); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeError(w, http.StatusRequestEntityTooLarge, "request body over the limit")
				return
			}
			writeError(w, http.StatusBadRequest, "request body: "+err.Error())
			return
		}
	}
	if req.Query == "" {
		writeError(w, http.StatusBadRequest, "no query given")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.cfg.Timeout)
	defer cancel()
	res := graphql.Do(graphql.Params{Schema: h.schema, RequestString: req.Query,
		VariableValues: req.Variables, OperationName: req.OperationName, Context: ctx})
	res.Errors = h.presentErrors(ctx, res.Errors)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

// presentErrors is the one place errors are made for the client: not-found
// and invalid input say so; anything else is logged in full and reaches the
// client as "internal error".
func (h *handler) presentErrors(ctx context.Context, errs []gqlerrors.FormattedError) []gqlerrors.FormattedError {
	for i, e := range errs {
		orig := e.OriginalError()
		if orig == nil {
			continue // a syntax or validation error: its message is for the client
		}
		var inner error = orig
		var located *gqlerrors.Error
		if errors.As(orig, &located) {
			if located.OriginalError == nil {
				continue // a syntax or validation error
			}
			inner = located.OriginalError
		}
		switch {
		case errors.Is(inner, errNotFound), errors.Is(inner, errInvalid):
		case errors.Is(inner, context.DeadlineExceeded):
			errs[i].Message = "request timed out"
		default:
			h.cfg.Logger.ErrorContext(ctx, "graphql resolver failed", "path", e.Path, "err", inner)
			errs[i].Message = "internal error"
		}
	}
	return errs
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"message": msg}}})
}
