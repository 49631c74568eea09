package extract

import (
	"fmt"
	"slices"
	"testing"
)

// TestOpenPlaces checks towns and regions of the open gazetteer are taken
// where the text marks a place, named as the text writes them, with their
// country, and that their names are left alone elsewhere.
func TestOpenPlaces(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // name/country, in order found
	}{
		{"after in", "Officers arrested two men in Faisalabad on Monday.", []string{"Faisalabad/PK"}},
		{"off the coast of", "Marines seized a boat off the coast of Oaxaca on Sunday.", []string{"Oaxaca/MX"}},
		{"after off", "The boat sank off Faisalabad.", []string{"Faisalabad/PK"}},
		{"after from, sentence start", "From Rawalpindi, the lorry drove south.", []string{"Rawalpindi/PK"}},
		{"list after in", "Raids were carried out in Shogunle, Oshodi, Ikeja and Iyana Ipaja.", []string{"Oshodi/NG", "Ikeja/NG", "Shogunle/NG", "Iyana Ipaja/NG"}},
		{"list after a street", "A cannabis factory was found in Ember Lane, Rugeley, last week.", []string{"Rugeley/GB"}},
		{"before a known place", "Police said Cosala, Mexico, was the centre of the trade.", []string{"Mexico/MX", "Cosala/MX"}},
		{"region word", "The men were held in Akure, Ondo State.", []string{"Akure/NG", "Ondo State/NG"}},
		{"region word lower case", "The seizure was made in Palghar district by customs.", []string{"Palghar district/IN"}},
		{"the town of", "Soldiers found a lab near the town of Badiraguato.", []string{"Badiraguato/MX"}},
		{"X-based", "A Soweto-based gang was dismantled.", []string{"Soweto/ZA"}},
		{"X-based, a known place", "The Lisbon-based gang was dismantled.", []string{"Lisbon/PT"}},
		{"X-wide is no place", "A Europe-wide alert was issued.", nil},
		{"bound for", "The container was bound for Chumphon.", []string{"Chumphon/TH"}},
		{"the article's country first", "Queensland police searched homes in Logan.", []string{"Logan/AU"}},
		{"another country's", "Deputies in Utah searched homes in Logan.", []string{"Utah/US", "Logan/US"}},
		{"diacritics as written", "The lab was near the municipality of Cosalá.", []string{"Cosalá/MX"}},

		{"a list with known places", "Hideouts were raided in Agege, Shogunle, Lagos and Abuja.", []string{"Lagos/NG", "Abuja/NG", "Agege/NG", "Shogunle/NG"}},
		{"the towns of", "Soldiers raided a lab between the towns of Calafato and Ipucha.", []string{"Calafato/", "Ipucha/"}},
		{"the town of, one name", "The lab was near the town of Soyatita near the coast.", []string{"Soyatita/"}},

		{"an adjective before the port of", "Guns were seized in the Dutch port of Hoek van Holland.", []string{"Hoek van Holland/NL"}},
		{"a direction before a region", "Syndicates operating in southeast Queensland were targeted.", []string{"southeast Queensland/AU"}},
		{"a hyphened direction in lower case says where", "The village lies in south-west Netherlands.", []string{"Netherlands/NL"}},
		{"a direction before a city", "Homes in western Sydney were searched.", []string{"Sydney/AU"}},

		{"no cue", "Logan told the court he had no money.", nil},
		{"according to", "The gang was large, according to Logan.", nil},
		{"spoke to", "Detectives spoke to Jackson on Friday.", nil},
		{"a statement from", "A statement from Jackson followed on Monday.", nil},
		{"part of a longer name", "He was taken to Police Plaza for questioning.", nil},
		{"a month", "The raids took place in March.", nil},
		{"a word written in lower case too", "Investigators traced the mafia clan's money to Mafia.", nil},
		{"a word heading agencies", "Files were handed over to Police.", nil},
		{"a demonym", "The raid was in the German state of Hesse.", []string{"Hesse/DE"}},
		{"possessive of an agency", "Detective Lee, from Police's National Organised Crime Group, spoke.", nil},
		{"a list ends at its and", "Raids were made in London and Paris, Smith said.", []string{"London/GB", "Paris/FR"}},
		{"a list of two, its unlisted name read by place.list-unlisted", "He lived in Agege and Shogunle.", []string{"Agege/NG", "Shogunle/"}},
		{"a street", "Officers searched a house in Rugeley Road.", nil},
		{"a street named after a listed town", "A warrant was executed in the area of Portland Drive.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := extractText(t, "", tc.text)
			var got []string
			for _, p := range out.Places {
				got = append(got, fmt.Sprintf("%s/%s", p.Name, p.Country))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: places %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
