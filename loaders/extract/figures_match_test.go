package extract

import (
	"regexp"
	"testing"
)

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
		"arrested an x y z w man", "were Seized in 2019, previously", "globally-in 20201 In 1999", " UK police", "  law enforcement_",
		" per year", "in profits", "arrested 12 men and ", "Detained\tx, y-z  a b and\n", "xarrested 1 and ", "the arrest of  two  and ", "detention of a b c d e and ", "arrested and ", "arrested (3) and ", "detained 5 women, and  ", "figures from the NCA say ", "said\tthe\n", "xsays the ", "_by ", "according to  THE ", "stated", "announced the", "by  thé ", "saying the ", " (22 in Spain, 5 in Portugal)", "é(1 in Spain)", " x. (3 in Peru)", "arrested a x-y  z\twoman.", "arresting their boss",
		"a 23-year-old man was arrested", "another man, from x y z, was later arrested", "The suspect in  a b  c has been Taken Into Custody",
		"one youth aged  17 is being detained", "x-y driver , was then apprehended", "an x y z w teen was arrested", "teenager, was arrested_",
		"a man of  the people, a bc. was arrested", "Kingpin  from\tEast   London  had been arrested", "the Ringleader was also detainedx", "detaining one national",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if hasFoldTrap(s) {
			return
		}
		for _, c := range []struct {
			name string
			hand func(string) bool
			re   *regexp.Regexp
		}{
			{"endsOfWhich", endsOfWhich, ofWhichRe},
			{"endsActiveArrest", endsActiveArrest, arrestActiveRe},
			{"endsArrestOf", endsArrestOf, arrestOfRe},
			{"isAdjectiveUseAfter", isAdjectiveUseAfter, adjectiveUseRe},
			{"notSeizedMoneyAfter", notSeizedMoneyAfter, notSeizedMoneyRe},
			{"endsArrestAnd", endsArrestAnd, arrestAndRe},
			{"creditBefore", creditBefore, creditRe},
		} {
			if got, want := c.hand(s), c.re.MatchString(s); got != want {
				t.Fatalf("%s(%q) = %v, want %v", c.name, s, got, want)
			}
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
		if breakdownRe.MatchString(s) && !mayHaveBreakdown(s) {
			t.Fatalf("breakdownRe matches %q, but mayHaveBreakdown is false", s)
		}
		want := -1
		if loc := arrestOneActiveRe.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := arrestOneActiveAt(s); got != want {
			t.Fatalf("arrestOneActiveAt(%q) = %d, want %d", s, got, want)
		}
		want = -1
		if loc := arrestOnePassiveRe.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := arrestOnePassiveAt(s); got != want {
			t.Fatalf("arrestOnePassiveAt(%q) = %d, want %d", s, got, want)
		}
	})
}

// FuzzMoneyMatchers checks the money patterns matched by hand against the
// patterns: the prefix one in any text, the suffix one in texts with no
// fold trap.
func FuzzMoneyMatchers(f *testing.F) {
	for _, s := range []string{
		"£54m, €1.2 million and US$ 5bn, P10m, xPHP 5, Rs. 500, Rs 5, Rs.5k, N40 crore, AUD  7K, 1,234,5678.9 $3mn",
		"A$1,234.5 billion, NZD5b, C$ 12 thousandx, CA$3 Million, HK$4 lakhs, S$5, R$6, ¥7, ₱8, ₦9, ₹10, EUR 1 trillion, GBP 2kK",
		"2.5 million euros, 5m pounds sterling, 5 mpounds, 5 million  US Dollars, 3 crores rupees, 1,000,000 yen_, 7 bn francs",
		"12 pounds of cocaine, 4 Lakh Rupees, 5 swiss francs, 9 kronor 9 krona 9 kroner, 10 dirhams, 11 reais, 1,23 euros",
	} {
		f.Add(s)
	}
	plainPrefix := plain(moneyPrefixScan)
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, got, want [][]int) {
			if len(got) != len(want) {
				t.Fatalf("%s(%q) = %v, want %v", name, s, got, want)
			}
			for k := range got {
				if !equalInts(got[k], want[k]) {
					t.Fatalf("%s(%q) = %v, want %v", name, s, got, want)
				}
			}
		}
		check("findMoneyPrefixes", findMoneyPrefixes(s), plainPrefix.FindAllStringSubmatchIndex(s, -1))
		if !hasFoldTrap(s) {
			check("findMoneySuffixes", findMoneySuffixes(s), moneySuffixRe.FindAllStringSubmatchIndex(s, -1))
		}
	})
}
