package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/url"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/netutil"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/ingest"
	"github.com/opgraph/opgraph/loaders/source"
	"github.com/opgraph/opgraph/schema"
	"github.com/opgraph/opgraph/web"
)

func runServe(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", envOr("OPGRAPH_ADDR", ":8080"), "address to listen on")
	seeds := fs.String("seeds", envOr("OPGRAPH_SEEDS", "seeds"), "folder of articles loaded into an empty store")
	watch := fs.String("watch", "", "load new or changed article files in this folder while serving")
	mapped := fs.Int("mapped-mb", graph.DefaultMappedBudget>>20, "on Bolt, drop the store's file from memory when more than this many MB of it are mapped (0: never); the kernel keeps it cached")
	memLimit := fs.Int("memory-limit-mb", defaultMemoryLimitMB, "soft limit on the Go runtime's memory in MB: near it, garbage is collected sooner (the environment's GOMEMLIMIT wins; 0: no limit)")
	debugAddr := fs.String("debug-addr", "", "serve Go's profiles (/debug/pprof) on this address, e.g. 127.0.0.1:6060; off when empty")
	allowPrivate := fs.Bool("allow-private-fetch", false, "let feeds in the watched folder fetch from loopback, private and link-local addresses (refused by default)")
	var api apiFlags
	api.register(fs)
	if code, ok := parseFlags(fs, args, os.Stdout, os.Stderr); !ok {
		return code
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *memLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		go keepHeadroom(ctx, int64(*memLimit)<<20)
	}
	if *debugAddr != "" {
		// On a listener of its own, never the API's: profiles are for operators.
		go func() { log.Error("debug server", "err", http.ListenAndServe(*debugAddr, pprofMux())) }()
	}
	if err := serve(ctx, log, sf, api, *addr, *seeds, *watch, &source.Sources{AllowPrivate: *allowPrivate}, *mapped); err != nil {
		log.Error("serve", "err", err)
		return 1
	}
	return 0
}

// apiFlags configure the API server.
type apiFlags struct {
	tokens         []string // --token, each NAME:TOKEN or TOKEN
	tokenFile      string
	origins        string
	readsNeedToken bool
}

func (f *apiFlags) register(fs *flag.FlagSet) {
	// No token is ever a flag's default: -h and flag errors print defaults.
	fs.Func("token", "a bearer token for mutations: NAME:TOKEN (NAME recorded as who made each change) or TOKEN without a colon; repeat for several (env OPGRAPH_TOKEN: one)", func(v string) error {
		f.tokens = append(f.tokens, v)
		return nil
	})
	fs.StringVar(&f.tokenFile, "token-file", "", "a file of tokens, one NAME:TOKEN or TOKEN a line; blank lines and lines starting with # skipped (env OPGRAPH_TOKEN_FILE)")
	fs.StringVar(&f.origins, "cors", envOr("OPGRAPH_CORS", ""), "comma-separated origins browsers may call the API from, or *")
	fs.BoolVar(&f.readsNeedToken, "private", false, "queries need a token too")
}

// tokenTable maps each token of --token, --token-file and the
// environment to its curator's name. A token may hold any byte but a
// newline ('=', ',', base64 padding); only the first colon separates a
// name. Errors name the entry's place, never the token.
func (f apiFlags) tokenTable() (map[string]string, error) {
	type entry struct{ where, text string }
	var entries []entry
	for i, t := range f.tokens {
		entries = append(entries, entry{fmt.Sprintf("--token #%d", i+1), t})
	}
	if len(f.tokens) == 0 && os.Getenv("OPGRAPH_TOKEN") != "" {
		entries = append(entries, entry{"OPGRAPH_TOKEN", os.Getenv("OPGRAPH_TOKEN")})
	}
	file := cmp.Or(f.tokenFile, os.Getenv("OPGRAPH_TOKEN_FILE"))
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--token-file: %w", err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			entries = append(entries, entry{fmt.Sprintf("%s:%d", file, i+1), line})
		}
	}
	tokens := map[string]string{}
	for _, e := range entries {
		name, tok, named := strings.Cut(e.text, ":")
		if !named {
			name, tok = "curator", e.text
		}
		switch {
		case tok == "":
			return nil, fmt.Errorf("%s: empty token", e.where)
		case named && strings.TrimSpace(name) == "":
			return nil, fmt.Errorf("%s: empty name before the colon", e.where)
		}
		tokens[tok] = strings.TrimSpace(name)
	}
	return tokens, nil
}

// serverConfig turns the flags into the API's configuration.
func (f apiFlags) serverConfig(store *graph.Store, x *extract.Extractor, log *slog.Logger) (schema.ServerConfig, error) {
	tokens, err := f.tokenTable()
	if err != nil {
		return schema.ServerConfig{}, err
	}
	var origins []string
	for _, o := range strings.Split(f.origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	ingest := func(ctx context.Context, a schema.Article) (graph.Written, error) {
		doc := source.Document{Path: "ingestArticle", Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source, Text: a.Text}
		w, err := store.WriteArticles(ctx, []graph.ArticleFacts{x.Facts(doc)})
		if err != nil {
			return graph.Written{}, err
		}
		return w[0], w[0].Err
	}
	return schema.ServerConfig{
		Config:         schema.Config{Reader: store, Curator: store, Ingest: ingest},
		Tokens:         tokens,
		ReadsNeedToken: f.readsNeedToken,
		AllowedOrigins: origins,
		WarmSearch:     true,
		Logger:         log,
		Pages:          web.Handler(),
		Snapshots:      store,
	}, nil
}

func serve(ctx context.Context, log *slog.Logger, sf storeFlags, api apiFlags, addr, seeds, watch string, src *source.Sources, mappedMB int) error {
	budget := int64(mappedMB) << 20
	if mappedMB <= 0 {
		budget = -1 // never drop
	}
	tokens, err := api.tokenTable()
	if err != nil {
		return err
	}
	// A server that takes writes holds the graph's writer lock (on
	// PostgreSQL; see graph.Config.Writer). One that cannot write (no
	// token, no --watch) leaves it to others, so several can serve one
	// graph; it takes the lock only to seed an empty graph.
	writes := len(tokens) > 0 || watch != ""
	open := func(writer bool) (*graph.Store, error) {
		return graph.Open(ctx, graph.Config{Backend: sf.backend, Addr: sf.addr(), Logger: log, MappedBudget: budget, Writer: writer})
	}
	store, err := open(writes || sf.backend != "postgres")
	if err != nil {
		return err
	}
	defer store.Close()
	var seeded ingest.Summary
	if empty, err := store.Empty(ctx); err == nil && empty && !writes && sf.backend == "postgres" && seeds != "" {
		w, err := open(true)
		if err != nil {
			return fmt.Errorf("seed the empty graph: %w", err)
		}
		seeded, err = seedIfEmpty(ctx, log, w, seeds)
		w.Close()
		if err != nil {
			return err
		}
	} else if seeded, err = seedIfEmpty(ctx, log, store, seeds); err != nil {
		return err
	}
	x, err := extract.NewExtractor()
	if err != nil {
		return err
	}
	cfg, err := api.serverConfig(store, x, log)
	if err != nil {
		return err
	}
	metrics, err := newServerMetrics()
	if err != nil {
		return err
	}
	metrics.count(seeded)
	cfg.Metrics, cfg.MetricsHandler = metrics.api, metrics.handler
	ingestOne := cfg.Ingest
	cfg.Ingest = func(ctx context.Context, a schema.Article) (graph.Written, error) {
		w, err := ingestOne(ctx, a)
		if err != nil {
			metrics.count(ingest.Summary{Failed: 1})
		} else {
			metrics.count(ingest.Summary{Loaded: 1})
		}
		return w, err
	}
	if len(cfg.Tokens) == 0 {
		log.Warn("no --token, --token-file or OPGRAPH_TOKEN: mutations are refused")
	}
	// A build over a big store leaves far more garbage than what it keeps
	// (see docs/benchmarks.md); the runtime would hand it back only slowly.
	cfg.AfterBuild = debug.FreeOSMemory
	handler, err := schema.NewServer(cfg)
	if err != nil {
		return fmt.Errorf("build the API: %w", err)
	}
	defer handler.Close() // before the store closes: builds read it
	// The dashboard's first page lists every operation; on a big store
	// that read takes seconds (1.5 s at 100k articles), so it is done now,
	// in the background, instead of in the first visitor's request.
	warmCtx, stopWarm := context.WithCancel(ctx)
	warmed := make(chan struct{})
	go func() {
		defer close(warmed)
		store.WarmLists(warmCtx, graph.KindOperation, graph.KindAgency) // an error ends the warming, not the server
	}()
	defer func() { stopWarm(); <-warmed }() // before the handler and the store close
	if watch != "" {
		// The store closes only once the watcher has stopped writing to it.
		watchCtx, stopWatch := context.WithCancel(ctx)
		watched := make(chan struct{})
		defer func() { stopWatch(); <-watched }()
		w := &newArticles{Store: store}
		go func() {
			defer close(watched)
			ingest.WatchAndLoad(watchCtx, log, w, x, src, watch, func(sum ingest.Summary) {
				metrics.count(sum)
				switch added, other := w.take(); {
				case other:
					handler.StoreChanged()
				case len(added) > 0:
					handler.ArticlesAdded(added...)
				}
			})
		}()
	}
	srv := newHTTPServer(handler, defaultHTTPLimits)
	// Shutdown waits for open requests, and a subscription's stream stays
	// open: end the streams first.
	srv.RegisterOnShutdown(handler.EndStreams)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(netutil.LimitListener(ln, defaultHTTPLimits.maxConns)) }()
	log.Info("serving GraphQL", "addr", addr, "dashboard", "/", "explorer", "/explore", "graphql", "/graphql", "console", "/console", "backend", sf.backend, "db", redact(sf.addr()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// httpLimits bound what one client can hold of the server.
type httpLimits struct {
	header time.Duration // to send the request's headers
	read   time.Duration // to send the whole request, body included
	write  time.Duration // from the end of the headers to the end of the response
	idle   time.Duration // a keep-alive connection waiting for its next request
	// maxConns bounds the connections open at once; more wait to be accepted.
	maxConns int
}

// defaultHTTPLimits: the body is at most 1 MiB and a request runs at most
// 10 s (schema.ServerConfig), so an honest client needs far less.
var defaultHTTPLimits = httpLimits{header: 5 * time.Second, read: 15 * time.Second, write: 30 * time.Second, idle: 60 * time.Second, maxConns: 512}

func newHTTPServer(h http.Handler, l httpLimits) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: l.header, ReadTimeout: l.read, WriteTimeout: l.write, IdleTimeout: l.idle}
}

// seedIfEmpty loads the seed articles into a store that holds nothing yet.
func seedIfEmpty(ctx context.Context, log *slog.Logger, store *graph.Store, dir string) (ingest.Summary, error) {
	empty, err := store.Empty(ctx)
	if err != nil {
		return ingest.Summary{}, err
	}
	if !empty || dir == "" {
		return ingest.Summary{}, nil
	}
	if _, err := os.Stat(dir); err != nil {
		log.Warn("empty store and no seeds to load", "seeds", dir, "err", err)
		return ingest.Summary{}, nil
	}
	x, err := extract.NewExtractor()
	if err != nil {
		return ingest.Summary{}, err
	}
	sum := ingest.Paths(ctx, store, x, []string{dir}, io.Discard, os.Stderr)
	log.Info("loaded seeds into the empty store", "seeds", dir, "result", sum.String())
	return sum, nil
}

// redact hides the password of a database URL for logs.
func redact(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.User == nil {
		return addr
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// defaultMemoryLimitMB is serve's soft memory limit. The Go runtime lets
// the heap grow to twice what is live between collections, past the
// server's memory target on a big store; too tight a limit has the
// collector run so often that throughput falls by three quarters
// (docs/benchmarks.md).
const defaultMemoryLimitMB = 224

// keepHeadroom holds the Go runtime's soft memory limit at floor, or at
// half as much again as the live heap when that is more: with a limit
// barely above what is live, the collector runs without pause, and a
// graph larger than the one the default was measured on would get that.
func keepHeadroom(ctx context.Context, floor int64) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		metrics.Read(sample)
		live := int64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = int64(sample[0].Value.Uint64())
		}
		debug.SetMemoryLimit(headroomLimit(floor, live))
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// headroomLimit is the soft memory limit keepHeadroom sets for a live heap.
func headroomLimit(floor, live int64) int64 { return max(floor, live+live/2) }

// pprofMux serves net/http/pprof's handlers.
func pprofMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// newArticles writes for the watched folder and notes what the writes
// were: articles new to the store (which the server takes in place), or
// anything else (a replaced article, an N-Quads dump).
type newArticles struct {
	*graph.Store
	mu    sync.Mutex
	added []graph.Written
	other bool
}

func (w *newArticles) WriteArticles(ctx context.Context, batch []graph.ArticleFacts) ([]graph.Written, error) {
	ids := make([]graph.ID, len(batch))
	for i, af := range batch {
		ids[i] = af.Article.ID
	}
	before, readErr := w.Store.Get(ctx, ids...)
	written, err := w.Store.WriteArticles(ctx, batch)
	w.mu.Lock()
	defer w.mu.Unlock()
	for i, wr := range written {
		switch {
		case wr.Err != nil || wr.Added+wr.Removed == 0:
		case readErr == nil && before[ids[i]] == nil && wr.Removed == 0:
			w.added = append(w.added, wr)
		default:
			w.other = true
		}
	}
	if err != nil || readErr != nil {
		w.other = true
	}
	return written, err
}

func (w *newArticles) ImportNQuads(ctx context.Context, name string, r io.ReadSeeker, opts graph.ImportOptions) (int, error) {
	n, err := w.Store.ImportNQuads(ctx, name, r, opts)
	if n > 0 || err != nil {
		w.mu.Lock()
		w.other = true
		w.mu.Unlock()
	}
	return n, err
}

// take returns what the writes since the last take were, and forgets it.
func (w *newArticles) take() (added []graph.Written, other bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	added, other = w.added, w.other
	w.added, w.other = nil, false
	return added, other
}
