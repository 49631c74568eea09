package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/opgraph/opgraph/loaders/source"
)

// sharedDev is the dev corpus beside the repository; tests that need it
// skip where it is absent (a user's fresh clone).
const sharedDev = "../../../shared/corpus/dev"

func readShared(t *testing.T, name string) source.Document {
	t.Helper()
	path := filepath.Join(sharedDev, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("skipping: the shared dev corpus is not here (%v)", err)
	}
	doc, err := source.ParseText(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestSeedArticle checks the facts of the EncroChat seed article one by one.
func TestSeedArticle(t *testing.T) {
	ex := newExtractor(t).Extract(readShared(t, "00-encrochat-seed.txt"))

	agencies := map[string]bool{}
	for _, a := range ex.Agencies {
		agencies[a.Name] = true
	}
	for _, want := range []string{"National Crime Agency", "Metropolitan Police"} {
		if !agencies[want] {
			t.Errorf("agency %q not found in %v", want, agencies)
		}
	}
	var eternal *Operation
	for i, op := range ex.Operations {
		if op.Name != nil && *op.Name == "Eternal" {
			eternal = &ex.Operations[i]
		}
	}
	if eternal == nil || !contains(eternal.Agencies, "Metropolitan Police") {
		t.Errorf("operation Eternal run by the Met not found: %+v", ex.Operations)
	}
	arrests := map[float64]string{}
	for _, a := range ex.Arrests {
		if a.Count != nil {
			arrests[*a.Count] = deref(a.Agency)
		}
	}
	if arrests[746] != "National Crime Agency" || arrests[132] != "Metropolitan Police" {
		t.Errorf("arrests = %v, want 746 by the NCA and 132 by the Met", arrests)
	}
	type fig struct {
		commodity string
		value     float64
		qualifier string
	}
	got := map[fig]bool{}
	for _, s := range ex.Seizures {
		f := fig{commodity: s.Commodity, qualifier: deref(s.Qualifier)}
		switch {
		case s.Amount != nil:
			f.value = *s.Amount
		case s.Quantity != nil:
			f.value = *s.Quantity
		}
		got[f] = true
	}
	for _, want := range []fig{{"drugs", 2, "more_than"}, {"firearms", 0, "several"}, {"cash", 54e6, "exact"},
		{"cash", 13.3e6, "exact"}, {"firearms", 1, "exact"}} {
		if !got[want] {
			t.Errorf("seizure %+v not found in %+v", want, got)
		}
	}
	found := false
	for _, p := range ex.People {
		if p.Name == "Cressida Dick" {
			found = true
			if deref(p.Role) != "Commissioner" || deref(p.Organisation) != "Metropolitan Police" || deref(p.Title) != "Dame" {
				t.Errorf("Cressida Dick = title %q role %q org %q", deref(p.Title), deref(p.Role), deref(p.Organisation))
			}
		}
	}
	if !found {
		t.Errorf("Cressida Dick not found in %+v", ex.People)
	}
	if len(ex.Platforms) != 1 || ex.Platforms[0].Name != "EncroChat" {
		t.Errorf("platforms = %+v, want EncroChat", ex.Platforms)
	}
}
