package extract

import (
	"sort"
	"strings"
)

// The sums of money in a text, read by hand: the readers run on every
// sentence with a figure, where a regexp's backtracking over the many
// alternatives cost several microseconds a match.

// The money vocabulary, written once: findMoneyPrefixes, findMoneySuffixes
// and their prefilters are made from these lists.
//
// moneySigns are the signs and codes written before a sum, in the order
// they are tried: a sign before its own prefixes ("Rs." before "Rs" before
// "R"). Where a sign stands for a currency is decided by currencyOf.
type moneySign struct {
	sign     string
	space    bool // \s? may follow
	boundary bool // \b before it
}

var (
	moneySigns = append([]moneySign{
		{"A$", false, false}, {"AU$", false, false}, {"AUD", true, false}, {"NZ$", false, false}, {"NZD", true, false},
		{"US $", false, false}, {"US$", true, false}, {"USD", true, false}, {"C$", false, false}, {"CA$", false, false}, {"CAD", true, false},
		{"HK$", false, false}, {"TT$", false, false}, {"J$", false, false}, {"S$", false, false}, {"R$", false, false}, {"£", false, false}, {"€", false, false},
		{"$", false, false}, {"¥", false, false}, {"₱", false, false}, {"₦", false, false}, {"₹", false, false},
		{"฿", false, false}, {"₩", false, false},
		{"EUR", true, false}, {"GBP", true, false}, {"PHP", true, false},
		{"ZAR", true, true}, {"KES", true, true}, {"INR", true, true}, {"PKR", true, true}, {"THB", true, true},
		{"MXN", true, true}, {"CHF", true, true}, {"AED", true, true}, {"SAR", true, true}, {"NGN", true, true},
		{"JPY", true, true}, {"CNY", true, true}, {"HKD", true, true}, {"SGD", true, true}, {"BRL", true, true},
		{"COP", true, true}, {"MYR", true, true}, {"IDR", true, true}, {"KSh", true, true}, {"Ksh", true, true},
		{"Sh", true, true}, {"RM", true, true}, {"Rp", true, true}, {"Tk.", true, true}, {"Tk", true, true}, {"BDT", true, true},
		{"LKR", true, true}, {"GHS", true, true}, {"GH₵", true, false}, {"TZS", true, true}, {"UGX", true, true},
		{"P", true, true}, {"Rs.", true, true}, {"Rs", true, true}, {"R", true, true}, {"N", false, true},
		// Signs of the Gulf, East Africa, the Caribbean and the Pacific:
		// "Dh1.2 million", "SR500,000", "KD 700", "Kshs.12 million", "FJ$3m", "G$40m", "NT$10 million".
		{"NT$", false, false}, {"FJ$", false, false}, {"GY$", false, false}, {"G$", false, true}, {"B$", false, true}, {"BZ$", false, false},
		{"EC$", false, false}, {"Bds$", false, false}, {"N$", false, true},
		{"Dhs", true, true}, {"Dh", true, true}, {"SR", true, true}, {"QR", true, true}, {"KD", true, true},
		{"Kshs.", true, true}, {"Kshs", true, true}, {"Kes.", true, true}, {"Kes", true, true},
	}, isoMoneySigns()...)
	// isoSigns are the ISO codes read before a sum as the currency they name:
	// "UAH 15 million", "KWD 700", "EGP 9m".
	isoSigns = strings.Fields(`EGP KWD QAR OMR BHD JOD TRY UAH RUB PLN RON MDL KZT KGS UZS XOF XAF ETB VND PEN FJD BSD GYD
		JMD TTD KRW TWD ARS CLP DOP GTQ HNL MAD DZD TND IQD LYD RSD MKD MMK KHR LAK NPR AFN IRR ZMW MWK RWF MZN AOA
		XCD BBD BZD SRD HTG NAD BWP`)
	moneyShortMults = []string{"k", "K", "m", "M", "mn", "bn", "b"}
	moneyLongMults  = []string{"thousand", "million", "billion", "trillion", "crores", "crore", "lakhs", "lakh", "mln", "bln", "cr"}
	// The multipliers and currency words after a sum ("2.5 million euros").
	suffixShortMults = []string{"m", "bn"}
	suffixLongMults  = []string{"thousand", "million", "billion", "crores", "crore", "lakhs", "lakh"}
	// currencyWords are the currency words written after a sum, with their
	// currency; "" is decided by the article's country (see currencyOfWord).
	currencyWords = map[string]string{"pounds sterling": "GBP", "pounds": "GBP", "euros": "EUR", "euro": "EUR",
		"us dollars": "USD", "australian dollars": "AUD", "new zealand dollars": "NZD", "canadian dollars": "CAD",
		"dollars": "", "pesos": "", "naira": "NGN", "rupees": "", "yen": "JPY", "swiss francs": "CHF", "francs": "CHF",
		"kronor": "SEK", "krona": "SEK", "kroner": "DKK", "rand": "ZAR", "dirhams": "AED", "reais": "BRL",
		"baht": "THB", "shillings": "", "ringgit": "MYR", "rupiah": "IDR", "riyals": "SAR", "yuan": "CNY",
		"dinars": "", "cedis": "GHS", "kwacha": "", "leones": "SLL", "taka": "BDT",
		// ISO codes after the sum: "300,000 JMD in cash"
		"usd": "USD", "eur": "EUR", "gbp": "GBP", "jmd": "JMD", "ttd": "TTD", "inr": "INR", "php": "PHP", "kes": "KES",
		"zar": "ZAR", "ngn": "NGN", "aud": "AUD", "cad": "CAD", "nzd": "NZD", "chf": "CHF", "mxn": "MXN", "cop": "COP",
		"brl": "BRL", "thb": "THB", "idr": "IDR", "myr": "MYR", "pkr": "PKR", "bdt": "BDT", "lkr": "LKR", "ghs": "GHS",
		"aed": "AED", "sar": "SAR", "cny": "CNY", "hkd": "HKD", "sgd": "SGD", "jpy": "JPY",
		// currencies named with their country, and the one-country names
		"egyptian pounds": "EGP", "egyptian pound": "EGP", "lebanese pounds": "LBP", "sudanese pounds": "SDG",
		"kuwaiti dinars": "KWD", "kuwaiti dinar": "KWD", "jordanian dinars": "JOD", "jordanian dinar": "JOD",
		"bahraini dinars": "BHD", "bahraini dinar": "BHD", "iraqi dinars": "IQD", "libyan dinars": "LYD",
		"tunisian dinars": "TND", "algerian dinars": "DZD", "serbian dinars": "RSD",
		"qatari riyals": "QAR", "qatari riyal": "QAR", "saudi riyals": "SAR", "saudi riyal": "SAR", "riyal": "SAR",
		"omani rials": "OMR", "omani rial": "OMR", "iranian rials": "IRR",
		"emirati dirhams": "AED", "uae dirhams": "AED", "dirham": "AED", "moroccan dirhams": "MAD",
		"cfa francs": "XOF", "cfa franc": "XOF", "rwandan francs": "RWF", "congolese francs": "CDF",
		"hryvnias": "UAH", "hryvnia": "UAH", "hryvnia's": "UAH", "turkish lira": "TRY", "turkish liras": "TRY", "liras": "TRY", "lira": "TRY",
		"rubles": "RUB", "roubles": "RUB", "zlotys": "PLN", "zloty": "PLN", "lei": "RON", "tenge": "KZT", "soms": "KGS",
		"kenyan shillings": "KES", "tanzanian shillings": "TZS", "ugandan shillings": "UGX", "birr": "ETB",
		"fiji dollars": "FJD", "fijian dollars": "FJD", "jamaican dollars": "JMD", "hong kong dollars": "HKD",
		"singapore dollars": "SGD", "bahamian dollars": "BSD", "guyanese dollars": "GYD", "guyana dollars": "GYD",
		"east caribbean dollars": "XCD", "trinidad and tobago dollars": "TTD", "namibian dollars": "NAD",
		"soles": "PEN", "bolivianos": "BOB", "quetzales": "GTQ", "quetzals": "GTQ", "lempiras": "HNL", "colones": "CRC",
		"thai baht": "THB", "argentine pesos": "ARS", "mexican pesos": "MXN", "colombian pesos": "COP", "philippine pesos": "PHP",
		"chilean pesos": "CLP", "dominican pesos": "DOP", "uruguayan pesos": "UYU", "brazilian reais": "BRL", "indian rupees": "INR",
		"pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR", "malaysian ringgit": "MYR", "indonesian rupiah": "IDR",
		"afghanis": "AFN", "kyats": "MMK", "kyat": "MMK", "dong": "VND", "riels": "KHR", "won": "KRW", "new taiwan dollars": "TWD"}
	// suffixCurrencyWords are currencyWords' keys, longest first, so that
	// "pounds sterling" is read before "pounds".
	suffixCurrencyWords = longestFirst(currencyWords)
	suffixCurrencies    = newWordAlts(suffixCurrencyWords...)
)

// isoMoneySigns are isoSigns as signs: a word of its own, maybe a space after.
func isoMoneySigns() []moneySign {
	out := make([]moneySign, len(isoSigns))
	for k, code := range isoSigns {
		out[k] = moneySign{code, true, true}
	}
	return out
}

// longestFirst returns m's keys, longest first, ties in byte order.
func longestFirst(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return keys
}

// signLeads returns the first bytes of moneySigns, and the signs that may
// start after a word character (those that need no \b).
func signLeads() (*[256]bool, *litSet) {
	var lead [256]bool
	var free []string
	for _, sg := range moneySigns {
		lead[sg.sign[0]] = true
		if !sg.boundary {
			free = append(free, sg.sign)
		}
	}
	return &lead, newLitSet(free...)
}

var moneySignLead, moneyNoBoundary = signLeads()

// mayStartMoneyPrefix is a cheap test for where a sum with a sign before it
// may start: the first byte of a sign or code with a digit at most five
// bytes after it. After a word character only a sign that needs no \b may
// start.
func mayStartMoneyPrefix(s string, p int) bool {
	if !moneySignLead[s[p]] {
		return false
	}
	if !wordStart(s, p) && !moneyNoBoundary.at(s, p) {
		return false
	}
	for k := p + 1; k < len(s) && k <= p+6; k++ {
		if s[k] >= '0' && s[k] <= '9' {
			return true
		}
	}
	return false
}

// signsByLead are the indexes of moneySigns by their first byte, in order.
var signsByLead = func() (by [256][]int) {
	for k, sg := range moneySigns {
		by[sg.sign[0]] = append(by[sg.sign[0]], k)
	}
	return by
}()

// signWords are moneySigns, for maySignMoney.
var signWords = func() map[string]bool {
	m := map[string]bool{}
	for _, sg := range moneySigns {
		m[sg.sign] = true
	}
	return m
}()

// moneyNumberEnd is where the number of the money patterns that starts at
// s[p], a digit, ends: "1,234,567.5" (one to three digits, then groups of
// a comma and three digits, then maybe a dot and digits), else "1234.5".
// Each part is greedy and nothing after the number lets a shorter one
// match where the longest does not, so the longest is the number.
func moneyNumberEnd(s string, p int) int {
	digit := func(q int) bool { return q < len(s) && s[q] >= '0' && s[q] <= '9' }
	e := p
	for digit(e) {
		e++
	}
	if e-p <= 3 {
		g := e
		for g < len(s) && s[g] == ',' && digit(g+1) && digit(g+2) && digit(g+3) {
			g += 4
		}
		if g == e && e-p <= 2 {
			// "Rs.12,34,500": the South Asian grouping, pairs of digits
			// before the last three.
			k := e
			for k+3 < len(s) && s[k] == ',' && digit(k+1) && digit(k+2) && s[k+3] == ',' {
				k += 3
			}
			if k > e && k+3 < len(s) && digit(k+1) && digit(k+2) && digit(k+3) && !digit(k+4) {
				g = k + 4
			}
		}
		if g == e {
			// "EUR 160 000": groups of three digits after spaces, each ending a word.
			for g < len(s) && s[g] == ' ' && digit(g+1) && digit(g+2) && digit(g+3) && (g+4 == len(s) || !isWordASCII(s[g+4])) {
				g += 4
			}
		}
		e = g
	}
	if e < len(s) && s[e] == '.' && digit(e+1) {
		e++
		for digit(e) {
			e++
		}
	} else if decimalCommaAt(s, p, e) && multiplierWordAfter(s[e+1:]) {
		e++ // "1,2 million euros": a decimal comma before a multiplier
		for digit(e) {
			e++
		}
	}
	return e
}

// multiplierWordAfter reports whether s, after a number's last digits,
// goes on with a space and a multiplier word ("1,2 million").
func multiplierWordAfter(s string) bool {
	for len(s) > 0 && s[0] >= '0' && s[0] <= '9' {
		s = s[1:]
	}
	return strings.HasPrefix(s, " million") || strings.HasPrefix(s, " billion") || strings.HasPrefix(s, " thousand") ||
		strings.HasPrefix(s, " mln") || strings.HasPrefix(s, " bn")
}

// matchMoneyPrefix reads a sum with a sign before it at s[p] ("£54m",
// "US$ 5bn", "Rs 375 crore") and returns the offsets of the match, the
// sign, the number, a short multiplier and a long one (-1 for none), or
// nil: the first of moneySigns, as written and in their order (with a space
// after it where one may stand and \b before it where it needs one), that
// a digit follows, the number (moneyNumberEnd), and a multiplier where one
// follows: one of moneyShortMults as written after any spaces and ending a
// word, else one of moneyLongMults in any case after spaces ("Rs 10.8
// Million" in a headline).
func matchMoneyPrefix(s string, p int) []int {
	for _, k := range signsByLead[s[p]] {
		sg := moneySigns[k]
		if !strings.HasPrefix(s[p:], sg.sign) || sg.boundary && !wordStart(s, p) {
			continue
		}
		q := p + len(sg.sign)
		ends := [2]int{-1, q}
		if sg.space && q < len(s) && isSpaceASCII(s[q]) {
			ends[0] = q + 1 // \s? takes the space where a digit follows it
		}
		for _, d := range ends {
			if d < 0 || d >= len(s) || s[d] < '0' || s[d] > '9' {
				continue
			}
			e := moneyNumberEnd(s, d)
			m := []int{p, e, p, d, d, e, -1, -1, -1, -1}
			w := skipSpaces(s, e)
			if w == e && e+1 < len(s) && s[e] == '-' && wordAltAtFold(s, e+1, moneyLongMults) >= 0 {
				w = e + 1 // "$4.5-million", "R2-million"
			}
			if x := wordAltAtCase(s, w, moneyShortMults); x >= 0 {
				m[1], m[6], m[7] = x, w, x
			} else if x := wordAltAtFold(s, w, moneyLongMults); x >= 0 {
				m[1], m[8], m[9] = x, w, x
			}
			return m
		}
	}
	return nil
}

// wordAltAtCase is wordAltAt for alternatives that must match in their own
// case.
func wordAltAtCase(s string, p int, alts []string) int {
	for _, a := range alts {
		if e := p + len(a); strings.HasPrefix(s[p:], a) && (e == len(s) || !isWordASCII(s[e])) {
			return e
		}
	}
	return -1
}

// wordAltAtFold is wordAltAtCase for alternatives in ASCII lower case that
// match in any case.
func wordAltAtFold(s string, p int, alts []string) int {
	for _, a := range alts {
		if e := p + len(a); hasPrefixFold(s[p:], a) && (e == len(s) || !isWordASCII(s[e])) {
			return e
		}
	}
	return -1
}

// findMoneyPrefixes finds the sums with a sign before them in s, left to
// right and not overlapping (see matchMoneyPrefix).
func findMoneyPrefixes(s string) [][]int {
	return findEach(s, moneySignLead, mayStartMoneyPrefix, matchMoneyPrefix)
}

// matchMoneySuffix reads a sum with a currency word after it at s[p], a
// digit after no word character ("2.5 million euros", "5m pounds
// sterling"), and returns the offsets of the match, the number, a short
// multiplier, a long one (-1 for none) and the currency word, or nil. The
// number is moneyNumberEnd's; a multiplier is tried before none, in any
// ASCII case: one of suffixShortMults after any spaces, then one of
// suffixLongMults after any spaces; whichever lets spaces and one of
// suffixCurrencyWords ending a word follow.
func matchMoneySuffix(s string, p int) []int {
	e := moneyNumberEnd(s, p)
	currency := func(q int) (int, int) { // \s+(currency)\b from q
		w := skipSpaces(s, q)
		if w == q {
			return -1, -1
		}
		return w, wordAltAt(s, w, suffixCurrencies)
	}
	w := skipSpaces(s, e)
	for _, mu := range suffixShortMults {
		if hasPrefixFold(s[w:], mu) {
			if c, x := currency(w + len(mu)); x >= 0 {
				return []int{p, x, p, e, w, w + len(mu), -1, -1, c, x}
			}
		}
	}
	if w == e && e+1 < len(s) && s[e] == '-' {
		w = e + 1 // "2.1-million dollars"
	}
	for _, mu := range suffixLongMults {
		if hasPrefixFold(s[w:], mu) {
			if c, x := currency(w + len(mu)); x >= 0 {
				return []int{p, x, p, e, -1, -1, w, w + len(mu), c, x}
			}
		}
	}
	if c, x := currency(e); x >= 0 {
		return []int{p, x, p, e, -1, -1, -1, -1, c, x}
	}
	return nil
}

// findMoneySuffixes finds the sums with a currency word after them in s,
// left to right and not overlapping, trying at each digit after no word
// character (see matchMoneySuffix).
func findMoneySuffixes(s string) [][]int { return findMoneySuffixesAt(s, wordStartsOf(s)) }

// findMoneySuffixesAt is findMoneySuffixes given the offsets where s's
// words start (see wordStartsOf): a digit after no word character starts one.
func findMoneySuffixesAt(s string, starts []int32) [][]int {
	return findEachAt(s, starts, &digitLead, wordStart, matchMoneySuffix)
}
