package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
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

// Writer is what a load writes to (a *graph.Store): batches of articles,
// each batch in one transaction, and N-Quads dumps.
type Writer interface {
	// WriteArticles writes the batch in one transaction and says, per
	// article, what it added and removed; an error fails the whole batch.
	WriteArticles(ctx context.Context, batch []graph.ArticleFacts) ([]graph.Written, error)
	// ImportNQuads adds a dump read from r, named name in messages, once
	// the whole of it is checked, and returns the quads it added (0 when
	// all were there).
	ImportNQuads(ctx context.Context, name string, r io.ReadSeeker, opts graph.ImportOptions) (int, error)
}

// ErrPanic: reading or extracting an input panicked; the input fails and
// the load goes on.
var ErrPanic = errors.New("internal error")

// Summary counts what a load did, by article (a feed or a JSON Lines
// file holds several) and by file that failed as a whole.
// NoFacts counts articles read well in which the extractor found nothing:
// nothing is stored for them, which is not "unchanged".
type Summary struct{ Loaded, Unchanged, NoFacts, Failed int }

func (s Summary) String() string {
	if s.NoFacts > 0 {
		return fmt.Sprintf("loaded %d, unchanged %d, no facts %d, failed %d", s.Loaded, s.Unchanged, s.NoFacts, s.Failed)
	}
	return fmt.Sprintf("loaded %d, unchanged %d, failed %d", s.Loaded, s.Unchanged, s.Failed)
}

// Add adds o's counts to s.
func (s *Summary) Add(o Summary) {
	s.Loaded += o.Loaded
	s.Unchanged += o.Unchanged
	s.NoFacts += o.NoFacts
	s.Failed += o.Failed
}

// Paths loads every article file, folder and URL in paths into w. A file
// that cannot be read or parsed is reported on errOut and skipped; the
// others still load.
func Paths(ctx context.Context, w Writer, x *extract.Extractor, paths []string, out, errOut io.Writer) Summary {
	return pathsFrom(ctx, w, x, &source.Sources{}, paths, out, errOut)
}

// pathsFrom is Paths reading through src (its fetch policy and limits).
func pathsFrom(ctx context.Context, w Writer, x *extract.Extractor, src *source.Sources, paths []string, out, errOut io.Writer) Summary {
	l := &Loader{Store: w, Extractor: x, Sources: src, Workers: runtime.GOMAXPROCS(0), Out: out, ErrOut: errOut}
	return l.Run(ctx, paths)
}

// Loader reads, parses and extracts inputs in parallel workers and writes
// their articles to the store in batches, one transaction each.
type Loader struct {
	Store     Writer
	Extractor *extract.Extractor
	Sources   *source.Sources
	Workers   int // inputs read and extracted in parallel (at least 1)
	// Curators whose changes an N-Quads dump may carry (see
	// graph.ImportOptions): by default a dump with changes is refused.
	Curators []string
	// StoredQuads is how many quads the store held as the load began
	// (graph.Store.QuadCount): with the quads the load adds, it sets how
	// many articles go in one transaction (batchSize).
	StoredQuads int64
	Out         io.Writer // one line per article stored or unchanged
	ErrOut      io.Writer // one line per failure
	// Bar, when set, makes a progress bar over the files; success lines
	// are then left out and failures are printed above the bar.
	Bar func(total int) *progressbar.ProgressBar
}

// TerminalBar returns a Loader.Bar drawing on w where w is a terminal, or nil.
func TerminalBar(w io.Writer) func(total int) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return func(total int) *progressbar.ProgressBar {
		return progressbar.NewOptions(total, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(), progressbar.OptionSetElapsedTime(true), progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond))
	}
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

// A batch of articles goes to the store in one transaction: fewer
// commits, and a crash still never leaves half an article. A batch is
// written when full (batchSize), or flushAfter after its first article
// came. Writing whatever was ready whenever the parsers lagged made
// batches of one or two, and a load far slower, with three times the
// bytes written.
const flushAfter = time.Second

// batchSize is how many articles go in one transaction at most into a
// store holding quads quads. On Bolt, a large store's writes dirty pages
// all over the file (Cayley's keys are hashes), and a larger batch shares
// more of them: 1,024 articles a batch wrote 20% faster than 64 into the
// 100k store. A small store's batch creates Cayley's value buckets (65,536
// of each of two kinds, created as the first values fall in them), each
// created bucket moving the rest of the transaction's in memory: there
// 256 beat both 64 and 1,024, and from 10k articles (1.5M quads) the size
// made no difference. PostgreSQL's time is the server's, the same at 64,
// 256 and 1,024. Figures in docs/benchmarks.md.
func batchSize(quads int64) int {
	if quads < bigStore {
		return 256
	}
	return 1024
}

// bigStore is the store size, in quads, from which batches are large:
// about 25k generated articles.
const bigStore = 4_000_000

type parsedArticle struct {
	path string
	af   graph.ArticleFacts
}

// Run loads every article file, folder and URL in paths, as Paths does.
func (l *Loader) Run(ctx context.Context, paths []string) Summary {
	var sum Summary
	errOut := l.ErrOut
	inputs, errs := articleFiles(paths)
	var bar *progressbar.ProgressBar
	if l.Bar != nil && len(inputs) > 1 {
		bar = l.Bar(len(inputs))
		defer bar.Finish()
		errOut = barWriter{bar, l.ErrOut}
	}
	for _, err := range errs {
		fmt.Fprintf(errOut, "error: %v\n", err)
		sum.Failed++
	}

	// work stops the readers early when the store is out of disk space:
	// every article after would fail the same way.
	work, stopWork := context.WithCancel(ctx)
	defer stopWork()
	jobs := make(chan string)
	results := make(chan parsed)
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			select {
			case jobs <- in:
			case <-work.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range max(l.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				results <- l.parse(work, in)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	interrupted := false
	// full is set at the first write the store refuses for want of disk
	// (graph.ErrNoSpace): said once, and nothing more is read or written.
	full := false
	diskFull := func(name string, n int, err error) {
		full = true
		stopWork()
		fmt.Fprintf(errOut, "error: %s: the store is out of disk space: the load stopped here; what was stored before is kept; free some space and load again (%v)\n", name, err)
		sum.Failed += n
	}
	// The one writer: articles go to the store in batches, one transaction
	// each, flushed when full or when the parsers have nothing ready.
	var batch []parsedArticle
	quads := l.StoredQuads // as the store holds them, give or take a failed write
	flush := func() {
		if len(batch) == 0 {
			return
		}
		afs := make([]graph.ArticleFacts, len(batch))
		for i, a := range batch {
			afs[i] = a.af
		}
		res, err := l.Store.WriteArticles(ctx, afs)
		if errors.Is(err, graph.ErrNoSpace) {
			diskFull(batch[0].path, len(batch), err)
			batch = batch[:0]
			return
		}
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
				sum.Failed++
			case w.Added == 0 && w.Removed == 0 && len(a.af.Nodes) == 0:
				l.line(bar, "no facts found in %s: nothing stored\n", a.path)
				sum.NoFacts++
			case w.Added == 0 && w.Removed == 0:
				l.line(bar, "unchanged %s\n", a.path)
				sum.Unchanged++
			default:
				l.line(bar, "loaded %s: %d facts (+%d -%d quads)\n", a.path, len(a.af.Nodes), w.Added, w.Removed)
				sum.Loaded++
				quads += int64(w.Added - w.Removed)
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
		if full {
			continue // drain
		}
		for _, err := range p.errs {
			fmt.Fprintf(errOut, "error: %v\n", err)
			sum.Failed++
		}
		if p.nquads != nil || p.dumpFile {
			n, err := l.importNQuads(ctx, p)
			switch {
			case errors.Is(err, graph.ErrNoSpace):
				diskFull(p.name, 1, err)
			case err != nil:
				fmt.Fprintf(errOut, "error: %v\n", err)
				sum.Failed++
			case n == 0:
				l.line(bar, "unchanged %s\n", p.name)
				sum.Unchanged++
			default:
				l.line(bar, "imported %s: %d quads\n", p.name, n)
				sum.Loaded++
			}
		}
		if full {
			continue
		}
		batch = append(batch, p.articles...)
		if len(batch) >= batchSize(quads) {
			flush()
			due = nil
		} else if len(batch) > 0 && due == nil {
			due = time.After(flushAfter)
		}
		if bar != nil {
			bar.Add(1)
		}
	}
	if ctx.Err() == nil && !full {
		flush()
	}
	if interrupted || ctx.Err() != nil {
		fmt.Fprintln(errOut, "interrupted: stopped; what was loaded is kept")
	}
	return sum
}

// parse reads one input and extracts its articles' facts. A panic of a
// parser (ours or a library's) fails this input, named, not the process.
func (l *Loader) parse(ctx context.Context, name string) (p parsed) {
	p.name = name
	defer func() {
		if r := recover(); r != nil {
			p = parsed{name: name, errs: []error{fmt.Errorf("%s: %w: reading it panicked: %v", name, ErrPanic, r)}}
		}
	}()
	if err := ctx.Err(); err != nil {
		return p
	}
	if !source.IsURL(name) && source.FormatOfName(name) == source.FormatNQuads {
		p.dumpFile = true // read by the writer, so a dump of any size fits
		return p
	}
	format, data, err := l.Sources.Load(ctx, name)
	if err != nil {
		p.errs = append(p.errs, err)
		return p
	}
	if format == source.FormatNQuads {
		p.nquads = data
		return p
	}
	docs, errs := l.Sources.Parse(ctx, name, format, data)
	p.errs = errs
	for _, doc := range docs {
		p.articles = append(p.articles, parsedArticle{path: doc.Path, af: l.Extractor.Facts(doc)})
	}
	return p
}

// importNQuads adds an N-Quads dump to the store, once the whole of it
// parses: the store's import parses in a goroutine where a panic of the
// parser would end the process.
func (l *Loader) importNQuads(ctx context.Context, p parsed) (int, error) {
	var r io.ReadSeeker = bytes.NewReader(p.nquads)
	if p.dumpFile {
		f, err := os.Open(p.name)
		if err != nil {
			return 0, err // *PathError names the file
		}
		defer f.Close()
		r = f
	}
	if err := graph.CheckNQuads(ctx, p.name, r); err != nil {
		return 0, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("%s: %w", p.name, err)
	}
	n, err := l.Store.ImportNQuads(ctx, p.name, r, graph.ImportOptions{Curators: l.Curators})
	if errors.Is(err, graph.ErrUntrusted) {
		err = fmt.Errorf("%w (opgraph load --trust-curators NAME,... takes the changes of the curators named, '*' anyone's)", err)
	}
	return n, err
}

// line prints a success line, unless a progress bar stands for them.
func (l *Loader) line(bar *progressbar.ProgressBar, format string, args ...any) {
	if bar == nil {
		fmt.Fprintf(l.Out, format, args...)
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
			if !d.IsDir() && isArticleFile(path) && (d.Type()&fs.ModeSymlink == 0 || within(p, path)) {
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

// within says whether path, its symlinks followed, lies inside root: a
// folder walk and a watch skip links to files elsewhere (a link in a shared
// drop folder must not read /etc or another user's files into the graph).
func within(root, path string) bool {
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// isArticleFile says which files a folder walk takes: those of a format
// opgraph reads, not hidden files nor gold annotations (.json).
func isArticleFile(path string) bool {
	return !strings.HasPrefix(filepath.Base(path), ".") && source.FormatOfName(path) != ""
}
