package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestSymlinksOutsideTheFolderSkipped: a folder walk loads a link to a
// file inside the folder and skips one to a file outside it.
func TestSymlinksOutsideTheFolderSkipped(t *testing.T) {
	seed, err := os.ReadFile("../../seeds/" + firstSeed(t))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dir, outside := filepath.Join(root, "drop"), filepath.Join(root, "private")
	for _, d := range []string{dir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	store := openBolt(t, t.TempDir())
	defer store.Close()
	x := newExtractor(t)
	var out, errOut bytes.Buffer
	if sum := Paths(context.Background(), store, x, []string{dir}, &out, &errOut); sum != (Summary{}) {
		t.Errorf("walk of a folder holding only a link to outside: %v, want nothing read\n%s%s", sum, out.String(), errOut.String())
	}

	if err := os.WriteFile(filepath.Join(dir, "real.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.txt", filepath.Join(dir, "alias.txt")); err != nil {
		t.Fatal(err)
	}
	if sum := Paths(context.Background(), store, x, []string{dir}, &out, &errOut); sum.Loaded+sum.Unchanged != 2 || sum.Failed != 0 {
		t.Errorf("walk with real.txt and a link to it inside: %v, want both read\n%s", sum, errOut.String())
	}
	for path, want := range map[string]bool{filepath.Join(dir, "link.txt"): false, filepath.Join(dir, "alias.txt"): true, filepath.Join(dir, "real.txt"): true} {
		if got := within(dir, path); got != want {
			t.Errorf("within(%s) = %v, want %v", path, got, want)
		}
	}
}
