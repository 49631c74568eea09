package extract

import "testing"

// TestJointActorsBefore21 checks the agency a figure takes from the
// sentence before when that sentence names bodies acting together: the
// first named leads, as in the figure's own clause, a short form in
// brackets after either being the same body; a body a comma alone sets
// apart is not joined.
func TestJointActorsBefore21(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"two joined by and", "The Harbour Police and the Revenue Service raided a farm near Tonsberg.\n\nThey seized 90 kg of cannabis.",
			[]string{"Harbour Police"}},
		{"short forms in brackets", "Agents of the Harbour Police (CG) and the Revenue Service (RS) raided a farm near Tonsberg.\n\nThe raid led to the seizure of 90 kg of cannabis.",
			[]string{"Harbour Police"}},
		{"a comma sets a clause apart", "Following a tip from the Harbour Police, the Revenue Service raided a farm.\n\nThey seized 90 kg of cannabis.",
			[]string{"Revenue Service"}},
	})
}
