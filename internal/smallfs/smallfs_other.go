//go:build !linux

package smallfs

import "testing"

func tempfs(t *testing.T, size int64) (string, bool) {
	t.Skip("smallfs: a size-limited filesystem needs Linux's mount namespaces")
	return "", false
}
