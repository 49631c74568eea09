//go:build !linux

package graph

// drop does nothing where the mapping's extent cannot be read
// from /proc: advice past Bolt's mapping would reach whatever is mapped
// after it (see mapped_linux.go).
func (m *fileMapping) drop() {}

// mappedBytes is 0 where /proc/self/statm does not exist, so readQuads
// never drops pages there.
func mappedBytes() int64 { return 0 }
