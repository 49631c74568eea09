package extract

import (
	"strings"
	"testing"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
)

func TestSignalRules(t *testing.T) {
	rs, err := loadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, in, want string }{
		{"value", "The drugs were worth £2m.", sigValueWord},
		{"value in capitals", "a STREET VALUE of", sigValueWord},
		{"value inside a word is none", "a worthless priceless haul", ""},
		{"modal and stem", "Police will seize the boat.", sigHypothetical},
		{"intention, a word and be", "They plan to soon be intercepting it.", sigHypothetical},
		{"two spaces in plans to is no phrase", "They plans  to seize it.", ""},
		{"two words between is too many", "Police will very soon seize it.", ""},
		{"strong verb", "Officers seized 3 kg.", sigStrongSeizure},
		{"seizure of", "the seizure of 3 kg", sigStrongSeizure},
		{"long s read as s", "Officers confiſcated 3 kg.", sigStrongSeizure},
		{"no word edge before a long s at a word's start, as regexp's \\b has it", "Officers ſeized 3 kg", ""},
		{"historic year", "In 2019 they found more.", sigHistoric},
		{"a five-digit number is no year", "in 20191 boxes", ""},
		{"last year", "more than last year", sigHistoric},
		{"across the world", "seen across the world", sigHistoric},
		{"two signals", "Police previously seized 3 kg.", sigHistoric + "|" + sigStrongSeizure},
		{"arrested with goods", "They arrested a courier with 5 kg of heroin.", sigArrestedWith},
		{"detained along with goods", "The driver was detained along with 48 kg of khat.", sigArrestedWith},
		{"a comma ends the reach of the verb", "They arrested him, with help from Interpol.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			rs.byKind["signals"].Match(rs.tokenize(nil, tc.in, "", nil), func(m pattern.Match) bool {
				got = append(got, m.Rule)
				return true
			})
			if strings.Join(got, "|") != tc.want {
				t.Errorf("%q: signals %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
