package pattern

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// FuzzCompileMatch compiles random rule text and matches it against a
// random sentence: compiling either fails with an *Error that points into
// the text, or matching reports spans inside the sentence, and exactly
// the matches that trying every rule at every token finds (so the index
// drops no rule that could match).
func FuzzCompileMatch(f *testing.F) {
	f.Add("arrest.custody: taken into custody", "Two men were taken into custody.")
	f.Add("r: who:(%cap+) was? arrested|detained by @agency", "John Smith was detained by police")
	f.Add("r: (a|b){2,3}? !c* x:%any+? %num&%glued", "a b a 1,200 A$5")
	f.Add("r: \"P\" %num\n  \\( \"?\" \\)\n# c\ns: !the %punct | @title %allcaps", "P 5 (?) the, officer FBI")
	f.Add("r: ((x?)*)+ y", "x x x x x x x x x x x x x x x x x x x x z")
	f.Add("r: sheriff 's office u.s.", "the Sheriff's office U.S.")
	f.Add("r: %start? in x:%cap{1,3} (, | on | %end)", "in Ab Cd, in Ef on in Gh")
	f.Add("$n = %cap (de|van)? %cap\nr: who:$n{1,2} said\n$m = $n $n\ns: $m", "Jo de Vries Al Li said")
	f.Add("r: [!%glued & (said | !(x | %num))] a|b&!c", "x said 5 a")
	f.Add("r: %start %cap&!@title&!%allcaps , %num&!%glued !@agency&%lower\ns: %cap&%lower @title&@arrestVerb", "Ada , 5 ran FBI arrested")
	f.Fuzz(func(t *testing.T, rules, sentence string) {
		if len(rules) > 4000 || len(sentence) > 4000 {
			return
		}
		set, err := Compile("fuzz.rules", rules, testClasses)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Compile(%q): error %v is not an *Error", rules, err)
			}
			if e.Line < 1 || e.Line > strings.Count(rules, "\n")+1 || e.Col < 1 || e.Msg == "" {
				t.Fatalf("Compile(%q): error %v points outside the text", rules, err)
			}
			return
		}
		toks := Tokenize(nil, sentence, testClassify)
		checkTokens(t, sentence, toks)
		var got []string
		set.Match(toks, func(m Match) bool {
			if m.Start < 0 || m.End <= m.Start || m.End > len(toks) || set.Name(m.Index) != m.Rule {
				t.Fatalf("rules %q on %q: match %+v out of bounds", rules, sentence, m)
			}
			for _, c := range m.Captures() {
				if c.Start < m.Start || c.End < c.Start || c.End > m.End {
					t.Fatalf("rules %q on %q: capture %+v outside match %d-%d", rules, sentence, c, m.Start, m.End)
				}
			}
			got = append(got, fmt.Sprint(m.Index, m.Start, m.End, m.Captures()))
			return true
		})
		// Tokens numbered by a Words match as those looked up by each Set.
		words := NewWords()
		if wset, err := CompileWords("fuzz.rules", rules, testClasses, words); err != nil {
			t.Fatalf("Compile(%q) worked, CompileWords failed: %v", rules, err)
		} else {
			wtoks := slices.Clone(toks)
			for k := range wtoks {
				wtoks[k].Word = words.ID(wtoks[k].Lower)
			}
			var wgot []string
			wset.Match(wtoks, func(m Match) bool {
				wgot = append(wgot, fmt.Sprint(m.Index, m.Start, m.End, m.Captures()))
				return true
			})
			if strings.Join(got, "\n") != strings.Join(wgot, "\n") {
				t.Fatalf("rules %q on %q:\nby form   %q\nby number %q", rules, sentence, got, wgot)
			}
		}
		// A test read by its masks passes the tokens its expression does.
		for _, rl := range set.rules {
			for _, in := range rl.prog {
				if in.op != opTest || !in.t.masked {
					continue
				}
				for k := range toks {
					if in.t.match(&toks[k]) != in.t.e.match(&toks[k]) {
						t.Fatalf("rules %q on %q: rule %s's masks and expression differ on token %q", rules, sentence, rl.name, toks[k].Text)
					}
				}
			}
		}
		// What each rule matches from each token, compiled as written (no
		// tests of alternatives made one) and tried everywhere.
		p := &parser{file: "fuzz.rules", src: rules, classes: testClasses}
		parsed, err := p.parseFile()
		if err != nil {
			t.Fatalf("rules %q: parsed once, not twice: %v", rules, err)
		}
		var plain []rule
		for _, pr := range parsed {
			prog, ok := compileRuleAs(pr.root, true)
			if !ok {
				return // too large as written
			}
			plain = append(plain, rule{name: pr.name, prog: prog, caps: pr.caps})
		}
		var want []string
		for i := range toks {
			for r := range plain {
				prog := plain[r].prog
				mc := &machine{width: len(prog), ntoks: len(toks), seen: make([]uint32, len(prog)*(len(toks)+1))}
				if end, ok := mc.run(&plain[r], toks, i); ok {
					m := Match{Index: r, Start: i, End: end, names: plain[r].caps, slots: mc.slots, log: mc.log}
					want = append(want, fmt.Sprint(r, i, end, m.Captures()))
				}
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("rules %q on %q:\nindexed   %q\neverywhere %q", rules, sentence, got, want)
		}
	})
}
