package graph_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
)

// TestPostgresLeanQuadsTable checks that a new PostgreSQL store's quads
// table has no foreign keys and no osp_index, and keeps the indexes its
// reads and its duplicate check use.
func TestPostgresLeanQuadsTable(t *testing.T) {
	ctx := context.Background()
	addr := graphtest.Postgres(t)
	openStore(t, graph.Config{Backend: "postgres", Addr: addr})
	conn, err := pgx.Connect(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var fks int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`).Scan(&fks); err != nil {
		t.Fatal(err)
	}
	if fks != 0 {
		t.Errorf("quads has %d foreign keys, want none", fks)
	}
	rows, err := conn.Query(ctx, `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'quads'`)
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	if have["osp_index"] {
		t.Errorf("quads keeps osp_index: %v", names)
	}
	for _, want := range []string{"quads_pkey", "spo_unique", "spol_unique", "spo_index", "ops_index", "pos_index"} {
		if !have[want] {
			t.Errorf("quads lacks %s: %v", want, names)
		}
	}
}
