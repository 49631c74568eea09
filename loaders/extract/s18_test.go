package extract

import "testing"

// TestPostOfAPlace18 checks that a town or region before the office a
// person holds ("Guwahati Commissioner of Police") names no body, and that
// the town stays a place where a wire's dateline gives it.
func TestPostOfAPlace18(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a town before the post", "Lagos State Commissioner of Police Ada Obi said officers arrested 12 men.", nil},
		{"a city before the post", "Kisumu Commissioner of Police Jo Wanjiru told reporters that 4 men were held.", nil},
		{"a body's own of", "The Department of Justice said 12 people were arrested.", []string{"Department of Justice"}},
	})
	expectEach(t, placeNames, []extractCase[string]{
		{"a wire's dateline in mixed case", "Guwahati, Sep 15 (PTI) Police arrested three men on Friday.", []string{"Guwahati"}},
		{"no wire after the date", "Guwahati, Sep 15 was a quiet day, Jo said.", nil},
	})
}

// TestSupportListWithBrackets18 checks that every body of a list that
// "in collaboration with" opens is a supporter, also where each is spelled
// out in brackets after its acronym: none takes the next sentence's
// figures.
func TestSupportListWithBrackets18(t *testing.T) {
	lead := "The Judiciary Police seized 7 tonnes of cocaine at sea. "
	expectEach(t, figureActors, []extractCase[string]{
		{"acronyms spelled out", lead + "The inquiry involved collaboration with the DEA (Drug Enforcement Administration, USA), the JIATF South (Joint Interagency Task Force South, USA), and the NCA (National Crime Agency, UK). The 10 detainees will appear in court.",
			[]string{"Judiciary Police", "Judiciary Police"}},
		{"a plain list", lead + "The inquiry involved collaboration with the DEA and the National Crime Agency. The 10 detainees will appear in court.",
			[]string{"Judiciary Police", "Judiciary Police"}},
		{"no phrase opens the list", lead + "The DEA and the National Crime Agency arrested 10 men.",
			[]string{"Drug Enforcement Administration", "Judiciary Police"}},
	})
}
