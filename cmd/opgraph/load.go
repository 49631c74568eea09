package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/ingest"
	"github.com/opgraph/opgraph/loaders/source"
)

// storeFlags are the flags every command that opens the store shares.
type storeFlags struct {
	backend, db string
	dbSet       bool // --db given
}

func (f *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.backend, "backend", envOr("OPGRAPH_BACKEND", "bbolt"), "Cayley backend: bbolt (embedded, default), postgres, cockroach, or memstore (in memory, for tests)")
	// Empty default: OPGRAPH_DB may hold a password, and -h prints defaults.
	fs.Func("db", "the store's address: a directory for bbolt, a postgres:// URL for postgres and cockroach (default $OPGRAPH_DB, else ./data)", func(v string) error {
		f.db, f.dbSet = v, true
		return nil
	})
}

// addr is --db (even empty, as memstore needs), else $OPGRAPH_DB, else ./data.
func (f *storeFlags) addr() string {
	if f.dbSet {
		return f.db
	}
	return envOr("OPGRAPH_DB", "./data")
}

// open opens the store; bulk is for commands that write much
// (graph.Config.BulkWrites), and so hold the writer lock (Config.Writer).
func (f *storeFlags) open(ctx context.Context, log *slog.Logger, bulk bool) (*graph.Store, error) {
	return graph.Open(ctx, graph.Config{Backend: f.backend, Addr: f.addr(), Logger: log, BulkWrites: bulk, Writer: bulk})
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func runLoad(ctx context.Context, args []string) int {
	return runLoadTo(ctx, args, os.Stdout, os.Stderr)
}

func runLoadTo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var sf storeFlags
	sf.register(fs)
	watch := fs.String("watch", "", "after loading, watch this folder and load new or changed files until interrupted")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "files parsed and extracted in parallel")
	maxMB := fs.Int64("max-mb", 0, "largest file or response read, in MB (default 10; an N-Quads export of a large graph needs more)")
	allowPrivate := fs.Bool("allow-private-fetch", false, "let URLs, feed items and redirects reach loopback, private and link-local addresses (refused by default)")
	formatName := fs.String("format", "", "read every input as this format: text, html, feed, jsonl or nquads (default: by extension and content; N-Quads from a URL only with --format nquads)")
	trust := fs.String("trust-curators", "", "N-Quads dumps: take the curators' changes (retractions, merges, corrections) recorded as by these curators, comma-separated, or * for anyone's; without it a dump holding changes is refused")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	var curators []string
	for _, c := range strings.Split(*trust, ",") {
		if c = strings.TrimSpace(c); c != "" {
			curators = append(curators, c)
		}
	}
	format, err := source.ParseFormat(*formatName)
	if err != nil {
		fmt.Fprintf(stderr, "opgraph load: --format: %v\n", err)
		return 2
	}
	paths := fs.Args()
	if *watch != "" {
		paths = append(paths, *watch)
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "usage: opgraph load [--backend bbolt] [--db ./data] [--watch DIR] PATH|URL...")
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	store, err := sf.open(ctx, log, true)
	if err != nil {
		fmt.Fprintf(stderr, "opgraph load: %v\n", err)
		return 1
	}
	defer store.Close()
	x, err := extract.NewExtractor()
	if err != nil {
		fmt.Fprintf(stderr, "opgraph load: %v\n", err)
		return 1
	}
	quads, err := store.QuadCount(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "opgraph load: %v\n", err)
		return 1
	}
	l := &ingest.Loader{Store: store, Extractor: x, Sources: &source.Sources{MaxBytes: *maxMB * 1e6, AllowPrivate: *allowPrivate, Format: format}, Workers: *workers,
		Curators: curators, StoredQuads: quads, Out: stdout, ErrOut: stderr, Bar: ingest.TerminalBar(stderr)}
	sum := l.Run(ctx, paths)
	fmt.Fprintln(stdout, sum)
	if *watch != "" && ctx.Err() == nil {
		fmt.Fprintf(stdout, "watching %s for new or changed files (Ctrl-C to stop)\n", *watch)
		s, err := l.Watch(ctx, *watch, log)
		sum.Add(s)
		if err != nil {
			fmt.Fprintf(stderr, "opgraph load: watch %s: %v\n", *watch, err)
			return 1
		}
	}
	if sum.Failed > 0 || (ctx.Err() != nil && *watch == "") {
		return 1
	}
	return 0
}
