package gazetteer

// Row is one row of an embedded gazetteer, for tools that need
// real names (the benchmark corpus generator).
type Row struct {
	Name    string
	Country string // ISO 3166-1 alpha-2, "INT" or ""
	Kind    string // agency or place kind
}

// Agencies lists the embedded agency gazetteer.
func Agencies() ([]Row, error) {
	var out []Row
	err := readTSV("data/agencies.tsv", 4, func(f []string) {
		out = append(out, Row{Name: f[0], Country: f[2], Kind: f[3]})
	})
	return out, err
}

// Places lists the embedded place gazetteer.
func Places() ([]Row, error) {
	var out []Row
	err := readTSV("data/places.tsv", 5, func(f []string) {
		out = append(out, Row{Name: f[0], Country: f[2], Kind: f[3]})
	})
	return out, err
}
