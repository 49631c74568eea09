package web

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestBundlesMatchSources checks static/dashboard.js and static/explore.js
// were built from the sources as they are: build.mjs records their hash in
// bundle.sum, computed here the same way. A source changed without
// `npm run build` fails it.
func TestBundlesMatchSources(t *testing.T) {
	files, err := filepath.Glob("src/*")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, "build.mjs", "package-lock.json")
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(f + "\x00"))
		h.Write(data)
		h.Write([]byte{0})
	}
	want, err := os.ReadFile("bundle.sum")
	if err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != strings.TrimSpace(string(want)) {
		t.Errorf("the bundles in static/ were built from other sources (bundle.sum %s, the sources hash to %s): run `npm ci && npm run build` in web/",
			strings.TrimSpace(string(want)), got)
	}
}
