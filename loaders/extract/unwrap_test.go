package extract

import (
	"strings"
	"testing"
)

func TestUnwrapHardWrapped(t *testing.T) {
	wrapped := "LISBON, March 3 - Customs officers at the port said on\n" +
		"Monday they had found 300 kg of cocaine hidden in a shipment\n" +
		"of bananas from Guayaquil and arrested two dock workers\n" +
		"who had tried to move it.\n" +
		"\n" +
		"The men appeared before a judge in Setubal on Tuesday and\n" +
		"were remanded in custody pending a further hearing.\n"
	for _, c := range []struct {
		name, in string
		joins    []int // the line breaks, counted from 0, read as spaces
	}{
		{"hard-wrapped paragraphs", wrapped, []int{0, 1, 2, 5}},
		{"a line a paragraph", "Police seized 40 kg of heroin in a raid on a flat in the city centre on Friday night, officers said.\n" +
			"Three men were arrested.\nThey will appear in court on Monday morning, the force said in its statement.\n", nil},
		{"a list of short lines", "Cocaine: 5 kg\nHeroin: 2 kg\nCannabis: 40 kg\nCash: 12,000 euros\nGuns: 3\n", nil},
		{"a list inside wrapped text", "Officers who searched the warehouse on the edge of town said\n" +
			"they had found the following goods stacked behind the boxes:\n" +
			"- 12 kg of methamphetamine\n- 3 handguns\n" +
			"and a large sum of cash that is still being counted by staff\n" +
			"at the bank, the force said in a statement on its website and\n" +
			"in a post on its page.\n", []int{0, 4, 5}},
		{"too few wraps", "A man was arrested in the town of Alder on Monday night after\nofficers stopped his car.\n", nil},
		{"a line too long to be wrapped", wrapped + strings.Repeat("word ", 30) + "\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := unwrapHardWrapped(c.in)
			if len(got) != len(c.in) {
				t.Fatalf("length %d, want %d: offsets must hold", len(got), len(c.in))
			}
			var joins []int
			n := 0
			for i := 0; i < len(c.in); i++ {
				if c.in[i] != '\n' {
					if got[i] != c.in[i] {
						t.Fatalf("byte %d changed from %q to %q", i, c.in[i], got[i])
					}
					continue
				}
				if got[i] == ' ' {
					joins = append(joins, n)
				}
				n++
			}
			if !equalInts(joins, c.joins) {
				t.Errorf("breaks read as spaces %v, want %v\n%s", joins, c.joins, got)
			}
		})
	}
}
