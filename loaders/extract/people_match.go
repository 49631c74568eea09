package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// roleNameScan's pattern matched by hand: a role, maybe a roman numeral or
// "of" and capitalised words, maybe a comma, spaces, maybe an honorific and
// spaces, then a name. Every successful match costs regexp several
// microseconds of backtracking over the roles. The pattern's ways through
// are tried in its order, so the first that matches is the pattern's
// match; FuzzStartScan checks it against the pattern.

// The alternatives of roleNameScan's pattern, in its order, with each
// optional suffix tried before none.
var (
	roleDetectives = []string{"Detective ", "Det. ", "Det "}
	roleRanks      = []string{"Chief ", "Assistant ", "Deputy ", "Acting ", "Senior ", "Temporary "}
	roleTitles     = []string{"Superintendent", "Inspector", "Sergeant", "Constable", "Commissioner", "Commander",
		"Director-General", "Director General", "Director", "Chief Executive", "Executive Director",
		"Special Agent in Charge", "Special Agent", "Attorney General", "Attorney", "Prosecutor", "Minister",
		"Secretary-General", "Secretary General", "Secretary", "Sheriff", "Chief", "Head", "Spokesperson", "Spokesman",
		"Spokeswoman", "Public Information Officer", "Information Officer", "Investigating Officer", "Officer", "Captain",
		"Colonel", "General", "Major", "Lieutenant", "Agent", "Governor", "Mayor", "Coordinator", "Manager", "Investigator"}
	roleLowerRanks  = []string{"federal ", "public ", "chief ", "senior ", "state ", "district ", "executive ", "deputy ", "assistant "}
	roleLowerTitles = []string{"prosecutor", "spokesperson", "spokesman", "spokeswoman", "police chief", "director-general",
		"director general", "director", "head", "commissioner", "commander", "minister"}
	roleHonorifics = []string{"Dame", "Sir", "Lord", "Lady", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Prof.", "Prof",
		"Gen.", "Gen", "Col.", "Col", "Capt.", "Capt", "Lt.", "Lt", "Maj.", "Maj", "Brig. Gen.", "Brig. Gen", "Brig Gen.",
		"Brig Gen", "Rev.", "Rev"}
	nameParticles = []string{"van", "de", "der", "den", "von", "da", "di", "la", "le", "Van", "De", "Von", "Da", "La", "Le"}
)

// findRoleNames finds what roleNameScan finds, at the offsets its start
// test accepts.
func findRoleNames(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		if !roleNameScan.lead[s[p]] || !roleNameScan.start(s, p) {
			continue
		}
		if m := matchRoleName(s, p); m != nil {
			out = append(out, m)
			p = m[1] - 1
		}
	}
	return out
}

// matchRoleName matches the pattern at s[p] and returns its submatch
// offsets (the role, the honorific, the name), or nil.
func matchRoleName(s string, p int) []int {
	var buf [16]int
	for _, r1 := range roleEnds(s, p, buf[:0]) {
		if m := roleNameFrom(s, p, r1); m != nil {
			return m
		}
	}
	return nil
}

// roleEnds appends the ends of the roles that start at s[p], in the order
// the pattern tries them: a detective's title or none, then as many ranks
// as stand there down to none, then each title; then the lower-case roles
// likewise.
func roleEnds(s string, p int, out []int) []int {
	titlesAfter := func(starts []int, titles []string) {
		for k := len(starts) - 1; k >= 0; k-- { // the most ranks first
			for _, t := range titles {
				if strings.HasPrefix(s[starts[k]:], t) {
					out = append(out, starts[k]+len(t))
				}
			}
		}
	}
	ranks := func(q int, ranks []string) []int { // the offsets after 0, 1, 2... ranks
		starts := []int{q}
		for {
			next := -1
			for _, r := range ranks {
				if strings.HasPrefix(s[q:], r) {
					next = q + len(r)
					break
				}
			}
			if next < 0 {
				return starts
			}
			q = next
			starts = append(starts, q)
		}
	}
	for _, d := range roleDetectives {
		if strings.HasPrefix(s[p:], d) {
			titlesAfter(ranks(p+len(d), roleRanks), roleTitles)
			break // the detective's titles exclude one another
		}
	}
	titlesAfter(ranks(p, roleRanks), roleTitles)
	titlesAfter(ranks(p, roleLowerRanks), roleLowerTitles)
	return out
}

// roleNameFrom matches the rest of the pattern after a role that ends at
// s[r1], trying the numeral or "of" phrase (the longest first) before
// none, a comma before none, and an honorific before none.
func roleNameFrom(s string, p, r1 int) []int {
	var buf [8]int
	after := buf[:0]
	if w := skipSpaces(s, r1); w > r1 { // \s+: a shorter run leaves a space where neither part can start
		n := 0
		for n < 4 && w+n < len(s) && (s[w+n] == 'I' || s[w+n] == 'V' || s[w+n] == 'X') {
			n++
		}
		for k := n; k >= 1; k-- {
			after = append(after, w+k)
		}
		if strings.HasPrefix(s[w:], "of ") && w+3 < len(s) && s[w+3] >= 'A' && s[w+3] <= 'Z' {
			// [A-Z]\w+ and then " [A-Z]\w+" as often as they stand, the most first;
			// a shorter \w+ leaves a word character where a comma or space must follow.
			var words []int
			for q := w + 3; ; {
				e := q + 1
				for e < len(s) && isWordASCII(s[e]) {
					e++
				}
				if e == q+1 {
					break
				}
				words = append(words, e)
				if e+1 >= len(s) || s[e] != ' ' || s[e+1] < 'A' || s[e+1] > 'Z' {
					break
				}
				q = e + 1
			}
			for k := len(words) - 1; k >= 0; k-- {
				after = append(after, words[k])
			}
		}
	}
	after = append(after, r1)
	for _, r2 := range after {
		commas := [2]int{-1, r2}
		if r2 < len(s) && s[r2] == ',' {
			commas[0] = r2 + 1
		}
		for _, r3 := range commas {
			if r3 < 0 {
				continue
			}
			r4 := skipSpaces(s, r3)
			if r4 == r3 {
				continue
			}
			for _, h := range roleHonorifics {
				if !strings.HasPrefix(s[r4:], h) {
					continue
				}
				he := r4 + len(h)
				if r5 := skipSpaces(s, he); r5 > he {
					if ne := nameEnd(s, r5); ne >= 0 {
						return []int{p, ne, p, r2, r4, he, r5, ne}
					}
				}
			}
			if ne := nameEnd(s, r4); ne >= 0 {
				return []int{p, ne, p, r2, -1, -1, r4, ne}
			}
		}
	}
	return nil
}

// nameEnd matches personName at s[q] and returns its end, or -1: a
// capitalised word (or an initial) and one or two more, each maybe after a
// particle ("van", "de"). Each word's letters run as far as they go, since
// spaces or the end must follow.
func nameEnd(s string, q int) int {
	r, n := utf8.DecodeRuneInString(s[q:])
	if !unicode.Is(unicode.Lu, r) {
		return -1
	}
	if e := capWordEnd(s, q); e >= 0 {
		if x := nameWords(s, e); x >= 0 {
			return x
		}
	}
	if q+n < len(s) && s[q+n] == '.' {
		return nameWords(s, q+n+1)
	}
	return -1
}

// nameWords matches one or two more words of a name from s[q], the second
// where it stands.
func nameWords(s string, q int) int {
	e := nameWord(s, q)
	if e < 0 {
		return -1
	}
	if e2 := nameWord(s, e); e2 >= 0 {
		return e2
	}
	return e
}

// nameWord matches spaces, maybe a particle and spaces, and a capitalised
// word at s[q], the particle tried first.
func nameWord(s string, q int) int {
	w := skipSpaces(s, q)
	if w == q {
		return -1
	}
	for _, pt := range nameParticles {
		if !strings.HasPrefix(s[w:], pt) {
			continue
		}
		x := w + len(pt)
		if y := skipSpaces(s, x); y > x {
			if e := capWordEnd(s, y); e >= 0 {
				return e
			}
		}
	}
	return capWordEnd(s, w)
}

// capWordEnd matches \p{Lu}[\p{Ll}'’-]+ at s[q], as long as it goes, and
// returns its end, or -1.
func capWordEnd(s string, q int) int {
	r, n := utf8.DecodeRuneInString(s[q:])
	if !unicode.Is(unicode.Lu, r) {
		return -1
	}
	e := q + n
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if !unicode.Is(unicode.Ll, r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		e += n
	}
	if e == q+n {
		return -1
	}
	return e
}
