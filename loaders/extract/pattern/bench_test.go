package pattern

import (
	"strings"
	"testing"
)

// benchSentences are news-like sentences written for this benchmark, with
// names, figures, acronyms and punctuation in the proportions of crime
// reporting; only a few of them hold what benchRules look for.
var benchSentences = []string{
	"Detectives from the regional organised crime unit arrested four men on Tuesday after a six-month inquiry into cocaine imports.",
	"The men, aged between 24 and 51, were taken into custody at addresses in the north of the city and remain held.",
	"Officers seized 1,200 kg of cannabis resin, 3.5 kg of heroin and about £250,000 in cash during the searches.",
	"A spokesperson for the National Crime Agency said the operation, code-named Operation Lantern, had disrupted a major supply route.",
	"Sergeant Maria Lopez told reporters the investigation was continuing and further arrests were likely.",
	"The U.S. Drug Enforcement Administration and Europol supported the inquiry with financial intelligence.",
	"Two of the suspects appeared before magistrates on Thursday and were remanded in custody until a hearing next month.",
	"Police said the gang used shipping containers of bananas to move the drugs through the port.",
	"In a separate case, a 32-year-old woman was detained by border officials after 14 packages were found in her luggage.",
	"Customs officers at the airport recovered A$5m worth of methamphetamine hidden in machine parts, the Australian Federal Police said.",
	"Nobody else was hurt in the incident, which happened shortly before midnight on the ring road.",
	"The council will publish its annual budget in March, with spending on roads and schools expected to rise.",
	"Weather forecasters warned of heavy rain across the region over the weekend, with flooding possible near rivers.",
	"Commissioner John Okafor praised the officers' work and thanked the public for information received through the hotline.",
	"The FBI's field office in Miami declined to comment on whether more people would be charged.",
	"Prosecutors allege the network laundered more than $12 million through shell companies registered overseas.",
	"Inspector David Chen said: \"This was a long and careful operation, and it has paid off.\"",
	"The court heard that the defendant had previous convictions for theft and handling stolen goods.",
	"About 300 officers took part in raids on 25 properties across three counties early on Wednesday.",
	"Residents described seeing armed police outside a block of flats on Station Road at around 6am.",
}

const benchRules = `
# arrests
arrest.custody:   taken into custody
arrest.remanded:  remanded in custody
arrest.verb:      (was|were)? @arrestVerb by? @agency?
arrest.count:     n:%num (men|women|people|suspects|others) (were|was)? @arrestVerb
arrest.officers:  @agency? officers? arrested n:(%num|two|three|four|five|six)
# seizures
seizure.mass:     n:%num unit:(kg|kilograms|tonnes|grams|g) of what:%lower+?
seizure.cash:     (£|$|€) n:%num (million|billion|m|bn)?
seizure.worth:    "A"? $&%glued? n:%num&%glued? unit:(m|million)? worth of
seizure.verb:     (seized|recovered|found) (about|more than|nearly)? n:%num
# people
person.titled:    @title|commissioner|inspector who:(%cap{1,3})
person.said:      who:(%cap %cap) (said|told)
person.age:       n:%num - year - old
# agencies and operations
agency.acronym:   the? %allcaps 's? (field office)?
agency.named:     the name:(national|federal|regional %any{0,3}) (agency|police|unit)
operation.named:  operation ,? code - named name:(operation %cap+)
operation.plain:  operation name:(%cap+)
place.road:       on name:(%cap+) (road|street|avenue)
place.in:         in name:(%cap) ,? (police|officials) said
date.day:         on day:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)
money.laundered:  laundered (more than|about)? $ n:%num million?
`

func benchSet(b *testing.B) *Set {
	set, err := Compile("bench.rules", benchRules, testClasses)
	if err != nil {
		b.Fatal(err)
	}
	return set
}

func benchText() (text []string, size, ntoks int) {
	for _, s := range benchSentences {
		size += len(s)
		ntoks += len(Tokenize(nil, s, nil))
	}
	return benchSentences, size, ntoks
}

// BenchmarkTokenize measures tokenizing and classifying the sentences.
func BenchmarkTokenize(b *testing.B) {
	sents, size, ntoks := benchText()
	buf := make([]Token, 0, 64)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			buf = Tokenize(buf[:0], s, testClassify)
		}
	}
	b.ReportMetric(float64(ntoks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkMatch measures matching benchRules over tokenized sentences.
func BenchmarkMatch(b *testing.B) {
	set := benchSet(b)
	sents, size, ntoks := benchText()
	toks := make([][]Token, len(sents))
	for i, s := range sents {
		toks[i] = Tokenize(nil, s, testClassify)
	}
	matches := 0
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range toks {
			set.Match(t, func(Match) bool { matches++; return true })
		}
	}
	b.ReportMetric(float64(ntoks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(matches)/float64(b.N), "matches/op")
}

// BenchmarkTokenizeMatch measures both, as a caller pays them.
func BenchmarkTokenizeMatch(b *testing.B) {
	set := benchSet(b)
	sents, size, ntoks := benchText()
	buf := make([]Token, 0, 64)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			buf = Tokenize(buf[:0], s, testClassify)
			set.Match(buf, func(Match) bool { return true })
		}
	}
	b.ReportMetric(float64(ntoks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestBenchRulesMatch keeps the benchmark honest: its rules compile and
// find what the sentences hold.
func TestBenchRulesMatch(t *testing.T) {
	set, err := Compile("bench.rules", benchRules, testClasses)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range benchSentences {
		set.Match(Tokenize(nil, s, testClassify), func(m Match) bool { seen[m.Rule] = true; return true })
	}
	for _, want := range []string{"arrest.custody", "arrest.remanded", "seizure.mass", "seizure.cash", "person.titled", "operation.named", "place.road", "date.day"} {
		if !seen[want] {
			t.Errorf("rule %s matched no sentence; seen %v", want, strings.Join(keys(seen), " "))
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
