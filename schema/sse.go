package schema

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// LiveConfig bounds the subscriptions served as server-sent events; zero
// values take the defaults.
type LiveConfig struct {
	// MaxSubscribers bounds the subscriptions open at once; more are
	// refused with 503. Default 100.
	MaxSubscribers int
	// Heartbeat is how often an idle stream gets a comment line, so that
	// proxies and clients see it alive. Default 15s.
	Heartbeat time.Duration
}

func (c LiveConfig) withDefaults() LiveConfig {
	if c.MaxSubscribers == 0 {
		c.MaxSubscribers = 100
	}
	if c.Heartbeat == 0 {
		c.Heartbeat = 15 * time.Second
	}
	return c
}

// writeWait is how long one event may take to reach the client; a client
// that reads slower than that is cut off.
const writeWait = 10 * time.Second

// wantsEventStream reports whether the client asks for server-sent events.
func wantsEventStream(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		if t, _, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && t == "text/event-stream" {
			return true
		}
	}
	return false
}

// serveSubscription streams a subscription as server-sent events, the
// graphql-sse protocol's "distinct connections mode": an event "next" with
// each result, "complete" at the end, and a comment line every Heartbeat.
// The document has passed the same token check, limits and validation as
// any query. The stream ends when the client goes away, the server closes,
// or the client falls behind.
func (s *Server) serveSubscription(w http.ResponseWriter, r *http.Request, doc *ast.Document, req httpRequest, curator string) {
	if !wantsEventStream(r) {
		writeError(w, http.StatusNotAcceptable, "subscriptions are sent as server-sent events: ask with the header `Accept: text/event-stream`")
		return
	}
	run := func(ctx context.Context, ev *liveEvent) (*graphql.Result, liveMatch) {
		ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
		defer cancel()
		if curator != "" {
			ctx = WithCurator(ctx, curator)
		}
		var m liveMatch
		ctx = context.WithValue(withRequest(ctx, s.cfg.Reader), liveMatchKey{}, &m)
		res := graphql.Execute(graphql.ExecuteParams{Schema: s.schema, AST: doc, OperationName: req.OperationName,
			Args: req.Variables, Root: ev, Context: executionContext(ctx, false)})
		res.Errors = s.presentErrors(ctx, res.Errors)
		return res, m
	}
	// A first run over nothing checks the arguments (a filter naming an
	// unknown agency) while the answer can still be a plain error.
	if res, _ := run(r.Context(), nil); len(res.Errors) > 0 {
		s.writeResult(w, http.StatusBadRequest, res)
		return
	}
	sub, err := s.live.subscribe(r.Context())
	switch {
	case errors.Is(err, errTooManySubscribers) || errors.Is(err, errClosing):
		w.Header().Set("Retry-After", "10")
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	case err != nil:
		s.cfg.Logger.ErrorContext(r.Context(), "subscribe", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	defer s.live.unsubscribe(sub)

	// The server's ReadTimeout does not reach here: net/http clears the
	// read deadline once the body is read. Its WriteTimeout would.
	rc := http.NewResponseController(w)
	write := func(text string) error {
		// Each write gets its own deadline, not the server's WriteTimeout,
		// which counts from the start of the response.
		rc.SetWriteDeadline(time.Now().Add(writeWait))
		if _, err := io.WriteString(w, text); err != nil {
			return err
		}
		if err := rc.Flush(); err != nil {
			return err
		}
		// Until the next heartbeat, the connection is idle but alive.
		return rc.SetWriteDeadline(time.Now().Add(s.cfg.Live.Heartbeat + writeWait))
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx: pass events on as they come
	w.WriteHeader(http.StatusOK)
	if write(": subscribed\n\n") != nil {
		return
	}
	complete := func(why string) {
		if why != "" {
			write(": " + why + "\n")
		}
		write("event: complete\ndata:\n\n")
	}
	beat := time.NewTicker(s.cfg.Live.Heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-sub.ended:
			complete(sub.why)
			return
		case <-beat.C:
			if write(": keep-alive\n\n") != nil {
				return
			}
		case ev := <-sub.events:
			res, m := run(r.Context(), ev)
			if len(res.Errors) == 0 && m.facts == 0 && m.articles == 0 {
				continue // nothing this subscriber asked for
			}
			data, err := json.Marshal(res)
			if err != nil {
				s.cfg.Logger.ErrorContext(r.Context(), "factsAdded: encode", "err", err)
				complete("internal error")
				return
			}
			if write("event: next\ndata: "+string(data)+"\n\n") != nil {
				return
			}
		}
	}
}

// EndStreams ends every open subscription (each stream gets its
// "complete") and refuses new ones; http.Server.Shutdown waits for no
// stream, so call it first (RegisterOnShutdown). Close does it too.
func (s *Server) EndStreams() { s.live.close() }
