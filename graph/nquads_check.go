package graph

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
)

// CheckNQuads reads the N-Quads of r, named name in messages, and returns
// the first line Cayley's parser refuses or panics on, as an ErrInvalid
// naming the file and line. The parser panics on some escapes
// (`"\U80000000"`, in unEscape of github.com/cayleygraph/quad/nquads);
// ImportNQuads parses in a goroutine of its own, where no caller's
// recover reaches, so a dump is checked here first.
func CheckNQuads(ctx context.Context, name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if err := parseNQuad(string(line)); err != nil {
			return fmt.Errorf("%s:%d: %w: %w", name, n, ErrInvalid, err)
		}
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// parseNQuad parses one line, turning a panic of the parser into an error.
func parseNQuad(line string) error {
	_, err := parseQuad(line)
	return err
}
