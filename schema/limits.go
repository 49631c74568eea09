package schema

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/lexer"
	"github.com/graphql-go/graphql/language/source"
)

// Limits bound what one query may ask for. They are checked before
// graphql-go parses (bytes, tokens, nesting) and before it validates
// (the rest): its validator's cost grows with the square of the fields
// and, on a fragment cycle, without end.
type Limits struct {
	MaxBytes  int // query text; default 64 KiB
	MaxTokens int // lexical tokens; default 10,000
	// MaxNesting bounds braces, brackets and parentheses open at once,
	// checked on the tokens before parsing; default 64.
	MaxNesting int
	MaxDepth   int // nesting of selections, fragments expanded; default 12
	// MaxFields, MaxAliases and MaxSpreads bound the field selections,
	// the aliased ones and the fragment spreads of the whole document with
	// every spread expanded; defaults 2,000, 200 and 500.
	MaxFields, MaxAliases, MaxSpreads int
	// MaxNodes bounds the nodes a query may return, estimated by
	// multiplying the page sizes of nested lists; default 50,000.
	MaxNodes int
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&l.MaxBytes, 64<<10)
	def(&l.MaxTokens, 10_000)
	def(&l.MaxNesting, 64)
	def(&l.MaxDepth, 12)
	def(&l.MaxFields, 2_000)
	def(&l.MaxAliases, 200)
	def(&l.MaxSpreads, 500)
	def(&l.MaxNodes, 50_000)
	return l
}

// LimitError is how a query that breaks one of the Limits is refused.
type LimitError struct {
	Limit string // the field of Limits broken: "MaxBytes", "MaxDepth", ...
	Max   int    // its value
	msg   string // what the client reads
}

func (e *LimitError) Error() string { return e.msg }

func overLimit(limit string, max int, format string, args ...any) error {
	return &LimitError{Limit: limit, Max: max, msg: fmt.Sprintf(format, args...)}
}

// listFanout is the assumed size of a list field without a page size (a
// node's arrests, an agency's operations).
const listFanout = 20

// checkText checks the query text before it is parsed: its size, its
// tokens and how deeply they nest, in one pass of graphql-go's own lexer.
// It returns the tokens read, the work done. A lexical error is left for
// the parser to report.
func checkText(query string, l Limits) (int, error) {
	if len(query) > l.MaxBytes {
		return 0, overLimit("MaxBytes", l.MaxBytes, "query too long: %d bytes, the limit is %d", len(query), l.MaxBytes)
	}
	next := lexer.Lex(source.NewSource(&source.Source{Body: []byte(query)}))
	tokens, open := 0, 0
	for {
		tok, err := next(0)
		if err != nil || tok.Kind == lexer.EOF {
			return tokens, nil
		}
		if tokens++; tokens > l.MaxTokens {
			return tokens, overLimit("MaxTokens", l.MaxTokens, "query too long: more than %d tokens", l.MaxTokens)
		}
		switch tok.Kind {
		case lexer.BRACE_L, lexer.BRACKET_L, lexer.PAREN_L:
			if open++; open > l.MaxNesting {
				return tokens, overLimit("MaxNesting", l.MaxNesting, "query too deep: more than %d braces, brackets and parentheses open at once", l.MaxNesting)
			}
		case lexer.BRACE_R, lexer.BRACKET_R, lexer.PAREN_R:
			open--
		}
	}
}

// cost is what a selection set asks for, every fragment spread in it
// expanded. Counts are float64 so that a fragment fan-out of 10^40 stays
// a (large) number rather than wrapping.
type cost struct {
	fields, aliases, spreads float64
	depth                    int
	nodes                    float64 // estimated nodes returned
}

func (c *cost) add(o cost) {
	c.fields += o.fields
	c.aliases += o.aliases
	c.spreads += o.spreads
	c.nodes += o.nodes
	c.depth = max(c.depth, o.depth)
}

// introspectionFanout is, for each list field of the introspection types,
// how many items it returns on average in this schema: an estimate, like
// listFanout, that keeps the full introspection query within MaxNodes
// (with the most any one type has, it would be 60,000 nodes against a
// real 3,000) while recursive introspection is still refused.
type introspectionFanout map[string]float64

// newIntrospectionFanout measures the schema: the number of types, and the
// fields, arguments, enum values... the types or fields that have some have.
func newIntrospectionFanout(s graphql.Schema) introspectionFanout {
	items, holders := map[string]int{}, map[string]int{}
	add := func(k string, n int) {
		if n > 0 {
			items[k] += n
			holders[k]++
		}
	}
	for _, t := range s.TypeMap() {
		switch t := t.(type) {
		case *graphql.Object:
			add("fields", len(t.Fields()))
			add("interfaces", len(t.Interfaces()))
			for _, fd := range t.Fields() {
				add("args", len(fd.Args))
			}
		case *graphql.Interface:
			add("fields", len(t.Fields()))
			add("possibleTypes", len(s.PossibleTypes(t)))
		case *graphql.Union:
			add("possibleTypes", len(t.Types()))
		case *graphql.InputObject:
			add("inputFields", len(t.Fields()))
		case *graphql.Enum:
			add("enumValues", len(t.Values()))
		}
	}
	for _, d := range s.Directives() {
		add("args", len(d.Args))
		add("locations", len(d.Locations))
	}
	f := introspectionFanout{"types": float64(len(s.TypeMap())), "directives": float64(len(s.Directives()))}
	for k, n := range items {
		f[k] = math.Ceil(float64(n) / float64(holders[k]))
	}
	return f
}

// gate measures a parsed document against the limits before graphql-go
// validates it. Each fragment is measured once (memoised), so the work is
// linear in the document; a fragment that spreads itself is refused.
type gate struct {
	l       Limits
	intro   introspectionFanout
	frags   map[string]*ast.FragmentDefinition
	memo    map[string]cost
	walking map[string]bool // fragments being measured: met again, a cycle
	path    []string
	visited int // selections walked: the gate's work, for tests
}

// checkDocument measures every operation and fragment of doc (graphql-go
// validates them all) and reports the first limit broken.
func checkDocument(doc *ast.Document, l Limits, intro introspectionFanout) (int, error) {
	g := &gate{l: l, intro: intro, frags: map[string]*ast.FragmentDefinition{}, memo: map[string]cost{}, walking: map[string]bool{}}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil {
			if g.frags[f.Name.Value] != nil {
				return 0, fmt.Errorf("fragment %s is defined twice", f.Name.Value)
			}
			g.frags[f.Name.Value] = f
		}
	}
	var total cost
	for _, d := range doc.Definitions {
		var c cost
		var err error
		switch d := d.(type) {
		case *ast.OperationDefinition:
			if err := checkVariables(d); err != nil {
				return g.visited, err
			}
			c, err = g.measure(d.SelectionSet, false)
		case *ast.FragmentDefinition:
			c, err = g.fragment(d.Name.Value)
		}
		if err != nil {
			return g.visited, err
		}
		total.add(c)
		if err := g.within(total); err != nil {
			return g.visited, err
		}
	}
	return g.visited, nil
}

// checkVariables refuses a variable without a type, which graphql-go's
// parser lets through and its validator dereferences (found by FuzzHandler:
// `query($A:) {A}`).
func checkVariables(op *ast.OperationDefinition) error {
	for _, v := range op.VariableDefinitions {
		name := "?"
		if v.Variable != nil && v.Variable.Name != nil {
			name = v.Variable.Name.Value
		}
		if !typed(v.Type) {
			return fmt.Errorf("variable $%s has no type", name)
		}
	}
	return nil
}

// typed reports whether t names a type, through any lists and non-nulls.
func typed(t ast.Type) bool {
	switch t := t.(type) {
	case *ast.Named:
		return t != nil && t.Name != nil
	case *ast.List:
		return t != nil && typed(t.Type)
	case *ast.NonNull:
		return t != nil && typed(t.Type)
	}
	return false
}

// within reports the first limit c breaks.
func (g *gate) within(c cost) error {
	l := g.l
	switch {
	case c.depth > l.MaxDepth:
		return overLimit("MaxDepth", l.MaxDepth, "query too deep: %d levels of nesting, the limit is %d", c.depth, l.MaxDepth)
	case c.fields > float64(l.MaxFields):
		return overLimit("MaxFields", l.MaxFields, "query too large: %s field selections with its fragments expanded, the limit is %d", count(c.fields), l.MaxFields)
	case c.aliases > float64(l.MaxAliases):
		return overLimit("MaxAliases", l.MaxAliases, "query too large: %s aliases with its fragments expanded, the limit is %d", count(c.aliases), l.MaxAliases)
	case c.spreads > float64(l.MaxSpreads):
		return overLimit("MaxSpreads", l.MaxSpreads, "query too large: %s fragment spreads with its fragments expanded, the limit is %d", count(c.spreads), l.MaxSpreads)
	case c.nodes > float64(l.MaxNodes):
		return overLimit("MaxNodes", l.MaxNodes, "query too large: it may return about %s nodes, the limit is %d; ask for smaller pages (first:) or fewer nested lists", count(c.nodes), l.MaxNodes)
	}
	return nil
}

// count prints a count that may be astronomically large.
func count(n float64) string {
	if n < 1e15 {
		return strconv.FormatFloat(n, 'f', 0, 64)
	}
	return strconv.FormatFloat(n, 'g', 3, 64)
}

// fragment measures a named fragment once; an unknown one is left for
// validation to report.
func (g *gate) fragment(name string) (cost, error) {
	if c, ok := g.memo[name]; ok {
		return c, nil
	}
	f := g.frags[name]
	if f == nil {
		return cost{}, nil
	}
	if g.walking[name] {
		cycle := append(g.path[indexOf(g.path, name):], name)
		return cost{}, fmt.Errorf("fragment %s spreads itself (%s): fragments may not form cycles", name, strings.Join(cycle, " -> "))
	}
	g.walking[name] = true
	g.path = append(g.path, name)
	c, err := g.measure(f.SelectionSet, isIntrospectionType(f.TypeCondition))
	g.path = g.path[:len(g.path)-1]
	delete(g.walking, name)
	if err != nil {
		return cost{}, err
	}
	g.memo[name] = c
	return c, nil
}

func indexOf(path []string, name string) int {
	for i, p := range path {
		if p == name {
			return i
		}
	}
	return 0
}

func isIntrospectionType(t *ast.Named) bool {
	return t != nil && t.Name != nil && strings.HasPrefix(t.Name.Value, "__")
}

// measure returns the cost of a selection set; intro says it selects from
// an introspection type, whose lists are sized from the schema. It stops
// at the first limit a part breaks, before measuring the rest.
func (g *gate) measure(set *ast.SelectionSet, intro bool) (cost, error) {
	var c cost
	if set == nil {
		return c, nil
	}
	for _, sel := range set.Selections {
		g.visited++
		var sub cost
		var err error
		switch s := sel.(type) {
		case *ast.Field:
			name := s.Name.Value
			childIntro := intro || name == "__schema" || name == "__type"
			sub, err = g.measure(s.SelectionSet, childIntro)
			if err != nil {
				return c, err
			}
			sub.fields++
			if s.Alias != nil && s.Alias.Value != name {
				sub.aliases++
			}
			if s.SelectionSet != nil {
				sub.nodes = g.fanout(s, intro) * (1 + sub.nodes)
				sub.depth++
			}
		case *ast.InlineFragment:
			sub, err = g.measure(s.SelectionSet, intro || isIntrospectionType(s.TypeCondition))
		case *ast.FragmentSpread:
			sub, err = g.fragment(s.Name.Value)
			sub.spreads++
		}
		if err != nil {
			return c, err
		}
		c.add(sub)
		if err := g.within(c); err != nil {
			return c, err
		}
	}
	return c, nil
}

// fanout is how many items a field may return: for introspection, what
// the schema holds; else its first/limit argument where given, one for
// plain objects, listFanout for other lists.
func (g *gate) fanout(f *ast.Field, intro bool) float64 {
	if f.Name.Value == "__schema" || f.Name.Value == "__type" {
		return 1
	}
	if intro {
		if n, ok := g.intro[f.Name.Value]; ok {
			return max(n, 1)
		}
		return 1 // type, ofType, queryType...
	}
	for _, a := range f.Arguments {
		switch a.Name.Value {
		case "first", "limit":
			if v, ok := a.Value.(*ast.IntValue); ok {
				n, _ := strconv.ParseFloat(v.Value, 64)
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
