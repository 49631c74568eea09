package extract

import "testing"

// TestRegionsNamedAsSuch20 checks places of the open gazetteer that the
// text marks as regions without a word of place right before them: a
// direction after the word of place, a plural word of region before "of"
// or after a list, and a list item with two connectors in its name.
func TestRegionsNamedAsSuch20(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"a direction after the cue", "Soldiers found a cocaine lab in southern Huila last week.",
			[]string{"Huila"}},
		{"a direction without a cue", "Southern Huila forces found a lab.", nil},
		{"provinces of, a list", "The gang moved heroin through the provinces of Kampot and Takeo.",
			[]string{"Kampot", "Takeo"}},
		{"states of", "Raids were carried out in the states of Chiapas and Nayarit.",
			[]string{"Chiapas", "Nayarit"}},
		{"a list before a plural region word", "Teams searched farms in the Tolima, Huila and Arauca departments.",
			[]string{"Tolima", "Huila", "Arauca"}},
		{"a pair before a plural region word", "The police chiefs of Pahang and Kelantan states met on Monday.",
			[]string{"Pahang", "Kelantan"}},
		{"a plural word not of region", "Kampot and Takeo officers met.", nil},
		{"a list item with two connectors", "Boats were seen off the departments of Colón and Islas de la Bahía.",
			[]string{"Colón", "Islas de la Bahía"}},
	})
}
