package loaders

import "testing"

// FuzzFigureMatchers checks the figure patterns matched by hand against the
// patterns, in texts with no fold trap.
func FuzzFigureMatchers(f *testing.F) {
	for _, s := range []string{
		"drugs worth £5m, valued at, a street value", "xworth pricey Priced price_ VALUE",
		"police will be seizing, plans  to recover, may  soon be  intercepted, hope to be confiscated, would x_y be seiz",
		" 5-tonnes", " - kg.", "\t metric  tons", "metric ton", " kilogrammes", " t-shirts", " lbs.", "l", " ml_", " 12",
		" bricks of cocaine", "  Bags\tOF", " pouch off", " boxes  of_", " sack of",
		"the drugs, of which ", "of which some  ", "xof which ", "of  which ", "OF WHICH 12 ", "of which-x ", "of which a b ",
		"arrested ", "arresting a total of  ", "the police arrest  some ", "detained\tat least ", "xarrested ", "apprehended another",
		"the arrests of ", "arrest of a total of ", "detention  of\t", "apprehension of a total  of ", "xarrest of ",
		"they arrested a 23-year old man", "detained the  suspected drug courier_", "Arrested ITS Leader,", "apprehended one of the men",
		"arrested an x y z w man", "arrested a x-y  z\twoman.", "arresting their boss", "detaining one national",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if hasFoldTrap(s) {
			return
		}
		if got, want := hasValueWord(s), valueWordRe.MatchString(s); got != want {
			t.Fatalf("hasValueWord(%q) = %v, want %v", s, got, want)
		}
		if got, want := isHypothetical(s), hypotheticalRe.MatchString(s); got != want {
			t.Fatalf("isHypothetical(%q) = %v, want %v", s, got, want)
		}
		for _, c := range []struct {
			name string
			hand func(string) (string, int)
			re   func(string) []string
		}{
			{"unitAfter", unitAfter, unitRe.FindStringSubmatch},
			{"packUnitAfter", packUnitAfter, packUnitRe.FindStringSubmatch},
		} {
			u, n := c.hand(s)
			m := c.re(s)
			if m == nil && n >= 0 || m != nil && (n != len(m[0]) || u != m[1]) {
				t.Fatalf("%s(%q) = %q, %d, want %q", c.name, s, u, n, m)
			}
		}
		if got, want := endsOfWhich(s), ofWhichRe.MatchString(s); got != want {
			t.Fatalf("endsOfWhich(%q) = %v, want %v", s, got, want)
		}
		if got, want := endsActiveArrest(s), arrestActiveRe.MatchString(s); got != want {
			t.Fatalf("endsActiveArrest(%q) = %v, want %v", s, got, want)
		}
		if got, want := endsArrestOf(s), arrestOfRe.MatchString(s); got != want {
			t.Fatalf("endsArrestOf(%q) = %v, want %v", s, got, want)
		}
		want := -1
		if loc := arrestOneActiveRe.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := arrestOneActiveAt(s); got != want {
			t.Fatalf("arrestOneActiveAt(%q) = %d, want %d", s, got, want)
		}
	})
}
