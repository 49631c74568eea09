// Package smallfs runs a test on a real, size-limited filesystem: a tmpfs
// mounted in a mount namespace of the test's own, so a full disk (ENOSPC)
// is produced by the kernel, not simulated. Linux only; elsewhere, or where
// the kernel refuses the namespaces, the test is skipped with a message.
package smallfs

import "testing"

// Dir mounts a tmpfs of size bytes and returns its path; the test's
// remaining body runs with it, in a child process. In the calling (parent)
// process Dir runs the test again as that child, reports its result and
// returns ok false: the test must return at once, as in
//
//	dir, ok := smallfs.Dir(t, 1<<20)
//	if !ok {
//		return
//	}
func Dir(t *testing.T, size int64) (dir string, ok bool) {
	t.Helper()
	return tempfs(t, size)
}
