package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
)

// runExtract prints the facts of one article (any format opgraph reads: text,
// HTML, a feed or JSON Lines, from a file or a URL) without touching a store.
// One article prints as one indented JSON object; several (a feed) as one
// object per line.
func runExtract(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	format := fs.String("format", "json", "output format (json)")
	explain := fs.Bool("explain", false, "print each fact with the rule(s) that read it and where, instead of JSON")
	if code, ok := parseFlags(fs, args, os.Stdout, os.Stderr); !ok {
		return code
	}
	if *format != "json" {
		fmt.Fprintf(os.Stderr, "opgraph extract: unknown --format %q (want json)\n", *format)
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: opgraph extract [--format json] [--explain] FILE|URL")
		return 2
	}
	var src source.Sources
	docs, errs := src.Read(ctx, fs.Arg(0))
	for _, err := range errs {
		fmt.Fprintf(os.Stderr, "opgraph extract: %v\n", err)
	}
	if len(docs) == 0 {
		if len(errs) == 0 {
			fmt.Fprintf(os.Stderr, "opgraph extract: %s: no article in it\n", fs.Arg(0))
		}
		return 1
	}
	x, err := extract.NewExtractor()
	if err != nil {
		fmt.Fprintf(os.Stderr, "opgraph extract: %v\n", err)
		return 1
	}
	enc := json.NewEncoder(os.Stdout)
	if len(docs) == 1 {
		enc.SetIndent("", "  ")
	}
	for _, d := range docs {
		if *explain {
			extract.Explain(os.Stdout, x.Extract(d))
			continue
		}
		if err := enc.Encode(x.Extract(d)); err != nil {
			fmt.Fprintf(os.Stderr, "opgraph extract: %v\n", err)
			return 1
		}
	}
	if len(errs) > 0 {
		return 1
	}
	return 0
}
