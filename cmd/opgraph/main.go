// Command opgraph builds and serves a knowledge graph of law-enforcement
// operations from news articles. Run `opgraph help` for its subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"

	// Cayley backends, chosen by name with --backend.
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(profiled(func() int { return run(ctx, os.Args[1:]) }))
}

// profiled runs fn with a CPU profile written to $OPGRAPH_CPUPROFILE and a
// profile of the live heap at the end to $OPGRAPH_MEMPROFILE, when set: how
// the figures in docs/benchmarks.md were explained.
func profiled(fn func() int) int {
	if path := os.Getenv("OPGRAPH_MEMPROFILE"); path != "" {
		defer func() {
			f, err := os.Create(path)
			if err == nil {
				runtime.GC() // the live heap, not what awaits collection
				err = pprof.WriteHeapProfile(f)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "opgraph: OPGRAPH_MEMPROFILE: %v\n", err)
			}
		}()
	}
	path := os.Getenv("OPGRAPH_CPUPROFILE")
	if path == "" {
		return fn()
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "opgraph: OPGRAPH_CPUPROFILE: %v\n", err)
		return 1
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "opgraph: OPGRAPH_CPUPROFILE: %v\n", err)
		return 1
	}
	defer pprof.StopCPUProfile()
	return fn()
}

type command struct {
	name, usage string // usage: what it does, one line
	synopsis    string // its arguments, for `opgraph COMMAND -h`
	run         func(ctx context.Context, args []string) int
}

func commands() []command {
	return []command{
		{"serve", "serve the GraphQL API (loads seeds/ into an empty store first)", "serve [--addr :8080] [--backend bbolt] [--db ./data] [--watch DIR] [--token NAME:TOKEN]... [flags]", runServe},
		{"load", "load article files or folders into the store", "load [--backend bbolt] [--db ./data] [--watch DIR] [--format F] [flags] PATH|URL...", runLoad},
		{"export", "write the graph as N-Quads, JSON-LD, CSV or FollowTheMoney entities", "export [--backend bbolt] [--db ./data] [--format nquads|jsonld|csv|ftm] [--out FILE|DIR] [--raw]", runExport},
		{"extract", "print the facts of one article as JSON, touching no store", "extract [--format json] [--explain] FILE|URL", runExtract},
		{"health", "check a running server's /healthz (for container health checks)", "health [flags]", runHealth},
		{"migrate", "copy the graph of one store into another, empty one", "migrate --from BACKEND:ADDR --to BACKEND:ADDR", runMigrate},
	}
}

func run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		usage(os.Stderr)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(os.Stdout)
		return 0
	case "version", "-version", "--version":
		fmt.Println(versionString())
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:])
		}
	}
	fmt.Fprintf(os.Stderr, "opgraph: unknown command %q\n\n", args[0])
	usage(os.Stderr)
	return 2
}
