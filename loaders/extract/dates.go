package extract

import (
	"strings"
	"time"

	"github.com/opgraph/opgraph/graph"
)

// EventDate is when a figure's event happened, for totals by month and
// year: the date its sentence gives, else the article's publication date,
// marked as such so a dashboard can say how many facts fall back.
type EventDate struct {
	ISO       *string `json:"date_iso"`       // YYYY-MM-DD, YYYY-MM or YYYY
	Precision *string `json:"date_precision"` // day, month or year: how much of ISO the source fixes
	Source    *string `json:"date_source"`    // graph.DateFromText, or graph.DateFromArticle where the text fixes no date
}

// eventDate dates the figure at byte pos of sf by the date phrase dateIn gives it,
// where that phrase fixes a date (with the publication date, for "yesterday"
// or "8 June"); else by the article's publication date, where it has one.
func (r *run) eventDate(sf *sentenceFacts, pos int) EventDate {
	if k := dateFor(sf, pos); k >= 0 {
		iso := r.isoDate(sf.dates[k].Name)
		if iso == nil {
			iso = r.weekdayDate(sf.dates[k].Name)
		}
		if iso != nil && graph.DatePrecision(*iso) != "" {
			return EventDate{ISO: iso, Precision: r.strp(graph.DatePrecision(*iso)), Source: r.strp(graph.DateFromText)}
		}
	}
	if p := r.doc.Published; graph.DatePrecision(p) != "" {
		return EventDate{ISO: r.strp(p), Precision: r.strp(graph.DatePrecision(p)), Source: r.strp(graph.DateFromArticle)}
	}
	return EventDate{}
}

// fromText reports whether the text itself dates the event.
func (d EventDate) fromText() bool { return d.Source != nil && *d.Source == graph.DateFromText }

// claims are the event date as the graph keeps it on the evidence: the
// date where the text gives it, and where it comes from.
func (d EventDate) claims() []graph.Prop {
	if d.Source == nil {
		return nil
	}
	out := []graph.Prop{{Pred: graph.PredDateSource, Value: *d.Source}}
	if d.fromText() && d.ISO != nil {
		out = append(out, graph.Prop{Pred: graph.PredEventDate, Value: *d.ISO})
	}
	return out
}

// weekdayDate fixes a date relative to the article's publication date
// that isoDate leaves: "on Tuesday" as the last Tuesday up to it (news
// tells of the days just gone), "last Tuesday" as the one before it, "this
// year" or "earlier this year" as its year.
func (r *run) weekdayDate(phrase string) *string {
	pub, err := time.Parse("2006-01-02", r.doc.Published)
	if err != nil {
		return nil
	}
	low := strings.ToLower(phrase)
	switch low {
	case "this year", "earlier this year":
		return r.strp(pub.Format("2006"))
	}
	first := 0 // how many days back the search starts
	day, ok := strings.CutPrefix(low, "on ")
	if !ok {
		if day, ok = strings.CutPrefix(low, "last "); !ok {
			return nil
		}
		first = 1
	}
	for back := first; back < first+7; back++ {
		if d := pub.AddDate(0, 0, -back); strings.ToLower(d.Weekday().String()) == day {
			return r.strp(d.Format("2006-01-02"))
		}
	}
	return nil
}

// pastYear reports whether the text dates the event by a year alone, and
// one before the article's: "In 2022, officers there seized 3.7 tonnes"
// in a 2024 report is given for comparison, not news. A month or a day
// ("in December 2023") is an event the article may be reporting.
func (r *run) pastYear(d EventDate) bool {
	if !d.fromText() || d.ISO == nil || d.Precision == nil || *d.Precision != "year" || len(r.doc.Published) < 4 {
		return false
	}
	return *d.ISO < r.doc.Published[:4]
}
