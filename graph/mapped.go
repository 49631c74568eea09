package graph

// Bolt memory-maps its file; reads fault its pages into the process's
// resident memory. What is portable lives here; how pages are counted and
// dropped is per OS (mapped_linux.go, mapped_other.go).

// checkEvery is how many quads read from Bolt between checks of how much
// of its file the process has mapped (readQuads): each quad read at random
// maps about 30 KB of the file (listing 10k articles maps 300 MB), so a
// long read would otherwise map all of a big store. Between checks the
// mapping can pass the budget by up to checkEvery such reads: 256 keep
// that under 8 MB (a check reads /proc/self/statm, a few µs).
var checkEvery int64 = 1 << 8 // a variable for tests

// readQuads counts quads read from Bolt and, every checkEvery of them,
// drops the file's pages when more of it than the budget is mapped. Not
// unconditionally: a page dropped is a minor fault when read again, and a
// scan that dropped everything every 1,024 quads spent a fifth of its time
// faulting the same upper pages of the B+tree back in. The caller holds s.mu.
func (s *Store) readQuads(n int64) {
	if s.bolt == nil || s.mappedBudget < 0 || s.read.Add(n)%checkEvery >= n {
		return
	}
	if mappedBytes() > s.mappedBudget {
		s.dropFilePages()
	}
}
