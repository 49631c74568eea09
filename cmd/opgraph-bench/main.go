// Command opgraph-bench is opgraph's benchmark suite: it generates a corpus,
// loads it into each backend with the opgraph binary (child processes, so
// each load's peak RSS is its own), and times the dashboard's queries in
// process and over HTTP. It is a binary of its own so that the product
// binary carries none of its load generator. See docs/benchmarks.md.
//
//	go build -o bin/opgraph ./cmd/opgraph && go build -o bin/opgraph-bench ./cmd/opgraph-bench
//	bin/opgraph-bench --articles 1000
//	bin/opgraph-bench gen --articles 3000 --seed 1 --out DIR   # the corpus alone
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	// Cayley backends the in-process queries open.
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(os.Args) > 1 && os.Args[1] == "gen" {
		os.Exit(runGen(os.Args[2:], os.Stdout, os.Stderr))
	}
	os.Exit(runBenchTo(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

const synopsis = "opgraph-bench [--opgraph PATH] [--articles N] [--postgres URL] [--cayley PATH] [--runs N] [--http 5s] [--store DIR]"

// parseFlags parses the flags: -h prints the help on stdout and exits 0;
// a bad flag is one line on stderr and exit status 2.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(io.Discard) // flag's own messages would print defaults to stderr
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stdout, "usage: %s\n\nGenerate a corpus, load it into each backend, time the dashboard's queries.\n\nflags:\n", synopsis)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fmt.Fprintln(stdout, "\nenvironment:\n  OPGRAPH_TEST_POSTGRES  default of --postgres (never printed)")
		return 0, false
	default:
		fmt.Fprintf(stderr, "opgraph-bench: %v\nRun `opgraph-bench -h` for its usage.\n", err)
		return 2, false
	}
}
