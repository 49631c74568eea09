package schema

import (
	"sort"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// agencyRole is one agency an operation's articles name, with what they
// say it did: the relation (operation_agency for its actors,
// operation_helper for agencies named only as supporting or announcing).
type agencyRole struct {
	rel  *graph.Entity
	role string
}

// roleRank orders roles, strongest first.
var roleRank = map[string]int{graph.RoleLed: 0, graph.RoleTookPart: 1, graph.RoleSupported: 2, graph.RoleAnnounced: 3}

// roleOf is the strongest role a relation's articles give the agency; a
// relation written before roles were read is its name's default.
func roleOf(rel *graph.Entity) string {
	best := ""
	for _, r := range rel.Strings(graph.PredAgencyRole) {
		if _, known := roleRank[r]; known && (best == "" || roleRank[r] < roleRank[best]) {
			best = r
		}
	}
	if best == "" {
		best = graph.RoleTookPart
		if rel.String(graph.PredRel) == graph.RelOperationHelper {
			best = graph.RoleSupported
		}
	}
	return best
}

// agencyRolesField lists an operation's agencies with their roles: those
// that led or took part (its agencies, counted in totals by agency) and
// those named only as supporting or announcing it.
func (b *builder) agencyRolesField() *graphql.Field {
	field := func(t graphql.Output, desc string, f func(p graphql.ResolveParams, ar agencyRole) (any, error)) *graphql.Field {
		return &graphql.Field{Type: t, Description: desc, Resolve: func(p graphql.ResolveParams) (any, error) { return f(p, p.Source.(agencyRole)) }}
	}
	roleType := graphql.NewObject(graphql.ObjectConfig{
		Name:        "AgencyRole",
		Description: "An agency an operation's articles name, with what they say it did.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"agency": field(b.types[graph.KindAgency], "", func(p graphql.ResolveParams, ar agencyRole) (any, error) {
					th := b.requestFrom(p.Context).entity(p.Context, ar.rel.Link(graph.PredTo))
					return func() (any, error) { return th() }, nil
				}),
				"role": field(graphql.NewNonNull(graphql.String), "led, took_part (the operation's actors), supported or announced (named only): the strongest its articles give.",
					func(_ graphql.ResolveParams, ar agencyRole) (any, error) { return ar.role, nil }),
				"relation": field(graphql.NewNonNull(b.types[graph.KindRelation]), "The relation fact (operation_agency or operation_helper).",
					func(_ graphql.ResolveParams, ar agencyRole) (any, error) { return ar.rel, nil }),
				"evidence": field(nonNullList(b.evid), "The sentences that say so.", func(p graphql.ResolveParams, ar agencyRole) (any, error) {
					th := b.requestFrom(p.Context).linked(p.Context, relKey{pred: graph.PredSupports, kind: graph.KindEvidence}, ar.rel.ID)
					return func() (any, error) {
						es, err := th()
						if es == nil {
							es = []*graph.Entity{}
						}
						return es, err
					}, nil
				}),
			}
		}),
	})
	return &graphql.Field{Type: nonNullList(roleType),
		Description: "Every agency the articles name with this operation and what they say it did, strongest role first; `agencies` holds only those that led or took part.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			th := b.requestFrom(p.Context).linked(p.Context, relKey{pred: graph.PredFrom, kind: graph.KindRelation}, p.Source.(*graph.Entity).ID)
			return func() (any, error) {
				rels, err := th()
				if err != nil {
					return nil, err
				}
				out := []agencyRole{}
				for _, r := range rels {
					if rel := r.String(graph.PredRel); rel == graph.RelOperationAgency || rel == graph.RelOperationHelper {
						out = append(out, agencyRole{rel: r, role: roleOf(r)})
					}
				}
				sort.Slice(out, func(i, j int) bool {
					if ri, rj := roleRank[out[i].role], roleRank[out[j].role]; ri != rj {
						return ri < rj
					}
					return out[i].rel.Link(graph.PredTo) < out[j].rel.Link(graph.PredTo)
				})
				return out, nil
			}, nil
		}}
}
