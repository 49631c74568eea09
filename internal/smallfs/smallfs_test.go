package smallfs

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestFull: writing more than the tmpfs holds fails with ENOSPC.
func TestFull(t *testing.T) {
	dir, ok := Dir(t, 64<<10)
	if !ok {
		return
	}
	f, err := os.Create(filepath.Join(dir, "big"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for i := 0; ; i++ {
		if _, err = f.Write(buf); err != nil {
			break
		}
		if i > 1000 {
			t.Fatalf("wrote %d bytes to a 64 KiB tmpfs", i*len(buf))
		}
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("write to a full tmpfs: %v; want ENOSPC", err)
	}
}
