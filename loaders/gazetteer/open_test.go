package gazetteer

import (
	"slices"
	"strings"
	"testing"
)

// TestOpenPlacesCheck checks the generated file is well formed and sorted,
// which Lookup's binary search relies on.
func TestOpenPlacesCheck(t *testing.T) {
	o, err := LoadOpenPlaces()
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestOpenPlacesCheckFails checks Check names the line of a bad file.
func TestOpenPlacesCheckFails(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"order", "lagos\tNG\tcity\nikeja\tNG\tcity\n", `data/geonames.tsv.gz:3: name "ikeja" sorts before the line above's "lagos"`},
		{"fields", "ikeja\tNG\n", "data/geonames.tsv.gz:2: want 3 tab-separated fields, got 2"},
		{"case", "Ikeja\tNG\tcity\n", `data/geonames.tsv.gz:2: name "Ikeja": want lower case, 1 to 4 words`},
		{"kind", "ikeja\tNG\tsuburb\n", `data/geonames.tsv.gz:2: kind "suburb": want city, region or district`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := (&OpenPlaces{body: tc.body, header: 1}).Check()
			if err == nil || err.Error() != tc.want {
				t.Errorf("Check(%q) = %v, want %s", tc.body, err, tc.want)
			}
		})
	}
}

func TestOpenPlacesLookup(t *testing.T) {
	body := "ikeja\tNG\tcity\nlogan\tAU\tcity\nlogan\tUS\tcity\nlogan county\tUS\tdistrict\nnew york\tUS\tregion\nnew york city\tUS\tcity\nondo\tNG\tregion\n"
	small := newOpenPlaces(body, 0)
	for _, tc := range []struct {
		name string
		want []OpenPlace
	}{
		{"ikeja", []OpenPlace{{"NG", "city"}}},                 // first line
		{"ondo", []OpenPlace{{"NG", "region"}}},                // last line
		{"logan", []OpenPlace{{"AU", "city"}, {"US", "city"}}}, // several, in file order
		{"logan county", []OpenPlace{{"US", "district"}}},      // a longer name after a shorter one
		{"lagos", nil}, {"a", nil}, {"zzz", nil}, {"logan c", nil}, // absent: between, before, after, a prefix
		{"new york", []OpenPlace{{"US", "region"}}}, {"new york city", []OpenPlace{{"US", "city"}}}, // the same first 8 bytes
		{"new york ci", nil}, {"new yor", nil},
	} {
		if got := small.Lookup(tc.name); !slices.Equal(got, tc.want) {
			t.Errorf("Lookup(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
	o, err := LoadOpenPlaces()
	if err != nil {
		t.Fatal(err)
	}
	// Names of the embedded file that the hand list does not hold.
	for _, tc := range []struct{ name, country string }{
		{"faisalabad", "PK"}, {"nakhon phanom", "TH"}, {"soweto", "ZA"}, {"ondo state", "NG"}, {"cosala", "MX"}, {"cosalá", "MX"},
	} {
		got := o.Lookup(tc.name)
		if len(got) == 0 || got[0].Country != tc.country {
			t.Errorf("Lookup(%q) = %v, want first in %s", tc.name, got, tc.country)
		}
	}
}

// FuzzOpenLookup checks the binary search against a scan of every line.
func FuzzOpenLookup(f *testing.F) {
	for _, s := range []string{"logan", "a", "zzzz", "ondo state", "nakhon phanom", "", "\t", "hoek van holland"} {
		f.Add(s)
	}
	o, err := LoadOpenPlaces()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string) {
		var want []OpenPlace
		for _, line := range strings.Split(strings.TrimSuffix(o.body, "\n"), "\n") {
			if f := strings.Split(line, "\t"); f[0] == name && name != "" {
				want = append(want, OpenPlace{Country: f[1], Kind: f[2]})
			}
		}
		if got := o.Lookup(name); !slices.Equal(got, want) {
			t.Errorf("Lookup(%q) = %v, want %v", name, got, want)
		}
	})
}
