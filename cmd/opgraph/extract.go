package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/opgraph/opgraph/loaders"
)

func runExtract(_ context.Context, args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	format := fs.String("format", "json", "output format (json)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *format != "json" {
		fmt.Fprintf(os.Stderr, "opgraph extract: unknown --format %q (want json)\n", *format)
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: opgraph extract [--format json] FILE")
		return 2
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "opgraph extract: %v\n", err)
		return 1
	}
	doc, err := loaders.ParseText(path, data)
	if err != nil {
		fmt.Fprintf(os.Stderr, "opgraph extract: %v\n", err)
		return 1
	}
	x, err := loaders.NewExtractor()
	if err != nil {
		fmt.Fprintf(os.Stderr, "opgraph extract: %v\n", err)
		return 1
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(x.Extract(doc)); err != nil {
		fmt.Fprintf(os.Stderr, "opgraph extract: %v\n", err)
		return 1
	}
	return 0
}
