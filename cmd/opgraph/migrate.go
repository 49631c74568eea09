package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/opgraph/opgraph/graph"
)

func runMigrate(ctx context.Context, args []string) int {
	return runMigrateTo(ctx, args, os.Stdout, os.Stderr)
}

// runMigrateTo copies the graph of one store into another, empty one, and
// reads the copy back through Cayley to check it.
func runMigrateTo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the store to copy: bolt:DIR, postgres://..., cockroach:postgresql://...")
	to := fs.String("to", "", "the empty store to copy into, in the same forms")
	verify := fs.Bool("verify", true, "read the copy back through Cayley and check it")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *from == "" || *to == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: opgraph migrate --from bolt:./data --to postgres://user@host:5432/db")
		return 2
	}
	src, err := storeSpec(*from)
	if err != nil {
		fmt.Fprintf(stderr, "opgraph migrate: --from: %v\n", err)
		return 2
	}
	dst, err := storeSpec(*to)
	if err != nil {
		fmt.Fprintf(stderr, "opgraph migrate: --to: %v\n", err)
		return 2
	}
	if err := migrate(ctx, src, dst, *verify, stdout); err != nil {
		fmt.Fprintf(stderr, "opgraph migrate: %v\n", err)
		return 1
	}
	return 0
}

func migrate(ctx context.Context, from, to graph.Config, verify bool, out io.Writer) error {
	src, err := graph.Open(ctx, from)
	if err != nil {
		return fmt.Errorf("open source: %w", err)
	}
	defer src.Close()
	to.BulkWrites, to.Writer = true, true
	dst, err := graph.Open(ctx, to)
	if err != nil {
		return fmt.Errorf("open destination: %w", err)
	}
	defer dst.Close()
	n, err := src.CopyTo(ctx, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "copied %d quads from %s to %s\n", n, from.Backend, to.Backend)
	if verify {
		if err := dst.Verify(ctx); err != nil {
			return fmt.Errorf("check the copy: %w", err)
		}
		fmt.Fprintln(out, "the copy reads back through Cayley")
	}
	return nil
}

// storeSpec reads a store's name as the migrate flags give it: a
// PostgreSQL URL, or BACKEND:ADDRESS (bolt:./data, bbolt:/var/lib/opgraph,
// cockroach:postgresql://root@host:26257/opgraph, memstore:).
func storeSpec(spec string) (graph.Config, error) {
	if strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://") {
		return graph.Config{Backend: "postgres", Addr: spec}, nil
	}
	backend, addr, ok := strings.Cut(spec, ":")
	if !ok || backend == "" {
		return graph.Config{}, fmt.Errorf("%q: want BACKEND:ADDRESS (bolt:./data) or a postgres:// URL", spec)
	}
	if backend == "bolt" {
		backend = "bbolt"
	}
	return graph.Config{Backend: backend, Addr: addr}, nil
}
