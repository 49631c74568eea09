package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sync/atomic"

	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"github.com/jackc/pgx/v5"
)

// The store's generation counts the transactions that changed it: each
// write (an article, a batch of them, a curator's change, a batch of an
// imported dump, a copy) adds one in the transaction that writes its quads,
// so a write either happened with its generation or not at all, kill -9
// included. What is built from the whole store and kept beside it
// (snapshots, see snapshot.go) is stamped with the generation it reflects,
// and is good only while the store is still at it.

// Generation returns the store's generation. ErrNoGeneration where the
// backend keeps none (CockroachDB; a PostgreSQL role that may not create
// the table).
func (s *Store) Generation(ctx context.Context) (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen.current(ctx)
}

// ErrNoGeneration is returned by Generation and the snapshot methods where
// the store keeps no generation.
var ErrNoGeneration = errors.New("the store keeps no generation")

// generations reads a backend's generation.
type generations interface {
	current(ctx context.Context) (uint64, error)
}

// noGenerations is a backend that keeps none.
type noGenerations struct{}

func (noGenerations) current(context.Context) (uint64, error) { return 0, ErrNoGeneration }

// memGenerations counts memstore's writes in memory: the store lives no
// longer than the process.
type memGenerations struct{ n *atomic.Uint64 }

func (g memGenerations) current(context.Context) (uint64, error) { return g.n.Load(), nil }

// wrote notes a write through Cayley's own ApplyDeltas: on memstore it
// counts; Bolt counts its transactions itself (boltGenerations) and
// PostgreSQL with a trigger.
func (s *Store) wrote() {
	if s.memGen != nil {
		s.memGen.Add(1)
	}
}

// genKey is where Bolt keeps the generation: a bucket of its own beside
// Cayley's.
var genKey = hkv.SKey("opgraph", "generation")

// boltGenerations is Cayley's Bolt database with every read-write
// transaction adding one to the generation as it commits: Cayley's
// writes, whichever of its paths makes them, carry it.
type boltGenerations struct{ *hbolt.DB }

func (db boltGenerations) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	tx, err := db.DB.Tx(ctx, rw)
	if err != nil || !rw {
		return tx, err
	}
	return genTx{tx}, nil
}

func (db boltGenerations) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, db, fn)
}

func (db boltGenerations) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, db, fn)
}

func (db boltGenerations) current(ctx context.Context) (n uint64, err error) {
	err = db.View(ctx, func(tx hkv.Tx) error {
		n, err = readGeneration(ctx, tx)
		return err
	})
	return n, err
}

type genTx struct{ hkv.Tx }

func (tx genTx) Commit(ctx context.Context) error {
	n, err := readGeneration(ctx, tx.Tx)
	if err != nil {
		return err
	}
	if err := tx.Put(ctx, genKey, binary.BigEndian.AppendUint64(nil, n+1)); err != nil {
		return fmt.Errorf("count the write: %w", err)
	}
	return tx.Tx.Commit(ctx)
}

func readGeneration(ctx context.Context, tx hkv.Tx) (uint64, error) {
	v, err := tx.Get(ctx, genKey)
	switch {
	case errors.Is(err, hkv.ErrNotFound):
		return 0, nil // a store no write has counted yet
	case err != nil:
		return 0, fmt.Errorf("read the generation: %w", err)
	case len(v) != 8:
		return 0, fmt.Errorf("read the generation: %d bytes, want 8", len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// On PostgreSQL a statement trigger on Cayley's quads table adds one to
// the generation the first time each transaction changes the table: the
// store's own writes, Cayley's (imports) and any other process's.
const (
	genTable    = "opgraph_generation"
	genFunction = "opgraph_count_write"
)

// sqlGenerations reads the generation table.
type sqlGenerations struct{ sql *sqlStore }

func (g sqlGenerations) current(ctx context.Context) (uint64, error) {
	var n int64
	if err := g.sql.pool.QueryRow(ctx, `SELECT generation FROM `+genTable).Scan(&n); err != nil {
		return 0, fmt.Errorf("read the generation: %w", err)
	}
	return uint64(n), nil
}

// createGenerations creates the generation table, its trigger and the
// snapshot table where they are missing, once for all the processes that
// open the graph at the same time.
func (q *sqlStore) createGenerations(ctx context.Context) error {
	return q.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.`+genTable+`'))`); err != nil {
			return err
		}
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT to_regclass('`+genTable+`') IS NOT NULL AND to_regclass('`+snapTable+`') IS NOT NULL`).Scan(&exists); err != nil || exists {
			return err
		}
		var schema string
		if err := tx.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
			return err
		}
		// The function names its table with the schema: a trigger runs
		// under the search path of whoever writes.
		table := pgx.Identifier{schema, genTable}.Sanitize()
		for _, stmt := range []string{
			`CREATE TABLE IF NOT EXISTS ` + genTable + ` (one bool PRIMARY KEY DEFAULT true CHECK (one), generation bigint NOT NULL, tx xid8)`,
			`INSERT INTO ` + genTable + ` (generation) VALUES (0) ON CONFLICT DO NOTHING`,
			`CREATE OR REPLACE FUNCTION ` + pgx.Identifier{schema, genFunction}.Sanitize() + `() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				UPDATE ` + table + ` SET generation = generation + 1, tx = pg_current_xact_id()
					WHERE tx IS DISTINCT FROM pg_current_xact_id();
				RETURN NULL;
			END $$`,
			`DROP TRIGGER IF EXISTS ` + genFunction + ` ON quads`,
			`CREATE TRIGGER ` + genFunction + ` AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quads
				FOR EACH STATEMENT EXECUTE FUNCTION ` + pgx.Identifier{schema, genFunction}.Sanitize() + `()`,
			`CREATE TABLE IF NOT EXISTS ` + snapTable + ` (name text PRIMARY KEY, generation bigint NOT NULL, data bytea NOT NULL)`,
			// Snapshots are packed already: PostgreSQL need not compress them.
			`ALTER TABLE ` + snapTable + ` ALTER COLUMN data SET STORAGE EXTERNAL`,
		} {
			if _, err := tx.Exec(ctx, stmt); err != nil {
				return fmt.Errorf("create the generation table: %w", err)
			}
		}
		return nil
	})
}
