package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The matchers written by hand, each on texts that show what it must read
// and what it must not: the spans it finds, what it reports, where its
// match starts, or what it reads and how far. The texts are the
// extractor's own, written for these tests.

// matchCase is a text and what a matcher must return for it.
type matchCase[W any] struct {
	name, in string
	want     W
}

// matcherTable is a matcher and its cases.
type matcherTable[W any] struct {
	name  string
	match func(string) W
	cases []matchCase[W]
}

// run checks each case as a subtest named matcher/case, comparing what
// the matcher returns with the case's want by equal.
func (m matcherTable[W]) run(t *testing.T, equal func(a, b W) bool) {
	for _, c := range m.cases {
		t.Run(m.name+"/"+c.name, func(t *testing.T) {
			if got := m.match(c.in); !equal(got, c.want) {
				t.Errorf("%s(%q) = %v, want %v", m.name, c.in, got, c.want)
			}
		})
	}
}

func same[W comparable](a, b W) bool { return a == b }

// TestSpanFinders checks matchers that return each match's offsets, then
// its parts' (-1 for a part not there).
func TestSpanFinders(t *testing.T) {
	for _, m := range []matcherTable[[][]int]{
		{"findDigitsAt", func(s string) [][]int { return findDigitsAt(s, wordStartsOf(s), nil) }, []matchCase[[][]int]{
			{"grouped and decimal", "Police seized 1,234,567 pills and 2.5 million dollars.", [][]int{{14, 23, 14, 23, -1, -1, -1, -1}, {34, 45, 34, 37, -1, -1, 38, 45}}},
			{"short multipliers", "£54m, 7K and 12 mln were counted", [][]int{{2, 5, 2, 4, 4, 5, -1, -1}, {7, 9, 7, 8, 8, 9, -1, -1}, {14, 20, 14, 16, 17, 20, -1, -1}}},
			{"long multiplier plural", "Officers found 3\tMillions of 4 billion_ coins", [][]int{{15, 25, 15, 16, -1, -1, 17, 25}, {29, 30, 29, 30, -1, -1, -1, -1}}},
			// "99,99" is one number with a decimal comma; "1234,567" two.
			{"broken groups", "It cost 1234,567 or 99,99 and 2 bn2 then 5m. and 0.5tn", [][]int{{8, 12, 8, 12, -1, -1, -1, -1}, {13, 16, 13, 16, -1, -1, -1, -1}, {20, 25, 20, 25, -1, -1, -1, -1}, {30, 31, 30, 31, -1, -1, -1, -1}, {41, 43, 41, 42, 42, 43, -1, -1}, {49, 54, 49, 52, 52, 54, -1, -1}}},
			{"decimal commas", "Police seized 3,5 tonnes and 12,25 kg, not 3, 5 or 1,250.", [][]int{{14, 17, 14, 17, -1, -1, -1, -1}, {29, 34, 29, 34, -1, -1, -1, -1}, {43, 44, 43, 44, -1, -1, -1, -1}, {46, 47, 46, 47, -1, -1, -1, -1}, {51, 56, 51, 56, -1, -1, -1, -1}}},
			{"digits inside words", "A5 B-12 x7 9", [][]int{{5, 7, 5, 7, -1, -1, -1, -1}, {11, 12, 11, 12, -1, -1, -1, -1}}},
			{"none", "no numbers here", nil},
		}},
		{"findWordNumbersAt", func(s string) [][]int { return findWordNumbersAt(s, wordStartsOf(s), nil) }, []matchCase[[][]int]{
			{"hyphenated and multiplied", "Twenty-five men and two hundred women", [][]int{{0, 11, 0, 11, -1, -1}, {20, 31, 20, 23, 24, 31}}},
			{"articles and dozen", "a dozen guns, an officer, one million pills", [][]int{{0, 7, 0, 1, 2, 7}, {14, 16, 14, 16, -1, -1}, {26, 37, 26, 29, 30, 37}}},
			{"units after hyphen or space", "sixty-one, seventy- two, eighteen hundreds", [][]int{{0, 9, 0, 9, -1, -1}, {11, 18, 11, 18, -1, -1}, {20, 23, 20, 23, -1, -1}, {25, 33, 25, 33, -1, -1}}},
			{"spaced multiplier", "twenty-nine  Million and one-twox", [][]int{{0, 20, 0, 11, 13, 20}, {25, 28, 25, 28, -1, -1}}},
			{"no boundary after", "ninety-ninebillion, single dozen", [][]int{{0, 6, 0, 6, -1, -1}, {20, 32, 20, 26, 27, 32}}},
			{"inside words", "someone ate tenfold", nil},
		}},
		{"findVagueAt", func(s string) [][]int { return findVagueAt(s, wordStartsOf(s), nil) }, []matchCase[[][]int]{
			{"several dozen", "several dozen guns and hundreds of pills", [][]int{{0, 13, 0, 13}, {23, 31, 23, 31}}},
			{"number of", "a large number of phones, a significant number of cars", [][]int{{0, 17, 0, 17}, {26, 49, 26, 49}}},
			{"any case", "Numerous raids, multiple arrests and MANY seizures", [][]int{{0, 8, 0, 8}, {16, 24, 16, 24}, {37, 41, 37, 41}}},
			{"quantities", "large quantities of cash and a quantity of gold", [][]int{{0, 19, 0, 19}, {29, 42, 29, 42}}},
			{"no word end", "severally manyfold dozens_", nil},
		}},
		{"findRelDatesAt", func(s string) [][]int { return findRelDatesAt(s, wordStartsOf(s), nil) }, []matchCase[[][]int]{
			{"yesterday and last week", "Police said yesterday that last week they raided it", [][]int{{12, 21}, {27, 36}}},
			{"earlier and later", "earlier this month and later this year", [][]int{{0, 18}, {23, 38}}},
			{"on a weekday", "On Monday, on  Friday and ON sunday", [][]int{{0, 9}, {26, 35}}},
			{"this morning", "this morning and this Morningx, next weekend", [][]int{{0, 12}, {17, 29}, {32, 41}}},
			{"no end needed after a span", "last weekly report today5 and today.", [][]int{{0, 9}, {30, 35}}},
			{"possessive", "Yesterday's raid", [][]int{{0, 9}}},
		}},
		{"findAbsDatesAt", func(s string) [][]int { return findAbsDatesAt(s, wordStartsOf(s), nil) }, []matchCase[[][]int]{
			{"day month year", "on 8 February 2021 and 12 May", [][]int{{3, 18}, {23, 29}}},
			{"month day comma year", "June 8, 2021 and Sept. 5th, 2020x", [][]int{{0, 12}, {17, 26}}},
			{"words before a year", "in 2019, since 2020 and by  2021_", [][]int{{0, 7}, {9, 19}}},
			{"month year and abbreviations", "December 2019. Oct 12th and 11 Nov. 2001", [][]int{{0, 13}, {15, 23}, {28, 40}}},
			{"no month or year", "5 Marching 2020, 123 January 2020, May 5, 20200", [][]int{{21, 33}, {35, 40}}},
			{"ordinal and comma", "Jan 2 2020 and June 31st, 2020", [][]int{{0, 10}, {15, 30}}},
			{"lower case months", "8 february 2021", nil},
		}},
		{"findClauseBreaks", findClauseBreaks, []matchCase[[][]int]{
			{"which and semicolon", "The drugs, which were hidden, were seized; two men fled", [][]int{{9, 16}, {41, 42}}},
			{"dashes", "a car, who knows – and a van — too", [][]int{{5, 10}, {17, 20}, {31, 34}}},
			{"words after a comma", "cash,whom x, whereas y,  of which z, asx", [][]int{{11, 20}, {22, 33}}},
			{"none", "no breaks here", nil},
		}},
		{"findSeizeVerbsAt", func(s string) [][]int { return findSeizeVerbsAt(s, wordStartsOf(s), nil) }, []matchCase[[][]int]{
			{"verbs", "Officers seized cocaine and recovered guns", [][]int{{9, 15, 9, 15}, {28, 37, 28, 37}}},
			{"nouns with of", "the seizure of cash, seizures of drugs, Seizure  of", [][]int{{4, 14, 4, 14}, {21, 32, 21, 32}}},
			{"word ends", "confiscating and impounded, intercepted_, recoveredx", [][]int{{0, 12, 0, 12}, {17, 26, 17, 26}}},
		}},
		{"findMoneyPrefixes", findMoneyPrefixes, []matchCase[[][]int]{
			{"signs and multipliers", "£54m, €1.2 million and US$ 5bn were found", [][]int{{0, 5, 0, 2, 2, 4, 4, 5, -1, -1}, {7, 21, 7, 10, 10, 13, -1, -1, 14, 21},
				{26, 33, 26, 30, 30, 31, 31, 33, -1, -1}}}, // (a space may follow US$: "US$ 5bn")
			{"pesos and rupees", "P10m, xPHP 5, Rs. 500, Rs 5 and Rs.5k", [][]int{{0, 4, 0, 1, 1, 3, 3, 4, -1, -1}, {7, 12, 7, 11, 11, 12, -1, -1, -1, -1}, {14, 21, 14, 18, 18, 21, -1, -1, -1, -1}, {23, 27, 23, 26, 26, 27, -1, -1, -1, -1}, {32, 37, 32, 35, 35, 36, 36, 37, -1, -1}}},
			{"codes and spaces", "N40 crore, AUD  7K, $3mn and A$1,234.5 billion", [][]int{{0, 9, 0, 1, 1, 3, -1, -1, 4, 9}, {20, 24, 20, 21, 21, 22, 22, 24, -1, -1}, {29, 46, 29, 31, 31, 38, -1, -1, 39, 46}}},
			{"dollar signs; a long multiplier in any case", "NZD5b, C$ 12 thousandx, CA$3 Million, HK$4 lakhs", [][]int{{0, 5, 0, 3, 3, 4, 4, 5, -1, -1}, {24, 36, 24, 27, 27, 28, -1, -1, 29, 36}, {38, 48, 38, 41, 41, 42, -1, -1, 43, 48}}},
			{"grouped by spaces", "EUR 160 000 and GBP 2kK", [][]int{{0, 11, 0, 4, 4, 11, -1, -1, -1, -1}, {16, 21, 16, 20, 20, 21, -1, -1, -1, -1}}},
			{"none", "the cost was 5 dollars", nil},
		}},
		{"findMoneySuffixes", findMoneySuffixes, []matchCase[[][]int]{
			{"multiplier and currency", "2.5 million euros and 5m pounds sterling", [][]int{{0, 17, 0, 3, -1, -1, 4, 11, 12, 17}, {22, 40, 22, 23, 23, 24, -1, -1, 25, 40}}},
			{"spaces and case", "5 mpounds, 5 million  US Dollars, 3 crores rupees", [][]int{{11, 32, 11, 12, -1, -1, 13, 20, 22, 32}, {34, 49, 34, 35, -1, -1, 36, 42, 43, 49}}},
			{"word ends", "1,000,000 yen_, 7 bn francs, 12 pounds of cocaine", [][]int{{16, 27, 16, 17, 18, 20, -1, -1, 21, 27}, {29, 38, 29, 31, -1, -1, -1, -1, 32, 38}}},
			{"grouped by a space", "0 000 euro ", [][]int{{0, 10, 0, 5, -1, -1, -1, -1, 6, 10}}},
			{"lakh and francs", "4 Lakh Rupees, 5 swiss francs, 9 kronor, 1,23 euros", [][]int{{0, 13, 0, 1, -1, -1, 2, 6, 7, 13}, {15, 29, 15, 16, -1, -1, -1, -1, 17, 29}, {31, 39, 31, 32, -1, -1, -1, -1, 33, 39}, {43, 51, 43, 45, -1, -1, -1, -1, 46, 51}}},
		}},
		{"findNamedArrestsActive", findNamedArrestsActive, []matchCase[[][]int]{
			{"arrested two names", "The FBI arrested Tom Reed on Friday", [][]int{{8, 25}}},
			{"detained and word start", "police detained  Élodie Roy; xarrested Ab Cd", [][]int{{7, 28}}},
			{"names must be spaced words", "arrestedAb Cd, arrested A Bc, arrested Ab\nCd", [][]int{{30, 44}}},
		}},
		{"findNamedArrestsPassive", findNamedArrestsPassive, []matchCase[[][]int]{
			{"comma before was", "Mia Stone, was arrested in July", [][]int{{0, 23}}},
			{"adverbs", "Jo Li had been subsequently detained and Ann Ray was\tlater detained", [][]int{{0, 36}, {41, 67}}},
			{"no adverb or no space", "Ab Cd was laterally arrested, Ab Cd , was arrested, ÖzKaya Ğül had been detained", [][]int{{55, 83}}},
			{"inside a capitalised word", "McDonald Smith has been later arrested", [][]int{{2, 38}}},
		}},
	} {
		m.run(t, equalSpans)
	}
}

func equalSpans(a, b [][]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !equalInts(a[k], b[k]) {
			return false
		}
	}
	return true
}

func TestTextTests(t *testing.T) {
	for _, m := range []matcherTable[bool]{
		{"arrestBare", arrestBare, []matchCase[bool]{
			{"arrested", " arrested", true},
			{"were arrested", " were arrested", true},
			{"men were arrested", " men were arrested", true},
			{"suspected drug-dealers were held", " suspected drug-dealers were held", false},
			{"alleged dealers were Nabbed.", " alleged dealers  were  Nabbed.", true},
			{"of them taken into custody", " of them taken into custody", true},
			{"young gang members rounded up", " young gang members rounded up", true},
			{"arrested again", "arrested", false},
			{"more people were arrestedx", " more people were arrestedx", false},
			{"people were arrested", " people\twere\narrested", true},
			{"a b c men arrested", " a b c men arrested", false},
			{"a-b c men arrested", " a-b c men arrested", true},
			{"menarrested", " menarrested", false},
			{"suspected x arrested", " suspected  x arrested", false},
			{"Were ARRESTED", " Were ARRESTED", true},
			{"were picked up,", " were picked up,", true},
			{"members detained_", " members detained_", false},
			{"drug-dealers", " drug-dealers", false},
			{". 12 x held '", "  .\n12\nx held  '", false},
			{"picked", " picked", false},
			{"them", "  them", false},
			{"12 a-b", " 12\ta-b", false},
			{"taken into custodypicked menalleged .", "  taken into custodypicked\tmenalleged\t.", false},
			{"( of them arrested", "  (\tof them  arrested", false},
			{"'", " '", false},
			{"a-b12 ((", "  a-b12\n((", false},
			{"ARRESTED - members (", "  ARRESTED\t-  members\t(", true},
			{"Men held", " Men  held", true},
			{"people rounded upof them", "  people\trounded upof them", false},
			{"members", " members", false},
			{"gang members _ 12 picked -", " gang members\n_  12  picked  -", false},
			{"taken into custody drug-dealerssuspected", " taken into custody\tdrug-dealerssuspectedx\n(", true},
			{"held( people people -", "  held(\tpeople  people  -", true},
			{"rounded up", "  rounded up", true},
			{"ARRESTED held menalleged rounded up", " ARRESTED\nheld menalleged\nrounded up", true},
			{"rounded up rounded up", " rounded up\nrounded up", true},
			{"arrested again again", " arrested", true},
			{"people ARRESTED of", "  people ARRESTED\nof", true},
			{"ARRESTED Wereof them", " ARRESTED  Wereof them", true},
			{"arrested picked gang members", " arrested picked  gang members", true},
			{"held of them", " held of them", true},
		}},
		{"namesExamples", func(s string) bool { return namesExamples(lowerASCII(s)) }, []matchCase[bool]{
			{"empty", "", false},
			{"such as", "such as", true},
			{"Such As knives", "Such As knives", true},
			{"suchas", "suchas", false},
			{"items, including guns", "items, including guns", true},
			{"Including", "Including", true},
			{"xincluding", "xincluding", false},
			{"includes_", "includes_", false},
			{"likely", "likely", false},
			{"like", "like", true},
			{"unlike", "unlike", false},
			{"e.g.", "e.g.", false},
			{"e.g. knives", "e.g. knives", false},
			{"e.g.knives", "e.g.knives", true},
			{"E.G.x", "E.G.x", true},
			{"such as again", "such  as", false},
			{"such as\u2019", "such as’", true},
			{"\u2019like\u2019", "’like’", true},
			{"including9", "including9", false},
			{"9like", "9like", false},
		}},
		{"startsWithMonthName", startsWithMonthName, []matchCase[bool]{
			{"short", " jan 5", true},
			{"whole", "January", true},
			{"longer word", "septembers", false},
			{"with a dot", "Sept. 4", true},
			{"mar", "mar", true},
			{"not first", "5 may", false},
			{"spaces and case", "  MAY\t", true},
			{"underscore after", "june_", false},
			{"digit after", "jun5", false},
			{"none", "x", false},
		}},
		{"endsWithMonthName", endsWithMonthName, []matchCase[bool]{
			{"long", "5 March ", true},
			{"mar is not read before a figure", "mar ", false},
			{"sept", "in sept  ", true},
			{"inside a word", "xmay ", false},
			{"no space after", "may", false},
			{"underscore before", "_may ", false},
			{"tab", "Dec\t", true},
			{"digit before", "5dec ", false},
		}},
		{"hasSeizeCue", hasSeizeCue, []matchCase[bool]{
			{"verb", "Officers seized cocaine", true},
			{"stem to word end", "the Confiscation order", true},
			{"phrase", "drugs were found", true},
			{"phrase inside a word", "the foundation", false},
			{"long phrase", "guns taken off the streets", true},
			{"past tense of smuggle", "they smuggled it", false},
			{"none", "nothing here", false},
			{"forfeit stem", "assets forfeited", true},
		}},
		{"endsNotSeizedItem", endsNotSeizedItem, []matchCase[bool]{
			{"used to", "weapons used to ", true},
			{"of the and case", "in front OF THE\t", true},
			{"to ending a longer word, as the pattern read it", "a photo ", true},
			{"no space after", "used to", false},
			{"the alone", "the ", false},
		}},
		{"endsSingleItem", endsSingleItem, []matchCase[bool]{
			{"article", "seized a ", true},
			{"article and a word", "found An ex-army_1 ", true},
			{"one", "ONE\tloaded\n", true},
			{"inside a word", "seized extra ", false},
			{"after a non-ASCII letter", "éa ", true},
			{"two words after", "a b c ", false},
			{"a bore, then a word", "a .38 calibre ", true},
			{"a size, then a word", "an 8mm hunting ", true},
			{"three words after", "a .38 long calibre ", false},
			{"a quote before the word", "a \"b ", false},
			{"no space after", "a b", false},
		}},
		{"endsOfWhich", endsOfWhich, []matchCase[bool]{
			{"comma", "the drugs, of which ", true},
			{"a word after", "of which some  ", true},
			{"inside a word", "xof which ", false},
			{"two spaces", "of  which ", false},
			{"upper case and digits", "OF WHICH 12 ", true},
			{"hyphen", "of which-x ", false},
			{"two words", "of which a b ", false},
		}},
		{"endsActiveArrest", endsActiveArrest, []matchCase[bool]{
			{"verb", "police arrested ", true},
			{"a total of", "arresting a total of  ", true},
			{"some", "the police arrest  some ", true},
			{"at least", "detained\tat least ", true},
			{"inside a word", "xarrested ", false},
			{"no space", "apprehended another", false},
			{"no space after verb", "they arrested", false},
		}},
		{"endsArrestOf", endsArrestOf, []matchCase[bool]{
			{"arrests of", "the arrests of ", true},
			{"a total of", "arrest of a total of ", true},
			{"detention", "detention  of\t", true},
			{"apprehension total", "apprehension of a total  of ", false},
			{"inside a word", "xarrest of ", false},
			{"no space", "arrest of", false},
		}},
		{"isAdjectiveUseAfter", isAdjectiveUseAfter, []matchCase[bool]{
			{"authorities", " authorities said", true},
			{"two words", "  law enforcement_", false},
			{"not a use", " UK police", false},
			{"capital", " Police", false},
			{"police", " police", true},
			{"longer word", " partnership", false},
		}},
		{"notSeizedMoneyAfter", notSeizedMoneyAfter, []matchCase[bool]{
			{"per year", " per year", true},
			{"profits", "in profits", true},
			{"a year prefix", " a yearly", true},
			{"annually", "annually", true},
			{"fine", " fine", true},
			{"cash", " in cash", false},
		}},
		{"endsArrestAnd", endsArrestAnd, []matchCase[bool]{
			{"men and", "arrested 12 men and ", true},
			{"commas and hyphens", "Detained\tx, y-z  a b and\n", true},
			{"inside a word", "xarrested 1 and ", false},
			{"arrest of", "the arrest of  two  and ", true},
			{"five runs", "detention of a b c d e and ", false},
			{"no run", "arrested and ", false},
			{"bracket", "arrested (3) and ", false},
			{"comma before and", "detained 5 women, and  ", true},
		}},
		{"creditBefore", creditBefore, []matchCase[bool]{
			{"say", "figures from the NCA say ", true},
			{"said the", "said\tthe\n", true},
			{"inside a word", "xsays the ", false},
			{"underscore", "_by ", false},
			{"according to", "according to  THE ", true},
			{"no space", "stated", false},
			{"no space after the", "announced the", false},
			{"accent", "by  thé ", false},
			{"saying", "saying the ", false},
		}},
		{"notArrestLow", func(s string) bool { return notArrestLow(lowerASCII(s)) }, []matchCase[bool]{
			{"warrants", " arrest warrants", true},
			{"charges", " new Charges_", false},
			{"years", " years", true},
			{"hyphen word", " x-y  officers", true},
			{"tab", "\tmore-or\tless  days.", false},
			{"arrested", " men were arrested", false},
			{"word end", " countriesx", false},
			{"agency singular", " agency", false},
		}},
		{"arrestLeadLow", func(s string) bool { return arrestLeadLow(lowerASCII(s)) }, []matchCase[bool]{
			{"noun", " men were arrested", true},
			{"suspected", " suspected dealers", true},
			{"third word", " x y people", true},
			{"fourth word", " a b c people", false},
			{"bracket", " (a) men", false},
			{"verb", " were held", true},
		}},
		{"passiveArrest", passiveArrest, []matchCase[bool]{
			{"men were", " men were arrested", true},
			{"comma clause", " suspected dealers, from abroad, were later arrested", true},
			{"bracket", " 12-year-old boys (aged 12) have been detained", true},
			{"no noun", " Were ROUNDED UP", false},
			{"of them", " of them were held", true},
			{"three words before noun", " x y z people were picked up", false},
			{"no auxiliary", " a_b (c) arrested", false},
			{"who and a word", " men (aged 20-30), from x y, who later Were  then arrested", true},
			{"charged and", " suspects who were charged and then were arrested", false},
			{"two brackets", " persons (a) (b) have been Held", false},
			{"double comma", " people,, were arrested", true},
			{"gang members", " Gang Members are being arrested. and", true},
			{"word before verb", " of them  Had Been  x_ collared_", false},
			{"but", " women, but who had been picked up", false},
			{"that", " man  that  was   rounded  up\n", false},
		}},
		{"valueBeforeLow", func(s string) bool { return valueBeforeLow(lowerASCII(s)) }, []matchCase[bool]{
			{"worth", "drugs worth ", true},
			{"valued at", "Valued at  of in excess of ", true},
			{"value of up to", "a value  of  up to ", true},
			{"inside a word", "xprice ", false},
			{"price of about", "price of\tabout ", true},
			{"estimated", "value estimated\t", true},
			{"of twice", "worth of of ", false},
			{"no space", "worth", false},
		}},
		{"auxBeforeLow", func(s string) bool { return auxBeforeLow(lowerASCII(s)) }, []matchCase[bool]{
			{"were", "were ", true},
			{"had been", "had been  ", true},
			{"a word after", "HAVE x_1 ", true},
			{"inside a word", "bewere ", false},
			{"hyphen", "is-this ", false},
			{"tab", "been\t", true},
			{"two words", " xwas y ", false},
			{"bracket", "are (x) ", false},
			{"found", "Was Found  ", true},
		}},
		{"hasSiteNotice", hasSiteNotice, []matchCase[bool]{
			{"cookies", "We use cookies.", true},
			{"policy", "Cookie Policy", true},
			{"an operation's name", "Operation Cookie Monster took down Genesis Market.", false},
			{"cannabis cookies", "Officers found 40 cannabis cookies in the flat.", false},
			{"a banner", "This site uses cookies to improve your experience.", true},
			{"inside a word", "xcookies", false},
			{"word end", "cookiesx", false},
			{"terms", "Terms of Service", true},
			{"two spaces", "terms of  use", false},
			{"rights", "All Rights Reserved 2020", true},
			{"newsletter", "Sign up for our newsletter", true},
			{"plural", "newsletters", false},
			{"underscore", "privacy policy_", false},
		}},
	} {
		m.run(t, same[bool])
	}
}

// TestMatchStarts checks matchers that return where their match starts, or -1.
func TestMatchStarts(t *testing.T) {
	for _, m := range []matcherTable[int]{
		{"placePhraseLow", func(s string) int { return placePhraseLow(lowerASCII(s)) }, []matchCase[int]{
			{"from", "a pistol from the car", 8},
			{"tabs", "x\tinside\ny", 1},
			{"no space after", " in", -1},
			{"two spaces", "drugs hidden  in the van", 5},
			{"worth", " worth it", 0},
			{"inside a word", "a fromage", -1},
		}},
		{"arrestOneActiveAt", arrestOneActiveAt, []matchCase[int]{
			{"man", "they arrested a 23-year old man", 5},
			{"courier", "detained the  suspected drug courier_", -1},
			{"its leader", "Arrested ITS Leader,", 0},
			{"one of", "apprehended one of the men", -1},
			{"four words", "arrested an x y z w man", -1},
			{"hyphen word", "arrested a x-y  z\twoman.", 0},
			{"boss", "arresting their boss", 0},
			{"national", "detaining one national", 0},
		}},
		{"arrestOnePassiveAt", arrestOnePassiveAt, []matchCase[int]{
			{"man was", "a 23-year-old man was arrested", 0},
			{"comma clause", "another man, from x y z, was later arrested", 0},
			{"in a place", "The suspect in  a b  c has been Taken Into Custody", 0},
			{"aged", "one youth aged  17 is being detained", 0},
			{"space before comma", "x-y driver , was then apprehended", 0},
			{"four words", "an x y z w teen was arrested", 4},
			{"comma", "teenager, was arrested_", -1},
			{"dot in clause", "a man of  the people, a bc. was arrested", -1},
			{"from", "Kingpin  from\tEast   London  had been arrested", 0},
			{"word end", "the Ringleader was also detainedx", -1},
		}},
	} {
		m.run(t, same[int])
	}
}

// wordRead is what a reader of a word returns: the word as written, and
// the length it read (for qualifierBefore, where the qualifier starts).
type wordRead struct {
	word string
	n    int
}

func TestReadersOfWords(t *testing.T) {
	read := func(f func(string) (string, int)) func(string) wordRead {
		return func(s string) wordRead {
			w, n := f(s)
			return wordRead{w, n}
		}
	}
	for _, m := range []matcherTable[wordRead]{
		{"unitAfter", read(unitAfter), []matchCase[wordRead]{
			{"hyphen", "-tonnes of", wordRead{"tonnes", 7}},
			{"spaced hyphen and dot", " - kg.", wordRead{"kg", 6}},
			{"metric tons", "\t metric  tons", wordRead{"", -1}},
			{"metric ton", "metric ton", wordRead{"metric ton", 10}},
			{"kilogrammes", " kilogrammes", wordRead{"kilogrammes", 12}},
			{"t-shirts", " t-shirts", wordRead{"t", 2}},
			{"lbs dot", " lbs.", wordRead{"lbs", 5}},
			{"litre", "l", wordRead{"l", 1}},
			{"word end", " ml_", wordRead{"", -1}},
			{"none", " 12", wordRead{"", -1}},
		}},
		{"packUnitAfter", read(packUnitAfter), []matchCase[wordRead]{
			{"bricks", " bricks of cocaine", wordRead{"bricks", 10}},
			{"tab and case", "  Bags\tOF", wordRead{"Bags", 9}},
			{"off", " pouch off", wordRead{"", -1}},
			{"word end", " boxes  of_", wordRead{"", -1}},
			{"sack", " sack of", wordRead{"sack", 8}},
			{"no space", "bricks of", wordRead{"", -1}},
		}},
		{"qualifierBefore", read(qualifierBefore), []matchCase[wordRead]{
			{"more than", "more than ", wordRead{"more_than", 0}},
			{"in excess of", "in excess of  ", wordRead{"more_than", 0}},
			{"approx dot", "approx. ", wordRead{"about", 0}},
			{"c dot", "c. ", wordRead{"about", 0}},
			{"inside a word", "xover ", wordRead{"", 0}},
			{"tab", "Nearly\t", wordRead{"less_than", 0}},
			{"as many as", "as many as ", wordRead{"up_to", 0}},
			{"sign", "seized over £", wordRead{"more_than", 7}},
			{"code", "just under USD ", wordRead{"less_than", 0}},
			{"no space", "some", wordRead{"", 0}},
			{"at least", "at least  ", wordRead{"at_least", 0}},
		}},
	} {
		m.run(t, same[wordRead])
	}
}

// FuzzArrestBare checks that arrestBare, which walks the text by hand,
// never reads past its end, and reads a count only after a space.
func FuzzArrestBare(f *testing.F) {
	for _, s := range []string{" arrested", " were arrested", " men were arrested", " suspected drug-dealers were held",
		" alleged dealers  were  Nabbed.", " of them taken into custody", " young gang members rounded up", "arrested",
		" more people were arrestedx", " people\twere\narrested", " a b c men arrested", " a-b c men arrested", " menarrested",
		" suspected  x arrested", " Were ARRESTED", " were picked up,", " members detained_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if arrestBare(s) && (s == "" || !isSpaceASCII(s[0])) {
			t.Errorf("arrestBare(%q) read a count with no space before it", s)
		}
	})
}

// TestMadeFromBefore checks madeFromBefore against what it stands for:
// the last of each of its phrases, with no comma or semicolon after it.
func TestMadeFromBefore(t *testing.T) {
	want := func(low string) bool {
		for _, w := range []string{"to manufacture ", "to produce ", "to make ", "to synthesize ", "to synthesise "} {
			if k := strings.LastIndex(low, w); k >= 0 && !strings.ContainsAny(low[k:], ",;") {
				return true
			}
		}
		return false
	}
	pieces := []string{"to ", "to", " ", "make ", "produce", "produce ", "manufacture ", "synthesise ", "synthesize ", ",", ";", "x", "tto "}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		s := ""
		for range rng.IntN(7) {
			s += pieces[rng.IntN(len(pieces))]
		}
		if got := madeFromBefore(s); got != want(s) {
			t.Fatalf("madeFromBefore(%q) = %v, want %v", s, got, !got)
		}
	}
}
