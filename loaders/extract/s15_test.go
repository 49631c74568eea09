package extract

import (
	"slices"
	"testing"
)

// extractCase is one sentence or more and what a test reads of their
// extraction.
type extractCase[T comparable] struct {
	name, body string
	want       []T
}

// expectEach extracts each case's body and compares what read gives of
// it with the case's want.
func expectEach[T comparable](t *testing.T, read func(Extraction) []T, cases []extractCase[T]) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := read(extractText(t, "", tc.body))
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: got %v, want %v", tc.body, got, tc.want)
			}
		})
	}
}

// TestArrestWordings15 checks arrest wordings read in the fifteenth
// session: an age band after the noun, a part of those arrested, the
// gerund of arresting, a headline's present tense and a people's name
// for the people.
func TestArrestWordings15(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"an age band", "Two women in their 20s were detained on suspicion of fraud.", []float64{2}},
		{"an age band in words", "Three men in their late teens were arrested after the raid.", []float64{3}},
		{"a part of those arrested", "Eleven of those arrested were charged with supply offences.", []float64{11}},
		{"a part of the people arrested", "Police said 19 of the 44 people arrested were suspected of exploitation.", []float64{44, 19}},
		{"arresting the number", "The agency said it had dismantled the ring by arresting the five persons.", []float64{5}},
		{"a headline's detains", "Malaysia detains 52 suspects over illegal fishing", []float64{52}},
		{"a people's name", "Police in Johor detained 52 Vietnamese over illegal fishing.", []float64{52}},
		{"a people's nationals", "Police in Johor detained 52 Vietnamese nationals on Monday.", []float64{52}},
		{"each one's age band", "Two males, one in his 40s and one in his 50s, were arrested by gardaí.", []float64{2}},
		{"a part being held", "Police said 54 people were arrested and three are being detained in Portugal.", []float64{54, 3}},
		{"the organiser of the group, described", "The organizer of the group, a 43-year-old resident of Poltava region, was detained.", []float64{1}},
		{"a mastermind", "The alleged mastermind was arrested in Madrid.", []float64{1}},
		{"no count in a band alone", "Police are looking for a man in his 30s.", nil},
		{"of those questioned is no arrest", "Eleven of those questioned were later released.", nil},
	})
}

// TestSpeakerBeforeSaid checks a name of two words right before a verb of
// saying, after a long role in capitals, and that a body's, a place's or
// another organisation's name there is no person.
func TestSpeakerBeforeSaid(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
		org        string
	}{
		{"after a long role", "Kent Police Detective Chief Inspector for Serious Crime Omar Haddad said the ring was large.", []string{"Omar Haddad"}, "Kent Police"},
		{"a role in charge of a place", "Director in charge of Kajiado County Isaac Mwangi said six people were arrested.", []string{"Isaac Mwangi"}, ""},
		{"a body is no person", "Border Force said the cocaine was found in a lorry.", nil, ""},
		{"a place is no person", "New Zealand said it would extradite the men.", nil, ""},
		{"a charity is no person", "A spokesman for the Galapagos Conservation Trust said the fins were rare.", nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := peopleNames(ex)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("%q: people %q, want %q", tc.body, got, tc.want)
			}
			if len(got) == 1 && deref(ex.People[0].Organisation) != tc.org {
				t.Errorf("%q: organisation %q, want %q", tc.body, deref(ex.People[0].Organisation), tc.org)
			}
		})
	}
}

// TestAgencyNames15 checks bodies' names read in the fifteenth session:
// "Anti-" before a word in lower case, a magistrate's court, and centres
// of intelligence or coordination; a shopping centre is none.
func TestAgencyNames15(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"anti before lower case", "The Anti-mafia District Directorate in Naples said it seized 4 kg of cocaine.", []string{"Anti-mafia District Directorate"}},
		{"a magistrate's court", "The man appeared at the Melbourne Magistrate's Court on Monday.", []string{"Melbourne Magistrate's Court"}},
		{"a fraud centre", "The Canadian Anti-Fraud Centre said 300 victims were identified.", []string{"Canadian Anti-Fraud Centre"}},
		{"a targeting center", "The National Targeting Center flagged the shipment.", []string{"National Targeting Center"}},
		{"a revenue board", "The Inland Revenue Board said the firm owed taxes.", []string{"Inland Revenue Board"}},
		{"a shopping centre is no body", "Police arrested the man outside the Westfield Shopping Centre.", nil},
	})
}

// TestDefiniteVehicles checks that a vehicle named with "the" and no
// number counts one, that plural and "aircraft" do not, and that
// cellphones are phones.
func TestDefiniteVehicles(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"the van", "Officers seized the drugs and the van.", []string{"vehicles/van 1"}},
		{"the described car", "The stolen car was seized by officers.", []string{"vehicles/car 1"}},
		{"the vans", "Officers seized the vans.", []string{"vehicles/vans -"}},
		{"cellphones", "Police seized 14 cellphones from the house.", []string{"phones/cellphones 14"}},
	})
}

// TestOneMoreByArticle checks that an active arrest of a number of people
// and one more by an article counts them all, as the passive does, that
// groups of numbers stay apart, and a citizen caught counts one.
func TestOneMoreByArticle(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"active", "Officers arrested eight men and a woman in Leeds.", []float64{9}},
		{"the arrest of", "The raids led to the arrest of eight men and a woman.", []float64{9}},
		{"passive", "Eight men and a woman have been detained.", []float64{9}},
		{"numbers stay apart", "Officers arrested seven Peruvians and two Mexicans.", []float64{7, 2}},
		{"a citizen caught", "Border guards also caught a 31-year-old Belarusian citizen who tried to flee.", []float64{1}},
		{"a citizen arrested", "Soldiers searched a house in Cayambe, where a Colombian citizen was arrested.", []float64{1}},
	})
}

// TestSeizedByOtherWords checks goods "taken by police" and goods a
// search or an x-ray revealed, and that "revealed that" alone seizes
// nothing.
func TestSeizedByOtherWords(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"taken by police", "More than 34,000 cannabis plants and 79kg of dried cannabis were taken by police during the operation.", []string{"drugs/cannabis plants 34000", "drugs/cannabis 79"}},
		{"an x-ray revealed", "The woman was arrested after an x-ray revealed 17 lizards in her luggage.", []string{"other/lizards 17"}},
		{"a search revealed", "A search of the car revealed 3 kg of cocaine.", []string{"drugs/cocaine 3"}},
		{"taken to hospital is no seizure", "Two officers were taken to hospital after the crash.", nil},
		{"examples of goods counted", "Officers seized 51 other weapons including knives, machetes and swords.", []string{"other/weapons 51"}},
		{"examples after such as", "Officers seized 44 weapons such as knives, machetes and swords.", []string{"other/weapons 44"}},
		{"goods not counted are listed", "Officers also seized several live animals, including a clouded leopard, a sun bear, four birds of paradise and a siamang.", []string{"other/live animals -", "other/birds 4", "other/sun bear 1", "other/siamang 1", "other/clouded leopard 1"}},
		{"a part of which", "Deputies seized 40 guns, four of which were ghost guns.", []string{"firearms/guns 40", "firearms/ghost guns 4"}},
		{"a part of which, at least", "Officers recovered 13 firearms, at least two of which were reported stolen.", []string{"firearms/ 13", "firearms/reported stolen 2"}},
		{"a part of goods weighed is none", "Officers seized 40 kg of cocaine, four of which were hidden in a car.", []string{"drugs/cocaine 40"}},
		{"found out is learnt", "During the investigation it was found out that the group introduced 290 tons of tobacco into Romania.", nil},
		{"found is seized", "Officers found 290 kg of tobacco in the lorry.", []string{"other/tobacco 290"}},
		{"precursors are no drugs", "Finally, 372 tons of chemical precursors were seized.", []string{"other/precursor chemicals 372"}},
	})
}

// TestNameListsAfterAre checks a list of names after "They are", "The
// rest are" or "The suspects include", and that a list of places there,
// or a place opening a listed name, is no list of people.
func TestNameListsAfterAre(t *testing.T) {
	expectEach(t, peopleNames, []extractCase[string]{
		{"they are", "Police arrested 26 suspects. They are Kofi Mensah, Ama Boateng and Yaw Darko.", []string{"Kofi Mensah", "Ama Boateng", "Yaw Darko"}},
		{"the rest are", "Police arrested 26 suspects. The rest are Efua Owusu, Kojo Addo and Akua Nyarko.", []string{"Efua Owusu", "Kojo Addo", "Akua Nyarko"}},
		{"the suspects include", "The suspects include Tom Ray, Ada Obi and Lee Kim.", []string{"Tom Ray", "Ada Obi", "Lee Kim"}},
		{"a surname that is a place", "The three were identified as Mohammed Omar Aden, 29, and Sala Yusuf, 23.", []string{"Mohammed Omar Aden", "Sala Yusuf"}},
		{"a suspect named after an age", "The suspect, a 33-year-old Denis Maheli Alima was nabbed by a team of officers.", []string{"Denis Maheli Alima"}},
		{"after an age, no cue", "The 45-year-old John Smith, of Leeds, appeared before magistrates on Monday.", []string{"John Smith"}},
		{"a town's man after an age", "A 29-year-old Leeds man was arrested on Monday.", nil},
		{"places", "Raids were carried out in three cities. They are Port Harcourt, Benin City and Abuja.", nil},
		{"places of two words", "Raids were carried out in three cities. They were Los Angeles, San Diego and Fresno.", nil},
	})
}

// TestListsOfNames checks a list of three names or more, whatever opens
// it, with ages between; and that regions, brands among one-word names,
// or two names alone make no list.
func TestListsOfNames(t *testing.T) {
	expectEach(t, peopleNames, []extractCase[string]{
		{"after include", "Police arrested 26 suspects. Those held include Kofi Mensah, Ama Boateng, Yaw Darko and Kwame Asante.", []string{"Kofi Mensah", "Ama Boateng", "Yaw Darko", "Kwame Asante"}},
		{"with ages", "The court heard from Kofi Mensah, 34, Ama Boateng, 29, and Yaw Darko, 41.", []string{"Kofi Mensah", "Ama Boateng", "Yaw Darko"}},
		{"regions", "The operation covered Greater Accra, Ashanti Region, Volta Region and Northern Region.", nil},
		{"brands", "Brands included Louis Vuitton, Gucci, Christian Dior and Ralph Lauren.", nil},
	})
}

// TestDatelinesAndRegions checks a dateline in capitals that opens the
// body and a region set off after a place found, from the open
// gazetteer, and the place before "police"; a word in capitals inside a
// paragraph is no dateline, and a people's adjective no place.
func TestDatelinesAndRegions(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"a dateline and a region", "PUTRAJAYA, March 16 — Officers arrested three people in Petaling Jaya, Selangor yesterday.", []string{"Putrajaya", "Petaling Jaya", "Selangor"}},
		{"a dateline with a colon", "SONGKHLA: Officers arrested three people.", []string{"Songkhla"}},
		{"a town's police", "Jakarta police arrested six people over the scam.", []string{"Jakarta"}},
		{"a country's police, possessive", "Colombia's police arrested 31 people in the raids.", []string{"Colombia"}},
		{"an adjective is no place", "Peruvian police arrested eight people.", nil},
		{"capitals inside a paragraph", "Officers arrested three people. SONGKHLA, they said, was calm.", nil},
	})
}

// TestPoliceAfterAnotherBody checks that a figure whose sentence gives it
// to police, unnamed, takes no agency carried from the sentences before
// where that body is customs or a ministry, and keeps a force or a
// prosecutor's office that directs the police.
func TestPoliceAfterAnotherBody(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"customs before", "Shenzhen Customs said it found 239 boxes of scales at the port. Police have arrested two suspects.", ""},
		{"a force before", "Kent Police said it found 239 boxes of cannabis at the port. Police have arrested two suspects.", "Kent Police"},
		{"a prosecutor before", "The Federal Public Prosecutor's Office said its investigation found 239 boxes of cocaine. Police have arrested two suspects.", "Federal Public Prosecutor's Office"},
		{"no police in the sentence", "Shenzhen Customs said it found 239 boxes of scales at the port. Two suspects have been arrested.", "Shenzhen Customs"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Arrests) != 1 || deref(ex.Arrests[0].Agency) != tc.want {
				t.Errorf("%q: arrests %+v, want one by %q", tc.body, ex.Arrests, tc.want)
			}
		})
	}
}
