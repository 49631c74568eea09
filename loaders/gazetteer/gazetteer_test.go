package gazetteer

import "testing"

// TestLoad checks every embedded file parses and yields entries of its kind,
// each with at least one name.
func TestLoad(t *testing.T) {
	entries, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	count := map[Kind]int{}
	for _, e := range entries {
		if len(e.Names) == 0 || e.Canon == "" {
			t.Errorf("entry %+v has no name", e)
		}
		count[e.Kind]++
	}
	for k := Agency; k <= Demonym; k++ {
		if count[k] == 0 {
			t.Errorf("no entries of kind %d", k)
		}
	}
}
