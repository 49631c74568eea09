package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/internal/corpusgen"
	"github.com/opgraph/opgraph/schema"
)

// benchConfig is what opgraph-bench measures, and how long it may take.
type benchConfig struct {
	opgraph     string // the opgraph binary
	articles    int
	seed        uint64
	dir         string        // work directory; a temporary one when empty
	postgres    string        // a server URL; PostgreSQL is skipped when empty
	cayley      string        // a `cayley` binary for the side-by-side load; skipped when empty
	seeds       string        // the seeds folder, for the start-up time
	runs        int           // in-process runs of each query
	httpFor     time.Duration // how long each HTTP load lasts
	concurrency int           // HTTP workers
	keep        bool          // keep the work directory
	store       string        // an existing Bolt store: only the queries are measured, on it
	memstore    bool          // load into memstore too (it holds the whole graph in memory)
}

func runBenchTo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opgraph-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c benchConfig
	fs.StringVar(&c.opgraph, "opgraph", "", "the opgraph binary the loads and servers run (default: opgraph beside this binary, else on $PATH)")
	fs.IntVar(&c.articles, "articles", 1000, "corpus size in articles (1000, 10000, 100000)")
	fs.Uint64Var(&c.seed, "seed", 1, "corpus seed")
	fs.StringVar(&c.dir, "dir", "", "work directory (default: a temporary one, removed afterwards)")
	fs.StringVar(&c.postgres, "postgres", "", "PostgreSQL server URL; the load into PostgreSQL is skipped without one (default $OPGRAPH_TEST_POSTGRES, never shown: it may hold a password)")
	fs.StringVar(&c.cayley, "cayley", "", "path of a `cayley` binary: its `cayley load` into Bolt runs beside `opgraph load` on the same N-Quads")
	fs.StringVar(&c.seeds, "seeds", "seeds", "the seeds folder, for the start-up time (skipped if missing)")
	fs.IntVar(&c.runs, "runs", 200, "in-process runs of each query")
	fs.DurationVar(&c.httpFor, "http", 5*time.Second, "duration of each HTTP load (0: skip HTTP)")
	fs.IntVar(&c.concurrency, "concurrency", 8, "concurrent HTTP requests")
	fs.BoolVar(&c.keep, "keep", false, "keep the work directory")
	fs.BoolVar(&c.memstore, "memstore", true, "load into memstore too (about 170 MB per 1,000 articles of the generated corpus)")
	fs.StringVar(&c.store, "store", "", "measure only the queries, on this existing Bolt store (one a --keep run left)")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if c.postgres == "" {
		c.postgres = os.Getenv("OPGRAPH_TEST_POSTGRES")
	}
	if c.articles < 1 || c.runs < 1 || c.concurrency < 1 {
		fmt.Fprintln(stderr, "usage: "+synopsis)
		return 2
	}
	if err := bench(ctx, c, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "opgraph-bench: %v\n", err)
		return 1
	}
	return 0
}

// benchRow is one line of the table.
type benchRow struct{ stage, what, figure, note string }

type benchRun struct {
	c      benchConfig
	bin    string // the opgraph binary, run as child processes so each stage's peak RSS is its own
	rows   []benchRow
	stderr io.Writer
}

func (b *benchRun) add(stage, what, figure, note string) {
	b.rows = append(b.rows, benchRow{stage, what, figure, note})
	fmt.Fprintf(b.stderr, "  %s / %s: %s %s\n", stage, what, figure, note)
}

func bench(ctx context.Context, c benchConfig, stdout, stderr io.Writer) error {
	bin, err := opgraphBinary(c.opgraph)
	if err != nil {
		return err
	}
	if c.dir == "" {
		if c.dir, err = os.MkdirTemp("", "opgraph-bench-"); err != nil {
			return err
		}
		if !c.keep {
			defer os.RemoveAll(c.dir)
		}
	}
	b := &benchRun{c: c, bin: bin, stderr: stderr}
	if c.store != "" {
		if err := b.queries(ctx, c.store); err != nil {
			return err
		}
		if c.httpFor > 0 {
			if err := b.serveHTTP(ctx, c.store); err != nil {
				return err
			}
			if err := b.restart(ctx, c.store); err != nil {
				return err
			}
		}
		printTable(stdout, c, b.rows)
		return nil
	}
	fmt.Fprintf(stderr, "generating %d articles in %s\n", c.articles, c.dir)
	sum, err := corpusgen.Generate(corpusgen.Config{Articles: c.articles, Seed: c.seed, Out: c.dir})
	if err != nil {
		return err
	}
	corpus := filepath.Join(c.dir, "articles")
	b.add("corpus", "articles / facts / MB", fmt.Sprintf("%d / %d / %.1f", sum.Articles, sum.Facts, float64(sum.Bytes)/1e6), "")

	// Load: extraction and writes, one child process per backend.
	boltDir := filepath.Join(c.dir, "bolt")
	backends := []struct{ name, db string }{{"bbolt", boltDir}}
	if c.memstore {
		backends = append([]struct{ name, db string }{{"memstore", ""}}, backends...)
	}
	if c.postgres != "" {
		url, drop, err := benchSchema(ctx, c.postgres)
		if err != nil {
			return err
		}
		defer drop()
		backends = append(backends, struct{ name, db string }{"postgres", url})
	}
	for _, be := range backends {
		r, err := b.child(ctx, "load", "--backend", be.name, "--db", be.db, corpus)
		if err != nil {
			return fmt.Errorf("load into %s: %w", be.name, err)
		}
		added := sumAdded(r.stdout)
		b.add("load", be.name, fmt.Sprintf("%.0f articles/s, %.0f quads/s", float64(c.articles)/r.elapsed.Seconds(), float64(added)/r.elapsed.Seconds()),
			fmt.Sprintf("%d quads in %.1f s, peak RSS %d MB", added, r.elapsed.Seconds(), r.maxRSS>>20))
	}

	// The same quads through `opgraph load x.nq` and `cayley load`, into Bolt.
	nq := filepath.Join(c.dir, "graph.nq")
	if _, err := b.child(ctx, "export", "--backend", "bbolt", "--db", boltDir, "--format", "nquads", "--out", nq); err != nil {
		return err
	}
	ours, err := b.child(ctx, "load", "--backend", "bbolt", "--db", filepath.Join(c.dir, "nq-opgraph"), "--max-mb", "100000", nq)
	if err != nil {
		return fmt.Errorf("opgraph load %s: %w", nq, err)
	}
	quads := countLines(nq)
	b.add("N-Quads load", "opgraph load x.nq (Bolt)", fmt.Sprintf("%.0f quads/s", float64(quads)/ours.elapsed.Seconds()),
		fmt.Sprintf("%d quads in %.2f s, peak RSS %d MB", quads, ours.elapsed.Seconds(), ours.maxRSS>>20))
	if c.cayley != "" {
		theirs, err := runTimed(ctx, c.cayley, "load", "--init", "-d", "bolt", "-a", filepath.Join(c.dir, "nq-cayley"), "-i", nq)
		if err != nil {
			return fmt.Errorf("cayley load: %w", err)
		}
		b.add("N-Quads load", "cayley load (Bolt, batches of 10k)", fmt.Sprintf("%.0f quads/s", float64(quads)/theirs.elapsed.Seconds()),
			fmt.Sprintf("%.2f s, peak RSS %d MB", theirs.elapsed.Seconds(), theirs.maxRSS>>20))
		b.add("N-Quads load", "ratio opgraph/cayley time (target <= 1.0)", fmt.Sprintf("%.2f", ours.elapsed.Seconds()/theirs.elapsed.Seconds()), "")
	}

	// Queries in process, through the real handler, on the Bolt store.
	if err := b.queries(ctx, boltDir); err != nil {
		return err
	}
	// Over HTTP, against `opgraph serve` in a child process.
	if c.httpFor > 0 {
		if err := b.serveHTTP(ctx, boltDir); err != nil {
			return err
		}
		if err := b.restart(ctx, boltDir); err != nil {
			return err
		}
	}
	if _, err := os.Stat(c.seeds); err == nil {
		if err := b.startup(ctx); err != nil {
			return err
		}
	}
	printTable(stdout, c, b.rows)
	return nil
}

// dashboard are the dashboard's queries (docs/api.md), by name; $OP
// stands for an operation's ID, $AGENCY for one of its agencies, $WORD for a
// search word.
var dashboard = []struct{ name, query string }{
	{"page of 50 operations", `{ operations(first: 50) { totalCount edges { node { id name agencies { name } arrests { count } seizures { commodity } } } } }`},
	{"aggregate by agency", `{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { key label value count } }`},
	{"aggregate by month", `{ aggregate(measure: ARREST_COUNT, groupBy: MONTH) { key value count } }`},
	{"2-hop neighbourhood", `{ neighborhood(id: "$OP", depth: 2) { truncated nodes { id type label } edges { source target predicate } } }`},
	{"search", `{ search(text: "$WORD", first: 10) { score node { id } } }`},
	{"node lookup", `{ node(id: "$OP") { id ... on Operation { name } } }`},
	{"aggregate by month, one country", `{ aggregate(measure: SEIZURE_COUNT, groupBy: MONTH, filter: {country: "GB"}) { key value count } }`},
	{"operations of one agency", `{ operations(first: 50, filter: {agency: "$AGENCY"}) { totalCount edges { node { id name } } } }`},
}

// firstBuilds names what the first of a query builds from the whole store.
var firstBuilds = map[string]string{"aggregate by agency": "aggregate table built", "search": "search index built"}

// indexWait bounds the wait for the search index or the aggregate table to be built.
const indexWait = 15 * time.Minute

// queryArgs picks an operation with agencies, one of its agencies, and a
// word of its name, for the queries.
func queryArgs(ctx context.Context, s *graph.Store) (op, agency graph.ID, word string, err error) {
	ops, err := s.List(ctx, graph.KindOperation)
	if err != nil || len(ops) == 0 {
		return "", "", "", fmt.Errorf("no operations: %w", err)
	}
	rels, err := s.Referrers(ctx, graph.PredFrom, ops...)
	if err != nil {
		return "", "", "", err
	}
	op = ops[0]
	for _, id := range ops {
		if len(rels[id]) > len(rels[op]) {
			op = id
		}
	}
	ents, err := s.Get(ctx, append([]graph.ID{op}, rels[op]...)...)
	if err != nil {
		return "", "", "", err
	}
	for _, r := range rels[op] {
		if e := ents[r]; e != nil && e.String(graph.PredRel) == graph.RelOperationAgency {
			agency = e.Link(graph.PredTo)
		}
	}
	word = "operation"
	if f := strings.Fields(ents[op].String(graph.PredName)); len(f) > 0 {
		word = f[0]
	}
	return op, agency, word, nil
}

func (b *benchRun) queries(ctx context.Context, boltDir string) error {
	store, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: boltDir})
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	facts := 0
	for _, k := range graph.FactKinds {
		facts += st.Nodes[k]
	}
	b.add("graph", "facts / evidences / quads", fmt.Sprintf("%d / %d / %d", facts, st.Nodes[graph.KindEvidence], st.Quads),
		"a fact stated by several articles is one fact with an evidence from each")
	op, agency, word, err := queryArgs(ctx, store)
	if err != nil {
		return err
	}
	srv, err := schema.NewServer(schema.ServerConfig{Config: schema.Config{Reader: store}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	var pageGQL time.Duration
	for _, q := range dashboard {
		body, _ := json.Marshal(map[string]string{"query": strings.NewReplacer("$OP", string(op), "$AGENCY", string(agency), "$WORD", word).Replace(q.query)})
		ask := func() error {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body)))
			if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
				return fmt.Errorf("%s: HTTP %d: %.300s", q.name, rec.Code, rec.Body.String())
			}
			return nil
		}
		first := time.Now()
		err := ask()
		if built := firstBuilds[q.name]; built != "" { // the first one builds what it reads: wait for it
			for err != nil && time.Since(first) < indexWait && ctx.Err() == nil {
				err = ask()
			}
			if err == nil {
				b.add("query in-process", built, ms(time.Since(first)), "first "+q.name+", from nothing to an answer")
			}
		}
		if err != nil {
			b.add("query in-process", q.name, "failed", strings.ReplaceAll(err.Error(), "|", "/"))
			continue
		}
		lat, err := timeRuns(b.c.runs, ask)
		if err != nil {
			return err
		}
		b.add("query in-process", q.name, fmt.Sprintf("p50 %s, p99 %s", ms(pct(lat, 50)), ms(pct(lat, 99))), fmt.Sprintf("%d runs", len(lat)))
		if q.name == dashboard[0].name {
			pageGQL = pct(lat, 50)
		}
	}
	// The same page through Cayley's path API, beside the GraphQL one.
	lat, err := timeRuns(b.c.runs, func() error {
		rows, err := store.PathOperationsPage(ctx, 50)
		if err == nil && len(rows) == 0 {
			err = errors.New("path page: no operations")
		}
		return err
	})
	if err != nil {
		return err
	}
	b.add("query in-process", "page of 50 operations, Cayley path API", fmt.Sprintf("p50 %s, p99 %s", ms(pct(lat, 50)), ms(pct(lat, 99))), fmt.Sprintf("%d runs", len(lat)))
	b.add("query in-process", "ratio GraphQL/path p50 (target <= 1.3)", fmt.Sprintf("%.2f", pageGQL.Seconds()/pct(lat, 50).Seconds()), "")
	return nil
}

func (b *benchRun) serveHTTP(ctx context.Context, boltDir string) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	started := time.Now()
	srv, err := b.startServe(ctx, "--backend", "bbolt", "--db", boltDir, "--addr", addr, "--seeds", "")
	if err != nil {
		return err
	}
	defer srv.stop()
	url := "http://" + addr + "/graphql"
	if _, err := waitAnswer(ctx, url, 30*time.Second); err != nil {
		return err
	}
	var args struct{ op, word string } // as in process, asked of the server
	{
		var out struct {
			Data struct {
				Operations struct {
					Edges []struct{ Node struct{ ID, Name string } }
				}
			}
		}
		if err := postJSON(url, `{ operations(first: 1) { edges { node { id name } } } }`, &out); err != nil || len(out.Data.Operations.Edges) == 0 {
			return fmt.Errorf("first operation: %w", err)
		}
		args.op = out.Data.Operations.Edges[0].Node.ID
		args.word = "operation"
		if f := strings.Fields(out.Data.Operations.Edges[0].Node.Name); len(f) > 0 {
			args.word = f[0]
		}
	}
	// serve builds the search index and the aggregate table as it starts;
	// the loads begin once both are there.
	ready := func(what, query string) error {
		for {
			var out struct {
				Data   map[string]any
				Errors []any
			}
			err := postJSON(url, query, &out)
			if err == nil && len(out.Errors) == 0 {
				b.add("serve", what, ms(time.Since(started)), "from the start of serve")
				return nil
			}
			if time.Since(started) > indexWait || ctx.Err() != nil {
				return fmt.Errorf("%s over HTTP: %v %v", what, err, out.Errors)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	if err := ready("search index ready", strings.NewReplacer("$WORD", args.word).Replace(dashboard[4].query)); err != nil {
		return err
	}
	if err := ready("aggregate table ready", dashboard[1].query); err != nil {
		return err
	}
	for _, q := range []struct{ name, query string }{dashboard[5], dashboard[0], dashboard[4]} {
		body, _ := json.Marshal(map[string]string{"query": strings.NewReplacer("$OP", args.op, "$WORD", args.word).Replace(q.query)})
		tr := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodPost, URL: url, Body: body,
			Header: http.Header{"Content-Type": {"application/json"}}})
		n := uint64(b.c.concurrency)
		atk := vegeta.NewAttacker(vegeta.Workers(n), vegeta.MaxWorkers(n), vegeta.KeepAlive(true), vegeta.Timeout(10*time.Second))
		var m vegeta.Metrics
		for res := range atk.Attack(tr, vegeta.Rate{Freq: 0}, b.c.httpFor, q.name) {
			m.Add(res)
			if ctx.Err() != nil {
				atk.Stop()
			}
		}
		m.Close()
		b.add("query HTTP", q.name, fmt.Sprintf("%.0f req/s, p99 %s", m.Throughput, ms(m.Latencies.P99)),
			fmt.Sprintf("%d requests, %d workers, %.1f%% ok", m.Requests, n, m.Success*100))
	}
	m := procMem(srv.cmd.Process.Pid)
	b.add("serve", "RSS after the HTTP loads (target <= 300 MB)", fmt.Sprintf("%d MB (peak %d MB)", m.rss>>20, m.hwm>>20),
		fmt.Sprintf("anonymous %d MB, file-backed %d MB (Bolt's mmapped file)", m.anon>>20, m.file>>20))
	return nil
}

// restart times `opgraph serve` started again on the store the last one
// served: it reads the search index and the aggregate table the last one
// saved beside the store, where a first start builds them.
func (b *benchRun) restart(ctx context.Context, boltDir string) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	started := time.Now()
	srv, err := b.startServe(ctx, "--backend", "bbolt", "--db", boltDir, "--addr", addr, "--seeds", "")
	if err != nil {
		return err
	}
	defer srv.stop()
	url := "http://" + addr + "/graphql"
	for _, q := range []struct{ what, query string }{
		{"search index ready", strings.NewReplacer("$WORD", "operation").Replace(dashboard[4].query)},
		{"aggregate table ready", dashboard[1].query},
	} {
		for {
			var out struct {
				Data   map[string]any
				Errors []any
			}
			err := postJSON(url, q.query, &out)
			if err == nil && len(out.Errors) == 0 {
				b.add("restart", q.what+" (target <= 5 s)", ms(time.Since(started)), "from the start of serve, the last serve's snapshots beside the store")
				break
			}
			if time.Since(started) > indexWait || ctx.Err() != nil {
				return fmt.Errorf("%s after a restart: %v %v", q.what, err, out.Errors)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	m := procMem(srv.cmd.Process.Pid)
	b.add("restart", "RSS once both are ready (target <= 300 MB)", fmt.Sprintf("%d MB (peak %d MB)", m.rss>>20, m.hwm>>20),
		fmt.Sprintf("anonymous %d MB, file-backed %d MB", m.anon>>20, m.file>>20))
	return nil
}

// startup times `opgraph serve` on an empty Bolt store, seeds loaded, to its first answered query.
func (b *benchRun) startup(ctx context.Context) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	start := time.Now()
	srv, err := b.startServe(ctx, "--backend", "bbolt", "--db", filepath.Join(b.c.dir, "startup"), "--addr", addr, "--seeds", b.c.seeds)
	if err != nil {
		return err
	}
	defer srv.stop()
	if _, err := waitAnswer(ctx, "http://"+addr+"/graphql", 60*time.Second); err != nil {
		return err
	}
	b.add("start-up", "serve to first answered query, seeds loaded (target <= 1 s)", ms(time.Since(start)), "built binary, not `go run`")
	return nil
}

type child struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func (b *benchRun) startServe(ctx context.Context, args ...string) (*child, error) {
	cmd := exec.CommandContext(ctx, b.bin, append([]string{"serve"}, args...)...)
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(c.done) }()
	return c, nil
}

// stop ends the server with SIGTERM, then SIGKILL if it lingers.
func (c *child) stop() {
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		c.cmd.Process.Kill()
		<-c.done
	}
}

// waitAnswer polls url with a query until it is answered.
func waitAnswer(ctx context.Context, url string, limit time.Duration) (time.Duration, error) {
	start := time.Now()
	for time.Since(start) < limit {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		var out struct{ Data map[string]any }
		if err := postJSON(url, `{ operations(first: 1) { totalCount } }`, &out); err == nil && out.Data != nil {
			return time.Since(start), nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, fmt.Errorf("no answer from %s within %s", url, limit)
}

func postJSON(url, query string, out any) error {
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// memUse is a process's resident memory, in bytes: peak, current, and the
// current split into anonymous pages (the heap) and file-backed ones.
type memUse struct{ hwm, rss, anon, file int64 }

// procMem reads a process's resident set sizes from /proc.
func procMem(pid int) (m memUse) {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmHWM:":
			m.hwm = kb << 10
		case "VmRSS:":
			m.rss = kb << 10
		case "RssAnon:":
			m.anon = kb << 10
		case "RssFile:":
			m.file = kb << 10
		}
	}
	return m
}

type timed struct {
	elapsed time.Duration
	maxRSS  int64 // bytes
	stdout  []byte
}

func (b *benchRun) child(ctx context.Context, args ...string) (timed, error) {
	return runTimed(ctx, b.bin, args...)
}

// runTimed runs a command to its end, timing it and reading its peak RSS.
func runTimed(ctx context.Context, name string, args ...string) (timed, error) {
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	t := timed{elapsed: time.Since(start), stdout: out.Bytes()}
	t.maxRSS = peakRSS(cmd.ProcessState)
	if err != nil {
		tail := errOut.String()
		if len(tail) > 500 {
			tail = tail[len(tail)-500:]
		}
		return t, fmt.Errorf("%s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, tail)
	}
	return t, nil
}

var addedRE = regexp.MustCompile(`\(\+(\d+) -\d+ quads\)`)

// sumAdded adds up the quads `opgraph load` reports per article.
func sumAdded(out []byte) int {
	n := 0
	for _, m := range addedRE.FindAllSubmatch(out, -1) {
		k, _ := strconv.Atoi(string(m[1]))
		n += k
	}
	return n
}

func countLines(path string) int {
	data, _ := os.ReadFile(path)
	return bytes.Count(data, []byte("\n"))
}

// benchSchema makes an empty schema on the server for the load, and a function dropping it.
func benchSchema(ctx context.Context, base string) (string, func(), error) {
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return "", nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("opgbench_%d", os.Getpid())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		return "", nil, err
	}
	drop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if conn, err := pgx.Connect(ctx, base); err == nil {
			conn.Exec(ctx, "DROP SCHEMA "+name+" CASCADE")
			conn.Close(ctx)
		}
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + name, drop, nil
}

func timeRuns(n int, fn func() error) ([]time.Duration, error) {
	lat := make([]time.Duration, 0, n)
	for range n {
		start := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat, nil
}

// pct is the p-th percentile of sorted latencies.
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

func printTable(w io.Writer, c benchConfig, rows []benchRow) {
	what := fmt.Sprintf("--articles %d --seed %d", c.articles, c.seed)
	if c.store != "" {
		what = "--store " + c.store
	}
	fmt.Fprintf(w, "\nopgraph-bench %s (%s, %d CPUs, %s)\n\n", what, time.Now().Format("2006-01-02"), runtime.NumCPU(), runtime.Version())
	fmt.Fprintln(w, "| stage | what | figure | notes |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", r.stage, r.what, r.figure, r.note)
	}
}

// opgraphBinary is the opgraph binary to run: path, else opgraph beside
// this executable, else on $PATH.
func opgraphBinary(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	if self, err := os.Executable(); err == nil {
		beside := filepath.Join(filepath.Dir(self), "opgraph")
		if _, err := os.Stat(beside); err == nil {
			return beside, nil
		}
	}
	if found, err := exec.LookPath("opgraph"); err == nil {
		return found, nil
	}
	return "", errors.New("no opgraph binary beside opgraph-bench or on $PATH: build one (go build -o DIR/opgraph ./cmd/opgraph) or give --opgraph PATH")
}
