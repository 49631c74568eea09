package extract

import "testing"

// TestPlacesInLists16 checks places the sixteenth session found dropped:
// a list after "operation:" (no codename: the colon stands between) and a
// route of places joined by hyphens, while a longer hyphenated name and
// an operation's codename still name no place.
func TestPlacesInLists16(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"a list after operation and a colon", "Four countries took part in the operation: Argentina, Bolivia, Chile and Peru.",
			[]string{"Argentina", "Bolivia", "Chile", "Peru"}},
		{"a route of places", "The lorries drove the route Bulgaria-Serbia-Hungary-Austria every week.",
			[]string{"Bulgaria", "Serbia", "Hungary", "Austria"}},
		{"a longer hyphenated name", "Officers searched a warehouse in Baden-Württemberg and one in Guinea-Bissau.", []string{"Baden-Württemberg", "Guinea-Bissau"}},
		{"an operation's codename", "Police arrested 12 people in Operation Monaco.", nil},
	})
}
