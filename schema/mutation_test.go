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
