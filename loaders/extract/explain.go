package extract

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Explain writes each fact of ex with the rule(s) that read it and the
// character offsets of the sentences that state it, one fact a line, so
// that a wrong fact points at the rule to fix (rules/*.rules, or the pass
// of the extractor its name gives).
func Explain(w io.Writer, ex Extraction) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tFACT\tRULES\tSENTENCES")
	line := func(kind, fact string, ev []Span) {
		var rules, where []string
		seen := map[string]bool{}
		for _, s := range ev {
			r := s.Rule
			if r == "" {
				r = "?"
			}
			if !seen[r] {
				seen[r] = true
				rules = append(rules, r)
			}
			where = append(where, strconv.Itoa(s.Start)+"-"+strconv.Itoa(s.End))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", kind, fact, strings.Join(rules, ","), strings.Join(where, " "))
	}
	for _, a := range ex.Agencies {
		line("agency", a.Name, a.Evidence)
	}
	for _, o := range ex.Operations {
		name := "(unnamed)"
		if o.Name != nil {
			name = *o.Name
		}
		line("operation", name, o.Evidence)
	}
	for _, a := range ex.Arrests {
		f := a.Qualifier
		if a.Count != nil {
			f = strconv.FormatFloat(*a.Count, 'f', -1, 64) + " (" + a.Qualifier + ")"
		}
		line("arrest", f+by(a.Agency, a.AssertedBy), a.Evidence)
	}
	for _, s := range ex.Seizures {
		f := s.Commodity
		if s.Subtype != nil {
			f += "/" + *s.Subtype
		}
		if s.Quantity != nil {
			f += " " + strconv.FormatFloat(*s.Quantity, 'f', -1, 64) + " " + deref(s.Unit)
		}
		if s.Amount != nil {
			f += " " + strconv.FormatFloat(*s.Amount, 'f', -1, 64) + " " + deref(s.Currency)
		}
		line("seizure", f+by(s.Agency, s.AssertedBy), s.Evidence)
	}
	for _, p := range ex.People {
		line("person", p.Name, p.Evidence)
	}
	for _, p := range ex.Places {
		line("place", p.Name, p.Evidence)
	}
	for _, p := range ex.Platforms {
		line("platform", p.Name, p.Evidence)
	}
	for _, g := range ex.Groups {
		line("group", g.Name, g.Evidence)
	}
	for _, d := range ex.Dates {
		line("date", d.Text, d.Evidence)
	}
	tw.Flush()
}

// by says who acted and who said so, where the text gives them.
func by(agency, asserted *string) string {
	s := ""
	if agency != nil {
		s += " by " + *agency
	}
	if asserted != nil && (agency == nil || *asserted != *agency) {
		s += ", according to " + *asserted
	}
	return s
}
