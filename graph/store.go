package graph

import (
	"log/slog"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"golang.org/x/sync/singleflight"
)

// Store keeps opgraph's nodes in a Cayley quad store. It is safe for
// concurrent use: writes are serialised (Cayley's memstore is not safe under
// concurrent writes) and reads never see half an article.
type Store struct {
	// qs is Cayley's view of the store, on every backend: whole-store
	// passes (EachQuad), imports, Verify and path queries read it.
	qs cgraph.QuadStore
	// idx is how reads and writes reach the quads (see index); during
	// WriteArticles, a pendingIndex over the batch's changes.
	idx     index
	cache   *quadCache   // the cayleyIndex's, where this Store is the only writer; nil on SQL
	mapped  *fileMapping // Bolt's; nil elsewhere
	backend string
	log     *slog.Logger
	gen     generations    // counts the transactions that changed the store
	memGen  *atomic.Uint64 // memstore's generation, counted in memory; nil elsewhere
	snaps   snapshots
	mu      sync.RWMutex // held for writing by WriteArticle, for reading by reads
	// scans is held by a pass over the whole store (EachQuad, EachProp):
	// one at a time, since two at once on Bolt each drop the other's
	// mapped pages (readQuads), and they share the machine's cores.
	scans sync.Mutex
	// lists lets List calls that come together for one kind share one
	// read of it (a dashboard's first pages after a start).
	lists singleflight.Group
}

// Backend is the name of the Cayley backend the store runs on.
func (s *Store) Backend() string { return s.backend }

// Close closes the underlying quad store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.idx.close()
}
