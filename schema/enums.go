package schema

import (
	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// warmEnums builds the name and value tables graphql-go's enum types fill
// on first use, without a lock: two requests reading an enum (a
// dashboard's aggregates, sent at once) would otherwise race to write them.
func warmEnums(s graphql.Schema) {
	for _, t := range s.TypeMap() {
		if e, ok := t.(*graphql.Enum); ok && len(e.Values()) > 0 {
			e.ParseLiteral(&ast.EnumValue{Value: e.Values()[0].Name}) // the name table
			e.Serialize(e.Values()[0].Value)                          // the value table
		}
	}
}
