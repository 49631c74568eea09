package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

// Config says which Cayley backend to open and where.
type Config struct {
	// Backend is a Cayley backend name: "bbolt" (the default), "memstore",
	// "postgres" or "cockroach". The backend must be linked in with a blank
	// import (see cmd/opgraph).
	Backend string
	// Addr is the backend's address: a directory for bbolt, a URL
	// (postgres://user@host:5432/db?sslmode=disable) for the SQL backends.
	Addr string
	// OpenTimeout bounds the wait for a store another process holds (default 2s).
	OpenTimeout time.Duration
	// Logger receives the store's log lines (default: discarded).
	Logger *slog.Logger
	// BulkWrites is for a process that will write many articles or quads
	// (load, migrate): on an empty Bolt store it keeps Cayley's bloom
	// filters of the quads, which save lookups when adding (see openBolt).
	// Nor does it drop Bolt's mapped pages as it
	// reads (readQuads): a load reads and writes all over the file, and
	// dropping its pages would make the kernel's work outgrow the load's
	// own (figures in docs/benchmarks.md).
	BulkWrites bool
	// MappedBudget bounds, on Bolt, how much of the store's memory-mapped
	// file the process keeps resident (see readQuads): 0 means
	// DefaultMappedBudget, a negative budget never drops the file's pages.
	MappedBudget int64
	// Writer is for a process that will write (load, serve, migrate's
	// destination): on PostgreSQL it takes the graph's writer lock, waiting
	// up to OpenTimeout for another writer, then failing with ErrInUse
	// (see writelock.go). Readers (export) leave it false.
	Writer bool
}

// DefaultMappedBudget is Config.MappedBudget when none is given. It
// counts the process's executable too. A larger budget pushed a big
// server past its memory target, and the hot pages of a page of
// operations fit in far less (docs/benchmarks.md).
const DefaultMappedBudget = 32 << 20

// Open opens (creating if needed) the store that cfg names.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Backend == "" {
		cfg.Backend = "bbolt"
	}
	if cfg.OpenTimeout == 0 {
		cfg.OpenTimeout = 2 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if !cgraph.IsRegistered(cfg.Backend) {
		return nil, fmt.Errorf("open %s: %w (have %v)", cfg.Backend, ErrUnknownBackend, cgraph.QuadStores())
	}
	// Cayley's kv stores keep a bloom filter of their quads, built by
	// reading every quad at open: worth it only to a bulk writer (and on
	// Bolt only into an empty store: openBolt).
	opts := cgraph.Options{"no_bloom": !cfg.BulkWrites}
	var (
		sq   *sqlStore
		qs   cgraph.QuadStore
		bdb  boltGenerations
		err  error
		gen  generations = noGenerations{}
		snap snapshots   = noSnapshots{}
	)
	switch {
	case cfg.Backend == "bbolt":
		if qs, bdb, err = openBolt(cfg.Addr, cfg.OpenTimeout, cfg.BulkWrites); err == nil {
			gen, snap = bdb, fileSnapshots{dir: cfg.Addr}
		}
	case sqlBackends[cfg.Backend]:
		if sq, err = openSQL(ctx, cfg.Backend, cfg.Addr); err != nil {
			return nil, err // openSQL creates Cayley's tables when they are missing
		}
		if err = sq.lockWriterIf(ctx, cfg); err != nil {
			sq.close()
			return nil, err
		}
		if qs, err = cgraph.NewQuadStore(cfg.Backend, cfg.Addr, opts); err != nil {
			sq.close()
			break
		}
		if cfg.Backend != "postgres" {
			break // CockroachDB runs no trigger functions: no generation, no snapshots
		}
		if gerr := sq.createGenerations(ctx); gerr != nil {
			cfg.Logger.Warn("the graph keeps no generation: snapshots are off", "err", gerr)
		} else {
			gen, snap = sqlGenerations{sq}, sqlSnapshots{sq}
		}
	default:
		if cgraph.IsPersistent(cfg.Backend) {
			err = cgraph.InitQuadStore(cfg.Backend, cfg.Addr, opts)
			if errors.Is(err, cgraph.ErrDatabaseExists) {
				err = nil
			}
		}
		if err == nil {
			qs, err = cgraph.NewQuadStore(cfg.Backend, cfg.Addr, opts)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s store: %w", cfg.Backend, err)
	}
	s := &Store{qs: qs, backend: cfg.Backend, log: cfg.Logger, gen: gen, snaps: snap}
	if cfg.Backend == "memstore" {
		s.memGen = new(atomic.Uint64)
		s.gen, s.snaps = memGenerations{s.memGen}, &memSnapshots{}
	}
	if bdb.DB != nil {
		s.mapped = &fileMapping{db: bdb.DB.DB(), budget: cfg.MappedBudget, log: cfg.Logger}
		switch {
		case cfg.BulkWrites:
			s.mapped.budget = -1
		case s.mapped.budget == 0:
			s.mapped.budget = DefaultMappedBudget
		}
	}
	if sq != nil {
		s.idx = sqlIndex{sql: sq, qs: qs}
	} else {
		s.cache = newQuadCache(cacheQuads)
		s.idx = &cayleyIndex{qs: qs, cache: s.cache, mapped: s.mapped, wrote: s.wrote}
	}
	return s, nil
}

// openBolt opens (creating if need be) Cayley's Bolt store in dir, as
// Cayley's own bbolt backend does, keeping the database for its memory
// map (fileMapping) and its generation (every transaction counts).
// Another process holding the file is ErrInUse after timeout, where
// Cayley's open would wait on the lock forever.
//
// A bulk writer of an empty store gets Cayley's bloom filters: one of the
// quads, which spares a lookup for each quad added whose nodes are all
// stored already, and, in a store that was empty at open, one per index,
// which spares reading an index key before writing it. The first is built
// by reading every quad at open, 16 s of CPU at 100k articles, more than it
// saves on a load of thousands of articles into such a store; in an empty
// store it is free. Figures in docs/benchmarks.md.
func openBolt(dir string, timeout time.Duration, bulk bool) (cgraph.QuadStore, boltGenerations, error) {
	var none boltGenerations
	if dir == "" {
		return nil, none, fmt.Errorf("%w: no directory given", ErrInvalid)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, none, err
	}
	hdb, err := hbolt.Open(filepath.Join(dir, "indexes.bolt"), &bolt.Options{Timeout: timeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, none, fmt.Errorf("%s: %w (another opgraph holds it; stop it or use another --db)", dir, ErrInUse)
	}
	if err != nil {
		return nil, none, err
	}
	db := boltGenerations{hdb}
	noBloom := cgraph.Options{"no_bloom": true}
	if err := ckv.Init(db, noBloom); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		db.Close()
		return nil, none, err
	}
	qs, err := ckv.New(db, noBloom)
	if err != nil {
		db.Close()
		return nil, none, err
	}
	if sized, ok := qs.(interface{ Size() int64 }); ok && bulk && sized.Size() == 0 {
		// The same database again, with the filters; nothing to read for them.
		qs, err = ckv.New(db, cgraph.Options{"no_bloom": false})
		if err != nil {
			db.Close()
			return nil, none, err
		}
	}
	return qs, db, nil
}
