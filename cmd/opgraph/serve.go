package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders"
	"github.com/opgraph/opgraph/schema"
)

func runServe(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", envOr("OPGRAPH_ADDR", ":8080"), "address to listen on")
	seeds := fs.String("seeds", envOr("OPGRAPH_SEEDS", "seeds"), "folder of articles loaded into an empty store")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := serve(ctx, log, sf, *addr, *seeds); err != nil {
		log.Error("serve", "err", err)
		return 1
	}
	return 0
}

func serve(ctx context.Context, log *slog.Logger, sf storeFlags, addr, seeds string) error {
	store, err := sf.open(ctx, log)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := seedIfEmpty(ctx, log, store, seeds); err != nil {
		return err
	}
	s, err := schema.New(store)
	if err != nil {
		return fmt.Errorf("build schema: %w", err)
	}
	srv := &http.Server{Addr: addr, Handler: schema.NewHandler(s, schema.HandlerConfig{Logger: log}),
		ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("serving GraphQL", "addr", addr, "graphql", "/graphql", "backend", sf.backend, "db", sf.db)
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

// seedIfEmpty loads the seed articles into a store that has no articles yet.
func seedIfEmpty(ctx context.Context, log *slog.Logger, store *graph.Store, dir string) error {
	arts, err := store.List(ctx, graph.KindArticle)
	if err != nil {
		return err
	}
	if len(arts) > 0 || dir == "" {
		return nil
	}
	if _, err := os.Stat(dir); err != nil {
		log.Warn("empty store and no seeds to load", "seeds", dir, "err", err)
		return nil
	}
	x, err := loaders.NewExtractor()
	if err != nil {
		return err
	}
	sum := loadPaths(ctx, store, x, []string{dir}, io.Discard, os.Stderr)
	log.Info("loaded seeds into the empty store", "seeds", dir, "result", sum.String())
	return nil
}
