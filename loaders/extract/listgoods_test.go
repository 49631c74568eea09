package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestListMembers reads the goods of a list that names some of them, in
// sentences of our own: known marks the goods already read, as [brackets].
func TestListMembers(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"unnamed goods beside named ones", "[drugs], gold bars and silver coins", []string{"gold bars", "silver coins"}},
		{"a determiner dropped, a clause's tail too", "the [cocaine], a radio scanner and some burner handsets as well", []string{"radio scanner", "burner handsets"}},
		{"a place cut from the member", "[heroin] and packing machines at the farm", []string{"packing machines"}},
		{"a lone modifier joins what follows", "[phones], forged and blank passports", []string{"forged and blank passports"}},
		{"no named goods, no list of goods", "ledgers, scales and bags", nil},
		{"people are not goods", "[cannabis] and two other men", nil},
		{"a clause is not goods", "[cocaine] and nine charged", nil},
		{"a phrase that is not goods ends the list", "[90 rifles], some of older makes and calibres", nil},
		{"figures are read elsewhere", "[pistols] and 40 rounds", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var known [][2]int
			text := ""
			for rest := tc.in; rest != ""; {
				i := strings.IndexByte(rest, '[')
				if i < 0 {
					text += rest
					break
				}
				j := strings.IndexByte(rest, ']')
				text += rest[:i]
				known = append(known, [2]int{len(text), len(text) + j - i - 1})
				text += rest[i+1 : j]
				rest = rest[j+1:]
			}
			var got []string
			for _, m := range listMembers(text, lowerASCII(text), 0, len(text), known) {
				got = append(got, text[m[0]:m[1]])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("listMembers(%q) = %q, want %q", text, got, tc.want)
			}
		})
	}
}

// TestListedGoodsInArticles checks that a whole sentence gives the goods of
// its list as other goods, and no more.
func TestListedGoodsInArticles(t *testing.T) {
	ex := extractText(t, "", "Officers seized cocaine, radio scanners and two pistols as well as stolen number plates at the farm.")
	var got []string
	for _, s := range ex.Seizures {
		if s.Commodity == "other" {
			got = append(got, deref(s.Subtype))
		}
	}
	if want := []string{"radio scanners", "stolen number plates"}; !reflect.DeepEqual(got, want) {
		t.Errorf("other goods %q, want %q", got, want)
	}
}

// FuzzNextListSep checks nextListSep, which reads the text once, against
// searching it for each separator in turn.
func FuzzNextListSep(f *testing.F) {
	for _, s := range []string{"pistols, and rifles", "a, b and c", "x as well as y", "one plus two & three", ", an", " &"} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, low string, p, end int) {
		if p < 0 || end > len(low) || p > end {
			return
		}
		best, next := end, end
		for _, sep := range []string{", and ", ", ", " and ", " as well as ", " plus ", " & "} {
			if k := strings.Index(low[p:end], sep); k >= 0 && p+k < best {
				best, next = p+k, p+k+len(sep)
			}
		}
		if b, n := nextListSep(low, p, end); b != best || n != next {
			t.Fatalf("nextListSep(%q, %d, %d) = %d, %d, want %d, %d", low, p, end, b, n, best, next)
		}
	})
}
