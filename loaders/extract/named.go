package extract

import "github.com/opgraph/opgraph/loaders/extract/pattern"

// findUnlistedNamed reads the platforms and groups of rules/named.rules
// that no gazetteer knows: "the SmokeLoader and IcedID botnets", "the
// LockBit ransomware group", "the Kinahan cartel".
func (r *run) findUnlistedNamed(sf *sentenceFacts) {
	set := r.x.rules.byKind["named"]
	if set == nil || !mayNameUnlisted(sf) {
		return
	}
	toks := r.ruleTokens(sf)
	next := 0
	set.Match(toks, func(m pattern.Match) bool {
		if m.Start < next {
			return true
		}
		next = m.End
		r.rule = m.Rule
		for _, c := range m.Captures() {
			start, end := toks[c.Start].Start, toks[c.End-1].End
			if opensSentence(toks, c.Start) {
				continue // "Seized marketplaces sold ...": a capital that only opens the sentence
			}
			if overlapsMention(sf.agencies, start, end) || overlapsMention(sf.places, start, end) ||
				overlapsMention(sf.operations, start, end) || overlapsMention(sf.platforms, start, end) ||
				overlapsMention(sf.groups, start, end) || overlapsMention(sf.demonyms, start, end) {
				continue
			}
			name := sf.s.Text[start:end]
			mt := mention{Name: name, Surface: name, Start: start, End: end}
			switch c.Name {
			case "platform":
				sf.platforms = append(sf.platforms, mt)
				r.addNamed(&r.out.Platforms, r.platIdx, sf, mt)
			case "group":
				sf.groups = append(sf.groups, mt)
				r.addNamed(&r.out.Groups, r.groupIdx, sf, mt)
			}
		}
		return true
	})
}

// unlistedKindWords are the words one of rules/named.rules needs: a cheap
// test before the rules run.
var unlistedKindWords = wordSet("botnet botnets malware trojan infostealer infostealers marketplace marketplaces dropper droppers cartel clan syndicate gang ransomware encrypted darknet market forum motorcycle loader loaders app messaging")

// mayNameUnlisted reports whether the sentence holds one of
// unlistedKindWords (its cue bit, set as its words were looked up).
func mayNameUnlisted(sf *sentenceFacts) bool { return sf.cues&cueUnlisted != 0 }

// opensSentence reports whether token k is the sentence's first word, after
// punctuation only ("‘Criminal marketplace’").
func opensSentence(toks []pattern.Token, k int) bool {
	for j := 0; j < k; j++ {
		if toks[j].Shape&pattern.ShapePunct == 0 {
			return false
		}
	}
	return true
}
