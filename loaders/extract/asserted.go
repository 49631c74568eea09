package extract

import (
	"slices"
	"strings"
)

// Who asserts a figure, kept apart from who acted (agencyFor): "Europol
// said national police arrested 40" was done by police and asserted by
// Europol. A dashboard shows the second as "according to Europol".

// asserted works out who states the facts of sentence sf, records it on
// the sentence's evidence span (the last of ev) and returns it.
func (r *run) asserted(sf *sentenceFacts, ev []Span) *string {
	if !sf.asserterDone {
		sf.asserter, sf.asserterDone = r.assertedBy(sf), true
	}
	who := sf.asserter
	if len(ev) > 0 {
		ev[len(ev)-1].AssertedBy = who
	}
	return r.strp(who)
}

// assertedBy is the agency the sentence says states it ("the NCA said",
// "according to Europol"), else the official quoted ("said Mara Quist"),
// else the outlet that published the article.
func (r *run) assertedBy(sf *sentenceFacts) string {
	for _, a := range sf.agencies {
		if saysSo(sf, a) {
			return a.Name
		}
	}
	if name := quotedPerson(sf); name != "" {
		return name // settled against the people read, once they all are (settleAsserters)
	}
	return r.doc.Source
}

// settleAsserters names each official asserting a figure as the people
// pass read them: "said Chief Inspector Mara Quist" is Mara Quist.
func (r *run) settleAsserters() {
	settle := func(who *string) {
		if who == nil || *who == r.doc.Source {
			return
		}
		if _, ok := r.agencyIdx[*who]; ok {
			return
		}
		for _, p := range r.out.People {
			if *who == p.Name {
				return
			}
		}
		words := strings.Fields(*who)
		for _, p := range r.out.People {
			for _, w := range strings.Fields(p.Name) {
				if len(w) > 2 && slices.Contains(words, w) {
					*who = p.Name // "Chief Inspector Mara" is Mara Quist
					return
				}
			}
		}
		if len(words) > 0 && orgWords[strings.ToLower(words[len(words)-1])] {
			*who = r.doc.Source // "Angeles Field Office announced": a body's office, not a person
		}
	}
	unset := func(who **string) {
		if *who != nil && **who == "" {
			*who = nil
		}
	}
	for k := range r.out.Arrests {
		a := &r.out.Arrests[k]
		settle(a.AssertedBy)
		unset(&a.AssertedBy)
		for e := range a.Evidence {
			settle(&a.Evidence[e].AssertedBy)
		}
	}
	for k := range r.out.Seizures {
		s := &r.out.Seizures[k]
		settle(s.AssertedBy)
		unset(&s.AssertedBy)
		for e := range s.Evidence {
			settle(&s.Evidence[e].AssertedBy)
		}
	}
}

// saysSo reports whether agency mention a is the one speaking in its
// sentence: a say verb right after it ("the NCA said", "Europol has
// announced"), or "according to" / "said" right before it.
func saysSo(sf *sentenceFacts, a mention) bool {
	if endsWithPhrase(sf.low[:a.Start], sayBeforePhrases) {
		return true
	}
	return sf.verbAfter(a, sayVerbs, sayAux)
}

// verbAfter reports whether a word of verbs follows mention a in its
// sentence within three words, the ones before it all words of aux, as a's
// own: "the NCA has announced", "Europol, which supported"; not a passive
// that names another doer: "The Guardia Civil, supported by Europol,
// arrested 23", "the task force, led by the FBI".
func (sf *sentenceFacts) verbAfter(a mention, verbs, aux map[string]bool) bool {
	after := sf.tokensIn(a.End, a.End+40)
	for k := 0; k < len(after) && k < 3; k++ {
		if verbs[after[k].Lower] {
			return k+1 == len(after) || after[k+1].Lower != "by"
		}
		if !aux[after[k].Lower] {
			break
		}
	}
	return false
}

var sayBeforePhrases = []string{"according to", "said", "says", "announced by", "reported by", "stated by"}

var sayAux = wordSet("has have had also later then today yesterday on prosecutors officials spokesman spokeswoman spokesperson chief")

// quotedPerson finds an official quoted in the sentence: two or three
// capitalised words right after a say verb ("said Mara Quist") or right
// before one ("Mara Quist said").
func quotedPerson(sf *sentenceFacts) string {
	toks := sf.toks
	name := func(i, j int) string {
		if i < 0 || j > len(toks) || j-i < 2 {
			return ""
		}
		for k := i; k < j; k++ {
			if !isCapitalised(toks[k].Text) || notNameStart[toks[k].Lower] {
				return ""
			}
			if k > i && sf.s.Text[toks[k-1].End:toks[k].Start] != " " {
				return ""
			}
		}
		return sf.s.Text[toks[i].Start:toks[j-1].End]
	}
	if sf.cues&cueSay == 0 {
		return "" // no verb of saying: known from the word table
	}
	for k := range toks {
		if t := &toks[k]; t.rooted && t.cues&cueSay == 0 || !t.rooted && !sayVerbs[t.Lower] {
			continue
		}
		for n := 3; n >= 2; n-- {
			if s := name(k+1, k+1+n); s != "" {
				return s
			}
		}
		for n := 3; n >= 2; n-- {
			if s := name(k-n, k); s != "" {
				return s
			}
		}
	}
	return ""
}
