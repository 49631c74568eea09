package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
)

// TestPostgresWriterLock: two writers on one PostgreSQL graph are kept
// apart (both used to open and write at once). A second writer waits for
// the first and fails with ErrInUse naming the lock and its holder when the
// wait runs out; one still waiting gets the lock once the first closes;
// readers, and writers of another schema, are not held up.
func TestPostgresWriterLock(t *testing.T) {
	ctx := context.Background()
	addr := graphtest.Postgres(t)
	first, err := graph.Open(ctx, graph.Config{Backend: "postgres", Addr: addr, Writer: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()

	_, err = graph.Open(ctx, graph.Config{Backend: "postgres", Addr: addr, Writer: true, OpenTimeout: 300 * time.Millisecond})
	if !errors.Is(err, graph.ErrInUse) {
		t.Fatalf("a second writer opened the graph beside the first: %v; want ErrInUse", err)
	}
	t.Logf("second writer: %v", err)
	for _, want := range []string{"another process writes to this PostgreSQL graph", "writer lock, pg_advisory_lock(", "opgraph writer (pid"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("second writer's error lacks %q:\n%v", want, err)
		}
	}

	reader, err := graph.Open(ctx, graph.Config{Backend: "postgres", Addr: addr})
	if err != nil {
		t.Fatalf("a reader beside the writer: %v", err)
	}
	reader.Close()
	other, err := graph.Open(ctx, graph.Config{Backend: "postgres", Addr: graphtest.Postgres(t), Writer: true, OpenTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatalf("a writer of another schema: %v", err)
	}
	other.Close()

	type opened struct {
		s   *graph.Store
		err error
	}
	second := make(chan opened, 1)
	go func() {
		s, err := graph.Open(ctx, graph.Config{Backend: "postgres", Addr: addr, Writer: true, OpenTimeout: time.Minute})
		second <- opened{s, err}
	}()
	waitForWriterLockWaiter(t, ctx, addr)
	select {
	case o := <-second:
		t.Fatalf("the second writer opened while the first held the lock: %v", o.err)
	default:
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	o := <-second
	if o.err != nil {
		t.Fatalf("the waiting writer, once the first closed: %v", o.err)
	}
	defer o.s.Close()
	id := graph.EntityID(graph.KindAgency, "Europol")
	af := graph.ArticleFacts{
		Article: graph.Article{ID: graph.ArticleID("u", ""), URL: "u"},
		Nodes: []graph.Node{{ID: id, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: "Europol"}},
			Evidence: []graph.Evidence{{Sentence: "Europol helped.", End: 15, Confidence: 1}}}},
	}
	if _, _, err := o.s.WriteArticle(ctx, af); err != nil {
		t.Fatalf("the second writer, holding the lock, writes: %v", err)
	}
}

// waitForWriterLockWaiter returns once a session waits for the writer
// lock of the graph at addr: the event the test needs before it lets the
// first writer go.
func waitForWriterLockWaiter(t *testing.T, ctx context.Context, addr string) {
	t.Helper()
	conn, err := pgx.Connect(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for {
		var waiting int
		err := conn.QueryRow(ctx, `WITH k AS (SELECT hashtextextended('opgraph writer ' || current_schema(), 0) AS key)
			SELECT count(*) FROM pg_locks, k WHERE locktype = 'advisory' AND NOT granted
			AND classid::bigint = (key >> 32) & 4294967295 AND objid::bigint = key & 4294967295`).Scan(&waiting)
		if err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}
