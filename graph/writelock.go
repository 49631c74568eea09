package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// On PostgreSQL a graph (the nodes and quads tables of one schema) may be
// opened by many processes, but the store assumes it is the only writer:
// its caches, reference counts and batch reads are kept as if no one else
// changed the tables between them. A writer (Config.Writer) therefore
// holds opgraph's writer lock, a session-level advisory lock keyed on the
// schema, on a connection of its own until Close; PostgreSQL releases it
// when that session ends, a killed process's included.
//
// Bolt needs none of this: its file lock keeps out every other process.

// writerLockKey is the advisory lock's key for the schema the session's
// search_path selects, computed by the server so every client agrees.
const writerLockKey = `SELECT coalesce(current_schema(), ''), hashtextextended('opgraph writer ' || coalesce(current_schema(), ''), 0)`

// lockWriter takes the graph's writer lock, waiting up to wait for a
// process that holds it; then it fails with ErrInUse naming the lock and
// its holder.
func (q *sqlStore) lockWriter(ctx context.Context, wait time.Duration, log *slog.Logger) error {
	c, err := q.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("writer lock: %w", err)
	}
	conn := c.Hijack() // out of the pool: the lock lives as long as this session
	fail := func(err error) error {
		conn.Close(context.WithoutCancel(ctx))
		return err
	}
	host, _ := os.Hostname()
	if _, err := conn.Exec(ctx, "SELECT set_config('application_name', $1, false)", fmt.Sprintf("opgraph writer (pid %d on %s)", os.Getpid(), host)); err != nil {
		return fail(fmt.Errorf("writer lock: %w", err))
	}
	var schema string
	var key int64
	if err := conn.QueryRow(ctx, writerLockKey).Scan(&schema, &key); err != nil {
		return fail(fmt.Errorf("writer lock: %w", err))
	}
	var got bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&got); err != nil {
		return fail(fmt.Errorf("writer lock: %w", err))
	}
	if !got {
		holder := q.lockHolder(ctx, key)
		log.Info("waiting for another writer of this PostgreSQL graph to finish", "schema", schema, "lock", key, "holder", holder, "wait", wait)
		waitCtx, cancel := context.WithTimeout(ctx, wait)
		_, err := conn.Exec(waitCtx, "SELECT pg_advisory_lock($1)", key)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return fail(ctx.Err())
			}
			if errors.Is(err, context.DeadlineExceeded) || waitCtx.Err() != nil {
				return fail(fmt.Errorf("%w: another process writes to this PostgreSQL graph (schema %q): %s holds opgraph's writer lock, pg_advisory_lock(%d); waited %s: stop it or let it finish, then try again",
					ErrInUse, schema, cmp.Or(q.lockHolder(ctx, key), holder, "another session"), key, wait))
			}
			return fail(fmt.Errorf("writer lock: %w", err))
		}
	}
	q.writer = conn
	return nil
}

// lockHolder describes the session holding the writer lock key, as
// PostgreSQL knows it ("" when none does or it cannot be read).
func (q *sqlStore) lockHolder(ctx context.Context, key int64) string {
	var pid int32
	var app, from string
	var since time.Time
	err := q.pool.QueryRow(ctx, `SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'a local socket'), a.backend_start
		FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
		AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
		AND l.classid::bigint = $1 AND l.objid::bigint = $2`, int64(uint64(key)>>32), int64(uint32(key))).Scan(&pid, &app, &from, &since)
	if err != nil {
		return "" // released meanwhile, or no right to read pg_stat_activity
	}
	return fmt.Sprintf("%q (PostgreSQL backend pid %d, connected from %s since %s)", app, pid, from, since.UTC().Format(time.RFC3339))
}

// lockWriterIf takes the writer lock when cfg says the process writes, on
// PostgreSQL; CockroachDB has no session advisory locks, so two writers
// there are not kept apart (logged).
func (q *sqlStore) lockWriterIf(ctx context.Context, cfg Config) error {
	switch {
	case !cfg.Writer:
		return nil
	case cfg.Backend != "postgres":
		cfg.Logger.Warn("no writer lock on this backend: run one writer at a time", "backend", cfg.Backend)
		return nil
	}
	return q.lockWriter(ctx, cfg.OpenTimeout, cfg.Logger)
}
