package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// addDateFields adds a figure's event date (a field of type
// graph.EventDate, named name): when it happened, as precisely as its
// sources say, and whether the text says so or the article's publication
// date stands in (what totals by month and year count as datedByArticle).
func (b *builder) addDateFields(f graphql.Fields, name string) {
	field := func(desc string, pick func(d, source string) any) *graphql.Field {
		return &graphql.Field{Type: graphql.String, Description: desc, Resolve: func(p graphql.ResolveParams) (any, error) {
			e := p.Source.(*graph.Entity)
			if own := ownDates(e); len(own) > 0 {
				source := graph.DateFromText
				if e.String(graph.PredDateSource) == graph.DateFromCurator {
					source = graph.DateFromCurator // the view's correction (graph.CurationOf)
				}
				return pick(bestDate(own), source), nil
			}
			nfs, err := b.gather(p.Context, needs{dates: true}, []*graph.Entity{e})
			if err != nil {
				return nil, err
			}
			if d := bestDate(nfs[0].dates); d != "" {
				return pick(d, graph.DateFromArticle), nil
			}
			return nil, nil
		}}
	}
	f[name] = field("When it happened (YYYY-MM-DD, YYYY-MM or YYYY, as precisely as the text says); the publication date of its article where the text gives none (see dateSource); null where neither is known.",
		func(d, _ string) any { return d })
	f["datePrecision"] = field("How much of eventDate is known: day, month or year.",
		func(d, _ string) any { return nilIfEmpty(graph.DatePrecision(d)) })
	f["dateSource"] = field("Where eventDate comes from: text (the article dates the event), article (the text gives no date, so the article's publication date stands in) or curator (a curator corrected the date).",
		func(_, source string) any { return source })
}

// bestDate is the most precise of a fact's dates, the earliest of those:
// "8 June 2021" over "2021" where sources give both.
func bestDate(dates []string) string {
	best := ""
	for _, d := range dates {
		if graph.DatePrecision(d) == "" {
			continue
		}
		if best == "" || len(d) > len(best) || len(d) == len(best) && d < best {
			best = d
		}
	}
	return best
}
