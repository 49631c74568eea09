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

// TestMeasuresSharingAUnit20 checks two figures joined by "and" before
// one unit and one kind of goods: two measures, unless "between" or
// "from" makes them a range.
func TestMeasuresSharingAUnit20(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"respectively", "Customs officers seized 1,250 and 980 kilograms of heroin in 2021 and 2022 respectively.",
			[]string{"drugs/heroin 1250", "drugs/heroin 980"}},
		{"without respectively", "Agents seized 40 and 25 kg of cannabis at two ports.",
			[]string{"drugs/cannabis 40", "drugs/cannabis 25"}},
		{"a range", "Police seized between 3 and 4 tonnes of cocaine.",
			[]string{"drugs/cocaine 4"}},
		{"two verbs", "Officers arrested 3 and seized 5 kilograms of cocaine.",
			[]string{"drugs/cocaine 5"}},
	})
}

// TestArrestsUnderTheirOwnVerb20 checks a second verb of arrest beside a
// count the older passes read ("made 78 arrests and captured 19
// fugitives"), and a count of those named before a comma, with an adverb
// before the verb.
func TestArrestsUnderTheirOwnVerb20(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"arrests, then captured", "Troopers made 64 arrests and captured 12 fugitives during the sweep.", []float64{64, 12}},
		{"a list of verbs", "Troopers made 64 arrests, captured 12 fugitives, and seized 3 cars.", []float64{64, 12}},
		{"captured first", "Troopers seized cash, captured 12 fugitives and made 64 arrests.", []float64{64, 12}},
		{"one count, said twice", "Troopers arrested 12 fugitives, and captured 12 fugitives.", []float64{12}},
		{"of the total, an adverb", "Of the total of 58 suspects, 17 were formally arrested.", []float64{17}},
		{"of those named, no adverb", "Of the 58 people questioned, 17 were arrested.", []float64{17}},
		{"officially", "Five men were officially arrested on Friday.", []float64{5}},
	})
}

// TestSumsSharingTheirCash20 checks sums listed before one "in
// undeclared cash", also after "respectively" and a comma: each is cash;
// a sum the goods are worth stays their value.
func TestSumsSharingTheirCash20(t *testing.T) {
	expectEach(t, seizureSums, []extractCase[string]{
		{"two sums, one cash phrase", "Two travellers were found to be carrying €21,300 and €14,800 in undeclared cash.",
			[]string{"cash/ 21300 EUR", "cash/ 14800 EUR"}},
		{"respectively, a comma", "Two travellers bound for Rome and Oslo were found to be carrying €21,300 and €14,800 respectively, in undeclared cash.",
			[]string{"cash/ 21300 EUR", "cash/ 14800 EUR"}},
		{"a value, then cash", "Officers seized heroin worth €52,000 and €3,000 cash at the flat.",
			[]string{"drugs/heroin 52000 EUR", "cash/ 3000 EUR"}},
	})
}

// TestNamedSuspectsAndKin20 checks suspects named in a list after "The
// arrested ... are", each maybe with a parent named ("son of ..."), and a
// person "named" after a noun for one.
func TestNamedSuspectsAndKin20(t *testing.T) {
	expectEach(t, peopleNames, []extractCase[string]{
		{"a list with kin", "The suspects are Ravi Soren, son of Mohan Soren; and Aziz Hoque, son of the late Jamal Hoque.",
			[]string{"Ravi Soren", "Mohan Soren", "Aziz Hoque", "Jamal Hoque"}},
		{"a dash before the list", "The arrested couriers are– Imran Sheikh, son of Farid Sheikh of Dhaka; and Nasir Uddin.",
			[]string{"Imran Sheikh", "Farid Sheikh", "Nasir Uddin"}},
		{"a person named", "The courier said he worked for a man named Tomas Arbenz.",
			[]string{"Tomas Arbenz"}},
		{"a noun for people, no names", "The suspects are members of a gang.", nil},
	})
}

// TestSmallVehicles20 checks bicycles, scooters and two-wheelers counted as
// vehicles, as cars and motorcycles are.
func TestSmallVehicles20(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"bicycles in a list", "Officers also seized three vehicles, a motorcycle and two bicycles.",
			[]string{"vehicles/ 3", "vehicles/bicycles 2", "vehicles/motorcycle 1"}},
		{"two-wheelers and a scooter", "Police confiscated 12 two-wheelers and a scooter.",
			[]string{"vehicles/two-wheelers 12", "vehicles/scooter 1"}},
	})
}

// TestFractions20 checks parts of a million before a currency ("a quarter
// of a million dollars") and fractions written as one character ("2½").
func TestFractions20(t *testing.T) {
	expectEach(t, seizureSums, []extractCase[string]{
		{"a quarter of a million", "Police seized a quarter of a million dollars in cash.", []string{"cash/ 250000 USD"}},
		{"three quarters of a million", "Police seized three quarters of a million dollars in cash.", []string{"cash/ 750000 USD"}},
		{"half a million", "Police seized half a million dollars in cash.", []string{"cash/ 500000 USD"}},
		{"a million", "Police seized a million dollars in cash.", []string{"cash/ 1e+06 USD"}},
	})
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"a half after the digit", "Officers seized 2½ kilograms of cocaine.", []string{"drugs/cocaine 2.5"}},
		{"a half after a space", "Officers seized 3 ½ tonnes of cannabis.", []string{"drugs/cannabis 3.5"}},
		{"a quarter", "Officers seized 1¼ kilograms of heroin.", []string{"drugs/heroin 1.25"}},
	})
}
