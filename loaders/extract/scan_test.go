package extract

import (
	"regexp"
	"strings"
	"testing"
)

// scanCases pairs each startScan with the plain pattern it stands for; some
// hold only for texts with no fold trap, which their callers send elsewhere.
var scanCases = []struct {
	name   string
	sc     *startScan
	noTrap bool
}{
	{"seizeCue", seizeCueScan, true},
	{"moneyPrefix", moneyPrefixScan, false},
	{"seizeVerb", seizeVerbScan, true},
	{"operation", operationScan, false},
	{"codename", codenameScan, false},
	{"project", projectScan, false},
	{"week", weekScan, false},
	{"absDate", absDateScan, false},
	{"relDate", relDateScan, true},
	{"titleName", titleNameScan, false},
	{"digits", digitsScan, false},
	{"wordNum", wordNumScan, true},
	{"vague", vagueScan, true},
	{"lowerAgency", lowerAgencyScan, true},
	{"clauseBreak", clauseBreakScan, false},
}

// handScans are the matchers written by hand for some startScans, for texts
// with no fold trap (those of case-sensitive patterns, for any text).
var handScans = map[*startScan]func(string) [][]int{
	digitsScan:      findDigits,
	wordNumScan:     findWordNumbers,
	clauseBreakScan: findClauseBreaks,
	seizeVerbScan:   findSeizeVerbs,
	relDateScan:     findRelDates,
	absDateScan:     findAbsDates,
	vagueScan:       findVague,
}

// plain compiles the pattern a startScan was made from.
func plain(sc *startScan) *regexp.Regexp {
	p := sc.at.String()
	return regexp.MustCompile(strings.TrimSuffix(strings.TrimPrefix(p, "^(?:"), ")"))
}

// FuzzStartScan checks that each startScan finds what its pattern finds.
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
	} {
		f.Add(s)
	}
	re := make([]*regexp.Regexp, len(scanCases))
	for i, c := range scanCases {
		re[i] = plain(c.sc)
	}
	f.Fuzz(func(t *testing.T, s string) {
		trap := hasFoldTrap(s)
		for i, c := range scanCases {
			if c.noTrap && trap {
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
			if hand := handScans[c.sc]; hand != nil && (!trap || c.sc == absDateScan) {
				got := hand(s)
				if len(got) != len(want) {
					t.Fatalf("%s by hand (%q) = %v, want %v", c.name, s, got, want)
				}
				for k := range got {
					if !equalInts(got[k], want[k]) {
						t.Fatalf("%s by hand (%q) = %v, want %v", c.name, s, got, want)
					}
				}
			}
			if c.sc == seizeCueScan && !trap {
				if got, want := hasSeizeCue(s), len(want) > 0; got != want {
					t.Fatalf("hasSeizeCue(%q) = %v, want %v", s, got, want)
				}
			}
			first := c.sc.first(s)
			if len(want) == 0 && first != nil || len(want) > 0 && !equalInts(first, want[0]) {
				t.Fatalf("%s.first(%q) = %v, want %v", c.name, s, first, want)
			}
		}
	})
}

// FuzzQualifierBefore checks qualifierBefore against its patterns.
func FuzzQualifierBefore(f *testing.F) {
	for _, s := range []string{"more than ", "in excess of  ", "approx. ", "c. ", "xover ", "Nearly\t", "ſome ", "as many as "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, prefix string) {
		q, at := qualifierBefore(prefix)
		wq, wat := "", 0
		tail := prefix
		if len(tail) > 40 {
			tail = tail[len(tail)-40:]
		}
		trimmed := strings.TrimRight(tail, "£$€¥₱")
		trimmed = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(trimmed, "USD "), "EUR "), "GBP ")
		for _, qp := range qualifierPatterns {
			if loc := qp.re.FindStringIndex(trimmed); loc != nil {
				wq, wat = qp.q, len(prefix)-len(tail)+loc[0]
				break
			}
		}
		if q != wq || at != wat {
			t.Fatalf("qualifierBefore(%q) = %q, %d, want %q, %d", prefix, q, at, wq, wat)
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

// FuzzCharOffsets checks charOffsets against the whole table.
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
		offs := []int{0, a, a, b, len(s)}
		got, want := charOffsets(s, offs), charOffsetsByTable(s, offs)
		for k, p := range offs {
			if got[k] != want[k] {
				t.Fatalf("charOffsets(%q) at %d = %d, want %d", s, p, got[k], want[k])
			}
		}
	})
}

// FuzzArrestAfter checks the hand tests of the text after a figure against
// the arrest patterns, in texts with no fold trap.
func FuzzArrestAfter(f *testing.F) {
	for _, s := range []string{
		" arrest warrants", " new Charges_", " years", " x-y  officers", "\tmore-or\tless  days.", " men were arrested",
		" suspected dealers, from abroad, were later arrested", " 12-year-old boys (aged 12) have been detained",
		" Were ROUNDED UP", " of them were held", " x y z people were picked up", " a_b (c) arrested", " countriesx",
		" men (aged 20-30), from x y, who later Were  then arrested", " alleged x_y , a, were got taken into custody",
		" suspects who were charged and then were arrested", " persons (a) (b) have been Held", " people,, were arrested",
		" suspected\tsmugglers, whom x, that a-b c d e f g h was nabbed", " Gang Members are being arrested. and",
		" of them  Had Been  x_ collared_", " women, but who had been picked up", " man  that  was   rounded  up\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if hasFoldTrap(s) {
			return
		}
		low := lowerASCII(s)
		if got, want := notArrestLow(low), notArrestRe.MatchString(s); got != want {
			t.Fatalf("notArrestLow(%q) = %v, want %v", low, got, want)
		}
		if (arrestPassiveRe.MatchString(s) || arrestBareRe.MatchString(s)) && !arrestLeadLow(low) {
			t.Fatalf("arrestLeadLow(%q) = false where a pattern matches", low)
		}
		end, g2s, g2e, ok := matchArrestPassive(s)
		if m := arrestPassiveRe.FindStringSubmatchIndex(s); m == nil && ok || m != nil && (!ok || end != m[1] || g2s != m[4] || g2e != m[5]) {
			t.Fatalf("matchArrestPassive(%q) = %d %d %d %v, want %v", s, end, g2s, g2e, ok, m)
		}
		if got, want := passiveArrestIn(s), passiveArrest(s); got != want {
			t.Fatalf("passiveArrestIn(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzSeizedRegionWords checks placePhraseLow, valueBeforeLow and auxBeforeLow against their
// patterns, in texts with no fold trap.
func FuzzSeizedRegionWords(f *testing.F) {
	for _, s := range []string{
		"a pistol from the car", "x\tinside\ny", " in", "drugs hidden  in", "were ", "had been  ", "HAVE x_1 ", "bewere ",
		"is-this ", "been\t", " xwas y ", "are (x) ", "Was Found  ", "x were\u00a0y ", "worth ", "Valued at  of in excess of ", "a value  of  up to ", "xprice ", "price of\tabout ", "value estimated\t", "worth of of ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if hasFoldTrap(s) {
			return
		}
		low := lowerASCII(s)
		want := -1
		if loc := placePhraseRe.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := placePhraseLow(low); got != want {
			t.Fatalf("placePhraseLow(%q) = %d, want %d", low, got, want)
		}
		if got, want := valueBeforeLow(low), valueBeforeRe.MatchString(s); got != want {
			t.Fatalf("valueBeforeLow(%q) = %v, want %v", low, got, want)
		}
		if got, want := auxBeforeLow(low), auxBeforeRe.MatchString(s); got != want {
			t.Fatalf("auxBeforeLow(%q) = %v, want %v", low, got, want)
		}
	})
}

// FuzzBoilerplateGates checks that each boilerplate pattern that matches a
// line with no fold trap passes its gate.
func FuzzBoilerplateGates(f *testing.F) {
	for _, s := range []string{
		"Friday, 29 September 2023 - 9:00am |", "13 November 2019", "November 13, 2019", "Wednesday29 May 2024 – 10.30 pm",
		"We use cookies.", "Cookie Policy", "xcookies", "cookiesx", "Terms of Service", "terms of  use", "All Rights Reserved 2020",
		"Sign up for our newsletter", "newsletters", "privacy policy_", "5 min read", "By Jane Doe, Reuters",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if hasFoldTrap(line) {
			return
		}
		low := lowerASCII(line)
		for i, re := range boilerplatePatterns {
			if re.MatchString(line) && !boilerplateGates[i](line, low) {
				t.Fatalf("pattern %d matches %q, but its gate fails", i, line)
			}
		}
		if got, want := hasSiteNotice(line), boilerplatePatterns[8].MatchString(line); got != want {
			t.Fatalf("hasSiteNotice(%q) = %v, want %v", line, got, want)
		}
	})
}

// FuzzCodeWordsBefore checks isPartOfDateOrCode's words before a number,
// compared in place, against the words of the text lower-cased in full.
func FuzzCodeWordsBefore(f *testing.F) {
	for _, s := range []string{"Phase 2", "section ", "SECTION ", "xNo. ", "aged between ", "Aged ", "artİcle ", "wee\u212a ", "ARTICLE ", "highway", "é route ", "\xffclass "} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, before string, trap bool) {
		trap = trap || hasFoldTrap(before)
		want := false
		lb := strings.ToLower(before)
		for _, w := range codeWordsBefore {
			want = want || strings.HasSuffix(lb, w)
		}
		if got := codeWordBefore(before, trap); got != want {
			t.Fatalf("codeWordBefore(%q, %v) = %v, want %v", before, trap, got, want)
		}
	})
}

// FuzzNamedArrests checks the named-arrest patterns matched by hand against
// the patterns, in any text: both are case-sensitive.
func FuzzNamedArrests(f *testing.F) {
	for _, s := range []string{
		"the FBI arrested Blake Benthall, and Alexandre Cazes, was arrested", "detained  Élodie Roy; xarrested Ab Cd",
		"McDonald Smith has been later arrested. Jo Li had been subsequently  detainedx, Ann Ray was\tlater detained",
		"arrested Ab\nCd Ef arrested Gh Ij", "Ab Cd,  was arrested_ Ef Gh was arrested", "ÖzKaya Ğül had been detained",
		"arrestedAb Cd", "arrested A Bc", "Ab Cd , was arrested", "Ab Cd was laterally arrested", "Ab Cd was later",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []struct {
			name string
			hand func(string) [][]int
			re   *regexp.Regexp
		}{
			{"findNamedArrestsActive", findNamedArrestsActive, arrestNamedActiveRe},
			{"findNamedArrestsPassive", findNamedArrestsPassive, arrestNamedPassiveRe},
		} {
			got, want := c.hand(s), c.re.FindAllStringIndex(s, -1)
			if len(got) != len(want) {
				t.Fatalf("%s(%q) = %v, want %v", c.name, s, got, want)
			}
			for k := range got {
				if !equalInts(got[k], want[k]) {
					t.Fatalf("%s(%q) = %v, want %v", c.name, s, got, want)
				}
			}
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
