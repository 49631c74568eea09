package graphtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgresEnv names the environment variable holding the URL of a
// PostgreSQL server for tests (postgres://user@host:port/db?sslmode=disable).
// .ci/run starts a throwaway server and sets it.
const PostgresEnv = "OPGRAPH_TEST_POSTGRES"

// Postgres returns the address of a fresh, empty schema on the server that
// OPGRAPH_TEST_POSTGRES names, for Config{Backend: "postgres", Addr: ...};
// the schema is dropped when the test ends, so tests never see each
// other's data. It skips the test when the variable is unset, and fails it
// when the server cannot be reached.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("no PostgreSQL server: set %s to a URL (postgres://user@127.0.0.1:5432/db?sslmode=disable) to run this test; .ci/run does", PostgresEnv)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s=%s: %v", PostgresEnv, base, err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	schema := "opgtest_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return withSearchPath(base, schema)
}

// withSearchPath adds search_path to a URL or a key=value connection string:
// both Cayley's driver (lib/pq) and pgx pass it to the server.
func withSearchPath(addr, schema string) string {
	if u, err := url.Parse(addr); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return strings.TrimSpace(addr) + " search_path=" + schema
}
