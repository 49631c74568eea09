package corpusgen

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
)

// TestGeneratedFactsAreExtracted generates a small corpus and checks that the
// extractor finds the figures the ground truth says each article states: the
// corpus is only useful for benchmarks if its known answers are right.
func TestGeneratedFactsAreExtracted(t *testing.T) {
	dir := t.TempDir()
	sum, err := Generate(Config{Articles: 60, Seed: 3, Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 60 || sum.Facts < 60 {
		t.Fatalf("summary %+v", sum)
	}
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	want, found := 0, 0
	for sc.Scan() {
		var tr Truth
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, "articles", tr.File))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := source.ParseText(tr.File, data)
		if err != nil {
			t.Fatal(err)
		}
		ex := x.Extract(doc)
		for _, fact := range tr.Facts {
			want++
			if matches(ex, fact) {
				found++
			} else {
				t.Logf("%s: not extracted: %+v", tr.File, fact)
			}
		}
	}
	if found < want*95/100 {
		t.Errorf("extracted %d of %d generated facts, want at least 95%%", found, want)
	}
}

func matches(ex extract.Extraction, f Fact) bool {
	eq := func(p *float64, v float64) bool { return p != nil && *p == v }
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if f.Kind == "arrest" {
		for _, a := range ex.Arrests {
			if eq(a.Count, f.Count) && str(a.Agency) == f.Agency && str(a.Operation) == f.Operation {
				return true
			}
		}
		return false
	}
	for _, s := range ex.Seizures {
		if s.Commodity != f.Commodity || str(s.Agency) != f.Agency {
			continue
		}
		if f.Amount > 0 && eq(s.Amount, f.Amount) && str(s.Currency) == f.Currency {
			return true
		}
		if f.Quantity > 0 && eq(s.Quantity, f.Quantity) && str(s.Unit) == f.Unit {
			return true
		}
	}
	return false
}
