package schema

import (
	"fmt"

	"github.com/graphql-go/graphql/language/ast"
)

// Limits bound what one query may ask for, checked before it runs.
type Limits struct {
	MaxDepth int // nesting of selections; default 12
	// MaxNodes bounds the nodes a query may return, estimated by
	// multiplying the page sizes of nested lists; default 50,000.
	MaxNodes int
}

func (l Limits) withDefaults() Limits {
	if l.MaxDepth == 0 {
		l.MaxDepth = 12
	}
	if l.MaxNodes == 0 {
		l.MaxNodes = 50_000
	}
	return l
}

// listFanout is the assumed size of a list field without a page size (a
// node's arrests, an agency's operations).
const listFanout = 20

// checkLimits walks the query's operations and reports the first limit broken.
func checkLimits(doc *ast.Document, l Limits) error {
	frags := map[string]*ast.FragmentDefinition{}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok {
			frags[f.Name.Value] = f
		}
	}
	for _, d := range doc.Definitions {
		op, ok := d.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		depth, nodes := measure(op.SelectionSet, frags, 0)
		if depth > l.MaxDepth {
			return fmt.Errorf("query too deep: %d levels of nesting, the limit is %d", depth, l.MaxDepth)
		}
		if nodes > float64(l.MaxNodes) {
			return fmt.Errorf("query too large: it may return about %.0f nodes, the limit is %d; ask for smaller pages (first:) or fewer nested lists", nodes, l.MaxNodes)
		}
	}
	return nil
}

// measure returns the depth of a selection set and an estimate of the
// nodes it may return.
func measure(set *ast.SelectionSet, frags map[string]*ast.FragmentDefinition, seen int) (int, float64) {
	if set == nil || seen > 64 {
		return 0, 0
	}
	depth, nodes := 0, 0.0
	for _, sel := range set.Selections {
		var d int
		var n float64
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.Name.Value) > 2 && s.Name.Value[:2] == "__" {
				continue // introspection: bounded by the schema's own size
			}
			d, n = measure(s.SelectionSet, frags, seen+1)
			if s.SelectionSet != nil {
				mult := fanout(s)
				n = mult * (1 + n)
				d++
			}
		case *ast.InlineFragment:
			d, n = measure(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags[s.Name.Value]; f != nil {
				d, n = measure(f.SelectionSet, frags, seen+1)
			}
		}
		depth = max(depth, d)
		nodes += n
	}
	return depth, nodes
}

// fanout is how many items a field may return: its first/limit argument
// where given, one for plain objects, listFanout for other lists.
func fanout(f *ast.Field) float64 {
	for _, a := range f.Arguments {
		switch a.Name.Value {
		case "first", "limit":
			if v, ok := a.Value.(*ast.IntValue); ok {
				var n float64
				fmt.Sscan(v.Value, &n)
				return max(n, 1)
			}
			return float64(maxPage)
		}
	}
	switch f.Name.Value {
	case "edges", "node", "pageInfo", "article", "agency", "operation", "place", "partOf", "organisation", "fact":
		return 1
	}
	return listFanout
}
