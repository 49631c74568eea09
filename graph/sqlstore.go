package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// sqlBackends are the Cayley SQL backends whose tables the store reads and
// writes directly. Both speak the PostgreSQL wire protocol.
var sqlBackends = map[string]bool{"postgres": true, "cockroach": true}

// sqlStore reads and writes Cayley's own SQL tables (nodes and quads, as
// Cayley's graph/sql creates them) with batched, index-backed statements,
// instead of Cayley's iterators, which run an uncached COUNT(*) per step, and
// its ApplyDeltas, which runs one INSERT per node and per quad.
//
// Rows are hashed and encoded with Cayley's exported helpers (csql.HashOf,
// csql.NodeValues) and node reference counts are kept as Cayley keeps them,
// so Cayley reads what this writes and the other way round. The SQL is
// portable between PostgreSQL and CockroachDB except the bulk quad path,
// which uses COPY on PostgreSQL only.
type sqlStore struct {
	pool   *pgxpool.Pool
	copy   bool        // bulk quads with COPY FROM (PostgreSQL); else multi-row INSERT
	values *valueCache // node values by hash
	writer *pgx.Conn   // holds the writer lock (writelock.go) when this process writes

	mu       sync.Mutex
	written  int64 // quads added since the last ANALYZE
	analyzed int64 // quads added by this process up to the last ANALYZE
}

// openSQL connects to addr and creates Cayley's tables there if they do not
// exist yet.
func openSQL(ctx context.Context, backend, addr string) (*sqlStore, error) {
	pool, err := pgxpool.New(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", backend, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to %s: %w", backend, err)
	}
	var tables int
	err = pool.QueryRow(ctx, `SELECT count(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')`).Scan(&tables)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("look for cayley's tables: %w", err)
	}
	switch tables {
	case 0:
		if err := cgraph.InitQuadStore(backend, addr, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			pool.Close()
			return nil, fmt.Errorf("create cayley's tables: %w", err)
		}
		if backend == "postgres" {
			if err := leanQuadsTable(ctx, pool); err != nil {
				pool.Close()
				return nil, err
			}
		}
	case 1:
		pool.Close()
		return nil, fmt.Errorf("open %s: %w: only one of the tables nodes and quads exists", backend, ErrInvalid)
	}
	return &sqlStore{pool: pool, copy: backend == "postgres", values: newValueCache(100000)}, nil
}

// leanQuadDDL drops from a new PostgreSQL quads table what costs every
// write and serves no read: the four foreign keys to nodes (Cayley's own
// CockroachDB schema has none; the writes keep nodes first and reference
// counts exact, and Verify checks them), and osp_index, as no query fixes
// an object and a subject without the predicate (ops_index serves objects).
// Loading 2,000 articles into an empty database took 11.6–11.9 s without
// them against 17.2–19.5 s (docs/benchmarks.md, "Sixteenth session").
var leanQuadDDL = []string{
	`ALTER TABLE quads DROP CONSTRAINT IF EXISTS subject_hash_fk, DROP CONSTRAINT IF EXISTS predicate_hash_fk,
		DROP CONSTRAINT IF EXISTS object_hash_fk, DROP CONSTRAINT IF EXISTS label_hash_fk`,
	`DROP INDEX IF EXISTS osp_index`,
}

// leanQuadsTable applies leanQuadDDL to the quads table just created.
func leanQuadsTable(ctx context.Context, pool *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		for _, stmt := range leanQuadDDL {
			if _, err := tx.Exec(ctx, stmt); err != nil {
				return fmt.Errorf("create cayley's tables: %s: %w", strings.Fields(stmt)[0], err)
			}
		}
		return nil
	})
}

func (q *sqlStore) close() {
	if q.writer != nil {
		q.writer.Close(context.Background()) // ends the session: the writer lock is released
	}
	q.pool.Close()
}

// nodeColumns are the value columns of Cayley's nodes table, in the order
// scanNode and the node upsert use them.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

func nodeSelect(alias string) string {
	cols := make([]string, len(nodeColumns))
	for i, c := range nodeColumns {
		cols[i] = alias + "." + c
	}
	return strings.Join(cols, ", ")
}

// quadSelect selects every quad with its values, for reading whole stores.
var quadSelect = `SELECT ` + nodeSelect("s") + `, ` + nodeSelect("p") + `, ` + nodeSelect("o") + `, ` + nodeSelect("l") + `
FROM quads q
JOIN nodes s ON s.hash = q.subject_hash
JOIN nodes p ON p.hash = q.predicate_hash
JOIN nodes o ON o.hash = q.object_hash
LEFT JOIN nodes l ON l.hash = q.label_hash`

// nodeRow receives one node's value columns.
type nodeRow struct {
	value               []byte
	str, datatype, lang *string
	iri, bnode, vbool   *bool
	vint                *int64
	vfloat              *float64
	vtime               *time.Time
}

// targets are the scan destinations, in the order of nodeColumns.
func (n *nodeRow) targets() []any {
	return []any{&n.value, &n.str, &n.datatype, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

// decode turns the columns into a value as Cayley's QuadStore.NameOf does.
func (n *nodeRow) decode() (quad.Value, error) {
	switch {
	case n.str != nil:
		s := strings.ReplaceAll(*n.str, `\x00`, "\u0000") // Cayley escapes NUL bytes
		switch {
		case n.iri != nil && *n.iri:
			return quad.IRI(*n.str), nil
		case n.bnode != nil && *n.bnode:
			return quad.BNode(*n.str), nil
		case n.lang != nil:
			return quad.LangString{Value: quad.String(s), Lang: *n.lang}, nil
		case n.datatype != nil:
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(*n.datatype)}, nil
		}
		return quad.String(s), nil
	case n.vint != nil:
		return quad.Int(*n.vint), nil
	case n.vbool != nil:
		return quad.Bool(*n.vbool), nil
	case n.vfloat != nil:
		return quad.Float(*n.vfloat), nil
	case n.vtime != nil:
		return quad.Time(n.vtime.UTC()), nil
	case n.value != nil:
		return pquads.UnmarshalValue(n.value)
	}
	return nil, nil
}

// scanQuads reads the rows of a quadSelect, calling fn for each quad.
func scanQuads(rows pgx.Rows, fn func(quad.Quad) error) error {
	defer rows.Close()
	var nodes [4]nodeRow
	dests := make([]any, 0, 40)
	for i := range nodes {
		dests = append(dests, nodes[i].targets()...)
	}
	for rows.Next() {
		nodes = [4]nodeRow{}
		if err := rows.Scan(dests...); err != nil {
			return fmt.Errorf("scan quad: %w", err)
		}
		var vals [4]quad.Value
		for i := range nodes {
			v, err := nodes[i].decode()
			if err != nil {
				return fmt.Errorf("decode value: %w", err)
			}
			vals[i] = v
		}
		if err := fn(quad.Quad{Subject: vals[0], Predicate: vals[1], Object: vals[2], Label: vals[3]}); err != nil {
			return err
		}
	}
	return rows.Err()
}

func hashOf(v quad.Value) []byte {
	if v == nil {
		return nil
	}
	return csql.HashOf(v).SQLValue().([]byte)
}

// quadsOf returns, for each id, the quads that have it in direction d: one
// index scan of quads, then the values of the nodes not cached yet.
func (q *sqlStore) quadsOf(ctx context.Context, d quad.Direction, ids []ID) (map[ID][]quad.Quad, error) {
	out := make(map[ID][]quad.Quad, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	hashes := make([][]byte, len(ids))
	for i, id := range ids {
		hashes[i] = hashOf(quad.IRI(id))
		q.values.put(string(hashes[i]), quad.IRI(id))
	}
	rows, err := q.pool.Query(ctx, `SELECT subject_hash, predicate_hash, object_hash, label_hash
		FROM quads WHERE `+d.String()+`_hash = ANY($1::bytea[])`, hashes)
	if err != nil {
		return nil, fmt.Errorf("select quads by %s: %w", d, err)
	}
	var found [][4][]byte
	for rows.Next() {
		var h [4][]byte
		if err := rows.Scan(&h[0], &h[1], &h[2], &h[3]); err != nil {
			rows.Close()
			return nil, fmt.Errorf("select quads by %s: %w", d, err)
		}
		found = append(found, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("select quads by %s: %w", d, err)
	}
	var need [][]byte
	for _, h := range found {
		need = append(need, h[:]...)
	}
	vals, err := q.valuesOf(ctx, need)
	if err != nil {
		return nil, err
	}
	for _, h := range found {
		qd := quad.Quad{Subject: vals[string(h[0])], Predicate: vals[string(h[1])],
			Object: vals[string(h[2])], Label: vals[string(h[3])]}
		id := ID(iriOf(qd.Get(d)))
		out[id] = append(out[id], qd)
	}
	return out, nil
}

// referrersOf returns, for each id, the IRI subjects of the quads (subject, p, id), unsorted.
func (q *sqlStore) referrersOf(ctx context.Context, p Predicate, ids []ID) (map[ID][]ID, error) {
	out := make(map[ID][]ID, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	hashes := make([][]byte, len(ids))
	byHash := make(map[string]ID, len(ids))
	for i, id := range ids {
		hashes[i] = hashOf(quad.IRI(id))
		byHash[string(hashes[i])] = id
	}
	rows, err := q.pool.Query(ctx, `SELECT object_hash, subject_hash FROM quads
		WHERE object_hash = ANY($1::bytea[]) AND predicate_hash = $2`, hashes, hashOf(quad.IRI(p)))
	if err != nil {
		return nil, fmt.Errorf("select referrers by %s: %w", p, err)
	}
	var pairs [][2][]byte
	for rows.Next() {
		var h [2][]byte
		if err := rows.Scan(&h[0], &h[1]); err != nil {
			rows.Close()
			return nil, fmt.Errorf("select referrers by %s: %w", p, err)
		}
		pairs = append(pairs, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("select referrers by %s: %w", p, err)
	}
	subjects := make([][]byte, len(pairs))
	for i, h := range pairs {
		subjects[i] = h[1]
	}
	vals, err := q.valuesOf(ctx, subjects)
	if err != nil {
		return nil, err
	}
	for _, h := range pairs {
		id := byHash[string(h[0])]
		out[id] = append(out[id], ID(iriOf(vals[string(h[1])])))
	}
	return out, nil
}

// valuesOf returns the values of the nodes with the given hashes, from the
// cache or else in one query. Nil hashes (no label) are skipped.
func (q *sqlStore) valuesOf(ctx context.Context, hashes [][]byte) (map[string]quad.Value, error) {
	out := make(map[string]quad.Value, len(hashes))
	var missing [][]byte
	for _, h := range hashes {
		if h == nil {
			continue
		}
		k := string(h)
		if _, done := out[k]; done {
			continue
		}
		if v, ok := q.values.get(k); ok {
			out[k] = v
			continue
		}
		out[k] = nil
		missing = append(missing, h)
	}
	if len(missing) == 0 {
		return out, nil
	}
	rows, err := q.pool.Query(ctx, `SELECT hash, `+strings.Join(nodeColumns, ", ")+`
		FROM nodes WHERE hash = ANY($1::bytea[])`, missing)
	if err != nil {
		return nil, fmt.Errorf("select %d nodes: %w", len(missing), err)
	}
	defer rows.Close()
	var (
		hash []byte
		n    nodeRow
	)
	dests := append([]any{&hash}, n.targets()...)
	for rows.Next() {
		n = nodeRow{}
		if err := rows.Scan(dests...); err != nil {
			return nil, fmt.Errorf("select %d nodes: %w", len(missing), err)
		}
		v, err := n.decode()
		if err != nil {
			return nil, fmt.Errorf("decode node %x: %w", hash, err)
		}
		out[string(hash)] = v
		q.values.put(string(hash), v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("select %d nodes: %w", len(missing), err)
	}
	return out, nil
}

// valueCache maps node hashes to values. A hash names one value for ever,
// so the cache is never stale, whoever writes to the database; it only
// bounds its size, keeping the entries used since the last of two generations.
type valueCache struct {
	mu       sync.Mutex
	cur, old map[string]quad.Value
	max      int
}

func newValueCache(max int) *valueCache {
	return &valueCache{cur: map[string]quad.Value{}, max: max}
}

func (c *valueCache) get(k string) (quad.Value, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.putLocked(k, v)
	}
	return v, ok
}

func (c *valueCache) put(k string, v quad.Value) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(k, v)
}

func (c *valueCache) putLocked(k string, v quad.Value) {
	if len(c.cur) >= c.max {
		c.old, c.cur = c.cur, make(map[string]quad.Value, c.max)
	}
	c.cur[k] = v
}

// countQuads counts every quad stored.
func (q *sqlStore) countQuads(ctx context.Context) (int64, error) {
	var n int64
	if err := q.pool.QueryRow(ctx, `SELECT count(*) FROM quads`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return n, nil
}

// empty reports whether the quads table has no row, without counting them.
func (q *sqlStore) empty(ctx context.Context) (bool, error) {
	var any bool
	if err := q.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM quads)`).Scan(&any); err != nil {
		return false, fmt.Errorf("look for quads: %w", err)
	}
	return !any, nil
}

// eachQuad streams every stored quad to fn in batches of up to size.
func (q *sqlStore) eachQuad(ctx context.Context, size int, fn func([]quad.Quad) error) error {
	rows, err := q.pool.Query(ctx, quadSelect)
	if err != nil {
		return fmt.Errorf("select quads: %w", err)
	}
	batch := make([]quad.Quad, 0, size)
	err = scanQuads(rows, func(qd quad.Quad) error {
		batch = append(batch, qd)
		if len(batch) == size {
			err := fn(batch)
			batch = batch[:0]
			return err
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = fn(batch)
	}
	return err
}

// nodeArrays are the columns of a multi-row node upsert, one slice per column.
type nodeArrays struct {
	refs                []int32
	hash, value         [][]byte
	str, datatype, lang []*string
	iri, bnode, vbool   []*bool
	vint                []*int64
	vfloat              []*float64
	vtime               []*time.Time
}

func (a *nodeArrays) add(v quad.Value, refs int) error {
	typ, vals, err := csql.NodeValues(csql.HashOf(v), v)
	if err != nil {
		return fmt.Errorf("encode %v: %w", v, err)
	}
	a.refs = append(a.refs, int32(refs))
	a.hash = append(a.hash, vals[0].([]byte))
	var (
		value          []byte
		str, dt, lang  *string
		iri, bnode, vb *bool
		vi             *int64
		vf             *float64
		vt             *time.Time
	)
	for i, col := range typ.Columns() {
		x := vals[i+1]
		switch col {
		case "value":
			value = x.([]byte)
		case "value_string":
			s := x.(string)
			str = &s
		case "datatype":
			s := x.(string)
			dt = &s
		case "language":
			s := x.(string)
			lang = &s
		case "iri":
			b := x.(bool)
			iri = &b
		case "bnode":
			b := x.(bool)
			bnode = &b
		case "value_int":
			n := x.(int64)
			vi = &n
		case "value_bool":
			b := x.(bool)
			vb = &b
		case "value_float":
			f := x.(float64)
			vf = &f
		case "value_time":
			t := x.(time.Time)
			vt = &t
		default:
			return fmt.Errorf("encode %v: unknown node column %q", v, col)
		}
	}
	a.value = append(a.value, value)
	a.str = append(a.str, str)
	a.datatype = append(a.datatype, dt)
	a.lang = append(a.lang, lang)
	a.iri = append(a.iri, iri)
	a.bnode = append(a.bnode, bnode)
	a.vint = append(a.vint, vi)
	a.vbool = append(a.vbool, vb)
	a.vfloat = append(a.vfloat, vf)
	a.vtime = append(a.vtime, vt)
	return nil
}

// upsertNodes inserts the nodes, or adds their refs to the stored count.
const upsertNodes = `INSERT INTO nodes (refs, hash, value, value_string, datatype, language, iri, bnode,
	value_int, value_bool, value_float, value_time)
SELECT * FROM unnest($1::int4[], $2::bytea[], $3::bytea[], $4::text[], $5::text[], $6::text[],
	$7::bool[], $8::bool[], $9::int8[], $10::bool[], $11::float8[], $12::timestamptz[])
ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + excluded.refs`

func (a *nodeArrays) upsert(ctx context.Context, tx pgx.Tx) error {
	if len(a.hash) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, upsertNodes, a.refs, a.hash, a.value, a.str, a.datatype, a.lang,
		a.iri, a.bnode, a.vint, a.vbool, a.vfloat, a.vtime)
	if err != nil {
		return fmt.Errorf("upsert %d nodes: %w", len(a.hash), err)
	}
	return nil
}

// quadArrays are the hashes of quads, one slice per direction.
type quadArrays struct{ s, p, o, l [][]byte }

// quadHashes are the hashes of a quad's values in the order of
// quad.Directions (subject, predicate, object, label), nil for no value.
type quadHashes [4][]byte

func hashQuad(qd quad.Quad) quadHashes {
	return quadHashes{hashOf(qd.Subject), hashOf(qd.Predicate), hashOf(qd.Object), hashOf(qd.Label)}
}

func (a *quadArrays) add(h quadHashes) {
	a.s = append(a.s, h[0])
	a.p = append(a.p, h[1])
	a.o = append(a.o, h[2])
	a.l = append(a.l, h[3])
}

func (a *quadArrays) len() int { return len(a.s) }

// insert adds the quads; one already stored fails the transaction with a
// unique violation, as Cayley's ApplyDeltas does.
func (a *quadArrays) insert(ctx context.Context, tx pgx.Tx, useCopy bool) error {
	if a.len() == 0 {
		return nil
	}
	if useCopy {
		now := time.Now()
		rows := make([][]any, a.len())
		for i := range rows {
			var l any
			if a.l[i] != nil {
				l = a.l[i]
			}
			rows[i] = []any{a.s[i], a.p[i], a.o[i], l, now}
		}
		_, err := tx.CopyFrom(ctx, pgx.Identifier{"quads"},
			[]string{"subject_hash", "predicate_hash", "object_hash", "label_hash", "ts"}, pgx.CopyFromRows(rows))
		if err != nil {
			return fmt.Errorf("copy %d quads: %w", a.len(), err)
		}
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT s, p, o, l, now() FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS d(s, p, o, l)`,
		a.s, a.p, a.o, a.l)
	if err != nil {
		return fmt.Errorf("insert %d quads: %w", a.len(), err)
	}
	return nil
}

// delete removes the quads; one that is not stored fails with ErrQuadNotExist.
func (a *quadArrays) delete(ctx context.Context, tx pgx.Tx) error {
	if a.len() == 0 {
		return nil
	}
	tag, err := tx.Exec(ctx, `DELETE FROM quads AS q
		USING unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS d(s, p, o, l)
		WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o
		AND q.label_hash IS NOT DISTINCT FROM d.l`, a.s, a.p, a.o, a.l)
	if err != nil {
		return fmt.Errorf("delete %d quads: %w", a.len(), err)
	}
	if n := tag.RowsAffected(); n != int64(a.len()) {
		return fmt.Errorf("delete %d quads: %d were stored: %w", a.len(), n, cgraph.ErrQuadNotExist)
	}
	return nil
}

// refCounts adds up, per node, how many quad directions refer to it.
type refCounts struct {
	vals map[string]quad.Value
	refs map[string]int
	keys []string // first-seen order
}

func newRefCounts() *refCounts {
	return &refCounts{vals: map[string]quad.Value{}, refs: map[string]int{}}
}

// add counts n references to each value of qd, whose hashes are h.
func (r *refCounts) add(qd quad.Quad, h quadHashes, n int) {
	for i, d := range quad.Directions {
		if h[i] == nil {
			continue
		}
		k := string(h[i])
		if _, ok := r.vals[k]; !ok {
			r.vals[k] = qd.Get(d)
			r.keys = append(r.keys, k)
		}
		r.refs[k] += n
	}
}

// apply makes the changes of deltas in one transaction, with the effect of
// Cayley's ApplyDeltas (no ignore options) in a handful of statements.
func (q *sqlStore) apply(ctx context.Context, deltas []cgraph.Delta) error {
	rc := newRefCounts()
	var add, del quadArrays
	for _, d := range deltas {
		h := hashQuad(d.Quad)
		if d.Action == cgraph.Add {
			add.add(h)
			rc.add(d.Quad, h, 1)
		} else {
			del.add(h)
			rc.add(d.Quad, h, -1)
		}
	}
	var inc nodeArrays
	var decHash [][]byte
	var decBy []int32
	for _, k := range rc.keys {
		switch n := rc.refs[k]; {
		case n > 0:
			if err := inc.add(rc.vals[k], n); err != nil {
				return err
			}
		case n < 0:
			decHash = append(decHash, []byte(k))
			decBy = append(decBy, int32(n))
		}
	}
	defer q.grew(ctx, add.len())
	return q.inTx(ctx, func(tx pgx.Tx) error {
		if err := inc.upsert(ctx, tx); err != nil {
			return err
		}
		if err := add.insert(ctx, tx, false); err != nil {
			return err
		}
		if err := del.delete(ctx, tx); err != nil {
			return err
		}
		if len(decHash) == 0 {
			return nil
		}
		_, err := tx.Exec(ctx, `UPDATE nodes SET refs = nodes.refs + d.n
			FROM unnest($1::bytea[], $2::int4[]) AS d(hash, n) WHERE nodes.hash = d.hash`, decHash, decBy)
		if err != nil {
			return fmt.Errorf("update node refs: %w", err)
		}
		_, err = tx.Exec(ctx, `DELETE FROM nodes WHERE hash = ANY($1::bytea[]) AND refs <= 0`, decHash)
		if err != nil {
			return fmt.Errorf("delete unused nodes: %w", err)
		}
		return nil
	})
}

// bulkAdd adds quads that are not stored yet inside tx: nodes in one
// multi-row upsert, quads with COPY on PostgreSQL.
func (q *sqlStore) bulkAdd(ctx context.Context, tx pgx.Tx, quads []quad.Quad) error {
	rc := newRefCounts()
	var add quadArrays
	for _, qd := range quads {
		h := hashQuad(qd)
		add.add(h)
		rc.add(qd, h, 1)
	}
	var nodes nodeArrays
	for _, k := range rc.keys {
		if err := nodes.add(rc.vals[k], rc.refs[k]); err != nil {
			return err
		}
	}
	if err := nodes.upsert(ctx, tx); err != nil {
		return err
	}
	return add.insert(ctx, tx, q.copy)
}

// grew notes that n quads were added and refreshes the planner's
// statistics when the tables have grown by a quarter since it last did.
// Without them a store that is filling up is planned as the empty store it
// was, with sequential scans, until autovacuum comes by a minute later.
func (q *sqlStore) grew(ctx context.Context, n int) {
	q.mu.Lock()
	q.written += int64(n)
	due := q.written >= 1000 && q.written >= q.analyzed/4
	if due {
		q.analyzed += q.written
		q.written = 0
	}
	q.mu.Unlock()
	if due {
		q.analyze(ctx)
	}
}

// analyze refreshes the planner's statistics of Cayley's tables. It is an
// optimisation only: a failure is not the caller's.
func (q *sqlStore) analyze(ctx context.Context) {
	for _, table := range []string{"quads", "nodes"} {
		if _, err := q.pool.Exec(ctx, "ANALYZE "+table); err != nil {
			return
		}
	}
}

// inTx runs fn in a transaction, again when the database asks for a retry
// (serialization failures, which CockroachDB reports under contention).
func (q *sqlStore) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := pgx.BeginFunc(ctx, q.pool, fn)
		var pe *pgconn.PgError
		if err != nil && errors.As(err, &pe) && pe.Code == "40001" && attempt < 5 {
			continue
		}
		if err != nil && ctx.Err() != nil {
			return fmt.Errorf("%w: %w", ctx.Err(), err)
		}
		return err
	}
}

// checkRefs fails when a node's reference count is not the number of quad
// directions that refer to it, or a node no quad refers to is left.
func (q *sqlStore) checkRefs(ctx context.Context) error {
	rows, err := q.pool.Query(ctx, `SELECT hash, refs, want FROM (
		SELECT n.hash, n.refs,
			(SELECT count(*) FROM quads WHERE subject_hash = n.hash) +
			(SELECT count(*) FROM quads WHERE predicate_hash = n.hash) +
			(SELECT count(*) FROM quads WHERE object_hash = n.hash) +
			(SELECT count(*) FROM quads WHERE label_hash = n.hash) AS want
		FROM nodes n) AS counted
		WHERE refs <> want LIMIT 3`)
	if err != nil {
		return fmt.Errorf("check node refs: %w", err)
	}
	defer rows.Close()
	var bad []string
	for rows.Next() {
		var (
			hash       []byte
			refs, want int64
		)
		if err := rows.Scan(&hash, &refs, &want); err != nil {
			return fmt.Errorf("check node refs: %w", err)
		}
		bad = append(bad, fmt.Sprintf("%x has %d, want %d", hash, refs, want))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check node refs: %w", err)
	}
	if len(bad) > 0 {
		return fmt.Errorf("check node refs: wrong counts: %s", strings.Join(bad, "; "))
	}
	return nil
}
