package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
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
	// (load, migrate): on Bolt it keeps Cayley's bloom filter of the quads,
	// which saves lookups when adding (about 15% of an import's CPU time)
	// but takes about 80 MB and a read of the whole store at open. Nor
	// does it drop Bolt's mapped pages as it reads (readQuads): a load
	// reads and writes all over the file, and dropping its pages every
	// 1,024 quads made the kernel's work outgrow the load's own.
	BulkWrites bool
	// MappedBudget bounds, on Bolt, how much of the store's memory-mapped
	// file the process keeps resident (see readQuads): 0 means
	// DefaultMappedBudget, a negative budget never drops the file's pages.
	MappedBudget int64
}

// DefaultMappedBudget is Config.MappedBudget when none is given. It
// counts the process's executable too (about 12 MB of it is resident).
// Serving 100k articles, 128 MB of mapped file beside the heap passed the
// 300 MB the server is meant to stay under; the hot pages of a page of
// operations fit in far less.
const DefaultMappedBudget = 32 << 20

// Store keeps opgraph's nodes in a Cayley quad store. It is safe for
// concurrent use: writes are serialised (Cayley's memstore is not safe under
// concurrent writes) and reads never see half an article.
type Store struct {
	qs    cgraph.QuadStore
	sql   *sqlStore    // set on the SQL backends: reads and writes bypass Cayley's
	cache *quadCache   // set on the other backends, where this Store is the only writer
	bolt  *bolt.DB     // set on Bolt
	read  atomic.Int64 // quads read from Bolt, for readQuads
	// mappedBudget is Config.MappedBudget; negative when pages are never
	// dropped (also for bulk writes, see Config.BulkWrites).
	mappedBudget int64
	// pending holds a batch's uncommitted changes while WriteArticles
	// computes it (under mu); reads made for the batch see them.
	pending *overlay
	backend string
	log     *slog.Logger
	mu      sync.RWMutex // held for writing by WriteArticle, for reading by reads
	// scans is held by a pass over the whole store (EachQuad, EachProp):
	// one at a time, since two at once on Bolt each drop the other's
	// mapped pages (readQuads), and they share the machine's cores.
	scans sync.Mutex
}

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
	// Cayley's Bolt store keeps a bloom filter of its quads, ~80 MB built by
	// reading every quad at open: worth it only to a bulk writer.
	opts := cgraph.Options{"no_bloom": !cfg.BulkWrites}
	var (
		sq  *sqlStore
		qs  cgraph.QuadStore
		bdb *bolt.DB
		err error
	)
	switch {
	case cfg.Backend == "bbolt":
		qs, bdb, err = openBolt(cfg.Addr, cfg.OpenTimeout, opts)
	case sqlBackends[cfg.Backend]:
		if sq, err = openSQL(ctx, cfg.Backend, cfg.Addr); err != nil {
			return nil, err // openSQL creates Cayley's tables when they are missing
		}
		if qs, err = cgraph.NewQuadStore(cfg.Backend, cfg.Addr, opts); err != nil {
			sq.close()
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
	s := &Store{qs: qs, sql: sq, bolt: bdb, backend: cfg.Backend, log: cfg.Logger, mappedBudget: cfg.MappedBudget}
	switch {
	case cfg.BulkWrites:
		s.mappedBudget = -1
	case s.mappedBudget == 0:
		s.mappedBudget = DefaultMappedBudget
	}
	if sq == nil {
		s.cache = newQuadCache(cacheQuads)
	}
	return s, nil
}

// openBolt opens (creating if need be) Cayley's Bolt store in dir, as
// Cayley's own bbolt backend does, keeping the *bolt.DB for dropFilePages.
// Another process holding the file is ErrInUse after timeout, where
// Cayley's open would wait on the lock forever.
func openBolt(dir string, timeout time.Duration, opts cgraph.Options) (cgraph.QuadStore, *bolt.DB, error) {
	if dir == "" {
		return nil, nil, fmt.Errorf("%w: no directory given", ErrInvalid)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, err
	}
	db, err := hbolt.Open(filepath.Join(dir, "indexes.bolt"), &bolt.Options{Timeout: timeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, fmt.Errorf("%s: %w (another opgraph holds it; stop it or use another --db)", dir, ErrInUse)
	}
	if err != nil {
		return nil, nil, err
	}
	if err := ckv.Init(db, opts); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		db.Close()
		return nil, nil, err
	}
	qs, err := ckv.New(db, opts)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return qs, db.DB(), nil
}

// Backend is the name of the Cayley backend the store runs on.
func (s *Store) Backend() string { return s.backend }

// Close closes the underlying quad store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sql != nil {
		s.sql.close()
	}
	s.bolt = nil // unmapped by the close: nothing more to drop
	return s.qs.Close()
}

// WriteArticle stores everything one article states, in one transaction,
// replacing what an earlier version of the same article stated. Nodes that
// other articles also state keep their other evidence; a node left with no
// evidence at all is removed. It reports how many quads were added and removed.
func (s *Store) WriteArticle(ctx context.Context, af ArticleFacts) (added, removed int, err error) {
	if err := validate(af); err != nil {
		return 0, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	deltas, err := s.articleDeltas(ctx, af)
	if err != nil {
		return 0, 0, fmt.Errorf("write article %s: %w", af.Article.ID, err)
	}
	if len(deltas) == 0 {
		return 0, 0, nil
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	if err := s.applyDeltas(ctx, deltas); err != nil {
		return 0, 0, fmt.Errorf("write article %s: %w", af.Article.ID, err)
	}
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			added++
		} else {
			removed++
		}
	}
	return added, removed, nil
}

// DeleteArticle removes an article and every fact only it stated.
func (s *Store) DeleteArticle(ctx context.Context, id ID) (removed int, err error) {
	_, removed, err = s.WriteArticle(ctx, ArticleFacts{Article: Article{ID: id}, Nodes: nil})
	if err != nil {
		return 0, err
	}
	// An article with no facts still has its own node: drop it too.
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.subjectQuads(ctx, id)
	if err != nil {
		return removed, err
	}
	deltas := make([]cgraph.Delta, 0, len(cur))
	for _, q := range cur {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	if len(deltas) > 0 {
		if err := s.applyDeltas(ctx, deltas); err != nil {
			return removed, fmt.Errorf("delete article %s: %w", id, err)
		}
	}
	return removed + len(deltas), nil
}

func validate(af ArticleFacts) error {
	if af.Article.ID == "" {
		return fmt.Errorf("%w: article has no ID", ErrInvalid)
	}
	for i, n := range af.Nodes {
		if n.ID == "" || n.Kind == "" {
			return fmt.Errorf("%w: node %d of article %s has no ID or kind", ErrInvalid, i, af.Article.ID)
		}
		for _, p := range n.Props {
			if _, err := toValue(p.Value); err != nil {
				return fmt.Errorf("%w: node %s, %s: %w", ErrInvalid, n.ID, p.Pred, err)
			}
		}
	}
	return nil
}

// articleDeltas computes the changes that make the store hold af and nothing
// more from the same article.
func (s *Store) articleDeltas(ctx context.Context, af ArticleFacts) ([]cgraph.Delta, error) {
	art := af.Article.ID
	want := map[ID]map[quad.Quad]bool{} // subject -> the quads it should have
	put := func(subj ID, p Predicate, v any) {
		qv, _ := toValue(v) // validated already
		if want[subj] == nil {
			want[subj] = map[quad.Quad]bool{}
		}
		want[subj][quad.Make(quad.IRI(subj), quad.IRI(p), qv, nil)] = true
	}
	if len(af.Nodes) > 0 || af.Article.Title != "" || af.Article.URL != "" {
		put(art, PredType, kindIRI(KindArticle))
		for p, v := range map[Predicate]string{PredHeadline: af.Article.Title, PredURL: af.Article.URL,
			PredPublished: af.Article.Published, PredSource: af.Article.Source} {
			if v != "" {
				put(art, p, v)
			}
		}
	}

	// Evidence this version states, by the node it supports.
	newEvidence := map[ID][]ID{}
	for _, n := range af.Nodes {
		for _, e := range n.Evidence {
			ev := EvidenceID(art, n.ID, e.Start, e.End)
			if want[ev] != nil {
				continue
			}
			newEvidence[n.ID] = append(newEvidence[n.ID], ev)
			put(ev, PredType, kindIRI(KindEvidence))
			put(ev, PredSupports, n.ID)
			put(ev, PredArticle, art)
			put(ev, PredSentence, e.Sentence)
			put(ev, PredStart, e.Start)
			put(ev, PredEnd, e.End)
			put(ev, PredConfidence, e.Confidence)
			if e.Rule != "" {
				put(ev, PredRule, e.Rule)
			}
			if e.AssertedBy != "" {
				put(ev, PredAssertedBy, e.AssertedBy)
			}
			if e.PartOf != "" {
				put(ev, PredPartOf, e.PartOf)
			}
			if e.SameAs != "" {
				put(ev, PredSameAs, e.SameAs)
			}
			if e.Context {
				put(ev, PredContext, "true")
			}
			for _, c := range e.Claims {
				put(ev, c.Pred, c.Value)
			}
		}
	}

	// Evidence the stored version stated.
	oldEvidence, err := s.referrers(ctx, PredArticle, art)
	if err != nil {
		return nil, err
	}
	oldQuads, err := s.quadsOf(ctx, quad.Subject, oldEvidence)
	if err != nil {
		return nil, err
	}
	oldOfArticle := map[ID]bool{}
	touched := map[ID]bool{}
	oldClaims := map[ID]map[claim]bool{} // node -> claims this article's stored version gave it
	for _, ev := range oldEvidence {
		oldOfArticle[ev] = true
		var node ID
		for _, q := range oldQuads[ev] {
			if Predicate(iriOf(q.Predicate)) == PredSupports {
				node = ID(iriOf(q.Object))
				touched[node] = true
			}
		}
		for _, q := range oldQuads[ev] {
			if claimPredicates[Predicate(iriOf(q.Predicate))] && node != "" {
				if oldClaims[node] == nil {
					oldClaims[node] = map[claim]bool{}
				}
				oldClaims[node][claim{q.Predicate, q.Object}] = true
			}
		}
		if want[ev] == nil {
			want[ev] = map[quad.Quad]bool{} // to be removed
		}
	}
	nodes := map[ID]Node{}
	for _, n := range af.Nodes {
		touched[n.ID] = true
		if prev, ok := nodes[n.ID]; ok {
			n.Props = append(prev.Props, n.Props...)
		}
		nodes[n.ID] = n
	}
	touchedIDs := make([]ID, 0, len(touched))
	for id := range touched {
		touchedIDs = append(touchedIDs, id)
	}
	sort.Slice(touchedIDs, func(i, j int) bool { return touchedIDs[i] < touchedIDs[j] })

	// The evidence each touched node keeps, and what must be read to rebuild it.
	others, err := s.referrersOf(ctx, PredSupports, touchedIDs)
	if err != nil {
		return nil, err
	}
	keeps := make(map[ID][]ID, len(touchedIDs))
	for _, id := range touchedIDs {
		var keep []ID
		for _, ev := range others[id] {
			if !oldOfArticle[ev] {
				keep = append(keep, ev)
			}
		}
		keep = append(keep, newEvidence[id]...)
		keeps[id] = keep
	}
	stored, err := s.quadsOf(ctx, quad.Subject, touchedIDs)
	if err != nil {
		return nil, err
	}

	// Each touched node: identity from this version (or as stored); claims
	// as stored, less those only this article's old version gave, plus
	// this version's. Only a claim this article drops is looked up among
	// the other evidence, so a node stated by thousands of articles costs
	// no more than one stated by a few.
	for _, id := range touchedIDs {
		keep := keeps[id]
		if want[id] == nil {
			want[id] = map[quad.Quad]bool{}
		}
		if len(keep) == 0 {
			continue // no evidence left: the node goes
		}
		// A node other articles state keeps the identity it has, so that
		// loading them in any order gives one store: "Jurgen Stock" and
		// "Jürgen Stock" are one person, named as first written.
		sharedAndStored := len(keep) > len(newEvidence[id]) && hasIdentity(stored[id])
		if n, ok := nodes[id]; ok && !sharedAndStored {
			put(id, PredType, kindIRI(n.Kind))
			for _, p := range n.Props {
				if !claimPredicates[p.Pred] {
					put(id, p.Pred, p.Value)
				}
			}
		} else {
			for _, q := range stored[id] {
				if !claimPredicates[Predicate(iriOf(q.Predicate))] {
					want[id][q] = true
				}
			}
		}
		newClaims := map[claim]bool{}
		for _, ev := range newEvidence[id] {
			for q := range want[ev] {
				if claimPredicates[Predicate(iriOf(q.Predicate))] {
					newClaims[claim{q.Predicate, q.Object}] = true
				}
			}
		}
		for c := range newClaims {
			want[id][quad.Make(quad.IRI(id), c.pred, c.value, nil)] = true
		}
		otherArticles := map[ID]bool{} // the evidence other articles give this node
		for _, ev := range others[id] {
			if !oldOfArticle[ev] {
				otherArticles[ev] = true
			}
		}
		for _, q := range stored[id] {
			c := claim{q.Predicate, q.Object}
			if !claimPredicates[Predicate(iriOf(q.Predicate))] || newClaims[c] {
				continue
			}
			if oldClaims[id][c] { // this article gave it: does other evidence still?
				hs, err := s.holders(ctx, c)
				if err != nil {
					return nil, err
				}
				supported := false
				for _, h := range hs {
					supported = supported || otherArticles[h]
				}
				if !supported {
					continue
				}
			}
			want[id][q] = true
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Diff each subject's wanted quads against what is stored.
	subjects := make([]ID, 0, len(want))
	for id := range want {
		subjects = append(subjects, id)
	}
	sort.Slice(subjects, func(i, j int) bool { return subjects[i] < subjects[j] })
	current, err := s.quadsOf(ctx, quad.Subject, subjects)
	if err != nil {
		return nil, err
	}
	var deltas []cgraph.Delta
	for _, id := range subjects {
		cur := current[id]
		have := make(map[quad.Quad]bool, len(cur))
		for _, q := range cur {
			have[q] = true
			if !want[id][q] {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
		for q := range want[id] {
			if !have[q] {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
		}
	}
	return deltas, nil
}

// applyDeltas makes the changes in one transaction: on the SQL backends
// with a few batched statements, elsewhere with Cayley's ApplyDeltas.
func (s *Store) applyDeltas(ctx context.Context, deltas []cgraph.Delta) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.sql != nil {
		return s.sql.apply(ctx, deltas)
	}
	defer s.cache.invalidate(deltas) // after the write, whether or not it failed half-way
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
}

// subjectQuads returns the quads whose subject is id.
func (s *Store) subjectQuads(ctx context.Context, id ID) ([]quad.Quad, error) {
	m, err := s.quadsOf(ctx, quad.Subject, []ID{id})
	return m[id], err
}

// referrers returns the subjects of the quads (subject, p, id), sorted.
func (s *Store) referrers(ctx context.Context, p Predicate, id ID) ([]ID, error) {
	m, err := s.referrersOf(ctx, p, []ID{id})
	return m[id], err
}

// quadsOf returns, for each of ids, the quads that have it in direction d:
// one query on the SQL backends, one Cayley iterator per ID elsewhere.
func (s *Store) quadsOf(ctx context.Context, d quad.Direction, ids []ID) (map[ID][]quad.Quad, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.sql != nil {
		m, err := s.sql.quadsOf(ctx, d, ids)
		if err != nil && ctx.Err() != nil {
			return nil, fmt.Errorf("%w: %w", ctx.Err(), err)
		}
		if err == nil && s.pending != nil {
			for _, id := range ids {
				m[id] = s.pending.adjust(d, quad.IRI(id), m[id])
			}
		}
		return m, err
	}
	out := make(map[ID][]quad.Quad, len(ids))
	for i, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		// Reads served from the cache never reach an iterator that would
		// see the context end: a read of 50,000 nodes stops here instead.
		if i%256 == 255 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		qs, err := s.quadsBy(ctx, d, quad.IRI(id))
		if err != nil {
			return nil, err
		}
		if s.pending != nil {
			qs = s.pending.adjust(d, quad.IRI(id), qs)
		}
		out[id] = qs
	}
	return out, nil
}

// referrersOf returns, for each of ids, the subjects of the quads
// (subject, p, id), sorted.
func (s *Store) referrersOf(ctx context.Context, p Predicate, ids []ID) (map[ID][]ID, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out map[ID][]ID
	if s.sql != nil && s.pending == nil {
		var err error
		if out, err = s.sql.referrersOf(ctx, p, ids); err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("%w: %w", ctx.Err(), err)
			}
			return nil, err
		}
	} else {
		byObject, err := s.quadsOf(ctx, quad.Object, ids)
		if err != nil {
			return nil, err
		}
		out = make(map[ID][]ID, len(ids))
		for id, qs := range byObject {
			for _, q := range qs {
				if Predicate(iriOf(q.Predicate)) == p {
					out[id] = append(out[id], ID(iriOf(q.Subject)))
				}
			}
		}
	}
	for _, refs := range out {
		sort.Slice(refs, func(i, j int) bool { return refs[i] < refs[j] })
	}
	return out, nil
}

// quadsBy returns the quads that have v in direction d, through Cayley's iterators.
func (s *Store) quadsBy(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	if qs, ok := s.cache.get(d, v); ok {
		return qs, nil
	}
	ref, err := s.qs.ValueOf(v)
	if err != nil {
		return nil, err
	}
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
		s.readQuads(1)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	// A cancelled context ends Cayley's iteration with no error and partial results.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ctx.Value(scanKey{}) == nil {
		s.cache.put(d, v, out)
	}
	return out, nil
}

type scanKey struct{}

// ForScan marks the reads made under ctx as one pass over much of the
// store (an index built in the background): they use the quad cache but
// leave nothing in it, so the pass neither pushes out what queries read
// nor keeps the cache full once it is over.
func ForScan(ctx context.Context) context.Context { return context.WithValue(ctx, scanKey{}, true) }

func iriOf(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return ""
}

// toValue turns a Prop value into a Cayley value: links are IRIs, the rest literals.
func toValue(v any) (quad.Value, error) {
	switch v := v.(type) {
	case ID:
		if v == "" {
			return nil, errors.New("empty link")
		}
		return quad.IRI(v), nil
	case string:
		return quad.String(v), nil
	case int:
		return quad.Int(v), nil
	case int64:
		return quad.Int(v), nil
	case float64:
		// NaN and the infinities have no JSON or JSON-LD form, and NaN
		// equals nothing: stored, they break every reader after.
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%v is not a finite number", v)
		}
		return quad.Float(v), nil
	}
	return nil, fmt.Errorf("unsupported value %T", v)
}

// fromValue is toValue's inverse.
func fromValue(v quad.Value) any {
	switch v := v.(type) {
	case quad.IRI:
		return ID(v)
	case quad.String:
		return string(v)
	case quad.Int:
		return int64(v)
	case quad.Float:
		return float64(v)
	}
	return quad.StringOf(v)
}

// hasIdentity reports whether a node's stored quads hold more than claims.
func hasIdentity(qs []quad.Quad) bool {
	for _, q := range qs {
		if !claimPredicates[Predicate(iriOf(q.Predicate))] {
			return true
		}
	}
	return false
}
