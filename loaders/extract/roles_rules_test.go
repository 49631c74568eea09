package extract

import (
	"strings"
	"testing"
)

func TestRoleRules(t *testing.T) {
	cases := []struct {
		name, in      string
		role, who     string
		title, absent string
	}{
		{"agency's director", "NCA Director Chris Farrimond said the haul was large.", "Director", "Chris Farrimond", "", ""},
		{"comma and honorific", "The Commissioner, Dame Cressida Dick, praised officers.", "Commissioner", "Cressida Dick", "Dame", ""},
		{"detective and ranks", "Detective Chief Inspector Jane Smith led it.", "Detective Chief Inspector", "Jane Smith", "", ""},
		{"shortened detective", "Det. Sergeant Tom Hay spoke.", "Det. Sergeant", "Tom Hay", "", ""},
		{"roman numeral", "PDEA Director III Ana Cruz said.", "Director III", "Ana Cruz", "", ""},
		{"of and capitalised words", "Head of Serious Crime Lena Ross said.", "Head of Serious Crime", "Lena Ross", "", ""},
		{"hyphenated title", "Director-General Ola Brenn", "Director-General", "Ola Brenn", "", ""},
		{"lower-case role", "federal prosecutor Mia Lund told reporters", "federal prosecutor", "Mia Lund", "", ""},
		{"two-word lower-case role", "police chief Omar Haddad", "police chief", "Omar Haddad", "", ""},
		{"initial", "Sheriff J. Brown", "Sheriff", "J. Brown", "", ""},
		{"particle", "Inspector Anna van Dijk", "Inspector", "Anna van Dijk", "", ""},
		{"shortened honorific", "Commander, Dr. Ivo Kos", "Commander", "Ivo Kos", "Dr.", ""},
		{"role words in their case", "director Tom Hay and Deputy chief Ann Lee", "director", "Tom Hay", "", "Ann Lee"},
		{"one space between role words", "Chief  Inspector Ben Lowe", "Chief", "Ben Lowe", "Inspector", "Chief  Inspector"},
		{"a title after a lower-case role", "spokesperson Captain Siya Nkosi", "spokesperson", "Siya Nkosi", "Captain", ""},
		{"an inspector general", "Inspector General Usman Baba", "Inspector General", "Usman Baba", "", ""},
		{"an office of a body, then three names", "Commissioner of Customs Mara Quist Olsen spoke.", "Commissioner of Customs", "Mara Quist Olsen", "", ""},
		{"a middle initial", "Attorney General Lena K. Ross said.", "Attorney General", "Lena K. Ross", "", ""},
		{"a general's rank", "Major General Ola Brenn spoke.", "Major General", "Ola Brenn", "", ""},
		{"a chairman", "The agency's Chairman, Femi Adeyemi, spoke.", "Chairman", "Femi Adeyemi", "", ""},
		{"an administrator", "DEA Administrator Rosa Diaz said.", "Administrator", "Rosa Diaz", "", ""},
		{"a corporal", "Corporal Ben Lowe of the RCMP said.", "Corporal", "Ben Lowe", "", ""},
		{"an office of the body, then a comma", "The Director General of the Border Agency, Mia Lund, said.", "Director General of the Border Agency", "Mia Lund", "", ""},
		{"an office of a body with no head word", "Head of Serious Crime Lena Ross said.", "Head of Serious Crime", "Lena Ross", "", ""},
		{"a name needs two words", "Officer Smith said", "", "", "", "Smith"},
		{"a lower-case word ends a name", "Agent Rosa Diaz said", "Agent", "Rosa Diaz", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(ruleNames(t, "roles", "role", tc.in), "|") + " " + strings.Join(ruleNames(t, "roles", "who", tc.in), "|") +
				" " + strings.Join(ruleNames(t, "roles", "title", tc.in), "|")
			want := ""
			if tc.role != "" {
				want = "person.role-name=" + tc.role
			}
			want += " "
			if tc.who != "" {
				want += "person.role-name=" + tc.who
			}
			want += " "
			if tc.title != "" {
				want += "person.role-name=" + tc.title
			}
			if !strings.HasPrefix(got, want) {
				t.Errorf("%q: got role, who, title %q, want %q", tc.in, got, want)
			}
			if tc.absent != "" && strings.Contains(got, tc.absent) {
				t.Errorf("%q: got %q, which should not hold %q", tc.in, got, tc.absent)
			}
		})
	}
}

// TestRoleNameEnd checks where findPeople ends a name: where its last
// word's letters end, inside a token where the regexp the rule replaced
// ended it ("O’" of "O’Neil"), but for a second capital after Mc or Mac.
func TestRoleNameEnd(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Smith said", "Smith"},
		{"Smith-jones, 40", "Smith-jones"},
		{"O’Neil said", "O’"},
		{"McAllen said", "McAllen"},
		{"MacLeod said", "MacLeod"},
		{"Kent's office", "Kent's"},
	} {
		if got := tc.in[:nameLettersEnd(tc.in, 0)]; got != tc.want {
			t.Errorf("nameLettersEnd(%q) ends at %q, want %q", tc.in, got, tc.want)
		}
	}
	ex := extractText(t, "", "Commissioner Ana Smith-Ray said the raid went well.")
	var got []string
	for _, p := range ex.People {
		got = append(got, p.Name+" "+p.Evidence[0].Rule)
	}
	if want := "Ana Smith-Ray person.role-name"; strings.Join(got, "|") != want {
		t.Errorf("people %q, want %q (a capital after a hyphen goes on with the name; the regexp the rule replaced stopped at the hyphen)", got, want)
	}
}
