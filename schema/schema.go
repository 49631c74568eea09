package schema

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// Reader is what the resolvers read from the store. Every method returns an
// empty result, not an error, for IDs that name nothing.
type Reader interface {
	// List returns the IDs of every node of a kind, sorted.
	List(ctx context.Context, k graph.Kind) ([]graph.ID, error)
	// Get returns the nodes with the given IDs; missing ones are absent.
	Get(ctx context.Context, ids ...graph.ID) (map[graph.ID]*graph.Entity, error)
	// Referrers returns, for each ID, the nodes linking to it with p, sorted.
	Referrers(ctx context.Context, p graph.Predicate, ids ...graph.ID) (map[graph.ID][]graph.ID, error)
}

// errNotFound and errInvalid are the errors the client sees as they are;
// anything else reaches it as "internal error" (see handler.go).
var (
	errNotFound = errors.New("not found")
	errInvalid  = errors.New("invalid input")
)

const (
	defaultPage = 20
	maxPage     = 100
)

// builder holds the object types while New wires them, so fields can refer
// to types defined later.
type builder struct {
	r     Reader
	node  *graphql.Interface
	types map[graph.Kind]*graphql.Object
	conns map[graph.Kind]*graphql.Object
	evid  *graphql.Object
	art   *graphql.Object
	page  *graphql.Object
}

// New builds the GraphQL schema over r.
func New(r Reader) (graphql.Schema, error) {
	b := &builder{r: r, types: map[graph.Kind]*graphql.Object{}, conns: map[graph.Kind]*graphql.Object{}}
	b.node = graphql.NewInterface(graphql.InterfaceConfig{
		Name:        "Node",
		Description: "Anything with a global ID: the node's IRI in the graph.",
		Fields:      graphql.Fields{"id": &graphql.Field{Type: graphql.NewNonNull(graphql.ID)}},
		ResolveType: func(p graphql.ResolveTypeParams) *graphql.Object {
			if e, ok := p.Value.(*graph.Entity); ok {
				return b.types[e.Kind]
			}
			return nil
		},
	})
	b.page = graphql.NewObject(graphql.ObjectConfig{Name: "PageInfo", Fields: graphql.Fields{
		"hasNextPage": &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean)},
		"endCursor":   &graphql.Field{Type: graphql.String},
	}})
	b.defineTypes()
	query := graphql.Fields{
		"node": &graphql.Field{
			Type:        b.node,
			Description: "Any node by its ID.",
			Args:        graphql.FieldConfigArgument{"id": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				id, _ := p.Args["id"].(string)
				got, err := r.Get(p.Context, graph.ID(id))
				if err != nil {
					return nil, err
				}
				e := got[graph.ID(id)]
				if e == nil || b.types[e.Kind] == nil {
					return nil, fmt.Errorf("node %s: %w", id, errNotFound)
				}
				return e, nil
			},
		},
	}
	for _, l := range []struct {
		field string
		kind  graph.Kind
	}{{"operations", graph.KindOperation}, {"agencies", graph.KindAgency}, {"arrests", graph.KindArrest},
		{"seizures", graph.KindSeizure}, {"people", graph.KindPerson}, {"places", graph.KindPlace},
		{"platforms", graph.KindPlatform}, {"groups", graph.KindGroup}, {"articles", graph.KindArticle}} {
		kind := l.kind
		query[l.field] = &graphql.Field{
			Type:        graphql.NewNonNull(b.conns[kind]),
			Description: fmt.Sprintf("Every %s, ordered by ID.", kind),
			Args:        pageArgs(),
			Resolve: func(p graphql.ResolveParams) (any, error) {
				ids, err := r.List(p.Context, kind)
				if err != nil {
					return nil, err
				}
				return paginate(ids, p.Args)
			},
		}
	}
	return graphql.NewSchema(graphql.SchemaConfig{
		Query: graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: query}),
		Types: b.allTypes(),
	})
}

func (b *builder) allTypes() []graphql.Type {
	var out []graphql.Type
	for _, k := range graph.Kinds() {
		if t := b.types[k]; t != nil {
			out = append(out, t)
		}
	}
	return out
}

func pageArgs() graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: defaultPage, Description: fmt.Sprintf("Page size, at most %d.", maxPage)},
		"after": &graphql.ArgumentConfig{Type: graphql.String, Description: "The endCursor of the previous page."},
	}
}

// connection is a page of IDs, resolved into nodes by the connection type.
type connection struct {
	total   int
	ids     []graph.ID
	hasNext bool
}

// paginate cuts a sorted list of IDs into the page the arguments ask for.
// Cursors are the IDs themselves, so pages stay stable as nodes are added.
func paginate(ids []graph.ID, args map[string]any) (*connection, error) {
	first, _ := args["first"].(int)
	if first < 0 || first > maxPage {
		return nil, fmt.Errorf("%w: first must be between 0 and %d, got %d", errInvalid, maxPage, first)
	}
	start := 0
	if after, ok := args["after"].(string); ok && after != "" {
		raw, err := base64.RawURLEncoding.DecodeString(after)
		if err != nil {
			return nil, fmt.Errorf("%w: malformed cursor %q", errInvalid, after)
		}
		for start < len(ids) && ids[start] <= graph.ID(raw) {
			start++
		}
	}
	end := min(start+first, len(ids))
	return &connection{total: len(ids), ids: ids[start:end], hasNext: end < len(ids)}, nil
}

func cursorOf(id graph.ID) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }
