package extract

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/opgraph/opgraph/graph"
)

// How an article's figures stand to each other, so that totals count each
// haul and each group of arrests once: a part of a total ("167 in Nigeria"
// of 281 arrests), a restatement ("over 450,000 pills" beside 466,326), and
// figures given for comparison ("the previous record was 3.7 tonnes").

// contextPhrases mark a sentence whose figures look back or sum a year up.
var contextPhrases = []string{"previous", "previously", "financial year", "fiscal year", "in the year",
	"annual", "annually", "yearly", "per year", "a year", "each year", "so far this year", "earlier this year",
	"record of", "former record", "since records began", "to date this year"}

// contextCueWords are the words of contextPhrases a sentence must hold one
// of for isContext to look for the phrases.
var contextCueWords = wordSet("previous previously financial fiscal year annual annually yearly record records date")

// isContext reports whether the sentence's figures are given for
// comparison: past records and yearly totals.
// The phrase must stand in the clause of the figure at pos: "seized 616
// kilos, which has risen to almost 60 tons seized in the year" gives only
// the 60 tons for comparison.
func (r *run) isContext(sf *sentenceFacts, pos int) bool {
	if sf.cues&cueContext == 0 {
		return false
	}
	cs, ce := sf.clauseAt(pos)
	low := sf.low[cs:ce]
	for _, p := range contextPhrases {
		if k := strings.Index(low, p); k >= 0 && (k == 0 || !isWordASCII(low[k-1])) {
			if e := k + len(p); e == len(low) || !isWordASCII(low[e]) && low[e] != '-' {
				return true
			}
		}
	}
	return false
}

// relateFigures marks the parts of totals and the restatements among the
// article's arrests and seizures, once they are all read and merged.
func (r *run) relateFigures() {
	arrests := make([]figureRef, len(r.out.Arrests))
	for k := range r.out.Arrests {
		a := &r.out.Arrests[k]
		arrests[k] = figureRef{links: &a.FigureLinks, key: "arrests", qualifier: a.Qualifier}
		if a.Count != nil {
			arrests[k].value, arrests[k].known = *a.Count, true
		}
	}
	relate(arrests)
	r.leadParts(arrests)
	seizures := make([]figureRef, len(r.out.Seizures))
	for k := range r.out.Seizures {
		s := &r.out.Seizures[k]
		seizures[k] = figureRef{links: &s.FigureLinks, qualifier: deref(s.Qualifier)}
		switch {
		case s.Quantity != nil:
			if kg, ok := unitKg[deref(s.Unit)]; ok {
				seizures[k].key, seizures[k].value = s.Commodity+"/kg", *s.Quantity*kg
			} else {
				seizures[k].key, seizures[k].value = s.Commodity+"/"+deref(s.Subtype)+"/"+deref(s.Unit), *s.Quantity
			}
			seizures[k].known = true
		case s.Amount != nil:
			seizures[k].key, seizures[k].value, seizures[k].known = s.Commodity+"/"+deref(s.Currency), *s.Amount, true
			seizures[k].qualifier = deref(s.AmountQualifier)
		}
	}
	relate(seizures)
	// A haul given by its weight and its value is also a part of a total
	// given in money: "P10 million worth in two operations", one of 500 g
	// worth P3.4 million.
	values := make([]figureRef, len(r.out.Seizures))
	for k := range r.out.Seizures {
		s := &r.out.Seizures[k]
		values[k] = figureRef{links: &s.FigureLinks, qualifier: deref(s.AmountQualifier)}
		if s.Amount != nil {
			values[k].key, values[k].value, values[k].known = s.Commodity+"/"+deref(s.Currency), *s.Amount, true
		}
	}
	relate(values)
}

// additiveWords in a figure's sentence say it adds to an earlier one
// ("a further four were arrested") rather than breaking it down.
var additiveWords = wordSet("further more another additional other others also second later subsequently separate separately")

// leadParts marks arrests that break down the total the article gives
// first: "nine men have been arrested" in the lead, "four men were taken
// into custody at the property" later, in the same operation, is four of
// the nine. Only where the later figures of the operation add up to no
// more than the total, and none says it adds to it.
func (r *run) leadParts(refs []figureRef) {
	start := func(k int) int { return r.out.Arrests[k].Evidence[0].Start }
	t := -1 // the first arrest figure stated
	for k := range r.out.Arrests {
		if refs[k].known && !r.out.Arrests[k].Context && (t < 0 || start(k) < start(t)) {
			t = k
		}
	}
	if t < 0 {
		return
	}
	total := &r.out.Arrests[t]
	if total.PartOf != nil || total.SameAs != nil || total.Qualifier != "exact" || total.Operation == nil {
		return
	}
	var parts []int
	sum := 0.0
	for k := range r.out.Arrests {
		a := &r.out.Arrests[k]
		if k == t || !refs[k].known || a.Context || a.PartOf != nil || a.SameAs != nil || start(k) < total.Evidence[0].End ||
			a.Operation == nil || *a.Operation != *total.Operation {
			continue
		}
		if refs[k].value >= refs[t].value || hasAnyWord(a.Evidence[0].Sentence, additiveWords) {
			return // another group of arrests, not a breakdown
		}
		parts = append(parts, k)
		sum += refs[k].value
	}
	if sum > refs[t].value {
		return
	}
	for _, k := range parts {
		w := t
		r.out.Arrests[k].PartOf = &w
	}
}

// hasAnyWord reports whether s holds one of words, in lower case, as a word.
func hasAnyWord(s string, words map[string]bool) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(c rune) bool { return !unicode.IsLetter(c) }) {
		if words[w] {
			return true
		}
	}
	return false
}

// figureRef is one figure as relate compares it.
type figureRef struct {
	links     *FigureLinks
	key       string  // what it counts: figures of one key add up
	value     float64 // in the key's unit
	known     bool    // a figure, not "dozens"
	qualifier string
}

// unitKg converts masses to kilograms, so that "8 t" and "8,000 kg" compare.
var unitKg = map[string]float64{"kg": 1, "g": 0.001, "tonne": 1000, "ton": 907.18474, "lb": 0.45359237, "oz": 0.028349523}

// sigDigits counts the significant digits of x: 1080000 has three.
func sigDigits(x float64) int {
	t := strings.TrimRight(strings.ReplaceAll(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), ".", ""), "0")
	return len(strings.TrimLeft(t, "0"))
}

// relate marks restatements and parts among figs, in the article's order: a
// rounded figure ("over", "about", "nearly") within a tenth of an exact one
// of the same key restates it; then the figures after a total that add up
// to it (within rounding) are its parts.
func relate(figs []figureRef) {
	free := func(f figureRef) bool { return f.known && !f.links.Context && f.links.SameAs == nil }
	for k := range figs {
		f := figs[k]
		if !free(f) || !rounded[f.qualifier] {
			continue
		}
		for e := range figs {
			g := figs[e]
			// (An estimate written out in full, "an estimated €1,080,000", is
			// what "over €1m" rounds.)
			if e == k || !free(g) || g.key != f.key || rounded[g.qualifier] && !(g.qualifier == "about" && sigDigits(g.value) > sigDigits(f.value)) || g.value == f.value {
				continue
			}
			if restates(f.qualifier, f.value, g.value) {
				s := e
				figs[k].links.SameAs = &s
				break
			}
		}
	}
	for t := range figs {
		if !free(figs[t]) || figs[t].links.PartOf != nil {
			continue
		}
		total := figs[t].value
		sum, parts := 0.0, []int(nil)
		for k := t + 1; k < len(figs); k++ {
			f := figs[k]
			if !free(f) || f.key != figs[t].key || f.links.PartOf != nil {
				continue
			}
			if f.value >= total {
				break
			}
			sum += f.value
			parts = append(parts, k)
			// Within 1%, or 3% where a figure is rounded ("around P6.8 million").
			over := 1.01
			if rounded[figs[t].qualifier] || anyRounded(figs, parts) {
				over = 1.03
			}
			if len(parts) >= 2 && sum >= 0.97*total && sum <= over*total {
				for _, p := range parts {
					w := t
					figs[p].links.PartOf = &w
				}
				break
			}
			if sum > 1.03*total {
				break
			}
		}
	}
}

func anyRounded(figs []figureRef, ks []int) bool {
	for _, k := range ks {
		if rounded[figs[k].qualifier] {
			return true
		}
	}
	return false
}

// rounded qualifiers say a figure is a rounding of an exact one.
var rounded = map[string]bool{"more_than": true, "about": true, "at_least": true, "less_than": true, "up_to": true}

// restates reports whether a figure v with qualifier q is a rounding of the
// exact figure exact: "over 450,000" of 466,326, "nearly 2,000" of 1,950.
func restates(q string, v, exact float64) bool {
	if exact <= 0 || v <= 0 {
		return false
	}
	d := (exact - v) / exact
	switch q {
	case "more_than", "at_least":
		return d >= 0 && d <= 0.1
	case "less_than", "up_to":
		return d <= 0 && d >= -0.1
	}
	return d >= -0.1 && d <= 0.1
}

// operationActors adds to each operation the agencies that made its
// figures: who arrested or seized in an operation took part in it.
func (r *run) operationActors() {
	add := func(op, agency *string, ev []Span) {
		if op == nil || agency == nil {
			return
		}
		k, ok := r.opIdx[strings.ToLower(*op)]
		if !ok {
			return
		}
		o := &r.out.Operations[k]
		if !contains(o.Agencies, *agency) {
			o.Agencies = append(o.Agencies, *agency)
		}
		o.noteRole(*agency, graph.RoleTookPart, ev...)
	}
	for _, a := range r.out.Arrests {
		if !a.Context {
			add(a.Operation, a.Agency, a.Evidence)
		}
	}
	for _, s := range r.out.Seizures {
		if !s.Context {
			add(s.Operation, s.Agency, s.Evidence)
		}
	}
	// An article about one operation: the agencies it names acting ("the
	// German police along with Europol and the FBI have crushed the
	// network") took part in it, where the sentence tells of no other event.
	if op := r.onlyOperation(); op != nil {
		named := false // only from the sentence that first names it: before it, the text may tell of another action
		for i, sf := range r.sents {
			named = named || slices.ContainsFunc(sf.operations, func(m mention) bool { return m.Name == *op.Name })
			if !named || r.inSeparateEvent(i) || r.isHistoric(sf) {
				continue
			}
			for k, a := range sf.agencies {
				if r.supportsOnly(sf, a) || !r.actsInList(sf, k) {
					continue
				}
				name := r.parentAgency(sf, a)
				add(op.Name, &name, []Span{r.span(sf, 0.7)})
			}
		}
	}
}

// onlyOperation is the article's one named operation that is no phase of
// another, or nil where it names none or several.
func (r *run) onlyOperation() *Operation {
	var only *Operation
	for k := range r.out.Operations {
		op := &r.out.Operations[k]
		if op.Name == nil || op.PartOf != nil {
			continue
		}
		if only != nil {
			return nil
		}
		only = op
	}
	return only
}

// actsInList reports whether agency k of the sentence is the subject of a
// verb of acting, alone or in a list joined by "and", "along with" or
// commas: "the German police along with Europol and the FBI have crushed".
func (r *run) actsInList(sf *sentenceFacts, k int) bool {
	for j := k; j < len(sf.agencies); j++ {
		if actsAfter(sf, sf.agencies[j]) {
			return true
		}
		if j+1 == len(sf.agencies) || sf.agencies[j+1].Start < sf.agencies[j].End {
			return false
		}
		switch joiner(sf, sf.agencies[j].End, sf.agencies[j+1].Start) {
		case "and", ",", ", and", "along with", "together with", "with", "and the":
		default:
			return false
		}
	}
	return false
}

// ownerActors gives a figure with no agency, in a sentence that names its
// operation and no agency or other actor, the operation's one owner, now
// that the figures have told who took part: "The Sheriff's Department
// served warrants. The deputies partnered with the Highway Patrol. During
// Operation Consequences, investigators seized 40 guns."
func (r *run) ownerActors() {
	owner := func(i int, op, agency *string, context bool) *string {
		if agency != nil || op == nil || context {
			return agency
		}
		sf := r.sents[i]
		if len(sf.agencies) > 0 || !slices.ContainsFunc(sf.operations, func(m mention) bool { return m.Name == *op }) ||
			r.isHistoric(sf) || sf.namesLocalPolice() || r.inSeparateEvent(i) ||
			genericActorBefore(sf, len(sf.s.Text), false) || r.supportedOperation(*op) {
			return agency
		}
		return r.strp(r.operationOwner(*op))
	}
	for k := range r.out.Arrests {
		a := &r.out.Arrests[k]
		a.Agency = owner(a.sentence, a.Operation, a.Agency, a.Context)
	}
	for k := range r.out.Seizures {
		s := &r.out.Seizures[k]
		s.Agency = owner(s.sentence, s.Operation, s.Agency, s.Context)
	}
}

// madeByRe reads a sentence that says who made the figures of the sentence
// before: "The arrests were made by agents with the DEA and the FBI", "The
// seizure was carried out by the Guardia Civil".
var madeByRe = regexp.MustCompile(`(?i)\bthe (arrests?|seizures?|raids?|searches)\b[^.;]{0,30}?\b(?:were|was|had been|have been) (?:made|carried out|conducted|executed|led) by\b`)

// madeByActors gives the figures of a sentence with no agency the one the
// next sentence says made them ("Federal authorities arrested 12 people.
// The arrests were made by agents with the DEA."): arrests for "the
// arrests", seizures for "the seizure", both for raids and searches.
func (r *run) madeByActors() {
	for j, sf := range r.sents {
		if j == 0 || len(sf.agencies) == 0 || !strings.Contains(sf.low, " by ") ||
			!strings.Contains(sf.low, "the arrest") && !strings.Contains(sf.low, "the seizure") && !strings.Contains(sf.low, "the raid") && !strings.Contains(sf.low, "the search") {
			continue // (cheap tests before the pattern)
		}
		m := madeByRe.FindStringSubmatchIndex(sf.s.Text)
		if m == nil {
			continue
		}
		by := ""
		for _, a := range sf.agencies {
			if a.Start >= m[1] && !r.supportsOnly(sf, a) {
				by = r.parentAgency(sf, a)
				break
			}
		}
		if by == "" || r.agencyCountry(by) == "INT" {
			continue
		}
		noun := strings.ToLower(sf.s.Text[m[2]:m[3]])
		arrests, seizures := strings.HasPrefix(noun, "arrest"), strings.HasPrefix(noun, "seizure")
		if !arrests && !seizures {
			arrests, seizures = true, true
		}
		i := j - 1
		if arrests {
			for k := range r.out.Arrests {
				if a := &r.out.Arrests[k]; a.sentence == i && a.Agency == nil && !a.Context {
					a.Agency = r.strp(by)
				}
			}
		}
		if seizures {
			for k := range r.out.Seizures {
				if s := &r.out.Seizures[k]; s.sentence == i && s.Agency == nil && !s.Context {
					s.Agency = r.strp(by)
				}
			}
		}
	}
}
