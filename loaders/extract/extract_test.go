package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/loaders/source"
)

// extractText runs the extractor on a body of our own sentences.
func extractText(t *testing.T, front, body string) Extraction {
	t.Helper()
	data := body
	if front != "" {
		data = "---\n" + front + "\n---\n" + body
	}
	doc, err := source.ParseText("test.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	return newExtractor(t).Extract(doc)
}

func TestFindFigures(t *testing.T) {
	cases := []struct {
		name, in  string
		value     float64
		vague     bool
		qualifier string
	}{
		{"digits", "police made 746 arrests", 746, false, "exact"},
		{"thousands separator", "26,850 kg of cocaine", 26850, false, "exact"},
		{"decimal", "1.5kg of heroin", 1.5, false, "exact"},
		{"decimal comma", "3,5 tonnes of cocaine", 3.5, false, "exact"},
		{"word", "nine men were detained", 9, false, "exact"},
		{"hyphenated word", "twenty-five people", 25, false, "exact"},
		{"word with multiplier", "three million pills", 3e6, false, "exact"},
		{"digits with multiplier", "2.5 million tablets", 2.5e6, false, "exact"},
		{"three quarters of a unit", "three quarters of a tonne of heroin", 0.75, false, "exact"},
		{"a third of a unit", "a third of a tonne of heroin", 1.0 / 3, false, "exact"},
		{"half a million", "half a million pills", 5e5, false, "exact"},
		{"a quarter of a million", "nearly a quarter of a million pills", 2.5e5, false, "less_than"},
		{"counts in lakh", "3 lakh tablets", 3e5, false, "exact"},
		{"more than", "more than two tonnes", 2, false, "more_than"},
		{"over", "over 300 kilos", 300, false, "more_than"},
		{"nearly", "nearly 50,068 parcels", 50068, false, "less_than"},
		{"about", "about 40 firearms", 40, false, "about"},
		{"an estimated", "an estimated 60,000 users", 60000, false, "about"},
		{"at least", "at least 12 people", 12, false, "at_least"},
		{"up to", "up to 10,000 handsets", 10000, false, "up_to"},
		{"several dozen", "several dozen guns", 0, true, "several"},
		{"hundreds", "hundreds of suspects", 0, true, "several"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := findFigures(tc.in)
			if len(fs) == 0 {
				t.Fatalf("findFigures(%q) found nothing", tc.in)
			}
			f := fs[0]
			if f.Value != tc.value || f.Vague != tc.vague || f.Qualifier != tc.qualifier {
				t.Errorf("findFigures(%q)[0] = %+v, want value %v vague %v qualifier %s", tc.in, f, tc.value, tc.vague, tc.qualifier)
			}
		})
	}
}

func TestFiguresSkipDatesAndCodes(t *testing.T) {
	for _, in := range []string{"on 8 February", "June 8, 2021", "in 2019", "a 34-year-old man", "at 12:45 pm",
		"Phase 2 began", "Section 2 of the Act", "the AN0M app", "codenamed 26Lemont"} {
		t.Run(in, func(t *testing.T) {
			for _, f := range findFigures(in) {
				if !f.Vague {
					t.Errorf("findFigures(%q) = %+v, want no figure", in, f)
				}
			}
		})
	}
}

func TestFindMoney(t *testing.T) {
	cases := []struct {
		name, country, in string
		amount            float64
		currency          string
		qualifier         string
	}{
		{"pounds short", "GB", "£54m in cash", 54e6, "GBP", "exact"},
		{"a decimal comma before a multiplier", "ME", "1,2 million euros in cash", 1.2e6, "EUR", "exact"},
		{"US and the dollar sign apart", "JM", "a street value of US $640,000", 640000, "USD", "exact"},
		{"a peso named with its country", "", "14 million Argentine pesos in cash", 14e6, "ARS", "exact"},
		{"baht named with its country", "", "5,000 Thai Baht in cash", 5000, "THB", "exact"},
		{"a currency named with its country", "EG", "heroin valued at 9 million Egyptian pounds", 9e6, "EGP", "exact"},
		{"dinars of one country", "", "about 700 Kuwaiti dinars in cash", 700, "KWD", "about"},
		{"an ISO code before the sum", "UA", "UAH 15 million in cash", 15e6, "UAH", "exact"},
		{"CFA francs", "SN", "40 million CFA francs in cash", 40e6, "XOF", "exact"},
		{"the dirham's sign", "AE", "Dh1.2 million in cash", 1.2e6, "AED", "exact"},
		{"the Kenyan shilling's sign with a dot", "KE", "Kes.12.35 million in cash", 12.35e6, "KES", "exact"},
		{"the Fiji dollar is not the Jamaican", "FJ", "worth FJ$3 million", 3e6, "FJD", "exact"},
		{"a dollar of the Bahamas", "BS", "$40,000 in cash", 40000, "BSD", "exact"},
		{"pounds decimal", "GB", "£13.3m in cash", 13.3e6, "GBP", "exact"},
		{"crore cut short", "IN", "cocaine worth ₹70 cr at the airport", 70e7, "INR", "exact"},
		{"lakh, a decimal times its multiplier as written", "IN", "cash totalling Rs 2.3 lakh", 230000, "INR", "exact"},
		{"thousands K", "GB", "nearly £7K in cash", 7000, "GBP", "less_than"},
		{"euro million", "BE", "€3 million was found", 3e6, "EUR", "exact"},
		{"euro words", "DE", "140 million euros were exchanged", 140e6, "EUR", "exact"},
		{"pounds words", "GB", "54 million pounds in cash", 54e6, "GBP", "exact"},
		{"a headline's Million", "US", "Heroin Worth $2 Million Seized", 2e6, "USD", "exact"},
		{"a wire's Mln", "PK", "drugs worth Rs 10.8 Mln", 10.8e6, "PKR", "exact"},
		{"dollar in US", "US", "$1.2bn in assets", 1.2e9, "USD", "exact"},
		{"dollar in Australia", "AU", "$52 million in cash", 52e6, "AUD", "exact"},
		{"explicit A$", "US", "A$44.9 million", 44.9e6, "AUD", "exact"},
		{"ISO code first", "INT", "more than USD 81 million worth", 81e6, "USD", "more_than"},
		{"peso P", "PH", "around P10 million worth of shabu", 10e6, "PHP", "about"},
		{"dollars words NZ", "NZ", "70 million dollars' worth", 70e6, "NZD", "exact"},
		{"rupees in crore", "IN", "heroin worth Rs 375 crore", 375e7, "INR", "exact"},
		{"taka in lakh", "BD", "cannabis worth Tk 5 lakh", 5e5, "BDT", "exact"},
		{"taka as a word", "BD", "heroin worth 2 million taka", 2e6, "BDT", "exact"},
		{"rupees in lakh", "IN", "Rs 12 lakh in cash", 12e5, "INR", "exact"},
		{"a word number and its multiplier", "JM", "cocaine worth nearly one million US dollars", 1e6, "USD", "less_than"},
		{"a word number and a half", "DE", "two and a half million euros in cash", 2.5e6, "EUR", "exact"},
		{"a million in words", "GB", "about a million pounds in cash", 1e6, "GBP", "about"},
		{"half a billion", "ZA", "half a billion rand worth of cocaine", 5e8, "ZAR", "exact"},
		{"the word dollars where the peso is $", "CO", "cocaine valued at 70 million dollars", 70e6, "USD", "exact"},
		{"an ISO code after the sum", "JM", "more than 300,000 JMD in cash", 300000, "JMD", "more_than"},
		{"the South Asian grouping", "IN", "another bar worth Rs.12,34,500", 1234500, "INR", "exact"},
		{"lakh in words", "IN", "cash worth seven lakh rupees", 7e5, "INR", "exact"},
		{"a space after US$, a capital M", "US", "US$ 1.4M in cash", 1.4e6, "USD", "exact"},
		{"in the region of", "GB", "in the region of £2.1million", 2.1e6, "GBP", "about"},
	}
	x := newExtractor(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := &run{x: x, country: tc.country}
			ms := r.findMoney(tc.in, wordStartsOf(tc.in))
			if len(ms) != 1 {
				t.Fatalf("findMoney(%q) = %+v, want one sum", tc.in, ms)
			}
			m := ms[0]
			if m.Amount != tc.amount || m.Currency != tc.currency || m.Qualifier != tc.qualifier {
				t.Errorf("findMoney(%q) = %+v, want %v %s %s", tc.in, m, tc.amount, tc.currency, tc.qualifier)
			}
		})
	}
	r := &run{x: x, country: "GB"}
	for _, in := range []string{"12 pounds of cannabis", "one million pounds of cannabis", "five dollars", "two million tablets"} {
		if ms := r.findMoney(in, wordStartsOf(in)); len(ms) != 0 {
			t.Errorf("%q read as money: %+v", in, ms)
		}
	}
}

// seizureKey is what a test asserts of a seizure.
type seizureKey struct {
	commodity, subtype string
	quantity, amount   float64
	unit, currency     string
	qualifier          string
}

func keyOf(s Seizure) seizureKey {
	k := seizureKey{commodity: s.Commodity, subtype: deref(s.Subtype), unit: deref(s.Unit), currency: deref(s.Currency), qualifier: deref(s.Qualifier)}
	if s.Quantity != nil {
		k.quantity = *s.Quantity
	}
	if s.Amount != nil {
		k.amount = *s.Amount
	}
	return k
}

func TestSeizures(t *testing.T) {
	cases := []struct {
		name, body string
		want       []seizureKey
	}{
		{"mass and cash", "Detectives from Kent Police seized 1.5kg of heroin and £20,000 in cash on Friday.",
			[]seizureKey{{"drugs", "heroin", 1.5, 0, "kg", "", "exact"}, {"cash", "", 0, 20000, "", "GBP", "exact"}}},
		{"words and tonnes", "Two tonnes of cannabis were seized at the port.",
			[]seizureKey{{"drugs", "cannabis", 2, 0, "tonne", "", "exact"}}},
		{"count of firearms", "Officers recovered 14 firearms and 300 rounds of ammunition.",
			[]seizureKey{{"firearms", "", 14, 0, "item", "", "exact"}, {"ammunition", "", 300, 0, "round", "", "exact"}}},
		{"value of drugs", "Police seized cocaine worth more than £2m.",
			[]seizureKey{{"drugs", "cocaine", 0, 2e6, "", "GBP", "more_than"}}},
		{"vague count", "The raids led to the seizure of dozens of firearms.",
			[]seizureKey{{"firearms", "", 0, 0, "", "", "several"}}},
		{"a single pistol", "Officers seized a loaded pistol from the car.",
			[]seizureKey{{"firearms", "pistol", 1, 0, "item", "", "exact"}}},
		{"a gun's bore is no count", "Officers seized a .22 calibre rifle from the barn.",
			[]seizureKey{{"firearms", "rifle", 1, 0, "item", "", "exact"}}},
		{"grams written gm and gms", "Customs officers seized 850gm of heroin and about 640 gms of opium.",
			[]seizureKey{{"drugs", "heroin", 850, 0, "g", "", "exact"}, {"drugs", "opium", 640, 0, "g", "", "about"}}},
		{"more or less is about", "Officers seized more or less 250 grams of shabu.",
			[]seizureKey{{"drugs", "shabu", 250, 0, "g", "", "about"}}},
		{"a hedge between the measure and the goods", "Agents seized 2.1 kilograms of what was believed to be cocaine from the car.",
			[]seizureKey{{"drugs", "cocaine", 2.1, 0, "kg", "", "exact"}}},
		{"a sum of goods no list names is no cash", "Officers seized £30,000 of unlicensed hair dye at the depot.",
			[]seizureKey{{"other", "unlicensed hair dye", 0, 30000, "", "GBP", "exact"}}},
		{"a multiplier after a hyphen", "Police in Calgary seized cocaine worth $4.5-million.",
			[]seizureKey{{"drugs", "cocaine", 0, 4.5e6, "", "CAD", "exact"}}},
		{"one value for a list of drugs is an item of its own", "Officers seized 3 kg of cocaine, 2 kg of heroin and 500 g of cannabis, with a combined street value of £400,000.",
			[]seizureKey{{"drugs", "cocaine", 3, 0, "kg", "", "exact"}, {"drugs", "heroin", 2, 0, "kg", "", "exact"},
				{"drugs", "cannabis", 500, 0, "g", "", "exact"}, {"drugs", "", 0, 400000, "", "GBP", "exact"}}},
		{"the list's value in the next sentence", "Detectives seized 3 kg of cocaine and 2 kg of heroin. The drugs have a combined street value of £400,000.",
			[]seizureKey{{"drugs", "cocaine", 3, 0, "kg", "", "exact"}, {"drugs", "heroin", 2, 0, "kg", "", "exact"},
				{"drugs", "", 0, 400000, "", "GBP", "exact"}}},
		{"thousands grouped by spaces", "Customs seized 318 000 cigars and 45 300 rounds of ammunition.",
			[]seizureKey{{"other", "cigars", 318000, 0, "item", "", "exact"}, {"ammunition", "", 45300, 0, "round", "", "exact"}}},
		{"an estimated value is about", "Officers found 3 kg of abalone with an estimated street value of R250 000.",
			[]seizureKey{{"other", "abalone", 3, 250000, "kg", "ZAR", "exact"}}},
		{"able to recover", "Police were able to recover seven stolen cars from the garage.",
			[]seizureKey{{"vehicles", "cars", 7, 0, "item", "", "exact"}}},
		{"a sum in unlawful goods no list names is no cash", "Police seized $2 million in counterfeit sneakers.",
			[]seizureKey{{"other", "counterfeit sneakers", 0, 2e6, "", "USD", "exact"}}},
		{"metric tonnes as MT, cubic metres as m3", "Officers seized 180.5 MT of diesel and more than 40,000 m3 of timber.",
			[]seizureKey{{"other", "diesel", 180.5, 0, "tonne", "", "exact"}, {"other", "timber", 40000, 0, "cubic metre", "", "more_than"}}},
		{"a charge's threshold is no haul", "Both men were found guilty of conspiracy to possess with intent to distribute more than five kilograms of cocaine.",
			nil},
		{"a resale price is no cash", "Agents recovered two pounds of cocaine worth $30,000, which could have been sold on the street for about $90,000 to $120,000.",
			[]seizureKey{{"drugs", "cocaine", 2, 30000, "lb", "USD", "exact"}}},
		{"a verb and its object are no goods", "Norwegian Customs seized 9 tonnes of cocaine in 2023, doubling the amount seized in 2022.",
			[]seizureKey{{"drugs", "cocaine", 9, 0, "tonne", "", "exact"}}},
		{"a list of the drugs a sentence before seized", "Customs seized 9,000 kilograms of drugs. The drugs were:\n• 8,100 kgs of cannabis;\n• 700 kgs of cocaine.",
			[]seizureKey{{"drugs", "", 9000, 0, "kg", "", "exact"}, {"drugs", "cannabis", 8100, 0, "kg", "", "exact"}, {"drugs", "cocaine", 700, 0, "kg", "", "exact"}}},
		{"a calibre between the count and the guns", "Police seized five 9mm pistols and three revolvers.",
			[]seizureKey{{"firearms", "pistols", 5, 0, "item", "", "exact"}, {"firearms", "revolvers", 3, 0, "item", "", "exact"}}},
		{"a decimal calibre is no count", "Officers recovered three 5.56 carbine rifles and 45 12-gauge cartridges.",
			[]seizureKey{{"firearms", "rifles", 3, 0, "item", "", "exact"}, {"ammunition", "cartridges", 45, 0, "round", "", "exact"}}},
		{"cakes of a drug", "Officers seized 12 cakes of heroin.", []seizureKey{{"drugs", "heroin", 12, 0, "cake", "", "exact"}}},
		{"a unit's short form in brackets", "Police seized 120.5 kilogrammes (kg) of syabu.", []seizureKey{{"drugs", "shabu", 120.5, 0, "kg", "", "exact"}}},
		{"a numbered list after a seizing line", "Police seized weapons at the wharf. The seizure includes:\n\n1. Two AK-47 rifles\n\n2. Eight pistols",
			[]seizureKey{{"other", "weapons", 0, 0, "", "", ""}, {"firearms", "rifles", 2, 0, "item", "", "exact"}, {"firearms", "pistols", 8, 0, "item", "", "exact"}}},
		{"pieces of listed goods", "The team seized 14 pieces of abalone and two rifle grenades.",
			[]seizureKey{{"other", "abalone", 14, 0, "item", "", "exact"}, {"other", "grenades", 2, 0, "item", "", "exact"}}},
		{"pieces of goods no list names", "Police seized 25 pieces of ornamental stonework and 3,000 pieces of ammunition.",
			[]seizureKey{{"other", "ornamental stonework", 25, 0, "item", "", "exact"}, {"ammunition", "", 3000, 0, "round", "", "exact"}}},
		{"pieces of a container of a drug", "Agents found three pieces of heat-sealed plastic of suspected shabu weighing about 50 grams.",
			[]seizureKey{{"drugs", "shabu", 50, 0, "g", "", "about"}}},
		{"a total's worth is no cash", "Police seized two cars, bringing the total value of the seized assets to RM90,000.",
			[]seizureKey{{"vehicles", "cars", 2, 0, "item", "", "exact"}}},
		{"buckets of goods", "Police confiscated 23 buckets of gold-bearing ore.",
			[]seizureKey{{"other", "gold", 23, 0, "bucket", "", "exact"}}},
		{"a vehicle stopped is where, not what", "Officers stopped a lorry near Newark and found cannabis with a street value of £120,000 in the trailer.",
			[]seizureKey{{"drugs", "cannabis", 0, 120000, "", "GBP", "exact"}}},
		{"houses searched are where, not what", "Detectives searched several houses in the Kirkcaldy area and seized 2 kg of cocaine.",
			[]seizureKey{{"drugs", "cocaine", 2, 0, "kg", "", "exact"}}},
		{"a list's describing words are no goods", "Nine knives of different lengths and designs were seized during the week.",
			[]seizureKey{{"other", "knives", 9, 0, "item", "", "exact"}}},
		{"two drugs of one value in one sentence", "Approximately £6,000 of crack cocaine and £6,000 of heroin was seized in Norwich.",
			[]seizureKey{{"drugs", "crack cocaine", 0, 6000, "", "GBP", "about"}, {"drugs", "heroin", 0, 6000, "", "GBP", "exact"}}},
		{"a sum in street value is the goods' value, not cash", "Border officers seized drugs in three separate incidents that totaled over $900,000 in street value.",
			[]seizureKey{{"drugs", "", 0, 900000, "", "USD", "more_than"}}},
		{"prescription drugs counted in capsules and tablets", "Officers seized 300 hydromorphone capsules and 120 alprazolam tablets.",
			[]seizureKey{{"drugs", "hydromorphone", 300, 0, "pill", "", "exact"}, {"drugs", "alprazolam", 120, 0, "pill", "", "exact"}}},
		{"a drug's plural", "Police seized 5 kg of methamphetamines and 200 kg of qat.",
			[]seizureKey{{"drugs", "methamphetamine", 5, 0, "kg", "", "exact"}, {"drugs", "khat", 200, 0, "kg", "", "exact"}}},
		{"a medicine's brand in capsules", "Customs seized 12,000 Lyrica capsules.",
			[]seizureKey{{"drugs", "pregabalin", 12000, 0, "pill", "", "exact"}}},
		{"one weapon of a list", "Police found three hand grenades and an artillery shell in the bunker.",
			[]seizureKey{{"other", "grenades", 3, 0, "item", "", "exact"}, {"other", "artillery shells", 1, 0, "item", "", "exact"}}},
		{"recover stolen drugs", "Officers managed to recover the stolen 85 kilograms of cannabis resin.",
			[]seizureKey{{"drugs", "cannabis resin", 85, 0, "kg", "", "exact"}}},
		{"one drug's value stays its own", "Officers seized 3 kg of cocaine with a street value of £240,000.",
			[]seizureKey{{"drugs", "cocaine", 3, 240000, "kg", "GBP", "exact"}}},
		{"worth after a hyphen", "Police in Cebu seized P250,000-worth of shabu.",
			[]seizureKey{{"drugs", "shabu", 0, 250000, "", "PHP", "exact"}}},
		{"a value's noun, then its verb", "Deputies seized 30 pounds of heroin. The street value of the heroin seized is estimated at about $600,000.",
			[]seizureKey{{"drugs", "heroin", 30, 600000, "lb", "USD", "exact"}}},
		{"a hyphen before the multiplier, a currency word after", "Police in Calgary seized more than 2.1-million dollars worth of cocaine.",
			[]seizureKey{{"drugs", "cocaine", 0, 2.1e6, "", "CAD", "more_than"}}},
		{"plants of the drug a sentence before named", "Police raided a cannabis factory on Friday. Officers seized 412 plants at the address.",
			[]seizureKey{{"drugs", "cannabis plants", 412, 0, "plant", "", "exact"}}},
		{"containers of the goods are no goods", "Border officers seized 60 jugs containing a total of 300 kg of liquid methamphetamine.",
			[]seizureKey{{"drugs", "methamphetamine", 300, 0, "kg", "", "exact"}}},
		{"a navy the gazetteer knows", "The Sri Lanka Navy seized 40 kg of heroin from a trawler.",
			[]seizureKey{{"drugs", "heroin", 40, 0, "kg", "", "exact"}}},
		{"virtual assets and hard currency", "Officers seized $12 million in virtual assets and $30 million in hard currency.",
			[]seizureKey{{"cryptocurrency", "", 0, 12e6, "", "USD", "exact"}, {"cash", "", 0, 30e6, "", "USD", "exact"}}},
		{"virtual currency worth", "The FBI said it had seized virtual currency worth about $40 million.",
			[]seizureKey{{"cryptocurrency", "", 0, 40e6, "", "USD", "about"}}},
		{"metric tonnes", "Customs seized 420 metric tonnes of sandalwood at the port.",
			[]seizureKey{{"other", "sandalwood", 420, 0, "tonne", "", "exact"}}},
		{"a value after its noun and at", "Customs found 900 cartons of cigarettes. CBP estimated the total value of the cigarettes at $59,920.",
			[]seizureKey{{"other", "cigarettes", 900, 59920, "carton", "USD", "exact"}}},
		{"a duty after a comma is another sum's", "Border officers seized 2.4 million cigarettes worth $3.1 million, with a potential duty of $1.2 million, from a van.",
			[]seizureKey{{"other", "cigarettes", 2.4e6, 3.1e6, "item", "USD", "exact"}}},
		{"sticks of cigarettes", "Officers seized 7.1 million sticks of cigarettes at the border.",
			[]seizureKey{{"other", "cigarettes", 7.1e6, 0, "item", "", "exact"}}},
		{"what a precursor would make is no seizure", "Police seized 20 kg of ephedrine that could have been used to manufacture about 4kg of methamphetamine.",
			[]seizureKey{{"drugs", "ephedrine", 20, 0, "kg", "", "exact"}}},
		{"money released is not seized", "CBP officers seized $26,800 from the couple, releasing $650 to them for humanitarian purposes.",
			[]seizureKey{{"cash", "", 0, 26800, "", "USD", "exact"}}},
		{"a count that leaves out its goods", "Inspectors found about 900,000 cigarettes in one container and 410,000 in another.",
			[]seizureKey{{"other", "cigarettes", 900000, 0, "item", "", "about"}, {"other", "cigarettes", 410000, 0, "item", "", "exact"}}},
		{"an address is no count", "Deputies seized 2 kg of cocaine at a house in the 11500 block of Elm Road.",
			[]seizureKey{{"drugs", "cocaine", 2, 0, "kg", "", "exact"}}},
		{"a compound measure", "Police seized 55 kilograms and 840 grams of cocaine.",
			[]seizureKey{{"drugs", "cocaine", 55.84, 0, "kg", "", "exact"}}},
		{"a compound measure without and", "Officers recovered 3 kg 600 grams of heroin from a bus passenger.",
			[]seizureKey{{"drugs", "heroin", 3.6, 0, "kg", "", "exact"}}},
		{"two measures of two goods stay two", "Police seized 5 kg of heroin and 300 grams of cocaine.",
			[]seizureKey{{"drugs", "heroin", 5, 0, "kg", "", "exact"}, {"drugs", "cocaine", 300, 0, "g", "", "exact"}}},
		{"a watch and its value", "Police seized a Rolex watch valued at $42,700.",
			[]seizureKey{{"other", "watches", 1, 42700, "item", "USD", "exact"}}},
		{"a list without bullets after a colon", "Warrants were executed at four homes, resulting in the following seizures:\nApproximately $212,000 in cash\nFour firearms, including a shotgun\nThree vehicles",
			[]seizureKey{{"cash", "", 0, 212000, "", "USD", "about"}, {"firearms", "", 4, 0, "item", "", "exact"}, {"vehicles", "", 3, 0, "item", "", "exact"}}},
		{"a brand, a size, then the gun", "Police found a Taurus 9mm pistol in the car.",
			[]seizureKey{{"firearms", "pistol", 1, 0, "item", "", "exact"}}},
		{"Trinidad and Tobago dollars", "Police seized marijuana worth TT$10 million in the forest.",
			[]seizureKey{{"drugs", "marijuana", 0, 1e7, "", "TTD", "exact"}}},
		{"hauled, packages weighing a total", "The crew hauled 11 bales of cocaine weighing 358kg from the sea.",
			[]seizureKey{{"drugs", "cocaine", 358, 0, "kg", "", "exact"}}},
		{"a ton", "Troops found over a ton of methamphetamine in the house.",
			[]seizureKey{{"drugs", "methamphetamine", 1, 0, "ton", "", "more_than"}}},
		{"a unit glued to the number", "Agents found 250grammes of cocaine in the parcel.",
			[]seizureKey{{"drugs", "cocaine", 250, 0, "g", "", "exact"}}},
		{"pounds, then a conversion, then the goods", "Troops found about 440 pounds (200 kilograms) of fentanyl.",
			[]seizureKey{{"drugs", "fentanyl", 440, 0, "lb", "", "about"}}},
		{"located", "Troopers located approximately 51 pounds of fentanyl pills in the trunk.",
			[]seizureKey{{"drugs", "fentanyl", 51, 0, "lb", "", "about"}}},
		{"an attempt to transport, foiled", "The agency foiled an attempt by three couriers to transport 61.2 kilograms of heroin.",
			[]seizureKey{{"drugs", "heroin", 61.2, 0, "kg", "", "exact"}}},
		{"a measure's goods come before the comma", "Seized were a bag of shabu weighing about 900 grams, one pistol and a weighing scale.",
			[]seizureKey{{"drugs", "shabu", 900, 0, "g", "", "about"}, {"firearms", "pistol", 1, 0, "item", "", "exact"}, {"other", "weighing scale", 1, 0, "item", "", "exact"}}},
		{"a cartridge's calibre is no count", "Officers found 12 rounds of 7.62 ammunition.",
			[]seizureKey{{"ammunition", "rounds", 12, 0, "round", "", "exact"}}},
		{"live animals found", "More than 300 tortoises were found in a shipping container.",
			[]seizureKey{{"other", "tortoises", 300, 0, "item", "", "more_than"}}},
		{"vague counts of goods, one listed and one not", "Rangers also seized hundreds of turtle eggs and dozens of dried seahorse pieces.",
			[]seizureKey{{"other", "turtle eggs", 0, 0, "", "", "several"}, {"other", "dried seahorse pieces", 0, 0, "", "", "several"}}},
		{"a conversion in brackets is a note", "Agents seized more than 300 kilograms (661 pounds) of cocaine in the raid.",
			[]seizureKey{{"drugs", "cocaine", 300, 0, "kg", "", "more_than"}}},
		{"a conversion with a qualifier, after metric tons", "Customs seized 9 metric tons (about 9.9 tons) of hashish and $50,000 in cash.",
			[]seizureKey{{"drugs", "hashish", 9, 0, "tonne", "", "exact"}, {"cash", "", 0, 50000, "", "USD", "exact"}}},
		{"things listed without figures", "Jewellery, luxury cars and designer goods were also seized.",
			[]seizureKey{{"other", "jewellery", 0, 0, "", "", ""}, {"vehicles", "luxury cars", 0, 0, "", "", ""}, {"other", "designer goods", 0, 0, "", "", ""}}},
		{"packages of a drug", "Officers found 50 bricks of cocaine in the boot.",
			[]seizureKey{{"drugs", "cocaine", 50, 0, "brick", "", "exact"}}},
		{"a noun of seizing: recovery of", "Officers announced the recovery of 5 kg of heroin in Leeds.",
			[]seizureKey{{"drugs", "heroin", 5, 0, "kg", "", "exact"}}},
		{"a noun of seizing: interception of", "The interception of 300 kg of cocaine at the port was the largest this year.",
			[]seizureKey{{"drugs", "cocaine", 300, 0, "kg", "", "exact"}}},
		{"goods taken with the arrested", "The courier was detained along with 48 kg of khat.",
			[]seizureKey{{"drugs", "khat", 48, 0, "kg", "", "exact"}}},
		{"a drug counted in its dosage form before 'of'", "Officers intercepted 1.5 million capsules of tramadol at the port.",
			[]seizureKey{{"drugs", "tramadol", 1.5e6, 0, "pill", "", "exact"}}},
		{"goods detained by customs", "Border Force officers detained 12,000 cigarettes at Dover.",
			[]seizureKey{{"other", "cigarettes", 12000, 0, "item", "", "exact"}}},
		{"packages weighing a total: one haul, by its weight", "A search of the boat turned up 90 bales of cocaine weighing a total of 2.7 tonnes.",
			[]seizureKey{{"drugs", "cocaine", 2.7, 0, "tonne", "", "exact"}}},
		{"pills weighing some grams: one haul, by its pills", "Officers seized 74 ecstasy pills weighing 130 grams from a parcel.",
			[]seizureKey{{"drugs", "ecstasy", 74, 0, "pill", "", "exact"}}},
		{"a list of results: its sums are cash", "The results of the operation include:\n- 450 kg of cocaine seized\n- €2.5 million in cash",
			[]seizureKey{{"drugs", "cocaine", 450, 0, "kg", "", "exact"}, {"cash", "", 0, 2.5e6, "", "EUR", "exact"}}},
		{"a list's item labelled cash", "Seizures during the week:\n• Cocaine: 14 kg\n• Cash: £340,000",
			[]seizureKey{{"drugs", "cocaine", 14, 0, "kg", "", "exact"}, {"cash", "", 0, 340000, "", "GBP", "exact"}}},
		{"goods no list names end before their worth; a place phrase is no goods", "Police seized 12 kg of florbex powder worth RM4 million and arrested four men, including two foreigners, in raids in Selangor.",
			[]seizureKey{{"other", "florbex powder", 12, 0, "kg", "", "exact"}}},
		{"stolen goods and their worth", "Police recovered stolen goods worth KSh 1.2 million in Nakuru.",
			[]seizureKey{{"other", "stolen goods", 0, 1.2e6, "", "KES", "exact"}}},
		{"a sum stolen is no seizure", "The gang stole more than $2 million from victims. Police seized $20,000 in cash.",
			[]seizureKey{{"cash", "", 0, 20000, "", "USD", "exact"}}},
		{"a weight alone, of the goods the sentence before named", "The network shipped cocaine to Europe. Officers seized 2 tonnes during the raids.",
			[]seizureKey{{"drugs", "cocaine", 2, 0, "tonne", "", "exact"}}},
		{"plants of a drug named before", "The search uncovered a cannabis farm with 450 plants, police said.",
			[]seizureKey{{"drugs", "cannabis plants", 450, 0, "plant", "", "exact"}}},
		{"a handgun found", "Officers found a handgun in the car.",
			[]seizureKey{{"firearms", "handgun", 1, 0, "item", "", "exact"}}},
		{"a count of a coin", "Police froze 4,000 bitcoin in the raid.",
			[]seizureKey{{"cryptocurrency", "bitcoin", 4000, 0, "bitcoin", "", "exact"}}},
		{"things identified are not seized", "Investigators seized 700 servers and identified 1.6 million infected computers.",
			[]seizureKey{{"other", "servers", 700, 0, "item", "", "exact"}}},
		{"an arrest after the goods is no goods", "The FBI seized the domains of the site and arrested its administrator, Conor Fitz, in New York.",
			[]seizureKey{{"other", "domains", 0, 0, "", "", ""}}},
		{"packages of goods no list names", "Officers confiscated 5,000 packs of fake Viagra and 800 bottles of unlicensed cough syrup.",
			[]seizureKey{{"other", "fake Viagra", 5000, 0, "pack", "", "exact"}, {"other", "unlicensed cough syrup", 800, 0, "bottle", "", "exact"}}},
		{"clauses with no verb of their own go on the seizing", "In Colombia, police seized 4.2 tonnes of cocaine; in Ecuador, 2.1 tonnes; and in Peru, 900 kg.",
			[]seizureKey{{"drugs", "cocaine", 4.2, 0, "tonne", "", "exact"}, {"drugs", "cocaine", 2.1, 0, "tonne", "", "exact"}, {"drugs", "cocaine", 900, 0, "kg", "", "exact"}}},
		{"a clause with its own verb does not", "Police seized 4 kilos of cocaine, and the court jailed the man for 3 years.",
			[]seizureKey{{"drugs", "cocaine", 4, 0, "kg", "", "exact"}}},
		{"villas are property", "The Guardia di Finanza confiscated 3 villas and 14 cars belonging to the boss.",
			[]seizureKey{{"property", "villas", 3, 0, "item", "", "exact"}, {"vehicles", "cars", 14, 0, "item", "", "exact"}}},
		{"syabu, the Malay spelling of shabu", "Police seized 1.2 tonnes of syabu in Selangor.",
			[]seizureKey{{"drugs", "shabu", 1.2, 0, "tonne", "", "exact"}}},
		{"counted goods no list names, after a verb of seizing", "Police confiscated 25 slot machines during the raid.",
			[]seizureKey{{"other", "slot machines", 25, 0, "item", "", "exact"}}},
		{"counted goods no list names, on a list", "Officers seized 3 kg of cocaine, 5 leopard skins and 4 generators.",
			[]seizureKey{{"drugs", "cocaine", 3, 0, "kg", "", "exact"}, {"other", "leopard skins", 5, 0, "item", "", "exact"}, {"other", "generators", 4, 0, "item", "", "exact"}}},
		{"a count after a preposition is no goods", "Officers seized 3 kg of cocaine in 5 raids across 4 towns.",
			[]seizureKey{{"drugs", "cocaine", 3, 0, "kg", "", "exact"}}},
		{"messages intercepted are no goods", "Police intercepted about 1 billion encrypted messages and seized 2 kg of heroin.",
			[]seizureKey{{"drugs", "heroin", 2, 0, "kg", "", "exact"}}},
		{"arms are firearms", "About 350 arms were seized in the three countries.",
			[]seizureKey{{"firearms", "", 350, 0, "item", "", "about"}}},
		{"packages and another weight are two", "Officers seized 12 bags of cannabis and 3 kg of heroin.",
			[]seizureKey{{"drugs", "cannabis", 12, 0, "bag", "", "exact"}, {"drugs", "heroin", 3, 0, "kg", "", "exact"}}},
		{"people arrested with others are no goods", "Police arrested 5 men with links to 3 gangs.", nil},
		{"mln after a sum", "Customs seized cocaine worth EUR 12.5 mln in Rotterdam.",
			[]seizureKey{{"drugs", "cocaine", 0, 12.5e6, "", "EUR", "exact"}}},
		{"a half after a number word", "Police seized two and a half tonnes of cannabis.",
			[]seizureKey{{"drugs", "cannabis", 2.5, 0, "tonne", "", "exact"}}},
		{"a half after digits", "Officers found 2 and a half kilos of heroin.",
			[]seizureKey{{"drugs", "heroin", 2.5, 0, "kg", "", "exact"}}},
		{"half a unit", "Police seized half a tonne of cannabis.",
			[]seizureKey{{"drugs", "cannabis", 0.5, 0, "tonne", "", "exact"}}},
		{"a quarter of a unit", "Officers seized a quarter of a tonne of cannabis resin.",
			[]seizureKey{{"drugs", "cannabis resin", 0.25, 0, "tonne", "", "exact"}}},
		{"a quarter of the goods is no figure", "A quarter of the drugs were seized in the port.", nil},
		{"a headline's sum and the body's haul of that sum", "Agents seize ₱5 million worth of shabu\n\nAgents seized a kilogram of shabu worth ₱5 million on Sunday.",
			[]seizureKey{{"drugs", "shabu", 1, 5e6, "kg", "PHP", "exact"}}},
		{"a kilo", "Officers seized a kilo of cocaine in the flat.",
			[]seizureKey{{"drugs", "cocaine", 1, 0, "kg", "", "exact"}}},
		{"assets restrained", "Properties worth £3m were restrained by the court.",
			[]seizureKey{{"property", "", 0, 3e6, "", "GBP", "exact"}}},
		{"a person restrained is no seizure", "The man was restrained by officers after a struggle.", nil},
		{"a regional name of a drug", "The smugglers were fined R5,000 each after police seized 4 kg of dagga.",
			[]seizureKey{{"drugs", "dagga", 4, 0, "kg", "", "exact"}}},
		{"bottles of a drug", "Officers seized 200 bottles of codeine syrup at the depot.",
			[]seizureKey{{"drugs", "codeine syrup", 200, 0, "bottle", "", "exact"}}},
		{"packets counted as sachets", "Agents seized 20 sachets of shabu from the suspect.",
			[]seizureKey{{"drugs", "shabu", 20, 0, "sachet", "", "exact"}}},
		{"a town's region says which dollar", "Cornwall officers said police in Cornwall, Ont. seized $300,000 in cash in Cornwall.",
			[]seizureKey{{"cash", "", 0, 300000, "", "CAD", "exact"}}},
		{"a list after a sum in cash", "The task force seized 180,000 euros in cash, drugs, gold and silver.",
			[]seizureKey{{"cash", "", 0, 180000, "", "EUR", "exact"}, {"drugs", "", 0, 0, "", "", ""}, {"other", "gold", 0, 0, "", "", ""}, {"other", "silver", 0, 0, "", "", ""}}},
		{"drugs alone is too vague", "Officers searched the flat and seized drugs.", nil},
		{"a value of goods, with of", "Police seized £3 million of heroin in Leeds.",
			[]seizureKey{{"drugs", "heroin", 0, 3e6, "", "GBP", "exact"}}},
		{"a list's item, then its count", "The week in figures:\n\n• Pistols recovered: 312",
			[]seizureKey{{"firearms", "pistols", 312, 0, "item", "", "exact"}}},
		{"hypothetical", "Police will seize any vehicles used in the crimes.", nil},
		{"could have been sold", "The drugs could have been sold for £2m on the street.", nil},
		{"inspected is not seized", "Customs officers inspected 4,000 parcels at the airport.", nil},
		{"examples of a counted figure", "Officers seized 44 weapons such as knives and machetes.",
			[]seizureKey{{"other", "weapons", 44, 0, "item", "", "exact"}}},
		{"drug counted in pills", "Troopers seized 2.4 million amphetamine tablets near the river.",
			[]seizureKey{{"drugs", "amphetamine", 2.4e6, 0, "pill", "", "exact"}}},
		{"detected goods", "Officers detected 3,100 kg of loose leaf tobacco in the shipment.",
			[]seizureKey{{"other", "loose leaf tobacco", 3100, 0, "kg", "", "exact"}}},
		{"goods no list names", "Soldiers seized 90 pounds of sodium hydroxide at the camp.",
			[]seizureKey{{"other", "sodium hydroxide", 90, 0, "lb", "", "exact"}}},
		{"equal figures of two drugs", "Agents seized 8 kg of heroin, 8 kg of ketamine in the van.",
			[]seizureKey{{"drugs", "heroin", 8, 0, "kg", "", "exact"}, {"drugs", "ketamine", 8, 0, "kg", "", "exact"}}},
		{"duty evaded is no value", "Officers found 40 kilos of tobacco, worth £9,000 in duty and VAT.",
			[]seizureKey{{"other", "tobacco", 40, 0, "kg", "", "exact"}}},
		{"a conversion is one sum", "Police seized bitcoins worth 12 million euros ($13 million).",
			[]seizureKey{{"cryptocurrency", "bitcoin", 0, 12e6, "", "EUR", "exact"}}},
		{"value in goods", "Detectives seized $2 million in counterfeit medicines.",
			[]seizureKey{{"drugs", "counterfeit medicines", 0, 2e6, "", "USD", "exact"}}},
		{"figureless assets", "Prosecutors also moved to seize the assets of the gang.", nil},
		{"thousands after spaces", "Police seized approximately EUR 240 000 in cash.",
			[]seizureKey{{"cash", "", 0, 240000, "", "EUR", "about"}}},
		{"a commodity inside an agency's name", "Officers of the Tobacco Taskforce seized 40 kg of heroin.",
			[]seizureKey{{"drugs", "heroin", 40, 0, "kg", "", "exact"}}},
		{"dollars by a Canadian province", "Police in Brockton, Ont. seized $300,000 in cash.",
			[]seizureKey{{"cash", "", 0, 300000, "", "CAD", "exact"}}},
		{"vehicles of other kinds", "Officers seized two oil tankers and a speedboat in the raid.",
			[]seizureKey{{"vehicles", "tankers", 2, 0, "item", "", "exact"}, {"vehicles", "speedboat", 1, 0, "item", "", "exact"}}},
		{"a capitalised word inside a sentence is a name", "Prosecutor Anna Van Dyke said assets were seized.", nil},
		{"an aside between dashes", "Officers found two cars and a van – all of them stolen – were seized.",
			[]seizureKey{{"vehicles", "cars", 2, 0, "item", "", "exact"}, {"vehicles", "van", 1, 0, "item", "", "exact"}}},
		{"a list's lines under a line of seizing", "Officers searched the flat. The following were seized:\n- 40 kg of heroin\n- 12 firearms\n\nTwo men were held.",
			[]seizureKey{{"drugs", "heroin", 40, 0, "kg", "", "exact"}, {"firearms", "", 12, 0, "item", "", "exact"}}},
		{"a list under a line of no seizing", "The depot listed its stock for the year:\n- 40 kg of flour\n- 12 firearms",
			nil},
		{"bank accounts counted", "Investigators froze 40 bank accounts linked to the ring.",
			[]seizureKey{{"cash", "bank accounts", 40, 0, "account", "", "exact"}}},
		{"a count in lakh", "The bureau seized 1.2 lakh tablets of tramadol at the depot.",
			[]seizureKey{{"drugs", "tramadol", 120000, 0, "pill", "", "exact"}}},
		{"caught with goods", "Border guards caught two smugglers with 40 kg of cannabis.",
			[]seizureKey{{"drugs", "cannabis", 40, 0, "kg", "", "exact"}}},
		{"items included", "Items recovered from the house included two cars, laptops and passports.",
			[]seizureKey{{"vehicles", "cars", 2, 0, "item", "", "exact"}, {"other", "laptops", 0, 0, "", "", ""}, {"other", "passports", 0, 0, "", "", ""}}},
		{"a participle of seizing", "Detectives searched 14 homes, recovering 23 firearms.",
			[]seizureKey{{"firearms", "", 23, 0, "item", "", "exact"}}},
		{"yielded", "The search of the van yielded 6 kg of heroin.",
			[]seizureKey{{"drugs", "heroin", 6, 0, "kg", "", "exact"}}},
		{"the drugs, including, with a street value", "Police raided a flat in Hull. The drugs, including 12 kg of cocaine, had a street value of £1.2 million.",
			[]seizureKey{{"drugs", "cocaine", 12, 1.2e6, "kg", "GBP", "exact"}}},
		{"a comparison is no goods", "Officers seized 5.2 tonnes of cocaine, up from 3.1 tonnes.",
			[]seizureKey{{"drugs", "cocaine", 5.2, 0, "tonne", "", "exact"}, {"drugs", "cocaine", 3.1, 0, "tonne", "", "exact"}}},
		{"as well as, after a list", "Officers seized 12 kg of heroin and 4 kg of ketamine, as well as 3 vehicles.",
			[]seizureKey{{"drugs", "heroin", 12, 0, "kg", "", "exact"}, {"drugs", "ketamine", 4, 0, "kg", "", "exact"}, {"vehicles", "", 3, 0, "item", "", "exact"}}},
		{"a list after a colon, by semicolons", "Seized during the searches were: 14 firearms; 9 kg of cannabis; and £12,500 in cash.",
			[]seizureKey{{"firearms", "", 14, 0, "item", "", "exact"}, {"drugs", "cannabis", 9, 0, "kg", "", "exact"}, {"cash", "", 0, 12500, "", "GBP", "exact"}}},
		{"a count of seizures is no quantity", "Customs officers made 80 seizures of cocaine at the port.",
			[]seizureKey{{"drugs", "cocaine", 0, 0, "", "", ""}}},
		{"goods no list names end before 'during'", "Officers found 2 kg of spice during a search of the prison.",
			[]seizureKey{{"other", "spice", 2, 0, "kg", "", "exact"}}},
		{"offloaded", "The Coast Guard offloaded 20,000 pounds of cocaine at the port.",
			[]seizureKey{{"drugs", "cocaine", 20000, 0, "lb", "", "exact"}}},
		{"a model's number in the goods", "Detectives recovered five AK-47 rifles in the raid.",
			[]seizureKey{{"firearms", "rifles", 5, 0, "item", "", "exact"}}},
		{"cubic metres", "Rangers seized 120 cubic metres of rosewood at the border post.",
			[]seizureKey{{"other", "rosewood", 120, 0, "cubic metre", "", "exact"}}},
		{"cartons", "Officers found 300 cartons of cigarettes in the truck.",
			[]seizureKey{{"other", "cigarettes", 300, 0, "carton", "", "exact"}}},
		{"what frozen accounts held", "Investigators froze 22 bank accounts containing R3.4 million.",
			[]seizureKey{{"cash", "bank accounts", 22, 3.4e6, "account", "ZAR", "exact"}}},
		{"accounts of a currency counted", "Authorities seized 34 servers and 200 cryptocurrency accounts.",
			[]seizureKey{{"other", "servers", 34, 0, "item", "", "exact"}, {"cryptocurrency", "accounts", 200, 0, "account", "", "exact"}}},
		{"a road is no rand", "Police stopped a truck on the R40 and seized 20 kg of dagga.",
			[]seizureKey{{"drugs", "dagga", 20, 0, "kg", "", "exact"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []seizureKey
			for _, s := range ex.Seizures {
				got = append(got, keyOf(s))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%q:\n got %+v\nwant %+v", tc.body, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("%q seizure %d:\n got %+v\nwant %+v", tc.body, i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestArrests(t *testing.T) {
	cases := []struct {
		name, body string
		counts     []float64 // -1 for a vague count
	}{
		{"passive", "Nine men were detained after the raids.", []float64{9}},
		{"active", "Detectives arrested 132 people across the city.", []float64{132}},
		{"noun", "The operation led to 746 arrests.", []float64{746}},
		{"share of", "The force made 45 of the arrests.", []float64{45}},
		{"arrest of", "It resulted in the arrest of more than 100 suspects.", []float64{100}},
		{"clause between", "Four men, aged between 18 and 28, were taken into custody.", []float64{4}},
		{"one person", "Officers arrested a 23-year-old woman in the flat.", []float64{1}},
		{"named person", "The FBI arrested John Doe in Chicago.", []float64{1}},
		{"vague", "Hundreds of suspects were arrested across Europe.", []float64{-1}},
		{"charged is not arrested", "Twelve people were charged with conspiracy.", nil},
		{"warrants are not arrests", "Officers executed 40 warrants.", nil},
		{"another clause's figure", "17 people were charged and 5 were arrested.", []float64{5}},
		{"two groups", "Officers arrested 12 men and 3 women during the raids.", []float64{12, 3}},
		{"a man in his thirties", "A man in his 30s was arrested.", []float64{1}},
		{"some of the defendants", "Eight of the defendants were arrested on Tuesday.", []float64{8}},
		{"a breakdown by country", "The action day led to 30 arrests (22 in Spain, 5 in Portugal, 3 in the Netherlands).", []float64{30, 22, 5, 3}},
		{"a pair", "A man and a woman were arrested at the farm.", []float64{2}},
		{"a pair, one bare", "A man and woman were detained near the border.", []float64{2}},
		{"two groups and one", "Three men and a teenager have been taken into custody.", []float64{4}},
		{"two numbered groups, passive", "Two women and three men were arrested in Cardiff.", []float64{3, 2}},
		{"two groups of one count", "Police arrested two women and two men in Cardiff.", []float64{2, 2}},
		{"nationalities after one verb", "Police in Quito arrested eleven Ecuadorians and three Colombians.", []float64{11, 3}},
		{"three nationalities listed", "Officers detained seven Peruvians, two Mexicans and one Chilean at the port.", []float64{7, 2, 1}},
		{"nationalities, passive", "Six Syrians and two Pakistanis were arrested in Riyadh.", []float64{6, 2}},
		{"groups being held", "The raids ended with four men and two women being held.", []float64{2, 4}},
		{"a group and an article add up", "Four Nigerians and a Ghanaian were detained.", []float64{5}},
		{"groups with what they are suspected of", "The agency arrested 126 suspects of child exploitation and 68 suspects of trafficking.", []float64{126, 68}},
		{"a group joined to no people", "Police arrested 12 men and seized 3 guns.", []float64{12}},
		{"in custody, a word number", "Two individuals are currently in custody.", []float64{2}},
		{"in custody, no noun", "All six remain in custody.", []float64{6}},
		{"a driver and his passenger", "The 52-year-old driver and his 30-year-old passenger were arrested.", []float64{2}},
		{"a father and son", "Police said a father and son were arrested.", []float64{2}},
		{"drug personalities", "The operations resulted in the arrest of 310 drug personalities.", []float64{310}},
		{"a total and its groups by sex", "The unit made a total of 95 arrests consisting of 81 males and 14 females.", []float64{95, 81, 14}},
		{"a total and a group including", "The team detained 144 persons, including 47 women.", []float64{144, 47}},
		{"a total's described part (dev 105's gold counts it)", "Officers arrested four carriers, including two foreign nationals.", []float64{4, 2}},
		{"a quoted group name before the noun", "Police said 22 suspected \"Black Axe\" gang members have been arrested.", []float64{22}},
		{"the two", "The two were subsequently arrested and charged with money laundering.", []float64{2}},
		{"the verb set off after the noun", "The seven accused, arrested from Pune, have been identified as drivers.", []float64{7}},
		{"a nationality's person by age", "A 51-year-old Lithuanian was arrested on suspicion of smuggling.", []float64{1}},
		{"taken to custody", "The operation also saw four suspects taken to custody.", []float64{4}},
		{"an aside between dashes", "Three men - two locals and one Indonesian national - were arrested at the port.", []float64{3}},
		{"the capture of", "The raids led to the capture of 15 people in Lima.", []float64{15}},
		{"the number and noun after the verb", "Officers then located and arrested the four accused in Sudbury.", []float64{4}},
		{"subjects", "Two adult subjects were taken into custody without incident.", []float64{2}},
		{"an age without hyphens", "Gardaí arrested a 31 year old female at the scene in Athlone.", []float64{1}},
		{"an age band in brackets", "A woman (40s) was arrested following a cannabis seizure in Navan.", []float64{1}},
		{"a third person is one more", "A man was arrested in Oban. In Inverness, two women were arrested. A third woman, aged 26, was arrested and released.", []float64{1, 2, 1}},
		{"names listed after the verb", "Police arrested Karen Lee Dobbs, Victor Allen Price and Teresa Ann Gomez on Friday.", []float64{3}},
		{"one name after the verb", "Police arrested John Smith and seized 2 kg of cocaine.", []float64{1}},
		{"a further count", "Officers later arrested a further 12 suspects in Leeds.", []float64{12}},
		{"an additional count", "Police arrested an additional 15 people on Friday.", []float64{15}},
		{"a combined count", "Officers across the state arrested a combined 412 suspects during the sweep.", []float64{412}},
		{"nationals", "Five Albanian and a Serbian national were arrested.", []float64{6}},
		{"long material", "More than 20 people from across the two counties were arrested.", []float64{20}},
		{"a list of nouns", "Officers arrested 340 fraudsters, couriers and money launderers.", []float64{340}},
		{"named, then also", "Oren Vale, 41, of Hull, was also arrested.", []float64{1}},
		{"one and a group after one verb", "Officers arrested a 19-year-old man and two teenage boys, aged 15 and 16.", []float64{3}},
		{"one, and goods after", "Officers arrested a man and seized 2 kg of heroin.", []float64{1}},
		{"a total 'in total', then its parts", "Police made 37 arrests in total: 20 in Madrid, 10 in Barcelona and seven in Seville.", []float64{37, 20, 10, 7}},
		{"skippers", "The two skippers were arrested near the island.", []float64{2}},
		{"one a relative clause says was arrested", "Officers found 18 kg of cocaine in the luggage of a Brazilian woman, who was arrested.", []float64{1}},
		{"a boat intercepted with people aboard is no arrest", "Officers intercepted a boat carrying 62 migrants near the island.", nil},
		{"a courier intercepted is", "Officers intercepted a 34-year-old courier at the airport.", []float64{1}},
		{"money held is no arrest", "Authorities also froze $3.4 million held in 27 bank accounts.", nil},
		{"goods detained are no arrests", "Customs officers detained 3.2 million smuggled cigarettes at the crossing.", nil},
		{"goods after the arrests' noun are seized", "They raided 10 homes and made five arrests, seizing cannabis.", []float64{5}},
		{"drug couriers detained are people", "Officers detained 5 drug couriers at the airport.", []float64{5}},
		{"another man", "Detectives later arrested another man at the port.", []float64{1}},
		{"a passenger", "Customs officers detained an arriving passenger at the airport.", []float64{1}},
		{"one verb over a breakdown", "Police held 21 suspects in Lyon, 9 in Porto and four in Graz.", []float64{21, 9, 4}},
		{"arrested over a breakdown", "Officers arrested 17 people in Bari, 6 in Split and two in Ulm.", []float64{17, 6, 2}},
		{"a place then a clause is no breakdown", "Officers arrested 12 people in Leeds, police said.", []float64{12}},
		{"a total and its parts", "The sweep led to 60 arrests: 40 in Kenya, 15 in Uganda and 5 in Ghana.", []float64{60, 40, 15, 5}},
		{"a total, then its parts after including", "The sweep led to 90 arrests across three continents, including 50 in Chile, 25 in Spain and 15 in Japan.", []float64{90, 50, 25, 15}},
		{"a number of suspects is vague", "Police arrested a number of suspects.", []float64{-1}},
		{"placed under arrest", "Two men were placed under arrest after the chase.", []float64{2}},
		{"a person noun the first list lacked", "Two clearing agents were taken into custody at the port.", []float64{2}},
		{"a number between the noun and the verb starts another count", "About 150 officers took part and 12 people were arrested.", []float64{12}},
		{"ages are no count", "A 34-year-old man and two men aged 27 and 41 were arrested.", []float64{3}},
		{"ages between", "Three women aged between 20 and 30 were detained.", []float64{3}},
		{"a part of the count, of them", "Twenty-one people were arrested, 17 of them in Spain.", []float64{21, 17}},
		{"one described by age and trade", "Officers arrested a 45-year-old businessman at the airport.", []float64{1}},
		{"a headline's count restated in its place's longer name", "Customs arrests 15 suspects in Edo\n\nThe customs service has arrested 15 suspects in Edo state.", []float64{15}},
		{"an intercepted courier", "Customs officers intercepted a courier carrying 3 kg of heroin.", []float64{1}},
		{"intercepted passengers", "Border guards intercepted two passengers who had swallowed cocaine pellets.", []float64{2}},
		{"goods intercepted from a suspect", "The bureau intercepted 15.6 million pills from a suspect in the north.", []float64{1}},
		{"intercepted goods alone are no arrest", "Customs intercepted 40 kg of cocaine at the port.", nil},
		{"places and counts in brackets, no total", "Chile (3), Peru (2) and Bolivia (1) made arrests during the action days.", []float64{3, 2, 1}},
		{"a total, then places and counts in brackets", "The action days led to 6 arrests: Chile (3), Peru (2) and Bolivia (1).", []float64{6, 3, 2, 1}},
		{"a headline's passive with no verb 'to be'", "Customs seizes cocaine at the airport; 4 carriers held", []float64{4}},
		{"the pair", "Officers arrested the pair, aged 31 and 44, at a hotel.", []float64{2}},
		{"a trio, passive", "The trio were detained at the border.", []float64{3}},
		{"a couple, passive", "The couple were arrested at the airport.", []float64{2}},
		{"a couple of is no pair", "A couple of cars were stopped and one man was arrested.", []float64{1}},
		{"a speaker is not the one arrested", "According to police spokesperson Captain Ola Dube, the men were arrested on Sunday.", nil},
		{"named, aged, no comma before the verb", "The other woman, Ada Obi, 30, from Leeds was also arrested.", []float64{1}},
		{"a mass is no arrest count", "The raid led to the apprehension of 300 kg of cannabis.", nil},
		{"an expected figure", "There should be over 500 arrests by the summer.", nil},
		{"detained apart from arrested", "Twenty people were detained and 9 later arrested.", []float64{9}},
		{"the arrest of the", "It led to the arrest of the four men who came for the van.", []float64{4}},
		{"arrestees", "Officers said the three arrestees, aged 20 to 31, were held.", []float64{3}},
		{"a headline's present tense", "Customs arrests 6 suspects in Mombasa. The agency said so.", []float64{6}},
		{"a rate is no count", "Police said they were making two arrests a day.", nil},
		{"a day after is when", "Police arrested two men a day after the raid.", []float64{2}},
		{"one of the men arrested is no count", "One of the men arrested was later released.", nil},
		{"a list's item and its count", "The week in figures:\n\n• Arrests: 12\n- People arrested: 40", []float64{12, 40}},
		{"a list of the people arrested", "The raid led to the arrest of the following:\n- Ada Obi, 31\n- Tom Ray, 27\n- alias \"Bingo,\" 41\nAll face charges.", []float64{3}},
		{"a list after a count is not counted again", "Police arrested two people, the following:\n- Ada Obi, 31\n- Tom Ray, 27", []float64{2}},
		{"same small count, two places", "In Leeds, two men were arrested. In Bristol, officers detained two women.", []float64{2, 2}},
		{"one named, others with them", "Ivo Marsh was arrested with 14 other people near the docks.", []float64{1, 14}},
		{"one described, others along with them", "Police arrested the ringleader along with nine other suspects.", []float64{1, 9}},
		{"more goods are not more people", "Two men were arrested with more drugs in the car.", []float64{2}},
		{"caught people", "Border guards caught two smugglers near the river.", []float64{2}},
		{"caught fire is no arrest", "Two cars caught fire after the crash.", nil},
		{"demonyms", "Two Albanians were arrested in the raid.", []float64{2}},
		{"demonyms and demonyms", "Four Latvians and a Pole were detained near the border.", []float64{5}},
		{"one described, an adverb before the verb", "The woman was promptly arrested by officers at the gate.", []float64{1}},
		{"took into custody", "Authorities took 12 people into custody on Monday.", []float64{12}},
		{"arrestees as the subject", "The two male arrestees, aged 27 and 35, were remanded.", []float64{2}},
		{"the same count said again elsewhere", "Officers in Oslo and Riga arrested six people. After the six arrests, two others fled to Tallinn.", []float64{6}},
		{"the same small count, two places, no article", "In Leeds, two men were arrested. In Bristol, officers detained two women.", []float64{2, 2}},
		{"a hard-wrapped sentence", "Police in the port city of Antwerp said on Friday that officers\nhad arrested fourteen people after searching a warehouse in\nthe docks, and that the suspects were being questioned by\ndetectives from the drugs squad.", []float64{14}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []float64
			for _, a := range ex.Arrests {
				if a.Count == nil {
					got = append(got, -1)
				} else {
					got = append(got, *a.Count)
				}
			}
			if len(got) != len(tc.counts) {
				t.Fatalf("%q: arrests %v, want %v", tc.body, got, tc.counts)
			}
			for i := range got {
				if got[i] != tc.counts[i] {
					t.Errorf("%q: arrests %v, want %v", tc.body, got, tc.counts)
				}
			}
		})
	}
}

func TestAgencies(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"gazetteer acronym", "The NCA said the work went on.", []string{"National Crime Agency"}},
		{"constabulary pattern", "The Loamshire Constabulary said officers were on patrol.", []string{"Loamshire Constabulary"}},
		{"sheriff pattern", "Deputies from the Riverbend County Sheriff's Office attended.", []string{"Riverbend County Sheriff's Office"}},
		{"a title before a name is no agency", "Attorney General Merrick Garland said the Justice Department would act.", []string{"Department of Justice"}},
		{"a titled person of a force is no agency", "Officers seized 45 kg of heroin, said Detective Chief Inspector Sam Patel of Loamshire Police.", []string{"Loamshire Police"}},
		{"a name and its acronym in brackets", "The Defence Ministry (Sedena) said troops found a laboratory.", []string{"Defence Ministry"}},
		{"a unit of a service, its name's first word hyphened", "The Anti-Narcotics Unit of the Kenya Police Service seized 12 kg of heroin.", []string{"Anti-Narcotics Unit", "Kenya National Police Service"}},
		{"ministry pattern", "The Ministry of Public Order said little.", []string{"Ministry of Public Order"}},
		{"national agency pattern", "The National Drug Suppression Agency led the case.", []string{"National Drug Suppression Agency"}},
		{"demonym police alone are generic", "Dutch police said the case was closed.", nil},
		{"demonym police where the force is named in full", "The Dutch National Police led the raids. Dutch police said the case was closed.", []string{"Dutch National Police"}},
		{"a nationality's police no list names", "Kuwaiti police arrested two men.", nil},
		{"a Portuguese connector in a name", "The Military Police of Mato Grosso do Sul seized 2 tonnes of marijuana.", []string{"Military Police of Mato Grosso do Sul"}},
		{"a rank written short before a name", "DCI Ford said further arrests were likely.", nil},
		{"a short form inside a name", "The Sault Ste. Marie Police Service seized 2 kg of cocaine.", []string{"Sault Ste. Marie Police Service"}},
		{"a crime group of the police", "Detectives from the Drug and Serious Crime Group arrested three men.", []string{"Drug and Serious Crime Group"}},
		{"an ampersand inside a name", "The search was carried out by the Garda National Drugs & Organised Crime Bureau.", []string{"Garda National Drugs & Organised Crime Bureau"}},
		{"a staff association of a force", "The secretary of Kent Police Federation said officers were tired.", nil},
		{"a police station is a place", "The four suspects were detained at Isiolo Police Station.", nil},
		{"a charity of a force", "The South West Police Heritage Trust opened a new exhibition.", nil},
		{"a count before a name is no part of it", "The raid involved 50 National Police Commandos in Bogota.", []string{"National Police"}},
		{"a listed name in lower case after another country's city", "Jakarta's metropolitan police seized 20 kg of methamphetamine.", nil},
		{"an e- before a capitalised word", "Officers from the Central e-Crime Unit arrested six people.", []string{"Central e-Crime Unit"}},
		{"a listed name in British spelling", "The sting was coordinated by the World Customs Organisation.", []string{"World Customs Organization"}},
		{"a unit of a force no list names: two bodies", "Detectives with the Gang Crime Unit of the Harbourton Police Service arrested 8 people.", []string{"Gang Crime Unit", "Harbourton Police Service"}},
		{"a name across a comma is none", "Officers seized 50 pounds of marijuana in southwest Houston, police said.", nil},
		{"a name that holds a comma", "The Zakat, Tax and Customs Authority found 2 kg of captagon.", []string{"Zakat, Tax and Customs Authority"}},
		{"a wire service named so", "The AFP news agency reported that the Nigeria Police Force arrested 12 people.", []string{"Nigeria Police Force"}},
		{"a source who told the wire service", "A police source told AFP that 12 people were held in Lagos.", nil},
		{"a wire service's dateline", "PARIS (AFP) — French customs officers seized 2 tonnes of cannabis, AFP reported.", []string{"French Customs"}},
		{"demonym marines are the country's navy", "Mexican marines seized a boat off Oaxaca.", []string{"Secretaría de Marina"}},
		{"demonym gendarmes", "French gendarmes boarded the yacht.", []string{"Gendarmerie Nationale"}},
		{"generic authorities", "Belgian authorities and police forces across Europe helped.", nil},
		{"coordination is two agencies", "The NCA and Border Force searched the ship.", []string{"National Crime Agency", "Border Force"}},
		{"an office of a place and another body", "The Regional Prosecutor’s Office of Teruel and National Criminal Agency led it.",
			[]string{"Regional Prosecutor’s Office of Teruel", "National Criminal Agency"}},
		{"a list of the authorities involved", "The authorities involved:\n\n- Ruritania: Regional Public Prosecutor’s Office of Strel and Ruritanian Border Police",
			[]string{"Regional Public Prosecutor’s Office of Strel", "Ruritanian Border Police"}},
		{"a service of a place and another body", "Help came from the Criminal Intelligence Service of Loamshire and Loamshire Provincial Police.",
			[]string{"Criminal Intelligence Service of Loamshire", "Loamshire Provincial Police"}},
		{"a unit named after its service", "Officers from the Customs Dog Unit found the drugs.", []string{"Customs Dog Unit"}},
		{"a head word alone opens no name", "Police Commissioner Ada Obi spoke.", nil},
		{"an and inside one name", "The Economic and Financial Crimes Commission said so.", []string{"Economic and Financial Crimes Commission"}},
		{"sentence opening with and", "And the Guardia Civil said little.", []string{"Guardia Civil"}},
		{"a description, not a name", "A Joint Police and Customs investigation ended.", nil},
		{"ministry of the", "The Ministry of the Interior said so.", []string{"Ministry of the Interior"}},
		{"an agency's unit is two agencies", "The Spanish Tax Agency's Customs Surveillance Service took part.", []string{"Agencia Tributaria", "Servicio de Vigilancia Aduanera"}},
		{"a week inside an agency's name", "Officers of the Riverside Drug Week Unit took part.", []string{"Riverside Drug Week Unit"}},
		{"acronym defined", "It was coordinated by INTERPOL and the Regional Narcotics Liaison Office (RNLO).", []string{"INTERPOL", "Regional Narcotics Liaison Office"}},
		{"a court", "He appeared at Dunmore Magistrates Court on Monday.", []string{"Dunmore Magistrates Court"}},
		{"a task force", "The Harbour Narcotics Task Force led the raids.", []string{"Harbour Narcotics Task Force"}},
		{"a sheriff's department", "The Lake County Sheriff's Department made the arrests.", []string{"Lake County Sheriff's Department"}},
		{"a sentence opener is no name", "On Friday the Interior Ministry said so.", []string{"Interior Ministry"}},
		{"an office of a city", "The Regional Prosecutor's Office of Trnava led the case.", []string{"Regional Prosecutor's Office of Trnava"}},
		{"a hyphen in a name", "Officers of the North-West Crime Reduction Unit attended.", []string{"North-West Crime Reduction Unit"}},
		{"an agency's own unit", "The NCA found it through its Near Sea Task Force.", []string{"National Crime Agency"}},
		{"an acronym that names no body", "Kent Police warned of Invoice Redirect Fraud (IRF) and arrests.", []string{"Kent Police"}},
		{"a bare task force", "Kent Police and the Task Force met.", []string{"Kent Police"}},
		{"a court for a district", "The case went to the Federal District Court for the Eastern District of Loamshire.", []string{"Federal District Court for the Eastern District of Loamshire"}},
		{"a court for a district another body is named after", "The case went to the U.S. District Court for the Southern District of New York.", []string{"U.S. District Court for the Southern District of New York"}},
		{"a coast guard", "The Loamshire Coast Guard seized 2 tonnes of cocaine.", []string{"Loamshire Coast Guard"}},
		{"a border guard service", "The State Border Guard Service detained three men.", []string{"State Border Guard Service"}},
		{"a day after a court's name", "He appeared at the Federal Court of Loamshire on Monday.", []string{"Federal Court of Loamshire"}},
		{"plural possessive in a name", "He appeared before the Kwun Tong Magistrates' Courts.", []string{"Kwun Tong Magistrates' Courts"}},
		{"an office of a place", "Officers of the Excise Office of Port Lemon found it.", []string{"Excise Office of Port Lemon"}},
		{"a unit of a known agency", "The Chicago Field Division of the ATF led it.", []string{"Bureau of Alcohol, Tobacco, Firearms and Explosives"}},
		{"a joint body", "It set up Joint Border Interdiction Task Forces (JBITFs) at the ports.", []string{"Joint Border Interdiction Task Forces"}},
		{"an authority", "The Border Management Authority seized the truck.", []string{"Border Management Authority"}},
		{"a demonym army", "The Nigerian army detained six men.", []string{"Nigerian army"}},
		{"a force's local unit", "Kamloops RCMP arrested two men. RCMP say both were released.", []string{"Kamloops RCMP"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []string
			for _, a := range ex.Agencies {
				got = append(got, a.Name)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("%q: agencies %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

func TestOperations(t *testing.T) {
	cases := []struct {
		name, body string
		opName     string
		alias      string
		partOf     string
		agency     string
	}{
		{"operation", "Kent Police said Operation Sparrowhawk ended.", "Sparrowhawk", "", "", "Kent Police"},
		{"a named action day", "Europol backed the Tempest-2 action day against people smugglers.", "Tempest-2", "", "", "Europol"},
		{"a codename with and", "Kent Police said Operation Shield and Sword ended last week.", "Shield and Sword", "", "", "Kent Police"},
		{"and a body after a codename", "Operation Sparrowhawk and Kent Police ended last week.", "Sparrowhawk", "", "", "Kent Police"},
		{"codenamed", "In London the Met operation, codenamed \u201cBlackthorn\u201d, went on.", "Blackthorn", "", "", "Metropolitan Police"},
		{"project", "Police in Ontario ran Project Harbourlight for a year.", "Harbourlight", "Project Harbourlight", "", ""},
		{"a named action and its short name", "The sixth European Mule Action (EMA 6) ended with 422 arrests.", "European Mule Action", "", "", ""},
		{"so-called", "Police said the so-called BRAVO operation led to 14 arrests.", "BRAVO", "", "", ""},
		{"nicknamed", "The operation, nicknamed \"Low Tide\", led to 9 arrests.", "Low Tide", "", "", ""},
		{"titled, in quotes", "The operation, titled \"Vela\", ran for a year.", "Vela", "", "", ""},
		{"words between the noun and the cue", "The takedown this week, codenamed Lantern, spanned nine countries.", "Lantern", "", "", ""},
		{"the Philippine word", "Police arrested 12 people under Oplan Sagip in Cebu.", "Sagip", "", "", ""},
		{"phase", "The AFP began Operation Redwood Phase 2 this week.", "Redwood Phase 2", "", "Redwood", "Australian Federal Police"},
		{"dubbed project", "The RCMP said its investigation, dubbed Project Pelican, ended.", "Pelican", "Project Pelican", "", "Royal Canadian Mounted Police"},
		{"agency of the sentence before", "Kent Police raided six homes. The investigation, known as Operation Tern, was supported by the NCA.", "Tern", "", "", "Kent Police"},
		{"roman numeral", "Operation Lantern IX was coordinated by INTERPOL.", "Lantern IX", "", "", "INTERPOL"},
		{"in Portuguese", "Federal officers carried out Operação Mar Aberto in Santos.", "Mar Aberto", "", "", ""},
		{"in Indonesian", "Police in Surabaya ran Operasi Antik for a month.", "Antik", "", "", ""},
		{"week of action", "Forces took part in the County Lines Action Week of Action.", "County Lines Action Week of Action", "", "", ""},
		{"dubbed, lower-case start", "The operation, dubbed eClipse, was run by the Loamshire Police.", "eClipse", "", "", "Loamshire Police"},
		{"code named after action", "The action, code named \"Harrow\", ended on Monday.", "Harrow", "", "", ""},
		{"dubbed before the operation", "Dubbed ‘Marlin IV’, the operation targeted fake medicines.", "Marlin IV", "", "", ""},
		{"quoted before operation", "The \"Safe Harbour Now\" anti-drug operation ended.", "Safe Harbour Now", "", "", ""},
		{"strike force", "Detectives from Strike Force Wren charged two men.", "Wren", "Strike Force Wren", "", ""},
		{"a possessive is not the name", "Police gave the results of Operation Trident's third phase on Friday.", "Trident", "", "", ""},
		{"an edition named short", "Operation Lantern IX began in May. Operation Lantern seized 40 kg of heroin.", "Lantern IX", "Lantern", "", ""},
		{"the agency of its figures", "Operation Heron began in May. The Loamshire Constabulary later arrested 9 men.", "Heron", "", "", "Loamshire Constabulary"},
		{"a name with letters beyond ASCII", "Detectives said the investigation, Operation Rāwhiti, had taken a year.", "Rāwhiti", "", "", ""},
		{"a name set off before the words of an operation", "The seizure was part of Kestrel, a multinational naval campaign.", "Kestrel", "", "", ""},
		{"a sub-operation of another", "In Operation Kestrel, a sub-operation of Operation Marlin IV, officers seized 3 tonnes of fake medicines.", "Kestrel", "", "Marlin IV", ""},
		{"a strand of another", "Operation Heron, the Loamshire strand of Operation Tern, led to 17 arrests.", "Heron", "", "Tern", ""},
		{"as part of the first, the second", "As part of Operation Tern, the Loamshire Constabulary's Operation Heron led to 17 arrests.", "Heron", "", "Tern", "Loamshire Constabulary"},
		{"two operations joined by 'and' are apart", "Operation Tern ended in May and Operation Heron began in June.", "Heron", "", "", ""},
		{"agencies that acted, in an article about one operation", "Operation Heron began in May. Years later, the Loamshire Constabulary along with the FBI have dismantled the network.", "Heron", "", "", "Federal Bureau of Investigation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, op := range ex.Operations {
				if op.Name == nil || *op.Name != tc.opName {
					continue
				}
				if tc.alias != "" && !contains(op.Aliases, tc.alias) {
					t.Errorf("aliases %v, want %q", op.Aliases, tc.alias)
				}
				if deref(op.PartOf) != tc.partOf {
					t.Errorf("part_of %q, want %q", deref(op.PartOf), tc.partOf)
				}
				if tc.agency != "" && !contains(op.Agencies, tc.agency) {
					t.Errorf("agencies %v, want %q", op.Agencies, tc.agency)
				}
				return
			}
			t.Errorf("%q: operation %q not among %+v", tc.body, tc.opName, ex.Operations)
		})
	}
}

func TestAttachment(t *testing.T) {
	cases := []struct {
		name, body        string
		agency, operation string // of the last figure
	}{
		{"agency of the sentence before", "Kent Police said 20 people were arrested. Officers also seized 3kg of cocaine.", "Kent Police", ""},
		{"credited agency", "Officers seized 40 kilos of heroin, says the NCA.", "National Crime Agency", ""},
		{"the operation's agency is not the figure's", "Officers supported the NCA's Operation Larkspur, which saw 60 arrests.", "", "Larkspur"},
		{"the article's only operation", "Operation Gannet was run by Kent Police. In the end, 12 kilos of cannabis were seized.", "Kent Police", "Gannet"},
		{"the clause's subject", "The NCA and Border Force found 2 tonnes of cocaine.", "National Crime Agency", ""},
		{"a force named by its place", "Kent Police seized 3kg of heroin. Police in Rotterdam said they found 8,000 kilos of cocaine.", "", ""},
		{"a past figure has no agency", "Kent Police seized 3kg of heroin. The previous record was 8 kilos of heroin seized in 2015.", "", ""},
		{"an operation's owner named in the sentence before", "Two operations by the Guardia Civil ended this week. In Operation Tango, officers seized 40 kilos of hashish in Valencia.", "Guardia Civil", "Tango"},
		{"a joint operation's partner is not the subject", "In a joint operation with the Guardia Civil, the Polícia Judiciária seized 2 tonnes of cocaine.", "Polícia Judiciária", ""},
		{"a ministry that says its troops acted", "The Defence Ministry said troops detained three men near the lab.", "Defence Ministry", ""},
		{"an international body arrests no one by inheritance", "Europol led the action days in May. Five people were arrested.", "", ""},
		{"a coordinator that said so is not the actor after it", "Police in Spain dismantled a cocaine ring, Europol said. Officers seized 40 kilos of cocaine.", "", ""},
		{"the leader of the work, a supporter's name holding 'Police'", "The investigation, led by the Drug Enforcement Administration with help from the Phoenix Police Department, resulted in the seizure of 50 kilos of cocaine.", "Drug Enforcement Administration", ""},
		{"a second subject with its own verb", "The Guardia Civil arrested 28 suspects in Malaga, and the Polícia Judiciária arrested 12 people in Porto.", "Polícia Judiciária", ""},
		{"a task force referred back to", "Officers from the Coastal Narcotics Task Force raided six homes. The task force seized 14 kilos of cannabis, according to a statement from the Loamshire Police.", "Coastal Narcotics Task Force", ""},
		{"the only operation, its named agency only a supporter", "Operation Gannet was supported by the NCA. Kent Police later seized 12 kilos of cannabis.", "Kent Police", "Gannet"},
		{"the only operation, run only by an international body", "Operation Gannet was run by Europol. Kent Police seized 12 kilos of cannabis.", "Kent Police", "Gannet"},
		{"the only operation, run by another agency than the figure's", "In London, the Met operation, codenamed Gannet, went on. The NCA seized 12 kilos of cannabis across the country.", "National Crime Agency", ""},
		{"of several operations, the one in focus", "Operation Tern ended in May. Operation Gannet began in June. Officers seized 40 kilos of cannabis.", "", "Gannet"},
		{"a part and its whole named: the part's", "As part of Operation Tern, Operation Heron led to 17 arrests in Loamshire.", "", "Heron"},
		{"an owner named as the operation's, with no word of support", "The Met's Operation Trident has so far led to 1,250 arrests.", "Metropolitan Police", "Trident"},
		{"an operation's one owner, for a figure that names no actor", "The DEA's Operation Crystal Shield targeted trafficking hubs. Agents seized 28 kilos of meth during the operation.", "Drug Enforcement Administration", "Crystal Shield"},
		{"a list of partners, its first no agency named, is no actor", "For a week, officers raided homes as part of Operation Heron. The Loamshire Constabulary served 10 warrants. The officers partnered with the Loamshire Highway Patrol and the Department of Homeland Security. During Operation Heron, investigators seized 40 kilos of cannabis. They also arrested nine people.", "Loamshire Constabulary", "Heron"},
		{"the operation's one owner, known from its figures, for a sentence naming it", "Deputies seized 1,400 pounds of meth after a county-wide operation.\nFor a week, officers raided homes as part of Operation Heron. The Loamshire County Sheriff's Department served 10 search warrants. The deputies partnered with the California Highway Patrol and the Department of Homeland Security.\nThey arrested nine suspects. During Operation Heron, investigators seized 600 kilos of cannabis.", "Loamshire County Sheriff's Department", "Heron"},
		{"an owner others supported is not the figure's", "Officers supported the NCA's Operation Larkspur. During the week, 12 kilos of cannabis were seized.", "", "Larkspur"},
		{"an owner is not the figure's where police acted", "The NCA's Operation Gannet began in May. Later, 12 kilos of cannabis were seized by police and customs.", "", "Gannet"},
		{"the body that led, in a sentence of three bodies", "Europol said 33 suspects were arrested in an operation led by the Carabinieri and supported by Eurojust. Officers seized 9 kilos of cocaine.", "Carabinieri", ""},
		{"a list of supporters ending in no body", "Loamshire Police searched the farm. The search was supported by the Customs Dog Unit, the Kildare Detective Unit, the Portlaoise Detective Unit and detectives from Dublin. Officers seized 9 kilos of cannabis.", "Loamshire Police", ""},
		{"a body and its partner, each with its acronym", "The Kenya Revenue Authority (KRA) in conjunction with the Directorate of Criminal Investigations (DCI) intercepted 5,000 litres of ethanol. Two suspects were arrested.", "Kenya Revenue Authority", ""},
		{"a list of supporters with acronyms, one no body named", "Kent Police seized the goods. The work was coordinated by INTERPOL, the World Customs Organization (WCO), the Harbour Forum of Pharmacists (HFP), the Loamshire Medicines Agency (LMA) and industry. Officers seized 9 kilos of cannabis.", "Kent Police", ""},
		{"a court named after the figure is not its actor", "Heroin dealer jailed\n\nA dealer caught with 4 kilos of heroin has been jailed. He admitted the charge at Leeds Crown Court.", "", ""},
		{"the body whose own verb governs the figure", "The AFP has charged a man after Australian Border Force officers allegedly found 50 kilos of cocaine in a shipment.", "Australian Border Force", ""},
		{"an international body beside a national one in the clause's subject", "Frontex and the Guardia Civil intercepted a boat carrying 40 kilos of hashish near Lanzarote.", "Guardia Civil", ""},
		{"a body that announced another's work is not the actor after it", "The FBI, with partners abroad, dismantled the botnet, the Justice Department announced. Investigators seized 52 kilos of cannabis.", "Federal Bureau of Investigation", ""},
		{"a body that said police acted is not the actor after it", "Police seized 2 tonnes of cocaine at the port, the Interior Ministry said. The drugs were bound for Antwerp. Five people were arrested.", "", ""},
		{"a ministry that said its troops acted stays the actor after it", "Troops destroyed three labs, the Defence Ministry said. Soldiers seized 800 kilos of cannabis.", "Defence Ministry", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var agency, op string
			switch {
			case len(ex.Seizures) > 0 && (len(ex.Arrests) == 0 || strings.Contains(tc.body[strings.LastIndex(tc.body, ". ")+1:], "kilo") || strings.Contains(tc.body, "3kg of cocaine")):
				s := ex.Seizures[len(ex.Seizures)-1]
				agency, op = deref(s.Agency), deref(s.Operation)
			case len(ex.Arrests) > 0:
				a := ex.Arrests[len(ex.Arrests)-1]
				agency, op = deref(a.Agency), deref(a.Operation)
			default:
				t.Fatalf("%q: no figure extracted", tc.body)
			}
			if agency != tc.agency || op != tc.operation {
				t.Errorf("%q: agency %q operation %q, want %q %q", tc.body, agency, op, tc.agency, tc.operation)
			}
		})
	}
}

func TestBoilerplate(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"Image copyright Getty Images", true},
		{"Leave a comment", true},
		{"Your email address will not be published. Required fields are marked *", true},
		{"Read more: Police raid homes across the county", true},
		{"Related News:", true},
		{"• Police arrest 13 over ‘biggest ever drugs plot’", true},
		{"Share this article", true},
		{"We use cookies to improve your experience.", true},
		{"3 min read", true},
		{"By Jane Smith", true},
		{"Friday, 29 September 2023 - 9:00am |", true},
		{"Officers seized 5kg of cocaine on Tuesday.", false},
		{"• 17 arrests", false},
		{"- Leo Hart said: 'We will go on'", true},
		{"- Spain: Regional Prosecutor’s Office of Teruel and National Police", false},
		{"- Ada Obi, alias \"Tiny\", 37", false},
		{"By the end of the week, 40 people had been arrested.", false},
	}
	for _, tc := range cases {
		t.Run(tc.line, func(t *testing.T) {
			if got := isBoilerplate(tc.line); got != tc.want {
				t.Errorf("isBoilerplate(%q) = %v, want %v", tc.line, got, tc.want)
			}
		})
	}
}

func TestSentencesAndOffsets(t *testing.T) {
	body := "Image copyright PA\n\nDet. Supt. Jane Roe said 12 men were held. The U.S. team helped.\nLeave a comment\n"
	sents := splitSentences(body)
	var texts []string
	for _, s := range sents {
		texts = append(texts, s.Text)
		if body[s.Start:s.End] != s.Text {
			t.Errorf("offsets %d..%d give %q, want %q", s.Start, s.End, body[s.Start:s.End], s.Text)
		}
	}
	want := []string{"Det. Supt. Jane Roe said 12 men were held.", "The U.S. team helped."}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", texts, want)
	}
}

func TestEvidenceOffsetsAreCharacters(t *testing.T) {
	body := "Über den Fall: the Met seized £13.3m in cash. Officers arrested 4 men."
	ex := extractText(t, "", body)
	runes := []rune(body)
	for _, a := range ex.Arrests {
		ev := a.Evidence[0]
		if string(runes[ev.Start:ev.End]) != ev.Sentence {
			t.Errorf("evidence %d..%d is %q, want %q", ev.Start, ev.End, string(runes[ev.Start:ev.End]), ev.Sentence)
		}
	}
	if len(ex.Arrests) != 1 || len(ex.Seizures) != 1 {
		t.Errorf("arrests %d seizures %d, want 1 and 1", len(ex.Arrests), len(ex.Seizures))
	}
}

func TestFrontMatter(t *testing.T) {
	cases := []struct {
		name, in         string
		title, published string
		wantErr          string
	}{
		{"yaml", "---\ntitle: \"A: B\"\npublished: 2020-07-02\n---\nBody.", "A: B", "2020-07-02", ""},
		{"colon in plain title", "---\ntitle: EncroChat: 746 arrests\npublished: 2020-07-02\n---\nBody.", "EncroChat: 746 arrests", "2020-07-02", ""},
		{"no front matter", "Just a body.", "", "", ""},
		{"bad date", "---\npublished: yesterday-ish\n---\nBody.", "", "", "published"},
		{"empty body", "---\ntitle: x\n---\n", "", "", "empty article"},
		{"binary", "a\x00b", "", "", "binary"},
		{"not utf-8", "caf\xe9", "", "", "UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := source.ParseText("in.txt", []byte(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "in.txt") {
					t.Fatalf("err = %v, want one naming in.txt and %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tc.title || doc.Published != tc.published {
				t.Errorf("title %q published %q, want %q %q", doc.Title, doc.Published, tc.title, tc.published)
			}
		})
	}
}

func TestBreakdownPlaces(t *testing.T) {
	ex := extractText(t, "", "Police made 30 arrests (22 in Spain, 5 in Portugal, 3 in the Netherlands).")
	got := map[float64]string{}
	for _, a := range ex.Arrests {
		got[*a.Count] = deref(a.Location)
	}
	want := map[float64]string{30: "Spain", 22: "Spain", 5: "Portugal", 3: "Netherlands"}
	for n, place := range want {
		if got[n] != place {
			t.Errorf("arrests %v: %v in %q, want %q", got, n, got[n], place)
		}
	}
}

// TestNoOperation checks sentences that look like naming an operation and do not.
func TestNoOperation(t *testing.T) {
	for _, body := range []string{
		"The seizure was part of Europol, an agency that supports police.",
		"The arrests were part of Lent, a period of fasting.",
		"The boat was part of Tern, a fleet of trawlers.",
	} {
		if ex := extractText(t, "", body); len(ex.Operations) > 0 {
			t.Errorf("%q: operations %+v, want none", body, ex.Operations)
		}
	}
}

func TestOperationIsNoPlace(t *testing.T) {
	ex := extractText(t, "", "The investigation, dubbed Operation Cold Harbor, began in Boston in 2021.")
	for _, p := range ex.Places {
		if strings.Contains(p.Name, "Harbor") {
			t.Errorf("place %q is the operation's name", p.Name)
		}
	}
	if len(ex.Operations) == 0 || *ex.Operations[0].Name != "Cold Harbor" {
		t.Errorf("operations = %+v, want Cold Harbor", ex.Operations)
	}
}

func TestOperationNameIsNoPlatform(t *testing.T) {
	ex := extractText(t, "", "Operation Hydra, run by the National Organised Crime Group, began in February.")
	if len(ex.Platforms) > 0 {
		t.Errorf("platforms %+v: the operation's name is none", ex.Platforms)
	}
	if len(ex.Operations) == 0 || deref(ex.Operations[0].Name) != "Hydra" || len(ex.Operations[0].Targets) > 0 {
		t.Errorf("operations %+v, want Hydra with no targets", ex.Operations)
	}
}

// TestPortBesideItsCity checks that a port or airport named beside its
// city is a place of its own, as ANNOTATION.md lists both.
func TestPortBesideItsCity(t *testing.T) {
	ex := extractText(t, "", "Officers seized 7 kg of cocaine at Mumbai international airport. The courier lived in Mumbai.")
	var got []string
	for _, p := range ex.Places {
		got = append(got, p.Name)
	}
	if !slices.Contains(got, "Mumbai") || !slices.Contains(got, "Mumbai international airport") {
		t.Errorf("places %q, want Mumbai and Mumbai international airport", got)
	}
}

// TestSurnameIsNoPlace checks that a place read inside a person's name is
// dropped, and kept where the sentence also names the place itself.
func TestSurnameIsNoPlace(t *testing.T) {
	cases := []struct {
		name, body string
		places     []string
	}{
		{"a surname only", "Superintendent Ana Jordan said the raids went well.", nil},
		{"a rank and a surname", "Brig. Gen. Jose Santos, director of the bureau, said the drugs came by sea.", nil},
		{"the place named too", "Superintendent Ana Jordan said officers had worked in Jordan.", []string{"Jordan"}},
		{"a union's member states", "Police in various EU member states arrested 20 people.", nil},
		{"a town of a US state, not the city abroad", "Agents seized marijuana near Roma, Texas, on Saturday.", []string{"Roma", "Texas"}},
		{"a short name that starts a longer one", "Agents in the Rio Grande Valley Sector made the arrests.", nil},
		{"home towns after ages", "Arrested were Ada Ruiz, 32, of Quellbrook; and Tom Chen, 41, of Marrowdale.", []string{"Quellbrook", "Marrowdale"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []string
			for _, p := range ex.Places {
				got = append(got, p.Name)
			}
			if !slices.Equal(got, tc.places) {
				t.Errorf("%q: places %q, want %q", tc.body, got, tc.places)
			}
		})
	}
}

func TestValuesStayWithTheirHaul(t *testing.T) {
	body := "The NDLEA seized 1.2 tonnes of cannabis in Ondo State.\n\nVictoria Police found 40 kilograms of cocaine in Dandenong.\n\n" +
		"An Garda Síochána seized cannabis worth an estimated €840,000 in Co Meath.\n"
	ex := extractText(t, "", body)
	for _, s := range ex.Seizures {
		if s.Quantity != nil && *s.Quantity == 1.2 && s.Amount != nil {
			t.Errorf("the NDLEA's 1.2 tonnes took the Gardaí's value: %+v", keyOf(s))
		}
	}
	found := false
	for _, s := range ex.Seizures {
		found = found || s.Amount != nil && *s.Amount == 840000 && deref(s.Agency) == "Garda Síochána"
	}
	if !found {
		t.Errorf("no €840,000 seizure by the Gardaí in %+v", ex.Seizures)
	}
}

func TestMultiWordPort(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a port of entry", "Officers seized 300 pounds of methamphetamine at the Otay Mesa Port of Entry on Friday.", "Otay Mesa Port of Entry"},
		{"a port of a two-word town", "Agents found 450 kg of cocaine in the Port of Santa Cruz, police said.", "Port of Santa Cruz"},
		{"an airport's terminal", "Officers stopped a courier at Gatwick Airport Terminal 3 on Monday.", "Gatwick Airport Terminal 3"},
		{"an airport in lower case", "Customs found 4 kg of heroin at Kochi international airport.", "Kochi international airport"},
		{"a hotel", "Agents arrested the dealer at the Seaview Hotel in Cebu.", "Seaview Hotel"},
		{"a border crossing", "Guards seized 90,000 pills at the Al Wadi land border crossing.", "Al Wadi land border crossing"},
		{"a bus stop", "Officers arrested a courier at the Ojota bus stop.", "Ojota bus stop"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			found := false
			for _, p := range ex.Places {
				found = found || p.Name == tc.want
			}
			if !found {
				t.Errorf("places = %+v, want %s", ex.Places, tc.want)
			}
		})
	}
}

func TestPeopleRoles(t *testing.T) {
	cases := []struct {
		name, body, person, role, org string
	}{
		{"name, role of agency", "Jane Smith, head of the NCA's Border Policing Command, said it mattered.", "Jane Smith", "head", "National Crime Agency"},
		{"agency's role name", "\"We will not stop,\" said Europol's executive director Catherine De Bolle.", "Catherine De Bolle", "executive director", "Europol"},
		{"role, of agency", "Superintendent John Doe, of Kent Police, said so.", "John Doe", "Superintendent", "Kent Police"},
		{"title and role", "The Metropolitan Police Commissioner, Dame Cressida Dick, spoke.", "Cressida Dick", "Commissioner", "Metropolitan Police"},
		{"the agency's spokesman", "Officers of the National Drug Law Enforcement Agency arrested a man at the airport, the agency's spokesman, Femi Babafemi, said.", "Femi Babafemi", "spokesman", "National Drug Law Enforcement Agency"},
		{"a suspect works for no agency that arrested them", "Humberside Police arrested Daniel Price, 38, in March.", "Daniel Price", "", ""},
		{"an age and a job before the name", "Customs officers detained a 45-year-old businessman, Ade Bello, at the port.", "Ade Bello", "45-year-old businessman", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, p := range ex.People {
				if p.Name == tc.person {
					if deref(p.Role) != tc.role || deref(p.Organisation) != tc.org {
						t.Errorf("%s: role %q org %q, want %q %q", p.Name, deref(p.Role), deref(p.Organisation), tc.role, tc.org)
					}
					return
				}
			}
			t.Errorf("%q: no %s in %+v", tc.body, tc.person, ex.People)
		})
	}
}

// TestWhoActedAndWhoSaid keeps the agency that did a figure apart from who
// states it, in sentences of our own.
func TestWhoActedAndWhoSaid(t *testing.T) {
	cases := []struct {
		name, source, body string
		agency, asserted   string
	}{
		{"a body says others acted", "", "Eurojust said national police arrested 40 people.", "", "Eurojust"},
		{"a force says its officers acted", "", "The NCA said officers seized 300 kg of cocaine.", "National Crime Agency", "National Crime Agency"},
		{"a force says it acted", "", "Kent Police said it arrested 12 people.", "Kent Police", "Kent Police"},
		{"according to a coordinator", "", "Police arrested 12 people, according to Europol.", "", "Europol"},
		{"police acted, a body after the figure said so", "", "Police in Romania arrested 12 suspects in raids, the DIICOT prosecutors said.", "", "Directorate for Investigating Organized Crime and Terrorism"},
		{"officers acted, their agency after the figure said so", "", "Officers found 2 kg of heroin in a lorry, Border Force said.", "Border Force", "Border Force"},
		{"a body's office is no person who said so", "source: The Harbour Herald", "The FBI's Los Angeles Field Office announced that 11 men were arrested.", "Federal Bureau of Investigation", "The Harbour Herald"},
		{"said, then the agency that acted", "", "The Interior Ministry said the Guardia Civil had seized 4 tonnes of hashish.", "Guardia Civil", "Interior Ministry"},
		{"said, then another body's agents acted", "", "The Interior Ministry said Border Patrol agents arrested 14 smugglers.", "U.S. Border Patrol", "Interior Ministry"},
		{"a coordinator said so; the body that led acted", "", "Europol said 33 suspects were arrested in an operation led by the Carabinieri.", "Carabinieri", "Europol"},
		{"a clause's other actor, no body named", "", "Dutch prosecutors charged 16 people after customs officers found 8 tonnes of cocaine at the port.", "", ""},
		{"a body and others joined to it", "", "Kent Police and customs officers seized 3 kg of heroin at the port.", "Kent Police", ""},
		{"the sentence after says who made the arrests", "", "Federal authorities arrested 12 people, the Justice Department announced. The arrests were made by agents with the Drug Enforcement Administration.", "Drug Enforcement Administration", "Department of Justice"},
		{"who made the seizure is not who made the arrests", "", "Federal authorities arrested 12 people, the Justice Department announced. The seizure was made by the Drug Enforcement Administration.", "", "Department of Justice"},
		{"supported is not the actor", "", "Spanish officers arrested 9 suspects with the support of Europol.", "", ""},
		{"funded is not the actor", "", "Funded by the European Commission, the operation led to 70 arrests.", "", ""},
		{"a coordinator, after the actor in the sentence before", "", "The Guardia Civil dismantled a smuggling ring. The operation, coordinated by Europol, led to 12 arrests.", "Guardia Civil", ""},
		{"an official quoted", "", "Officers seized 20 kg of cocaine, said Chief Inspector Mara Quist.", "", "Mara Quist"},
		{"an agency's unit works for it", "", "Officers from HMRC's Tobacco Taskforce found 4,000 cigarettes.", "HM Revenue and Customs", ""},
		{"the outlet", "source: The Harbour Herald", "Customs officers found 12 kg of heroin.", "", "The Harbour Herald"},
		{"a list of those involved names no one actor", "", "The NCA said its officers led the case. Police Scotland, Border Force and HMRC took part in the work. The sweep led to 40 arrests.",
			"National Crime Agency", ""},
		{"a quote after the figure is not who made it", "", "Heroin found at the port\n\nOfficers across four countries seized 90 kg of heroin. \"This shows what cooperation can do,\" said Eurojust's Vice-President Jan Holm.\n\nEuropol analysed the phones.",
			"", ""},
		{"a speaker's employer is not who made it", "", "Heroin found at the port\n\nOfficers across four countries seized 90 kg of heroin. Jan Holm, Deputy Director of Europol, said: \"It is a strong result.\"\n\nEurojust hosted the meetings.",
			"", ""},
		{"in the opening paragraph, the sentence after may name the actor", "", "Heroin found at the port\n\nOfficers seized 90 kg of heroin at the port. The Guardia Civil carried out the search.\n\nEuropol analysed the phones.",
			"Guardia Civil", ""},
		{"a separate event is no one's but whom it names", "", "Heroin found at the port\n\nIn a separate case, officers found 3 kg of heroin at the airport.\n\nBorder Force said it seized 90 kg of heroin at the port.",
			"", ""},
		{"later, a body named after the figure is not its actor", "", "The port handles many containers.\n\nIt is busy.\n\nOfficers seized 90 kg of heroin there. Europol analysed the phones.\n\nThe Guardia Civil led the case.",
			"", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, tc.source, tc.body)
			var agency, asserted *string
			switch {
			case len(ex.Arrests) > 0:
				agency, asserted = ex.Arrests[0].Agency, ex.Arrests[0].AssertedBy
			case len(ex.Seizures) > 0:
				agency, asserted = ex.Seizures[0].Agency, ex.Seizures[0].AssertedBy
			default:
				t.Fatalf("%q: no figure read", tc.body)
			}
			if deref(agency) != tc.agency || deref(asserted) != tc.asserted {
				t.Errorf("%q: agency %q asserted by %q, want %q and %q", tc.body, deref(agency), deref(asserted), tc.agency, tc.asserted)
			}
		})
	}
}

// TestFigureLinks checks parts of totals, restatements and figures given
// for comparison, in sentences of our own.
func TestFigureLinks(t *testing.T) {
	type link struct {
		kind    string // "arrest" or "seizure"
		value   float64
		partOf  float64 // the total's value, or 0
		sameAs  float64 // the restated figure's value, or 0
		context bool
	}
	cases := []struct {
		name, body string
		want       []link
	}{
		{"a total and its parts", "The sweep led to 60 arrests: 40 in Kenya, 15 in Uganda and 5 in Ghana.",
			[]link{{"arrest", 60, 0, 0, false}, {"arrest", 40, 60, 0, false}, {"arrest", 15, 60, 0, false}, {"arrest", 5, 60, 0, false}}},
		{"parts that add up", "Officers seized 9,000 cigarettes in all. They found 4,000 cigarettes in Leeds and 5,000 cigarettes in York.",
			[]link{{"seizure", 9000, 0, 0, false}, {"seizure", 4000, 9000, 0, false}, {"seizure", 5000, 9000, 0, false}}},
		{"a rounded restatement", "Police seized 212,480 ecstasy pills. More than 200,000 ecstasy pills were found in the lorry.",
			[]link{{"seizure", 212480, 0, 0, false}, {"seizure", 200000, 0, 212480, false}}},
		{"a past record", "Officers seized 2 tonnes of cocaine. The previous record was a seizure of 1.5 tonnes of cocaine.",
			[]link{{"seizure", 2, 0, 0, false}, {"seizure", 1.5, 0, 0, true}}},
		{"a yearly total in the clause", "Agents seized 40 kilos of cocaine, which brings to 9 tonnes the drugs seized in the financial year.",
			[]link{{"seizure", 40, 0, 0, false}, {"seizure", 9, 0, 0, true}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []link
			val := func(a *float64) float64 {
				if a == nil {
					return 0
				}
				return *a
			}
			for _, a := range ex.Arrests {
				l := link{kind: "arrest", value: val(a.Count), context: a.Context}
				if a.PartOf != nil {
					l.partOf = val(ex.Arrests[*a.PartOf].Count)
				}
				if a.SameAs != nil {
					l.sameAs = val(ex.Arrests[*a.SameAs].Count)
				}
				got = append(got, l)
			}
			for _, s := range ex.Seizures {
				l := link{kind: "seizure", value: val(s.Quantity), context: s.Context}
				if s.PartOf != nil {
					l.partOf = val(ex.Seizures[*s.PartOf].Quantity)
				}
				if s.SameAs != nil {
					l.sameAs = val(ex.Seizures[*s.SameAs].Quantity)
				}
				got = append(got, l)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q:\n got %+v\nwant %+v", tc.body, got, tc.want)
			}
		})
	}
}

// TestRulePeople checks people.rules on sentences of our own: officials
// with their titles and roles, and named suspects.
func TestRulePeople(t *testing.T) {
	cases := []struct {
		name, body  string
		want        []string // names
		title, role string   // of the first, where given
	}{
		{"said, then the role", "The haul hurts the gangs, said Mara Quist, the bureau's head of intelligence.", []string{"Mara Quist"}, "", "bureau's head of intelligence"},
		{"role, then said", "Ivo Brandt, the port's chief of security, said the scanners worked.", []string{"Ivo Brandt"}, "", "port's chief of security"},
		{"lower-case role before", "Regional customs chief Ola Brenn said the haul was large.", []string{"Ola Brenn"}, "", "Regional customs chief"},
		{"stacked titles and an initial", "Detective Inspector Leo R. Hart said officers were searching.", []string{"Leo R. Hart"}, "Detective Inspector", ""},
		{"shortened titles and a surname", "Det. Insp. Varga said the men were known.", []string{"Varga"}, "Det. Insp.", ""},
		{"a surname that is a place", "Superintendent Ana Jordan said the raids went well.", []string{"Ana Jordan"}, "Superintendent", ""},
		{"named suspects with ages", "Police arrested Kim Lee, 34, and Tom Ray, 27, on Friday.", []string{"Kim Lee", "Tom Ray"}, "", ""},
		{"a list of suspects", "The agency identified the suspects as Ada Obi, Femi Lawal and Musa Bello.", []string{"Ada Obi", "Femi Lawal", "Musa Bello"}, "", ""},
		{"identified as", "Police arrested the 34-year-old suspect, identified as Juan Cruz, on Tuesday.", []string{"Juan Cruz"}, "", ""},
		{"named as", "The suspects, named as Tomas Reel, 34, and Petra Vance, 29, will appear in court.", []string{"Tomas Reel", "Petra Vance"}, "", ""},
		{"identified as, a list", "The suspects were identified as Ali Khan, 32, and Omar Farooq, 28.", []string{"Ali Khan", "Omar Farooq"}, "", ""},
		{"among those arrested", "Among those arrested was Pedro Alvarez, the gang's alleged leader.", []string{"Pedro Alvarez"}, "", ""},
		{"a title after a role", "Police spokesperson Captain Siya Nkosi said the men would appear in court.", []string{"Siya Nkosi"}, "Captain", "spokesperson"},
		{"an inspector general", "According to Inspector General Usman Baba, the raid went well.", []string{"Usman Baba"}, "", "Inspector General"},
		{"one who was arrested", "The bag was handed over by one Jide Kalu who was promptly arrested.", []string{"Jide Kalu"}, "", ""},
		{"a headline's capitals are no name", "Nine Held in Major Drug and Gun Trafficking Bust Across County", nil, "", ""},
		{"a role set off before the name", "The unit's deputy director, Obi Ekwe, who led the raid, is retiring.", []string{"Obi Ekwe"}, "", "deputy director"},
		{"a role set off before a titled surname", "Police seek the car dealer, Alhaji Musa, who is at large.", []string{"Musa"}, "Alhaji", "car dealer"},
		{"a suspect listed by an alias only", "Police named the suspects.\n\n- alias \"Bingo,\" 41\n- Ana Cruz, 29", []string{"Bingo", "Ana Cruz"}, "", ""},
		{"a place set off is no person", "They sailed to the port city, Port Moresby, at night.", nil, "", ""},
		{"a name with an age set off, no other cue", "Officers stopped Ivo Marsh, 31, on the motorway in March.", []string{"Ivo Marsh"}, "", ""},
		{"a suspect's surname that is a place", "Two suspects, identified as Rico Tan and Nina Santos, were held.", []string{"Rico Tan", "Nina Santos"}, "", ""},
		{"an arrested man's surname that is a place", "Police arrested Dan Jordan, 45, and Li Wei, 52, in Leeds.", []string{"Dan Jordan", "Li Wei"}, "", ""},
		{"a role after 'its', set off before the name", "The FBI arrested its administrator, Conor Fitz, in New York.", []string{"Conor Fitz"}, "", "administrator"},
		{"a name set off after a noun for a person", "A 38-year-old Perris man, Hugo Ortiz, was arrested at home.", []string{"Hugo Ortiz"}, "", ""},
		{"a name set off after a lower-case noun only", "They met the Manchester United, Real Madrid, and others.", nil, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []string
			for _, p := range ex.People {
				got = append(got, p.Name)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Fatalf("%q: people %q, want %q", tc.body, got, tc.want)
			}
			if len(got) > 0 && (deref(ex.People[0].Title) != tc.title && tc.title != "" || deref(ex.People[0].Role) != tc.role && tc.role != "") {
				t.Errorf("%q: title %q role %q, want %q and %q", tc.body, deref(ex.People[0].Title), deref(ex.People[0].Role), tc.title, tc.role)
			}
		})
	}
}

// TestPeopleOrganisations checks whom the people named work for.
func TestPeopleOrganisations(t *testing.T) {
	cases := []struct{ name, body, person, org string }{
		{"a body's role set off before the name", "Border Force's director of operations, Mike Hill, said officers worked hard.", "Mike Hill", "Border Force"},
		{"a title, then a body's role set off after the name", "Assistant Commissioner Nick Price, the Metropolitan Police's head of specialist crime, said the network was smashed.", "Nick Price", "Metropolitan Police"},
		{"a spokesman for a body", "\"This is a major blow,\" said Tom Reyes, a spokesman for the FBI.", "Tom Reyes", "Federal Bureau of Investigation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, p := range ex.People {
				if p.Name == tc.person {
					if deref(p.Organisation) != tc.org {
						t.Errorf("%q: %s works for %q, want %q", tc.body, p.Name, deref(p.Organisation), tc.org)
					}
					return
				}
			}
			t.Errorf("%q: no %s among %+v", tc.body, tc.person, ex.People)
		})
	}
}

// TestLowerCaseJobIsNoTitle checks that a job written in lower case before
// a name, read by two rules, stays a role: a title is an honorific as written.
func TestLowerCaseJobIsNoTitle(t *testing.T) {
	ex := extractText(t, "", "Ken Rowe is the port's commander. \"It was a good day,\" commander Ken Rowe said.")
	if len(ex.People) != 1 || ex.People[0].Title != nil {
		t.Fatalf("people %+v, want Ken Rowe with no title", ex.People)
	}
}

// TestRulesCompile compiles every rule file, so a mistake in one names its
// line before any extraction.
func TestRulesCompile(t *testing.T) {
	rs, err := loadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"arrests", "operations", "people", "places"} {
		if rs.byKind[kind] == nil || rs.byKind[kind].Len() == 0 {
			t.Errorf("no rules of kind %q", kind)
		}
	}
}

// TestExplain checks that facts name the rule or pass that read them.
func TestExplain(t *testing.T) {
	ex := extractText(t, "", "A man and a woman were arrested at the farm. Officers seized 3 kg of heroin.")
	if len(ex.Arrests) != 1 || ex.Arrests[0].Evidence[0].Rule != "arrest.pair" {
		t.Fatalf("arrests %+v, want one read by arrest.pair", ex.Arrests)
	}
	if len(ex.Seizures) != 1 || ex.Seizures[0].Evidence[0].Rule != "seizure.figure" {
		t.Fatalf("seizures %+v, want one read by seizure.figure", ex.Seizures)
	}
	var b strings.Builder
	Explain(&b, ex)
	for _, want := range []string{"arrest.pair", "seizure.figure", "drugs/heroin 3 kg"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("explain output lacks %q:\n%s", want, b.String())
		}
	}
}

// TestSeparateEventsKeepNoOperation checks that a figure of "a separate
// case" is not given the article's one operation, in sentences of our own.
func TestSeparateEventsKeepNoOperation(t *testing.T) {
	ex := extractText(t, "", "Operation Quill began in May. Officers arrested 14 people in Gdansk.\n\nIn a separate case, customs officers found 3 kg of heroin at the airport. They arrested two men.")
	want := map[float64]string{14: "Quill", 2: ""}
	for _, a := range ex.Arrests {
		w, ok := want[deref2(a.Count)]
		if !ok {
			t.Errorf("%v arrested, want 14 and 2", deref2(a.Count))
			continue
		}
		delete(want, deref2(a.Count))
		if deref(a.Operation) != w {
			t.Errorf("%v arrested: operation %q, want %q", deref2(a.Count), deref(a.Operation), w)
		}
	}
	if len(want) > 0 {
		t.Errorf("no arrests of %v read", want)
	}
	for _, s := range ex.Seizures {
		if s.Operation != nil {
			t.Errorf("%s: operation %q, want none", s.Phrase, *s.Operation)
		}
	}
}

func deref2(f *float64) float64 {
	if f == nil {
		return -1
	}
	return *f
}
