package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoFactsSaidAsSuch: an article in which nothing is found reports
// "no facts found" on its first load, not "unchanged".
func TestNoFactsSaidAsSuch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "garden.txt")
	text := "The village garden club met on Tuesday to talk about roses and the weather. Tea was served.\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	store := openBolt(t, t.TempDir())
	defer store.Close()
	x := newExtractor(t)
	var out, errOut bytes.Buffer
	sum := Paths(context.Background(), store, x, []string{file}, &out, &errOut)
	if sum != (Summary{NoFacts: 1}) || !strings.Contains(out.String(), "no facts found in "+file) {
		t.Errorf("first load of an article with no facts: %v, output %q%q", sum, out.String(), errOut.String())
	}
}
