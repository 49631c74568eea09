package extract

import (
	"strconv"
	"strings"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
)

// Facts extracts the facts doc states and maps them onto the graph's
// nodes, ready for the store to write: Facts(doc, x.Extract(doc)).
func (x *Extractor) Facts(doc source.Document) graph.ArticleFacts {
	return Facts(doc, x.Extract(doc))
}

// Facts maps an article's extraction onto the graph's nodes: entities named
// by their canonical names, figures identified by everything they state, and
// relations between them, each with its evidence.
func Facts(doc source.Document, ex Extraction) graph.ArticleFacts {
	art := graph.Article{ID: graph.ArticleID(doc.URL, doc.Text), Title: doc.Title, URL: doc.URL,
		Published: doc.Published, Source: doc.Source}
	b := &factBuilder{af: graph.ArticleFacts{Article: art}, index: map[graph.ID]int{}}

	for _, a := range ex.Agencies {
		var claims []graph.Prop
		for _, al := range a.Aliases {
			claims = append(claims, graph.Prop{Pred: graph.PredAlias, Value: al})
		}
		props := []graph.Prop{{Pred: graph.PredName, Value: a.Name}}
		if len(a.Country) == 2 {
			props = append(props, graph.Prop{Pred: graph.PredCountry, Value: a.Country})
		}
		b.node(graph.KindAgency, a.Name, props, a.Evidence, claims...)
	}
	for _, p := range ex.Places {
		name, claims := p.Name, []graph.Prop(nil)
		if p.Canonical != "" {
			// the gazetteer's name is the node's: "Burma" and "Myanmar" are one place
			name, claims = p.Canonical, []graph.Prop{{Pred: graph.PredAlias, Value: p.Name}}
		}
		props := []graph.Prop{{Pred: graph.PredName, Value: name}}
		if len(p.Country) == 2 {
			props = append(props, graph.Prop{Pred: graph.PredCountry, Value: p.Country})
		}
		b.node(graph.KindPlace, name, props, p.Evidence, claims...)
	}
	for _, p := range ex.Platforms {
		b.node(graph.KindPlatform, p.Name, []graph.Prop{{Pred: graph.PredName, Value: p.Name}}, p.Evidence)
	}
	for _, g := range ex.Groups {
		b.node(graph.KindGroup, g.Name, []graph.Prop{{Pred: graph.PredName, Value: g.Name}}, g.Evidence)
	}
	// An unnamed operation has no identity to share between articles: it
	// is its article's own, labelled by the article (UnnamedLabel).
	operationID := func(op Operation) graph.ID {
		if op.Name == nil {
			return graph.UnnamedOperationID(art.ID)
		}
		return graph.EntityID(graph.KindOperation, *op.Name)
	}
	for _, op := range ex.Operations {
		var claims []graph.Prop
		for _, al := range op.Aliases {
			claims = append(claims, graph.Prop{Pred: graph.PredAlias, Value: al})
		}
		claims = append(claims, op.EventDate.claims()...)
		name := UnnamedLabel(art)
		if op.Name != nil {
			name = *op.Name
		} else {
			b.unnamed = operationID(op)
		}
		b.fact(operationID(op), graph.KindOperation, []graph.Prop{{Pred: graph.PredName, Value: name}}, op.Evidence, claims...)
	}
	// Relations once every operation has its node: a phase names its parent
	// before the parent's own entry.
	for _, op := range ex.Operations {
		id := operationID(op)
		// Its actors (led, took part) and the agencies named only as
		// supporting or announcing it, each with its role.
		for _, ar := range op.Roles {
			rel := graph.RelOperationHelper
			if Actor(ar.Role) {
				rel = graph.RelOperationAgency
			}
			b.relation(rel, id, graph.EntityID(graph.KindAgency, ar.Agency), ar.Evidence, graph.Prop{Pred: graph.PredAgencyRole, Value: ar.Role})
		}
		if op.PartOf != nil {
			b.relation(graph.RelOperationPartOf, id, graph.EntityID(graph.KindOperation, *op.PartOf), op.Evidence)
		}
		for _, t := range op.Targets {
			b.relation(graph.RelOperationTarget, id, graph.EntityID(graph.KindPlatform, t), op.Evidence)
		}
		for _, l := range op.Locations {
			b.relation(graph.RelOperationPlace, id, graph.EntityID(graph.KindPlace, l), op.Evidence)
		}
	}
	for _, p := range ex.People {
		var claims []graph.Prop
		if p.Title != nil {
			claims = append(claims, graph.Prop{Pred: graph.PredTitle, Value: *p.Title})
		}
		if p.Role != nil {
			claims = append(claims, graph.Prop{Pred: graph.PredRole, Value: *p.Role})
		}
		id := b.node(graph.KindPerson, p.Name, []graph.Prop{{Pred: graph.PredName, Value: p.Name}}, p.Evidence, claims...)
		if p.Organisation != nil {
			b.relation(graph.RelPersonOrg, id, graph.EntityID(graph.KindAgency, *p.Organisation), p.Evidence)
		}
	}
	arrestIDs := make([]graph.ID, len(ex.Arrests))
	for k, a := range ex.Arrests {
		props := []graph.Prop{{Pred: graph.PredQualifier, Value: a.Qualifier}}
		count := ""
		if a.Count != nil {
			count = strconv.FormatFloat(*a.Count, 'f', -1, 64)
			props = append(props, graph.Prop{Pred: graph.PredCount, Value: *a.Count})
		}
		links := b.links(a.Agency, a.Operation, a.Location, a.Context)
		id := graph.FactID(graph.KindArrest, append([]string{count, a.Qualifier}, linkIDs(links)...)...)
		var claims []graph.Prop
		if a.Date != nil {
			claims = append(claims, graph.Prop{Pred: graph.PredDate, Value: *a.Date})
		}
		claims = append(claims, a.EventDate.claims()...)
		b.fact(id, graph.KindArrest, append(props, links...), a.Evidence, claims...)
		arrestIDs[k] = id
	}
	seizureIDs := make([]graph.ID, len(ex.Seizures))
	for k, s := range ex.Seizures {
		props := []graph.Prop{{Pred: graph.PredCommodity, Value: s.Commodity}}
		str := func(p graph.Predicate, v *string) {
			if v != nil {
				props = append(props, graph.Prop{Pred: p, Value: *v})
			}
		}
		num := func(p graph.Predicate, v *float64) {
			if v != nil {
				props = append(props, graph.Prop{Pred: p, Value: *v})
			}
		}
		str(graph.PredSubtype, s.Subtype)
		num(graph.PredQuantity, s.Quantity)
		str(graph.PredUnit, s.Unit)
		str(graph.PredQualifier, s.Qualifier)
		num(graph.PredAmount, s.Amount)
		str(graph.PredCurrency, s.Currency)
		str(graph.PredAmountQualifier, s.AmountQualifier)
		links := b.links(s.Agency, s.Operation, s.Location, s.Context)
		props = append(props, links...)
		var key []string
		for _, p := range props {
			key = append(key, string(p.Pred), valueKey(p.Value))
		}
		claims := []graph.Prop{{Pred: graph.PredPhrase, Value: s.Phrase}}
		if s.Date != nil {
			claims = append(claims, graph.Prop{Pred: graph.PredDate, Value: *s.Date})
		}
		claims = append(claims, s.EventDate.claims()...)
		seizureIDs[k] = graph.FactID(graph.KindSeizure, key...)
		b.fact(seizureIDs[k], graph.KindSeizure, props, s.Evidence, claims...)
	}
	for k, a := range ex.Arrests {
		b.figureLinks(arrestIDs, k, a.FigureLinks, a.Evidence)
	}
	for k, s := range ex.Seizures {
		b.figureLinks(seizureIDs, k, s.FigureLinks, s.Evidence)
	}
	return b.af
}

// figureLinks writes how figure k of ids stands to the others (part of a
// total, a restatement, given for comparison) on its evidence.
func (b *factBuilder) figureLinks(ids []graph.ID, k int, l FigureLinks, ev []Span) {
	at := func(i *int) graph.ID {
		if i == nil || *i < 0 || *i >= len(ids) || ids[*i] == ids[k] {
			return ""
		}
		return ids[*i]
	}
	partOf, sameAs := at(l.PartOf), at(l.SameAs)
	if partOf == "" && sameAs == "" && !l.Context {
		return
	}
	n := &b.af.Nodes[b.index[ids[k]]]
	for e := range n.Evidence {
		for _, s := range ev {
			if n.Evidence[e].Start == s.Start && n.Evidence[e].End == s.End {
				n.Evidence[e].PartOf, n.Evidence[e].SameAs = partOf, sameAs
				n.Evidence[e].Context = n.Evidence[e].Context || s.Context
			}
		}
	}
}

type factBuilder struct {
	af    graph.ArticleFacts
	index map[graph.ID]int // node ID -> position in af.Nodes
	// unnamed is the article's unnamed operation, or "": the operation of
	// its figures that name none (but those given for comparison).
	unnamed graph.ID
}

// UnnamedLabel is how an unnamed operation reads where a name would
// (lists, aggregates' buckets, "in Operation ..."): "(unnamed: " and the
// title of the article that tells of it, else its address, else its date.
func UnnamedLabel(a graph.Article) string {
	of := strings.Join(strings.Fields(a.Title), " ")
	if of == "" {
		of = strings.TrimSpace(a.URL)
	}
	if of == "" && a.Published != "" {
		of = "an article of " + a.Published
	}
	if of == "" {
		return "(unnamed)"
	}
	return "(unnamed: " + of + ")"
}

// node adds a named entity and returns its ID.
func (b *factBuilder) node(k graph.Kind, name string, props []graph.Prop, ev []Span, claims ...graph.Prop) graph.ID {
	id := graph.EntityID(k, name)
	b.fact(id, k, props, ev, claims...)
	return id
}

// fact adds a node, or more evidence to one already added.
func (b *factBuilder) fact(id graph.ID, k graph.Kind, props []graph.Prop, ev []Span, claims ...graph.Prop) {
	evidence := make([]graph.Evidence, 0, len(ev))
	for i, s := range ev {
		e := graph.Evidence{Sentence: s.Sentence, Start: s.Start, End: s.End, Confidence: s.Confidence, Rule: s.Rule, AssertedBy: s.AssertedBy}
		if i == 0 {
			e.Claims = claims
		}
		evidence = append(evidence, e)
	}
	if i, ok := b.index[id]; ok {
		b.af.Nodes[i].Evidence = append(b.af.Nodes[i].Evidence, evidence...)
		return
	}
	b.index[id] = len(b.af.Nodes)
	b.af.Nodes = append(b.af.Nodes, graph.Node{ID: id, Kind: k, Props: props, Evidence: evidence})
}

func (b *factBuilder) relation(rel string, from, to graph.ID, ev []Span, claims ...graph.Prop) {
	if _, ok := b.index[to]; !ok {
		return // the other end was not extracted as an entity: no dangling link
	}
	b.fact(graph.RelationID(rel, from, to), graph.KindRelation, []graph.Prop{
		{Pred: graph.PredRel, Value: rel}, {Pred: graph.PredFrom, Value: from}, {Pred: graph.PredTo, Value: to}}, ev, claims...)
}

// links are a figure's agency, operation and place, where extracted; a
// figure of this event (not context) that names no operation is the
// article's unnamed operation's, where it has one.
func (b *factBuilder) links(agency, operation, place *string, context bool) []graph.Prop {
	var out []graph.Prop
	for _, l := range []struct {
		p    graph.Predicate
		k    graph.Kind
		name *string
	}{{graph.PredAgency, graph.KindAgency, agency}, {graph.PredOperation, graph.KindOperation, operation}, {graph.PredPlace, graph.KindPlace, place}} {
		if l.name == nil {
			if l.p == graph.PredOperation && !context && b.unnamed != "" {
				out = append(out, graph.Prop{Pred: l.p, Value: b.unnamed})
			}
			continue
		}
		id := graph.EntityID(l.k, *l.name)
		if _, ok := b.index[id]; ok {
			out = append(out, graph.Prop{Pred: l.p, Value: id})
		}
	}
	return out
}

func linkIDs(ps []graph.Prop) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = string(p.Pred) + "=" + valueKey(p.Value)
	}
	return out
}

func valueKey(v any) string {
	switch v := v.(type) {
	case graph.ID:
		return string(v)
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return ""
}
