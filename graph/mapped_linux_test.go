package graph

import (
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestMappingSize checks the length adviseFile gives madvise is the
// mapping's, not the file's: Bolt grows its file ahead of its map, and
// advice past the map once zeroed Go heap pages ("fatal error: bad
// sweepgen" in a 3,000-article load).
func TestMappingSize(t *testing.T) {
	page := os.Getpagesize()
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(int64(16 * page)); err != nil { // the file is longer than the map
		t.Fatal(err)
	}
	for _, pages := range []int{1, 3, 8} {
		data, err := unix.Mmap(int(f.Fd()), 0, pages*page, unix.PROT_READ, unix.MAP_SHARED)
		if err != nil {
			t.Fatal(err)
		}
		got, err := mappingSize(uintptr(unsafe.Pointer(&data[0])))
		unix.Munmap(data)
		if err != nil || got != uintptr(pages*page) {
			t.Errorf("mappingSize of %d pages = %d, %v; want %d", pages, got, err, pages*page)
		}
	}
	if _, err := mappingSize(1); err == nil {
		t.Error("mappingSize(1) found a mapping")
	}
}
