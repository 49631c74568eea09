package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
// as a diff. The articles are third-party text that stays in ../shared: a
// golden file keeps each fact with its offsets, and only a hash of the
// sentence and phrase it was read from (see goldenJSON). Run `go test ./loaders/extract -run TestGolden -update` to accept one.
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
			got, err := goldenJSON(x.Extract(doc))
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

// goldenJSON is ex as JSON with the article's own text (evidence sentences,
// seizure phrases, date phrases, goods as written, the headline and URL; a
// person's title too, under the same key) replaced by a short hash of it:
// what is left is offsets, names and the extractor's own vocabulary.
func goldenJSON(ex Extraction) ([]byte, error) {
	raw, err := json.Marshal(ex)
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return json.MarshalIndent(hashText(v), "", "  ")
}

// hashedKeys are the keys whose values are the article's own words.
var hashedKeys = map[string]bool{"sentence": true, "phrase": true, "title": true, "text": true, "date": true,
	"subtype": true, "url": true}

// hashText replaces each value under one of hashedKeys by the first bytes
// of its SHA-256, under the key with "_sha256" added ("sentence" becomes
// "sentence_sha256"), so that a golden file holds no article text and says
// so by its keys.
func hashText(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && hashedKeys[k] {
				sum := sha256.Sum256([]byte(s))
				delete(v, k)
				v[k+"_sha256"] = hex.EncodeToString(sum[:6])
				continue
			}
			v[k] = hashText(x)
		}
	case []any:
		for i := range v {
			v[i] = hashText(v[i])
		}
	}
	return v
}
