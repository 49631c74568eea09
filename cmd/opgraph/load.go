package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders"
)

// storeFlags are the flags every command that opens the store shares.
type storeFlags struct {
	backend, db string
}

func (f *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.backend, "backend", envOr("OPGRAPH_BACKEND", "bbolt"), "Cayley backend: bbolt (embedded) or memstore")
	fs.StringVar(&f.db, "db", envOr("OPGRAPH_DB", "./data"), "the store's address: a directory for bbolt")
}

func (f *storeFlags) open(ctx context.Context, log *slog.Logger) (*graph.Store, error) {
	return graph.Open(ctx, graph.Config{Backend: f.backend, Addr: f.db, Logger: log})
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
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: opgraph load [--backend bbolt] [--db ./data] PATH...")
		return 2
	}
	store, err := sf.open(ctx, slog.New(slog.NewTextHandler(stderr, nil)))
	if err != nil {
		fmt.Fprintf(stderr, "opgraph load: %v\n", err)
		return 1
	}
	defer store.Close()
	x, err := loaders.NewExtractor()
	if err != nil {
		fmt.Fprintf(stderr, "opgraph load: %v\n", err)
		return 1
	}
	sum := loadPaths(ctx, store, x, fs.Args(), stdout, stderr)
	fmt.Fprintln(stdout, sum)
	if sum.failed > 0 || ctx.Err() != nil {
		return 1
	}
	return 0
}

// loadSummary counts what a load did.
type loadSummary struct{ loaded, unchanged, failed int }

func (s loadSummary) String() string {
	return fmt.Sprintf("loaded %d, unchanged %d, failed %d", s.loaded, s.unchanged, s.failed)
}

// loadPaths loads every article file under paths. A file that cannot be read
// or parsed is reported on errOut and skipped; the others still load.
func loadPaths(ctx context.Context, store *graph.Store, x *loaders.Extractor, paths []string, out, errOut io.Writer) loadSummary {
	var sum loadSummary
	files, errs := articleFiles(paths)
	for _, err := range errs {
		fmt.Fprintf(errOut, "error: %v\n", err)
		sum.failed++
	}
	for _, path := range files {
		if ctx.Err() != nil {
			fmt.Fprintln(errOut, "interrupted: stopping; what was loaded is kept")
			break
		}
		added, removed, facts, err := loadFile(ctx, store, x, path)
		switch {
		case err != nil:
			fmt.Fprintf(errOut, "error: %v\n", err)
			sum.failed++
		case added == 0 && removed == 0:
			fmt.Fprintf(out, "unchanged %s\n", path)
			sum.unchanged++
		default:
			fmt.Fprintf(out, "loaded %s: %d facts (+%d -%d quads)\n", path, facts, added, removed)
			sum.loaded++
		}
	}
	return sum
}

func loadFile(ctx context.Context, store *graph.Store, x *loaders.Extractor, path string) (added, removed, facts int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, 0, err
	}
	doc, err := loaders.ParseText(path, data)
	if err != nil {
		return 0, 0, 0, err
	}
	af := loaders.Facts(doc, x.Extract(doc))
	added, removed, err = store.WriteArticle(ctx, af)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%s: %w", path, err)
	}
	return added, removed, len(af.Nodes), nil
}

// articleFiles expands folders (recursively) into the article files they hold, sorted.
func articleFiles(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			if !d.IsDir() && isArticleFile(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

// isArticleFile says which files a folder walk takes: text articles, not
// their gold annotations or hidden files.
func isArticleFile(path string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	return ext == ".txt" || ext == ".md"
}
