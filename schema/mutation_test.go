package schema

import "testing"

// TestKindList checks the refusals of retractFact and retractEntity name
// the kinds as the specs give them.
func TestKindList(t *testing.T) {
	for _, tc := range []struct {
		facts bool
		want  string
	}{
		{true, "an arrest, a seizure or a relation"},
		{false, "an agency, operation, person, place, platform or group"},
	} {
		if got := kindList(tc.facts); got != tc.want {
			t.Errorf("kindList(%v) = %q, want %q", tc.facts, got, tc.want)
		}
	}
}

// TestCorrectableDoc checks correctFact's description names what the
// specs let curators correct, as it was written by hand before.
func TestCorrectableDoc(t *testing.T) {
	const want = "An arrest's count, qualifier, date, agency, operation or place; a seizure's commodity, subtype, quantity, unit, qualifier, amount, currency, amountQualifier, date, agency, operation or place; an entity's name (and an agency's or place's country). Links take the ID of a node of the right kind."
	if got := correctableDoc(); got != want {
		t.Errorf("correctableDoc() =\n%s\nwant\n%s", got, want)
	}
}
