package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/opgraph/opgraph/internal/corpusgen"
)

// runGen writes a synthetic corpus with its ground truth, for benchmarks.
func runGen(_ context.Context, args []string) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fs.Int("articles", 1000, "how many articles to write")
	seed := fs.Uint64("seed", 1, "random seed: the same seed writes the same corpus")
	out := fs.String("out", "", "directory to write into (required)")
	if code, ok := parseFlags(fs, args, os.Stdout, os.Stderr); !ok {
		return code
	}
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: opgraph gen --articles N [--seed S] --out DIR")
		return 2
	}
	sum, err := corpusgen.Generate(corpusgen.Config{Articles: *n, Seed: *seed, Out: *out})
	if err != nil {
		fmt.Fprintf(os.Stderr, "opgraph gen: %v\n", err)
		return 1
	}
	fmt.Printf("wrote %d articles (%d operations, %d facts, %.1f MB) to %s/articles and their ground truth to %s/truth.jsonl\n",
		sum.Articles, sum.Operations, sum.Facts, float64(sum.Bytes)/1e6, *out, *out)
	return 0
}
