package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/opgraph/opgraph/loaders/source"
)

// FuzzExtract feeds arbitrary bytes through the text source and the
// extractor: neither may panic, and every piece of evidence must point at
// the sentence it quotes.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: x\npublished: 2020-07-02\n---\nThe NCA said 746 people were arrested and £54m in cash was seized.",
		"Operation Ironside Phase 2, codenamed \"Nine\", led by the AFP-led team (AFP), seized 1,2.3kg of ice.",
		"• ‘quoted’ headline\nDet. Supt. A B said: nearly 50,068 of which were seized.\n\n\n",
		"---\n---\n$ € £ P10m 12:45 2019 Phase 2 a 34-year-old man was arrested in Wouwse Plantage.",
		"And Dutch police said little.", // a demonym second in its sentence once indexed before the start
		"Officers of the Dublin Metropolitan Region North Central Divisional Drug Week Unit took part.", // a week inside an agency's name
		// places of the open gazetteer, lists and directions
		"Raids in Agege, Shogunle, Lagos and Abuja, the towns of Calafato and Ipucha, south-west Netherlands and the Dutch port of Hoek van Holland; Logan, Queensland; Ondo State.",
		// "ſ" and the Kelvin sign, which the extractor reads as s and K (spaces.go)
		"Police ſeized 5 \u212ag of cocaine, 12 \u212ailos of heroin and £3m; 4 men were arreſted on 8 February 2021.",
		// wide spaces and invisible characters (spaces.go)
		"Police\u00a0seized 40\u202fkg of co\u00adcaine and €12\u2009000;\u200b 4\ufeff men were arrested.\u00a0",
		// a sum read twice (a value and a sum) before a currency phrase: sharedAfter once sliced backwards
		"They seized $375,000 in cash, two luxury vehicles worth 217,000 euros, and $1.3 million in cryptocurrencies.",
	} {
		f.Add([]byte(s))
	}
	x, err := NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := source.ParseText("fuzz.txt", data)
		if err != nil {
			return
		}
		ex := x.Extract(doc)
		runes := []rune(doc.Text)
		check := func(spans []Span) {
			for _, s := range spans {
				if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
					t.Fatalf("span %d..%d outside the %d-character body", s.Start, s.End, len(runes))
				}
				if string(runes[s.Start:s.End]) != s.Sentence && utf8.ValidString(doc.Text) {
					t.Fatalf("span %d..%d is %q, not its sentence %q", s.Start, s.End, string(runes[s.Start:s.End]), s.Sentence)
				}
			}
		}
		for _, a := range ex.Arrests {
			check(a.Evidence)
		}
		for _, s := range ex.Seizures {
			check(s.Evidence)
		}
		for _, a := range ex.Agencies {
			check(a.Evidence)
		}
	})
}
