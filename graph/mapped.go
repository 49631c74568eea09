package graph

import (
	"log/slog"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
)

// Bolt memory-maps its file; reads fault its pages into the process's
// resident memory. What is portable lives here; how pages are counted and
// dropped is per OS (mapped_linux.go, mapped_other.go).

// checkEvery is how many quads read from Bolt between checks of how much
// of its file the process has mapped (readQuads): each quad read at random
// maps tens of KB of the file, so a long read would otherwise map all of a
// big store. Between checks the mapping can pass the budget by up to
// checkEvery such reads; a check is cheap (it reads /proc/self/statm).
var checkEvery int64 = 1 << 8 // a variable for tests

// readQuads counts quads read from Bolt and, every checkEvery of them,
// drops the file's pages when more of it than the budget is mapped. Not
// unconditionally: a page dropped is a minor fault when read again, and
// dropping them all too often has the kernel fault the same upper pages
// of the B+tree back in (docs/benchmarks.md). The caller holds the Store's lock.
func (m *fileMapping) readQuads(n int64) {
	if m == nil || m.budget < 0 || m.read.Add(n)%checkEvery >= n {
		return
	}
	if mappedBytes() > m.budget {
		m.drop()
	}
}

// fileMapping is Bolt's memory map of its file, as the Store reads it. A
// nil *fileMapping (memstore, SQL) does nothing.
type fileMapping struct {
	db *bolt.DB // nil once closed: the close unmapped the file
	// budget is Config.MappedBudget; negative when pages are never
	// dropped (also for bulk writes, see Config.BulkWrites).
	budget int64
	read   atomic.Int64 // quads read, for readQuads
	log    *slog.Logger
}

// close notes that the file is no longer mapped: nothing more to drop.
func (m *fileMapping) close() {
	if m != nil {
		m.db = nil
	}
}
