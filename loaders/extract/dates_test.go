package extract

import "testing"

func TestEventDates(t *testing.T) {
	const published = "published: 2021-06-20" // a Sunday
	cases := []struct {
		name, front, body      string
		iso, precision, source string // "" where the figure has no date
	}{
		{"day in the text", published, "On June 8, 2021, police arrested 12 people in Leeds.", "2021-06-08", "day", "text"},
		{"month in the text", published, "In March 2020 police arrested 14 people in Leeds.", "2020-03", "month", "text"},
		{"year in the text", published, "Police arrested 15 people in Leeds in 2019.", "2019", "year", "text"},
		{"a year opening the sentence", published, "In 2019, police arrested 23 people in Leeds.", "2019", "year", "text"},
		{"relative to the article", published, "Police arrested 16 people in Leeds yesterday.", "2021-06-19", "day", "text"},
		{"weekday before the article", published, "Police arrested 17 people in Leeds on Tuesday.", "2021-06-15", "day", "text"},
		{"last weekday: the one before the article's week day", published, "Police arrested 22 people in Leeds last Tuesday.", "2021-06-15", "day", "text"},
		{"last weekday on the same weekday: a week back", "published: 2021-06-22", "Police arrested 24 people in Leeds last Tuesday.", "2021-06-15", "day", "text"},
		{"earlier this year", published, "Earlier this year, police arrested 25 people in Leeds.", "2021", "year", "text"},
		{"last month on the 31st", "published: 2021-03-31", "Police arrested 26 people in Leeds last month.", "2021-02", "month", "text"},
		{"day and month in the article's year", published, "Police arrested 18 people in Leeds on 8 June.", "2021-06-08", "day", "text"},
		{"no date: the article's", published, "Police arrested 19 people in Leeds.", "2021-06-20", "day", "article"},
		{"a phrase that fixes no day: the article's", published, "Police arrested 20 people in Leeds last week.", "2021-06-20", "day", "article"},
		{"no date anywhere", "", "Police arrested 21 people in Leeds.", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, tc.front, tc.body)
			if len(ex.Arrests) != 1 {
				t.Fatalf("%q: %d arrest figures, want 1: %+v", tc.body, len(ex.Arrests), ex.Arrests)
			}
			d := ex.Arrests[0].EventDate
			if deref(d.ISO) != tc.iso || deref(d.Precision) != tc.precision || deref(d.Source) != tc.source {
				t.Errorf("%q: date %q precision %q source %q, want %q %q %q", tc.body,
					deref(d.ISO), deref(d.Precision), deref(d.Source), tc.iso, tc.precision, tc.source)
			}
		})
	}
}

func TestSeizureEventDate(t *testing.T) {
	ex := extractText(t, "published: 2021-06-20", "Border Force officers seized 40 kg of cocaine at Dover on 3 May 2021.")
	if len(ex.Seizures) != 1 {
		t.Fatalf("%d seizures, want 1: %+v", len(ex.Seizures), ex.Seizures)
	}
	d := ex.Seizures[0].EventDate
	if deref(d.ISO) != "2021-05-03" || deref(d.Precision) != "day" || deref(d.Source) != "text" {
		t.Errorf("seizure dated %q %q %q, want 2021-05-03 day text", deref(d.ISO), deref(d.Precision), deref(d.Source))
	}
}

// TestPastYearIsContext checks that a figure the text dates by an earlier
// year alone is given for comparison, and one with a month or of the
// article's year is not.
func TestPastYearIsContext(t *testing.T) {
	const published = "published: 2021-06-20"
	cases := []struct {
		name, body string
		context    bool
	}{
		{"an earlier year", "In 2019, officers there seized 3.7 tonnes of cocaine.", true},
		{"an earlier year at the end", "Officers there seized 3.7 tonnes of cocaine in 2018.", true},
		{"an earlier month", "In March 2020 officers seized 3.7 tonnes of cocaine.", false},
		{"the article's year", "In 2021, officers seized 3.7 tonnes of cocaine.", false},
		{"no date", "Officers seized 3.7 tonnes of cocaine.", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, published, tc.body)
			if len(ex.Seizures) != 1 {
				t.Fatalf("%q: %d seizures, want 1", tc.body, len(ex.Seizures))
			}
			if ex.Seizures[0].Context != tc.context {
				t.Errorf("%q: context %v, want %v", tc.body, ex.Seizures[0].Context, tc.context)
			}
		})
	}
}

// TestEachFigureItsOwnDate checks that two figures of one sentence take the
// dates written after each, not both the sentence's first.
func TestEachFigureItsOwnDate(t *testing.T) {
	ex := extractText(t, "published: 2024-02-23", "The previous records were 3.7 tonnes of cocaine found in 2022 and 3.2 tonnes found in 2015.")
	var got []string
	for _, s := range ex.Seizures {
		got = append(got, deref(s.EventDate.ISO))
	}
	if len(got) != 2 || got[0] != "2022" || got[1] != "2015" {
		t.Errorf("dates %v, want [2022 2015]", got)
	}
}
