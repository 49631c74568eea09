package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
)

// storeFlags are the flags every command that opens the store shares.
type storeFlags struct {
	backend, db string
}

func (f *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.backend, "backend", envOr("OPGRAPH_BACKEND", "bbolt"), "Cayley backend: bbolt (embedded, default), postgres, cockroach, or memstore (in memory, for tests)")
	fs.StringVar(&f.db, "db", envOr("OPGRAPH_DB", "./data"), "the store's address: a directory for bbolt, a postgres:// URL for postgres and cockroach")
}

// open opens the store; bulk is for commands that write much (graph.Config.BulkWrites).
func (f *storeFlags) open(ctx context.Context, log *slog.Logger, bulk bool) (*graph.Store, error) {
	return graph.Open(ctx, graph.Config{Backend: f.backend, Addr: f.db, Logger: log, BulkWrites: bulk})
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
	if err := fs.Parse(args); err != nil {
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
	l := &loader{store: store, x: x, src: &source.Sources{MaxBytes: *maxMB * 1e6}, workers: *workers, out: stdout, errOut: stderr}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		l.bar = func(total int) *progressbar.ProgressBar {
			return progressbar.NewOptions(total, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("loading"),
				progressbar.OptionShowCount(), progressbar.OptionSetElapsedTime(true), progressbar.OptionClearOnFinish(),
				progressbar.OptionThrottle(100*time.Millisecond))
		}
	}
	sum := l.run(ctx, paths)
	fmt.Fprintln(stdout, sum)
	if *watch != "" && ctx.Err() == nil {
		fmt.Fprintf(stdout, "watching %s for new or changed files (Ctrl-C to stop)\n", *watch)
		err := watchDir(ctx, *watch, log, func(changed []string) {
			s := l.run(ctx, changed)
			fmt.Fprintln(stdout, s)
			sum.add(s)
		})
		if err != nil {
			fmt.Fprintf(stderr, "opgraph load: watch %s: %v\n", *watch, err)
			return 1
		}
	}
	if sum.failed > 0 || (ctx.Err() != nil && *watch == "") {
		return 1
	}
	return 0
}

// loadSummary counts what a load did, by article (a feed or a JSON Lines
// file holds several) and by file that failed as a whole.
type loadSummary struct{ loaded, unchanged, failed int }

func (s loadSummary) String() string {
	return fmt.Sprintf("loaded %d, unchanged %d, failed %d", s.loaded, s.unchanged, s.failed)
}

func (s *loadSummary) add(o loadSummary) {
	s.loaded += o.loaded
	s.unchanged += o.unchanged
	s.failed += o.failed
}

// loadPaths loads every article file, folder and URL in paths. A file that
// cannot be read or parsed is reported on errOut and skipped; the others
// still load.
func loadPaths(ctx context.Context, store *graph.Store, x *extract.Extractor, paths []string, out, errOut io.Writer) loadSummary {
	l := &loader{store: store, x: x, src: &source.Sources{}, workers: runtime.GOMAXPROCS(0), out: out, errOut: errOut}
	return l.run(ctx, paths)
}

// loader reads, parses and extracts inputs in parallel workers and writes
// each article through the store, one at a time, in its own transaction.
type loader struct {
	store   *graph.Store
	x       *extract.Extractor
	src     *source.Sources
	workers int
	out     io.Writer // one line per article stored or unchanged
	errOut  io.Writer // one line per failure
	// bar, when set, makes a progress bar over the files; success lines
	// are then left out and failures are printed above the bar.
	bar func(total int) *progressbar.ProgressBar
}

// parsed is what a worker made of one input: articles ready to write, an
// N-Quads dump to import, and failures.
type parsed struct {
	name     string
	articles []parsedArticle
	nquads   []byte // a dump fetched or sniffed
	dumpFile bool   // name is a local .nq file, imported as it is read
	errs     []error
}

// writeBatch is how many articles go to the store in one transaction at
// most: fewer commits, and a crash still never leaves half an article. A
// batch is written when full, or flushAfter after its first article came.
// Writing whatever was ready whenever the parsers lagged made batches of
// one or two: 3,000 generated articles into Bolt took 22.4 s and wrote
// 1.9 GB; full batches took 13.0 s and wrote 0.6 GB.
const (
	writeBatch = 64
	flushAfter = time.Second
)

type parsedArticle struct {
	path string
	af   graph.ArticleFacts
}

func (l *loader) run(ctx context.Context, paths []string) loadSummary {
	var sum loadSummary
	errOut := l.errOut
	inputs, errs := articleFiles(paths)
	var bar *progressbar.ProgressBar
	if l.bar != nil && len(inputs) > 1 {
		bar = l.bar(len(inputs))
		defer bar.Finish()
		errOut = barWriter{bar, l.errOut}
	}
	for _, err := range errs {
		fmt.Fprintf(errOut, "error: %v\n", err)
		sum.failed++
	}

	jobs := make(chan string)
	results := make(chan parsed)
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			select {
			case jobs <- in:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range max(l.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				results <- l.parse(ctx, in)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	interrupted := false
	// The one writer: articles go to the store in batches, one transaction
	// each, flushed when full or when the parsers have nothing ready.
	var batch []parsedArticle
	flush := func() {
		if len(batch) == 0 {
			return
		}
		afs := make([]graph.ArticleFacts, len(batch))
		for i, a := range batch {
			afs[i] = a.af
		}
		res, err := l.store.WriteArticles(ctx, afs)
		for i, a := range batch {
			var w graph.Written
			if err == nil {
				w = res[i]
			} else {
				w.Err = err
			}
			switch {
			case w.Err != nil && ctx.Err() != nil:
				interrupted = true
			case w.Err != nil:
				fmt.Fprintf(errOut, "error: %s: %v\n", a.path, w.Err)
				sum.failed++
			case w.Added == 0 && w.Removed == 0:
				l.line(bar, "unchanged %s\n", a.path)
				sum.unchanged++
			default:
				l.line(bar, "loaded %s: %d facts (+%d -%d quads)\n", a.path, len(a.af.Nodes), w.Added, w.Removed)
				sum.loaded++
			}
		}
		batch = batch[:0]
	}
	var due <-chan time.Time // set while a batch waits to fill up
	for {
		var p parsed
		var ok bool
		select {
		case p, ok = <-results:
		case <-due:
			flush()
			due = nil
			continue
		}
		if !ok {
			break
		}
		if ctx.Err() != nil {
			interrupted = true
			continue // drain; nothing more is written
		}
		for _, err := range p.errs {
			fmt.Fprintf(errOut, "error: %v\n", err)
			sum.failed++
		}
		if p.nquads != nil || p.dumpFile {
			n, err := l.importNQuads(ctx, p)
			switch {
			case err != nil:
				fmt.Fprintf(errOut, "error: %v\n", err)
				sum.failed++
			case n == 0:
				l.line(bar, "unchanged %s\n", p.name)
				sum.unchanged++
			default:
				l.line(bar, "imported %s: %d quads\n", p.name, n)
				sum.loaded++
			}
		}
		batch = append(batch, p.articles...)
		if len(batch) >= writeBatch {
			flush()
			due = nil
		} else if len(batch) > 0 && due == nil {
			due = time.After(flushAfter)
		}
		if bar != nil {
			bar.Add(1)
		}
	}
	if ctx.Err() == nil {
		flush()
	}
	if interrupted || ctx.Err() != nil {
		fmt.Fprintln(errOut, "interrupted: stopped; what was loaded is kept")
	}
	return sum
}

// parse reads one input and extracts its articles' facts.
func (l *loader) parse(ctx context.Context, name string) parsed {
	p := parsed{name: name}
	if err := ctx.Err(); err != nil {
		return p
	}
	if !source.IsURL(name) && source.FormatOfName(name) == source.FormatNQuads {
		p.dumpFile = true // read by the writer, so a dump of any size fits
		return p
	}
	format, data, err := l.src.Load(ctx, name)
	if err != nil {
		p.errs = append(p.errs, err)
		return p
	}
	if format == source.FormatNQuads {
		p.nquads = data
		return p
	}
	docs, errs := l.src.Parse(ctx, name, format, data)
	p.errs = errs
	for _, doc := range docs {
		p.articles = append(p.articles, parsedArticle{path: doc.Path, af: l.x.Facts(doc)})
	}
	return p
}

// importNQuads adds an N-Quads dump to the store.
func (l *loader) importNQuads(ctx context.Context, p parsed) (int, error) {
	if !p.dumpFile {
		return l.store.ImportNQuads(ctx, p.name, bytes.NewReader(p.nquads))
	}
	f, err := os.Open(p.name)
	if err != nil {
		return 0, err // *PathError names the file
	}
	defer f.Close()
	return l.store.ImportNQuads(ctx, p.name, f)
}

// line prints a success line, unless a progress bar stands for them.
func (l *loader) line(bar *progressbar.ProgressBar, format string, args ...any) {
	if bar == nil {
		fmt.Fprintf(l.out, format, args...)
	}
}

// barWriter clears the progress bar before a line, which the bar then redraws under.
type barWriter struct {
	bar *progressbar.ProgressBar
	w   io.Writer
}

func (b barWriter) Write(p []byte) (int, error) {
	b.bar.Clear()
	return b.w.Write(p)
}

// articleFiles expands folders (recursively) into the files they hold that
// opgraph reads (by extension; see source.FormatOfName), sorted; files
// named outright and URLs are kept whatever they are called.
func articleFiles(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		if source.IsURL(p) {
			files = append(files, p)
			continue
		}
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
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && isArticleFile(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil && !errors.Is(err, filepath.SkipDir) {
			errs = append(errs, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

// isArticleFile says which files a folder walk takes: those of a format
// opgraph reads, not hidden files nor gold annotations (.json).
func isArticleFile(path string) bool {
	return !strings.HasPrefix(filepath.Base(path), ".") && source.FormatOfName(path) != ""
}
