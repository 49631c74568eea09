package graph

import (
	"encoding/json"
	"io"
	"sort"
	"strings"
)

// FtMEntity is one FollowTheMoney entity, as Aleph's `ftm` tools read
// them (one JSON object a line): every property value is a string.
type FtMEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// FtM maps the graph onto FollowTheMoney entities. The mapping is:
//
//   - Article: Document (title, sourceUrl, publishedAt, publisher).
//   - Agency: Organization (name, alias, country).
//   - Person: Person (name, title, position from the role).
//   - Place: Address (full is the place's name, country).
//   - Platform, Group: Organization, with a description saying which it is
//     (FtM has no schema for an encrypted-phone service or a gang).
//   - Operation, Arrest, Seizure: Event. An operation's agencies are its
//     organizer, the platforms and groups it targeted are involved, its
//     places are addressEntity. An arrest or seizure names its figure
//     ("12 arrests", "300 kg cocaine") and has its agency as organizer
//     and its place as addressEntity. The date phrase of a figure is free
//     text ("on Tuesday"), so it goes in notes, not in FtM's date.
//   - An arrest's or seizure's operation, and an operation that is part of
//     another: UnknownLink (subject, object, role "part of operation").
//   - Person speaking for an agency: Membership (member, organization, role).
//   - Evidence is not an entity: each entity's proof lists the Documents
//     (articles) that state it, and its notes the sentences that do.
//
// Entity IDs are the graph's IRIs with "opg:" and "/" turned into dashes.
func FtM(ents []*Entity) []FtMEntity {
	byID := make(map[ID]*Entity, len(ents))
	for _, e := range ents {
		byID[e.ID] = e
	}
	// What evidence says about each node: its articles and sentences.
	proofs := map[ID][]string{}
	sentences := map[ID][]string{}
	for _, e := range ents {
		if e.Kind != KindEvidence {
			continue
		}
		for _, sup := range e.Links(PredSupports) {
			for _, art := range e.Links(PredArticle) {
				proofs[sup] = appendNew(proofs[sup], ftmID(art))
			}
			if s := e.String(PredSentence); s != "" {
				sentences[sup] = appendNew(sentences[sup], s)
			}
		}
	}
	var out []FtMEntity
	add := func(id ID, schema string, props map[string][]string) int {
		if p := proofs[id]; len(p) > 0 {
			props["proof"] = p
		}
		if s := sentences[id]; len(s) > 0 {
			props["notes"] = append(props["notes"], s...)
		}
		for k, v := range props {
			if len(v) == 0 {
				delete(props, k)
			}
		}
		out = append(out, FtMEntity{ID: ftmID(id), Schema: schema, Properties: props})
		return len(out) - 1
	}
	events := map[ID]int{} // operation ID -> its Event's index in out, for relations
	for _, e := range ents {
		if e.Kind == KindArticle {
			add(e.ID, "Document", map[string][]string{"title": e.Strings(PredHeadline), "sourceUrl": e.Strings(PredURL),
				"publishedAt": e.Strings(PredPublished), "publisher": e.Strings(PredSource)})
			continue
		}
		spec := Spec(e.Kind)
		if spec == nil || spec.FtM == nil {
			continue
		}
		schema, props := spec.FtM(e)
		var links []FtMEntity
		for _, l := range spec.Links {
			to := e.Link(l.Pred)
			switch {
			case to == "":
			case l.FtMProp != "":
				props[l.FtMProp] = []string{ftmID(to)}
			case l.FtMRole != "":
				links = append(links, link(e.ID, to, l.FtMRole))
			}
		}
		i := add(e.ID, schema, props)
		if e.Kind == KindOperation {
			events[e.ID] = i
		}
		out = append(out, links...)
	}
	for _, e := range ents {
		if e.Kind != KindRelation {
			continue
		}
		from, to := e.Link(PredFrom), e.Link(PredTo)
		var ev *FtMEntity
		if i, ok := events[from]; ok {
			ev = &out[i]
		}
		switch e.String(PredRel) {
		case RelOperationAgency:
			if ev != nil {
				ev.Properties["organizer"] = appendNew(ev.Properties["organizer"], ftmID(to))
			}
		case RelOperationTarget, RelOperationHelper:
			if ev != nil {
				ev.Properties["involved"] = appendNew(ev.Properties["involved"], ftmID(to))
			}
		case RelOperationPlace:
			if ev != nil {
				ev.Properties["addressEntity"] = appendNew(ev.Properties["addressEntity"], ftmID(to))
				if t := byID[to]; t != nil {
					ev.Properties["location"] = appendNew(ev.Properties["location"], t.String(PredName))
				}
			}
		case RelOperationPartOf:
			out = append(out, link(from, to, "part of operation"))
		case RelPersonOrg:
			role := []string{"speaks for"}
			if p := byID[from]; p != nil && len(p.Strings(PredRole)) > 0 {
				role = p.Strings(PredRole)
			}
			m := FtMEntity{ID: ftmID(e.ID), Schema: "Membership", Properties: map[string][]string{
				"member": {ftmID(from)}, "organization": {ftmID(to)}, "role": role}}
			if p := proofs[e.ID]; len(p) > 0 {
				m.Properties["proof"] = p
			}
			out = append(out, m)
		}
	}
	for _, e := range out {
		for _, vs := range e.Properties {
			sort.Strings(vs)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// WriteFtM writes FtM(ents), one entity a line.
func WriteFtM(w io.Writer, ents []*Entity) error {
	enc := json.NewEncoder(w)
	for _, e := range FtM(ents) {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}

func link(subject, object ID, role string) FtMEntity {
	return FtMEntity{ID: ftmID(FactID(KindRelation, "ftm-link", string(subject), string(object))), Schema: "UnknownLink",
		Properties: map[string][]string{"subject": {ftmID(subject)}, "object": {ftmID(object)}, "role": {role}}}
}

// figureName names an arrest or seizure: "12 arrests", "300 kg cocaine".
func figureName(e *Entity) string {
	num := func(p Predicate) string {
		if f, ok := e.Float(p); ok {
			return valueString(f)
		}
		return ""
	}
	if e.Kind == KindArrest {
		if n := num(PredCount); n != "" {
			return strings.TrimSpace(n + " arrests " + e.String(PredQualifier))
		}
		return "arrests"
	}
	parts := []string{"seizure:"}
	if q := num(PredQuantity); q != "" {
		parts = append(parts, q, e.String(PredUnit))
	}
	if a := num(PredAmount); a != "" {
		parts = append(parts, e.String(PredCurrency), a)
	}
	parts = append(parts, e.String(PredCommodity), e.String(PredSubtype))
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

func ftmID(id ID) string {
	s := strings.TrimPrefix(string(id), idPrefix)
	return "opg-" + strings.NewReplacer("/", "-", ":", "-").Replace(s)
}

func appendNew(list []string, v string) []string {
	if v == "" {
		return list
	}
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
