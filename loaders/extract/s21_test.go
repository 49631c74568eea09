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

// TestSupportListWithUnnamedItems21 checks that a list of partners an
// "in collaboration with" opens stays a list of partners past an item
// that names no body ("State intelligence agencies"): its bodies are not
// who made the figures after it.
func TestSupportListWithUnnamedItems21(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"an unnamed item", "The Revenue Service stopped a boat off Tonsberg. The operation was carried out in collaboration with the Navy, state intelligence agencies, and the Harbour Police.\n\nOfficers seized 90 kg of cannabis.",
			[]string{"Revenue Service"}},
		{"an unknown name as an item", "The Revenue Service stopped a boat off Tonsberg. The operation was carried out in collaboration with the Tonsberg Coastal Watch and the Harbour Police.\n\nOfficers seized 90 kg of cannabis.",
			[]string{"Revenue Service"}},
		{"a clause, not an item", "The Revenue Service worked in collaboration with the Navy. After a long chase at sea the Harbour Police stopped a boat.\n\nOfficers seized 90 kg of cannabis.",
			[]string{"Harbour Police"}},
	})
}
