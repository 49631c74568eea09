package extract

import "testing"

// TestWeightOfGoodsTold19 checks a sentence that gives the weight of goods
// an earlier sentence seized: the goods named as its subject, the haul or
// its packages, and a weight in pounds that is no sum of money.
func TestWeightOfGoodsTold19(t *testing.T) {
	lead := "Officers of the Coastal Police Service seized several packages from the car. "
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"the goods weighed", "Officers of the Coastal Police Service seized a package of cocaine. The cocaine weighed about 20 kilograms.",
			[]string{"drugs/cocaine 20"}},
		{"packages weighed, goods after", lead + "The packages weighed 8.99 pounds and tested positive for methamphetamine.",
			[]string{"other/packages -", "drugs/methamphetamine 8.99"}},
		{"the haul's total weight", "Officers of the Coastal Police Service seized heroin in the raid. The haul had a total weight of 12 kilograms.",
			[]string{"drugs/heroin 12"}},
		{"no seizure before", "The Coastal Police Service searched the car. The cocaine weighed about 20 kilograms.",
			nil},
		{"a person's weight", "Officers of the Coastal Police Service seized a package of cocaine. The suspect weighed about 90 kilograms.",
			[]string{"drugs/cocaine -"}},
	})
}

// TestOneAndTheirKin19 checks that "a woman and her partner" are two
// arrested, whichever rule could read the words before the verb.
func TestOneAndTheirKin19(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"kin, passive", "A woman and her partner were detained at the scene.", []float64{2}},
		{"kin with an age", "A 45-year-old man and his son were arrested on Tuesday.", []float64{2}},
		{"a group from a place", "More than 30 people from across Kent and Essex were arrested.", []float64{30}},
	})
}
