package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// scanCases pairs each startScan with the plain pattern it stands for.
// lowerAgency's start test reads ASCII letters, as the extractor does,
// where the case-insensitive pattern also takes "ſ" and the Kelvin sign
// for s and k: it is compared on texts without them.
var scanCases = []struct {
	name       string
	sc         *startScan
	asciiLower bool
}{
	{"operation", operationScan, false},
	{"codename", codenameScan, false},
	{"project", projectScan, false},
	{"week", weekScan, false},
	{"titleName", titleNameScan, false},
	{"lowerAgency", lowerAgencyScan, true},
	{"port", portScan, false},
}

// foldsToASCII reports whether s holds a character that a case-insensitive
// regexp takes for an ASCII letter: the long s "ſ" and the Kelvin sign.
func foldsToASCII(s string) bool { return strings.ContainsAny(s, "ſ\u212a") }

// plain compiles the pattern a startScan was made from.
func plain(sc *startScan) *regexp.Regexp {
	p := sc.at.String()
	return regexp.MustCompile(strings.TrimSuffix(strings.TrimPrefix(p, "^(?:"), ")"))
}

// FuzzStartScan checks that each startScan finds what its pattern finds,
// from every offset and from the word starts alone (findAllAt), and that
// the sums of money read from the word starts are those read from every
// offset.
func FuzzStartScan(f *testing.F) {
	for _, s := range []string{
		"Operation Venetic, codenamed “Eternal”, seized £54m and US$ 5bn, P10m, xPHP 5, Rs. 500 in 2019.",
		"The County Lines Intensification Week and National Day of Action; Project Chrome on 8 February 2021.",
		"Detective Chief Inspector Jane Smith, Dame Cressida Dick and Mr. O’Brien said twenty-five of several dozen.",
		"the head of Police Jo Ray, federal public prosecutor,\tÉlodie Roy; Det. Sergeant II Tom Hay, Det Inspector-Chief Executive Bo Li, head of the unit, Chief  ſam",
		"the federal public prosecutor’s office, which is near Wouwse Plantage; in Rotterdam – at Port.",
		"1,234,5678.9.1 7K 5 kg 12 mln 3\tMillions 4 billion_ 1234,567 99,99 2 bn2 5m. 0.5tn",
		"an a\tdozen Sixteen sixty-one seventy- two eighteen hundreds twenty-nine  Million one-twox a. An_ single dozen ninety-ninebillion",
		"on Monday on  Friday this Morning last weekly Yesterday5 today, earlier this year on mon",
		"last week yesterday earlier this month ſeized K 12:45 €1.2 million NZ$3 R$4 AUD 7K N40",
		"Seizures of, whom;\twhereas — later this Weekend, This morningx, ON sunday, seizure  of cash SEIZURES OF recoveredx",
		"8 Feb. 2021, Sept. 5th, 2020x, 12 May 20211 in 2019, by  2020_ Jan 2 2020 June 31st, 2020 Jun 1st,2020 May 5, 20200",
		"5 Marching 2020, Mar.ch 5, 123 January 2020, December 2019. Oct 12th 11 Nov. 2001 Nov. 1st. 4 Augustus since 19999",
		"Detective Chief Inspector II, Mrs. Jane de Vries, Det. Deputy Chief Executive of The Met Police Jo Ray; Chief Inspector Jane Smith",
		"chief prosecutor J. Smith, Brig. Gen Tom O’Neil-Ray, Secretary-General, Dr  Ann Le Carré, Det Superintendent, Rev. A. B. C",
		"Special Agent in Charge X Y, Director General, Sir Élodie Roy, Head of Unit Five  Marta Van Der Berg, Officer ſam Lee, police chief Öz Ay",
		"it was Found; stash, Shut Down shutdown, taken offline, TAKEN OFF THE STREETS, confiscatory forfeits, frozen froze_",
		"in London in Paris, at Dover Port and near  Ōsaka-Shi were, in O’Neil ,x in Ab Cd Ef Gh on in Éire\nat Kings Cross;at Xy ,z in Ǆa",
		"named  Trojan Shield, dubbed “Eternal”, called ‘x’, known as 26Lemont, code named\tOperation Ruby, so-called Bo, named 'Q",
		"At Dover Port of Entry, the Port of Spain Trinidad and Sydney Harbour_ Airport, Heathrow Airports at Port-of Harbor",
	} {
		f.Add(s)
	}
	re := make([]*regexp.Regexp, len(scanCases))
	for i, c := range scanCases {
		re[i] = plain(c.sc)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findMoneySuffixes(s), findEach(s, &digitLead, wordStart, matchMoneySuffix); !equalSpans(got, want) {
			t.Fatalf("findMoneySuffixes(%q) = %v, from every offset %v", s, got, want)
		}
		for i, c := range scanCases {
			if c.asciiLower && foldsToASCII(s) {
				continue
			}
			got, want := c.sc.findAll(s), re[i].FindAllStringSubmatchIndex(s, -1)
			if len(got) != len(want) {
				t.Fatalf("%s(%q) = %v, want %v", c.name, s, got, want)
			}
			for k := range got {
				if !equalInts(got[k], want[k]) {
					t.Fatalf("%s(%q) = %v, want %v", c.name, s, got, want)
				}
			}
			if at := c.sc.findAllAt(s, wordStartsOf(s)); !equalSpans(at, want) {
				t.Fatalf("%s.findAllAt(%q) = %v, want %v", c.name, s, at, want)
			}
			first := c.sc.first(s)
			if len(want) == 0 && first != nil || len(want) > 0 && !equalInts(first, want[0]) {
				t.Fatalf("%s.first(%q) = %v, want %v", c.name, s, first, want)
			}
		}
	})
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzCharOffsets checks charOffsets against the whole table, and runeCount
// against utf8.RuneCountInString.
func FuzzCharOffsets(f *testing.F) {
	f.Add("a’b\x80\x80c\xe2\x80", 1, 4)
	f.Add("\x80é", 0, 2)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if len(s) == 0 {
			return
		}
		a, b = (a%(len(s)+1)+len(s)+1)%(len(s)+1), (b%(len(s)+1)+len(s)+1)%(len(s)+1)
		if a > b {
			a, b = b, a
		}
		if got, want := runeCount(s[a:b]), utf8.RuneCountInString(s[a:b]); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", s[a:b], got, want)
		}
		offs := []int{0, a, a, b, len(s)}
		got, want := charOffsets(s, offs), charOffsetsByTable(s, offs)
		for k, p := range offs {
			if got[k] != want[k] {
				t.Fatalf("charOffsets(%q) at %d = %d, want %d", s, p, got[k], want[k])
			}
		}
	})
}

// FuzzPrefilters checks that the cheap tests some patterns need to pass
// hold wherever the pattern matches: the boilerplate gates (and that
// isBoilerplate, which tries only the patterns a line's first byte lets
// pass, says what the patterns say, and headlineBullet's quotes), the
// month tests, mayNamePort, mayBePassiveAfter and mayHaveBreakdown. Texts with characters a case-insensitive pattern
// takes for ASCII letters are left out: the tests, like the rest of the
// extractor, read ASCII letters only.
func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{
		"Friday, 29 September 2023 - 9:00am |", "13 November 2019", "November 13, 2019", "Wednesday29 May 2024 – 10.30 pm",
		"We use cookies.", "Cookie Policy", "xcookies", "cookiesx", "Terms of Service", "terms of  use", "All Rights Reserved 2020",
		"Sign up for our newsletter", "newsletters", "privacy policy_", "5 min read", "By Jane Doe, Reuters",
		" (22 in Spain, 5 in Portugal)", "é(1 in Spain)", " x. (3 in Peru)", " Sept. 5", "on 8\tfebruary ", " Junes", "may",
		"• ‘Chronic’ crime", "- Ada Obi, alias \"Tiny\", 37", "* x 'y",
		" in", "\tOver the", ", near", "AS x", "inside", " un", "Throughout", "by", ":", "Between",
		"Port of Spain", "the Dover Port of Entry", "Portugal's Port", "Heathrow Airport", "Airports", "Sydney Harbour_ x Harbor",
	} {
		f.Add(s)
	}
	portRe := plain(portScan)
	f.Fuzz(func(t *testing.T, line string) {
		if foldsToASCII(line) {
			return
		}
		low := lowerASCII(line)
		matched := isHeadlineBullet(line)
		for i, re := range boilerplatePatterns {
			if re != nil && re.MatchString(line) && !boilerplateGates[i].pass(line, low) {
				t.Fatalf("pattern %d matches %q, but its gate fails", i, line)
			}
			matched = matched || re != nil && re.MatchString(line) || re == nil && boilerplateGates[i].pass(line, low)
		}
		if got := isBoilerplate(line); got != matched {
			t.Fatalf("isBoilerplate(%q) = %v, but its patterns say %v", line, got, matched)
		}
		if headlineBullet.MatchString(line) && !strings.ContainsAny(line, headlineQuotes) {
			t.Fatalf("headlineBullet matches %q, which holds none of its quotes", line)
		}
		if passiveAfterRe.MatchString(line) && !mayBePassiveAfter(line) {
			t.Fatalf("passiveAfterRe matches %q, but mayBePassiveAfter is false", line)
		}
		if portRe.MatchString(line) && !mayNamePort(line) {
			t.Fatalf("portScan's pattern matches %q, but mayNamePort is false", line)
		}
		if breakdownRe.MatchString(line) && !mayHaveBreakdown(line) {
			t.Fatalf("breakdownRe matches %q, but mayHaveBreakdown is false", line)
		}
		if startsWithMonthName(line) && !mayStartWithMonth(line) {
			t.Fatalf("startsWithMonthName(%q), but mayStartWithMonth is false", line)
		}
		if endsWithMonthName(line) && !mayEndWithMonth(line) {
			t.Fatalf("endsWithMonthName(%q), but mayEndWithMonth is false", line)
		}
	})
}

// FuzzCodeWordsBefore checks isPartOfDateOrCode's words before a number,
// compared in place, against the words of the text lower-cased in full.
func FuzzCodeWordsBefore(f *testing.F) {
	for _, s := range []string{"Phase 2", "section ", "SECTION ", "xNo. ", "aged between ", "Aged ", "artİcle ", "wee\u212a ", "ARTICLE ", "highway", "é route ", "\xffclass "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, before string) {
		want := false
		lb := strings.ToLower(before)
		for _, w := range codeWordsBefore {
			want = want || strings.HasSuffix(lb, w)
		}
		if got := codeWordBefore(before); got != want {
			t.Fatalf("codeWordBefore(%q) = %v, want %v", before, got, want)
		}
	})
}

// FuzzTokensBefore checks that a sentence's tokens before a byte offset are
// those tokenize finds in the text before it, as commodityBefore and
// findAcronymAgencies take them to be.
func FuzzTokensBefore(f *testing.F) {
	for _, s := range []string{
		"The U.S. Sheriff's Office (USSO) seized 5kg of cocaine.", "Agencies’ haul: A.B.C. x-y Z’s", "é İ ſ K. N.Y.P.D. (NYPD)",
	} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, end int) {
		if end < 0 || end > len(s) {
			return
		}
		sf := &sentenceFacts{s: sentence{Text: s}, toks: appendTokensLow(nil, s, lowerASCII(s))}
		got, want := sf.appendTokensBefore(nil, end), tokenize(s[:end])
		if len(got) != len(want) {
			t.Fatalf("appendTokensBefore(%q, %d) = %v, want %v", s, end, got, want)
		}
		for k := range got {
			g, w := got[k], want[k]
			if g.Text != w.Text || g.Lower != w.Lower || g.Start != w.Start || g.End != w.End {
				t.Fatalf("appendTokensBefore(%q, %d)[%d] = %+v, want %+v", s, end, k, g, w)
			}
		}
	})
}

// FuzzStartBits checks that the word scanners and hasSeizeCueAt find the
// same with the scanner bits the word table gives each word start as
// without them, on a sentence tokenized and looked up as Extract does it.
func FuzzStartBits(f *testing.F) {
	for _, s := range []string{
		"Police seized 1,234 pills, two hundred guns and several dozen phones on 8 February 2021.",
		"Earlier this year, last week and on Monday; in 2019, since 2020 and June 8, 2021 and May 2020.",
		"A.B. o'Twenty X_several twenty-five Twenty\u212a seizures of cash, recovered_ Seizure  of a number of",
		"é several, ſeized, ONE MILLION, Jan. 5th, 2020 and Sept 5 a-b an.d yesterday's 5m twenty5",
		"Seizes forfeitable confiscations, shut down and SHUT-down, taken off the streets, removed from circulation; stashx",
	} {
		f.Add(s)
	}
	x := newExtractor(f)
	scanners := []struct {
		name string
		find func(s string, starts []int32, bits []uint8) [][]int
	}{
		{"findDigitsAt", findDigitsAt}, {"findWordNumbersAt", findWordNumbersAt}, {"findVagueAt", findVagueAt},
		{"findRelDatesAt", findRelDatesAt}, {"findAbsDatesAt", findAbsDatesAt}, {"findSeizeVerbsAt", findSeizeVerbsAt},
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := appendTokensLow(nil, s, lowerASCII(s))
		x.lookUpWords(toks)
		starts := wordStartsOf(s)
		bits := appendStartBits(nil, s, starts, toks)
		for _, sc := range scanners {
			if got, want := sc.find(s, starts, bits), sc.find(s, starts, nil); !equalSpans(got, want) {
				t.Fatalf("%s(%q) with start bits = %v, without = %v", sc.name, s, got, want)
			}
		}
		if got, want := hasSeizeCueAt(s, starts, bits), hasSeizeCueAt(s, starts, nil); got != want {
			t.Fatalf("hasSeizeCueAt(%q) with start bits = %v, without = %v", s, got, want)
		}
	})
}

// FuzzWordStarts checks appendWordStarts, which reads each run in a loop
// of its own, against testing each byte and the one before it.
func FuzzWordStarts(f *testing.F) {
	for _, s := range []string{"", "a", " a_b  9x-é ſ", "Police seized 1,234 pills.", "__ x\u00e9y\n\tz "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []int32
		for i := 0; i < len(s); i++ {
			if isWordASCII(s[i]) && (i == 0 || !isWordASCII(s[i-1])) {
				want = append(want, int32(i))
			}
		}
		if got := wordStartsOf(s); !slices.Equal(got, want) {
			t.Fatalf("wordStartsOf(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzSentenceEnds checks sentenceEnds against strings.IndexAny from
// offsets that do not decrease, steps taken from the bytes of steps.
func FuzzSentenceEnds(f *testing.F) {
	f.Add("Police seized it. Was it? Yes! U.S. 3.5 kg...", []byte{0, 1, 5, 0, 17, 2})
	f.Add("", []byte{})
	f.Fuzz(func(t *testing.T, line string, steps []byte) {
		e := sentenceEnds{line: line, next: [3]int{-1, -1, -1}}
		for i, k := 0, 0; i < len(line); k++ {
			want := len(line)
			if j := strings.IndexAny(line[i:], ".!?"); j >= 0 {
				want = i + j
			}
			if got := e.from(i); got != want {
				t.Fatalf("from(%d) of %q = %d, want %d", i, line, got, want)
			}
			step := 1
			if k < len(steps) {
				step = int(steps[k]) % 8 // 0 asks again from the same offset
			}
			i += step
		}
	})
}

// FuzzLowerASCII checks lowerASCII, which lowers eight bytes at a time,
// against lowering one byte at a time.
func FuzzLowerASCII(f *testing.F) {
	every := make([]byte, 256+7) // every byte, at every place in a word of eight
	for i := range every {
		every[i] = byte(i)
	}
	for _, s := range []string{"", "abc", "Police SEIZED 5 KG", "\x80AZ[@`az{\xc1\xdaÉİ\u212a 0123456789ABCDEFGHIJ", "@[`{AZaz\xff\xc0\xdb\x9a"} {
		f.Add(s)
	}
	for k := range 8 {
		f.Add(string(every[k : 256+k]))
	}
	f.Add(strings.Repeat(string(every[3:]), 5)) // longer than lowerASCII's pieces
	f.Fuzz(func(t *testing.T, s string) {
		want := []byte(s)
		for i, c := range want {
			if c >= 'A' && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := lowerASCII(s); got != string(want) {
			t.Fatalf("lowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzHasDigit checks hasDigit, which reads eight bytes at a time, against
// strings.ContainsAny.
func FuzzHasDigit(f *testing.F) {
	every := make([]byte, 256)
	for i := range every {
		every[i] = byte(i)
	}
	for _, s := range []string{"", "abc", "abcdefgh9", "/:/:/:/:/:", "\xb0\xb9\x30", "no digits here at all, none", string(every)} {
		f.Add(s)
	}
	for c := range 256 { // every byte at every place of a word of eight, alone
		for k := range 8 {
			f.Add(strings.Repeat("x", k) + string([]byte{byte(c)}) + strings.Repeat("y", 15-k))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Fatalf("hasDigit(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzByteCues checks the cheap tests that read a text once, stopping at a
// few bytes, against searching for each of their words in turn.
func FuzzByteCues(f *testing.F) {
	for _, s := range []string{"Port of Spain", "xPort", "Portx", "Port", "Harbour", "Harbor_", "Harbor-", "bus stop", "us Stop",
		"Airport", "crossing", "a third", "half a", "a kilo of", " kilogram of", "one tonne of", "three quarters"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		port := strings.Contains(s, "irport") || strings.Contains(s, "Hotel") || strings.Contains(s, "rossing") ||
			strings.Contains(s, "us stop") || strings.Contains(s, "us Stop")
		for _, w := range []string{"Port", "Harbour", "Harbor"} {
			for i := range len(s) {
				if strings.HasPrefix(s[i:], w) && (i+len(w) == len(s) || !isWordASCII(s[i+len(w)])) {
					port = true
				}
			}
		}
		if got := mayNamePort(s); got != port {
			t.Fatalf("mayNamePort(%q) = %v, want %v", s, got, port)
		}
		frac := false
		for _, w := range []string{"alf a", "uarter", "hird", " kilo of", " kilogram of", " tonne of"} {
			frac = frac || strings.Contains(s, w)
		}
		if got := mayHoldFraction(s); got != frac {
			t.Fatalf("mayHoldFraction(%q) = %v, want %v", s, got, frac)
		}
	})
}

// TestIndexesOf checks every occurrence in order, overlapping ones too,
// and none where there is none.
func TestIndexesOf(t *testing.T) {
	cases := []struct {
		name, s, sub string
		want         []int
	}{
		{"several", "a, b, c", ", ", []int{1, 4}},
		{"overlapping", "aaaa", "aa", []int{0, 1, 2}},
		{"at the ends", "to go to", "to", []int{0, 6}},
		{"none", "abc", "x", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := slices.Collect(indexesOf(tc.s, tc.sub))
			if !slices.Equal(got, tc.want) {
				t.Errorf("indexesOf(%q, %q) = %v, want %v", tc.s, tc.sub, got, tc.want)
			}
		})
	}
}
