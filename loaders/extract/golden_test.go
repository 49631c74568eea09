package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/loaders/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden extracts every dev article and compares the facts with
// testdata/<name>.golden.json, so a change in what the extractor finds shows
// as a diff. Run `go test ./loaders/extract -run TestGolden -update` to accept one.
func TestGolden(t *testing.T) {
	articles, _ := filepath.Glob(filepath.Join(sharedDev, "*.txt"))
	if len(articles) == 0 {
		t.Skipf("skipping: the shared dev corpus is not at %s", sharedDev)
	}
	x := newExtractor(t)
	for _, path := range articles {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := source.ParseText(path, data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(x.Extract(doc), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the extraction; diff it with:\n  go test ./loaders/extract -run 'TestGolden/%s' -update && git diff %s",
					golden, name, golden)
			}
		})
	}
}
