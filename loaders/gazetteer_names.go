package loaders

// GazetteerEntry is one row of an embedded gazetteer, for tools that need
// real names (the benchmark corpus generator).
type GazetteerEntry struct {
	Name    string
	Country string // ISO 3166-1 alpha-2, "INT" or ""
	Kind    string // agency or place kind
}

// Agencies lists the embedded agency gazetteer.
func Agencies() ([]GazetteerEntry, error) {
	var out []GazetteerEntry
	err := readTSV("data/agencies.tsv", 4, func(f []string) {
		out = append(out, GazetteerEntry{Name: f[0], Country: f[2], Kind: f[3]})
	})
	return out, err
}

// Places lists the embedded place gazetteer.
func Places() ([]GazetteerEntry, error) {
	var out []GazetteerEntry
	err := readTSV("data/places.tsv", 5, func(f []string) {
		out = append(out, GazetteerEntry{Name: f[0], Country: f[2], Kind: f[3]})
	})
	return out, err
}
