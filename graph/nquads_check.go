package graph

import (
	"context"
	"io"

	"github.com/cayleygraph/quad"
)

// CheckNQuads reads the N-Quads of r, named name in messages, and returns
// the first line Cayley's parser refuses or panics on (or that holds no
// whole quad), as an ErrInvalid naming the file and line. The parser
// panics on some escapes (`"\U80000000"`, in unEscape of
// github.com/cayleygraph/quad/nquads); ImportNQuads parses in a goroutine
// of its own, where no caller's recover reaches, so a dump is checked here
// first.
func CheckNQuads(ctx context.Context, name string, r io.Reader) error {
	return eachNQuadLine(name, r, func(n int, _ quad.Quad) error {
		if n%4096 == 0 {
			return ctx.Err()
		}
		return nil
	})
}
