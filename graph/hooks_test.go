package graph

// SetCheckEvery sets how many quads are read between checks of the
// mapped budget, for tests, and returns what puts it back.
func SetCheckEvery(n int64) (restore func()) {
	old := checkEvery
	checkEvery = n
	return func() { checkEvery = old }
}

// SetMaxNames sets how many value names a scan keeps, for tests, and
// returns what puts it back.
func SetMaxNames(n int) (restore func()) {
	old := maxNames
	maxNames = n
	return func() { maxNames = old }
}
