package pattern

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The classes of the tests: a few words each.
const (
	classArrestVerb uint64 = 1 << iota
	classTitle
	classAgency
)

var testClasses = map[string]uint64{"arrestVerb": classArrestVerb, "title": classTitle, "agency": classAgency, "person": classTitle}

func testClassify(lower string) uint64 {
	switch lower {
	case "arrested", "detained", "held":
		return classArrestVerb
	case "officer", "detective", "sergeant":
		return classTitle
	case "police", "fbi", "interpol":
		return classAgency
	}
	return 0
}

// describe writes each match as `rule "text" cap="text"`.
func describe(s string, toks []Token, set *Set) []string {
	text := func(a, b int) string {
		if a == b {
			return ""
		}
		return s[toks[a].Start:toks[b-1].End]
	}
	var out []string
	set.Match(toks, func(m Match) bool {
		d := fmt.Sprintf("%s %q", m.Rule, text(m.Start, m.End))
		for _, c := range m.Captures() {
			d += fmt.Sprintf(" %s=%q", c.Name, text(c.Start, c.End))
		}
		out = append(out, d)
		return true
	})
	return out
}

func TestMatch(t *testing.T) {
	cases := []struct {
		name, rules, sentence string
		want                  []string
	}{
		{"literal", "arrest.custody: taken into custody", "Two men were taken into custody on Monday.",
			[]string{`arrest.custody "taken into custody"`}},
		{"literal ignores case", "r: taken into custody", "They were TAKEN Into Custody.",
			[]string{`r "TAKEN Into Custody"`}},
		{"literal needs every token", "r: taken into custody", "They were taken into care.", nil},
		{"in-token alternatives", "r: were arrested|detained", "Three were detained and two were arrested.",
			[]string{`r "were detained"`, `r "were arrested"`}},
		{"class", "r: @arrestVerb by @agency", "He was held by police.", []string{`r "held by police"`}},
		{"class or literal", "r: @title|constable %cap", "Officer Smith and constable Jones spoke.",
			[]string{`r "Officer Smith"`, `r "constable Jones"`}},
		{"number keeps groups and decimals", "r: %num kg|tonnes", "Police seized 1,200 kg and 3.5 tonnes.",
			[]string{`r "1,200 kg"`, `r "3.5 tonnes"`}},
		{"capitalised run", "r: %cap+ police", "the Greater Manchester police said", []string{`r "Greater Manchester police"`, `r "Manchester police"`}},
		{"all caps", "r: %allcaps agents", "FBI agents and Fbi agents", []string{`r "FBI agents"`}},
		{"digit-bearing", "r: %digit&!%num rifles", "AK47 rifles and 47 rifles", []string{`r "AK47 rifles"`}},
		{"lower", "r: %lower police", "local police and Local police", []string{`r "local police"`}},
		{"punctuation shape", "r: police %punct %cap", "police, Smith said", []string{`r "police, Smith"`}},
		{"any token", "r: seized %any of", "seized 40 of them", []string{`r "seized 40 of"`}},
		{"literal punctuation", "r: police , who", "the police, who said", []string{`r "police, who"`}},
		{"escaped and quoted punctuation", `r: \( %any "?" \)`, "he (really?) did", []string{`r "(really?)"`}},
		{"exact text", `r: "P" %num`, "P500 or p500 or P 500", []string{`r "P 500"`}},
		{"glued", `r: "A" $&%glued %num&%glued`, "A$5 and A $5 and A$ 5", []string{`r "A$5"`}},
		{"negation", "r: the !police officers", "the police officers and the prison officers",
			[]string{`r "the prison officers"`}},
		{"optional", "r: was? arrested", "He was arrested; she arrested him.",
			[]string{`r "was arrested"`, `r "arrested"`, `r "arrested"`}},
		{"star", "r: seized (and|or %any)* cash", "seized cash, seized and or guns cash",
			[]string{`r "seized cash"`}},
		{"plus", "r: very+ big", "a big and very very big case", []string{`r "very very big"`, `r "very big"`}},
		{"counted", "r: %cap{2,3} said", "Jane Ann Lee Smith said", []string{`r "Ann Lee Smith said"`, `r "Lee Smith said"`}},
		{"counted exactly", "r: ha{2}", "ha ha ha", []string{`r "ha ha"`, `r "ha ha"`}},
		{"counted open", "r: x{2,} y", "x y x x y x x x y", []string{`r "x x y"`, `r "x x x y"`, `r "x x y"`}},
		{"alternation of sequences", "r: (taken into custody | arrested) by", "taken into custody by police, arrested by the FBI",
			[]string{`r "taken into custody by"`, `r "arrested by"`}},
		{"top-level alternation", "r: taken into custody | arrested", "He was arrested.", []string{`r "arrested"`}},
		{"capture", "r: who:(%cap+) was arrested", "Police said John Smith was arrested",
			[]string{`r "John Smith was arrested" who="John Smith"`, `r "Smith was arrested" who="Smith"`}},
		{"capture of a quantified test", "r: who:%cap+ was", "Ann Lee was", []string{`r "Ann Lee was" who="Ann Lee"`, `r "Lee was" who="Lee"`}},
		{"capture not taken", "r: (by who:@agency)? arrested", "arrested", []string{`r "arrested"`}},
		{"every round of a repeated capture", "r: in p:%cap (, p:%cap)* and p:%cap", "raids in Lyon, Porto, Graz and Riga",
			[]string{`r "in Lyon, Porto, Graz and Riga" p="Lyon" p="Porto" p="Graz" p="Riga"`}},
		{"a round given back is no capture", "r: (x:%cap ,)* x:%cap said", "Ann, Bo, Cy , Di said",
			[]string{`r "Ann, Bo, Cy , Di said" x="Ann" x="Bo" x="Cy" x="Di"`, `r "Bo, Cy , Di said" x="Bo" x="Cy" x="Di"`, `r "Cy , Di said" x="Cy" x="Di"`, `r "Di said" x="Di"`}},
		{"nested captures in text order", "r: all:(one:%cap and two:%cap)", "Ann and Bo",
			[]string{`r "Ann and Bo" all="Ann and Bo" one="Ann" two="Bo"`}},
		{"same capture name in alternatives", "r: (who:@agency | who:%allcaps) said", "ACME said",
			[]string{`r "ACME said" who="ACME"`}},
		{"greedy takes most", "r: a:%any+ b:%any+", "x y z",
			[]string{`r "x y z" a="x y" b="z"`, `r "y z" a="y" b="z"`}},
		{"lazy takes least", "r: a:%any+? b:%any+", "x y z",
			[]string{`r "x y z" a="x" b="y z"`, `r "y z" a="y" b="z"`}},
		{"lazy optional", "r: the a:(big)?? b:%any", "the big dog", []string{`r "the big" a="" b="big"`}},
		{"greedy backtracks", "r: the %any* police", "the local city police", []string{`r "the local city police"`}},
		{"overlapping rules in rule order", "b.long: taken into custody\na.short: into custody",
			"taken into custody", []string{`b.long "taken into custody"`, `a.short "into custody"`}},
		{"rules with the same start", "one: police said\ntwo: police %any", "police said so",
			[]string{`one "police said"`, `two "police said"`}},
		{"fallback: negated first token", "r: !the police", "the police and city police", []string{`r "city police"`}},
		{"fallback: any first token", "r: %any police", "the police", []string{`r "the police"`}},
		{"optional first token indexes both", "r: the? police", "the police", []string{`r "the police"`, `r "police"`}},
		{"possessive", "r: sheriff 's office", "the Sheriff's Office and the sheriff’s office",
			[]string{`r "Sheriff's Office"`, `r "sheriff’s office"`}},
		{"acronym", "r: u.s. attorney", "the U.S. Attorney said", []string{`r "U.S. Attorney"`}},
		{"comments and continuation", "# arrests\nr: taken   # the verb\n    into custody\n\n# end", "taken into custody",
			[]string{`r "taken into custody"`}},
		{"no match at sentence end", "r: police said", "asked the police", nil},
		{"nested groups", "r: ((a|b) (c d)?)+ e", "a c d b e", []string{`r "a c d b e"`, `r "b e"`}},
		{"sentence end", "r: police %end", "police said police", []string{`r "police"`}},
		{"sentence start", "r: %start police", "police said police", []string{`r "police"`}},
		{"end or a comma", "r: in name:%cap (, | %end)", "in Paris, in Rome", []string{`r "in Paris," name="Paris"`, `r "in Rome" name="Rome"`}},
		{"bracketed test", "r: police [!%glued & (said | told)]", "police said, police-said, police told",
			[]string{`r "police said"`, `r "police told"`}},
		{"bracketed negation of a group", "r: [%cap & !(police | court)] said", "Police said Smith said",
			[]string{`r "Smith said"`}},
		{"macro", "$name = %cap (van|de)? %cap\nr: inspector who:$name\ns: $name said", "Inspector Jan de Vries said",
			[]string{`r "Inspector Jan de Vries" who="Jan de Vries"`, `s "Jan de Vries said"`}},
		{"dollar is still a literal", "r: $ %num", "$ 5", []string{`r "$ 5"`}},
		{"empty loop body ends", "r: x (y?)* z", "x z", []string{`r "x z"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set, err := Compile("test.rules", tc.rules, testClasses)
			if err != nil {
				t.Fatalf("Compile(%q): %v", tc.rules, err)
			}
			toks := Tokenize(nil, tc.sentence, testClassify)
			got := describe(tc.sentence, toks, set)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("rules %q on %q:\ngot  %q\nwant %q", tc.rules, tc.sentence, got, tc.want)
			}
		})
	}
}

func TestMatchFallbackIndex(t *testing.T) {
	set, err := Compile("t", "neg: !the police\nany: %any police\nlit: the police\nopt: (the)? police\nclass: @agency said", testClasses)
	if err != nil {
		t.Fatal(err)
	}
	var fallback []string
	for _, r := range set.fallback {
		fallback = append(fallback, set.Name(int(r)))
	}
	if got, want := strings.Join(fallback, " "), "neg any"; got != want {
		t.Errorf("fallback rules: got %q, want %q", got, want)
	}
	if got := set.byLower["the"].rules; len(got) != 2 {
		t.Errorf(`rules under "the": got %v, want lit and opt`, got)
	}
	if set.classMask != classAgency {
		t.Errorf("class mask %b, want %b", set.classMask, classAgency)
	}
}

func TestMatchStops(t *testing.T) {
	set, err := Compile("t", "a: police\nb: police", nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	set.Match(Tokenize(nil, "police police", nil), func(Match) bool { n++; return false })
	if n != 1 {
		t.Errorf("yield returning false: got %d calls, want 1", n)
	}
}

func TestCompileErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"no colon", "arrest taken", "r.rules:1:7: expected ':' after the rule name \"arrest\""},
		{"no name", ": taken", "r.rules:1:1: expected a rule name"},
		{"no pattern", "r:   # nothing", "r.rules:1:1: rule \"r\" has no pattern"},
		{"unclosed group", "r: (taken into", "r.rules:1:4: '(' without ')'"},
		{"unopened group", "r: taken into)", "r.rules:1:14: ')' without '('"},
		{"unknown class", "r: @nope arrested", "r.rules:1:4: unknown class @nope"},
		{"unknown shape", "r: %numb", "r.rules:1:4: unknown shape %numb"},
		{"quantifier on quantifier", "r: a??? b", "r.rules:1:7: a quantifier cannot follow another"},
		{"bad count", "r: a{3,1}", "r.rules:1:5: {3,1}: the most is less than the least"},
		{"count too large", "r: a{99}", "r.rules:1:5: a count in {m,n} must be a number from 0 to 50"},
		{"unclosed count", "r: a{3", "r.rules:1:5: expected {m}, {m,} or {m,n}"},
		{"matches nothing", "r: a? b*", "r.rules:1:1: rule r can match no tokens at all"},
		{"defined twice", "r: a\n\nr: b", "r.rules:3:1: rule \"r\" defined twice"},
		{"literal of two tokens", "r: the sheriff's", "r.rules:1:8: \"sheriff's\" is 2 tokens (\"sheriff\" \"'s\"); write them apart"},
		{"quoted of two tokens", `r: "A$"`, `r.rules:1:4: "A$" is 2 tokens ("A" "$"); write them apart`},
		{"unterminated quote", `r: "abc`, "r.rules:1:4: unterminated quoted token"},
		{"empty alternative", "r: a | | b", "r.rules:1:8: empty alternative"},
		{"empty group", "r: a () b", "r.rules:1:7: empty alternative"},
		{"capture without pattern", "r: who: a", "r.rules:1:8: capture \"who\" needs a pattern right after its ':'"},
		{"spaced quantifier", "r: a {2}", "r.rules:1:6: \"{\" repeats nothing: write it right after its token or group, with no space"},
		{"stray syntax", "r: a }", "r.rules:1:6: expected a token test, found \"}\""},
		{"error on a later line counts characters", "ok: fine\n# c\nr: \"«\" quoted @nope", "r.rules:3:15: unknown class @nope"},
		{"error in a continuation line", "r: taken\n   into )", "r.rules:2:9: ')' without '('"},
		{"place in a test", "r: a|%end", "r.rules:1:6: %end is a place, not a token test"},
		{"only a place", "r: %end", "r.rules:1:1: rule r can match no tokens at all"},
		{"unclosed bracket", "r: [a & b", "r.rules:1:4: '[' without ']'"},
		{"unclosed group in bracket", "r: [(a | b]", "r.rules:1:5: '(' without ')'"},
		{"unknown macro", "r: a $nope", "r.rules:1:6: unknown macro $nope"},
		{"macro without =", "$m %cap", "r.rules:1:4: expected '=' after the macro name $m"},
		{"macro defined twice", "$m = a\n$m = b", "r.rules:2:1: macro $m defined twice"},
		{"macro that captures", "$m = who:%cap", "r.rules:1:6: a macro cannot capture"},
		{"backslash at line end", "r: a \\", "r.rules:1:6: '\\' at the end of a line"},
		{"too deep", "r: " + strings.Repeat("(", 60) + "a" + strings.Repeat(")", 60), "r.rules:1:54: groups nested more than 50 deep"},
		{"too large", "r: (((a b c d e){50}){50})", "r.rules:1:1: rule r is too large once its repeats are expanded"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile("r.rules", tc.src, testClasses)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Compile(%q): got error %v, want *Error %q", tc.src, err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("Compile(%q):\ngot  %s\nwant %s", tc.src, err, tc.want)
			}
		})
	}
}

// TestNeedsSkipRules checks that a rule whose needed class no token of the
// sentence carries is not tried, and one whose class is optional still is.
func TestNeedsSkipRules(t *testing.T) {
	classes := map[string]uint64{"say": 1, "verb": 2}
	set, err := Compile("t", "r.needs: %cap @say\nr.optional: %cap @verb?\n", classes)
	if err != nil {
		t.Fatal(err)
	}
	classify := func(lower string) uint64 {
		if lower == "said" {
			return 1
		}
		return 0
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Ada said", []string{"r.needs", "r.optional"}},
		{"Ada ran", []string{"r.optional"}},
	} {
		var got []string
		set.Match(Tokenize(nil, tc.text, classify), func(m Match) bool {
			got = append(got, m.Rule)
			return true
		})
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: rules %v, want %v", tc.text, got, tc.want)
		}
	}
}
