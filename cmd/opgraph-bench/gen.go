package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/opgraph/opgraph/internal/corpusgen"
)

const genSynopsis = "opgraph-bench gen --articles N [--seed S] --out DIR"

// runGen writes a synthetic corpus with its ground truth, for benchmarks and
// loaders/extract/difftest.sh. It lives here, not in the product binary.
func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fs.Int("articles", 1000, "how many articles to write")
	seed := fs.Uint64("seed", 1, "random seed: the same seed writes the same corpus")
	out := fs.String("out", "", "directory to write into (required)")
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprintf(stdout, "usage: %s\n\nWrite a synthetic corpus with its ground truth (articles/ and truth.jsonl).\n\nflags:\n", genSynopsis)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintf(stderr, "opgraph-bench gen: %v\nRun `opgraph-bench gen -h` for its usage.\n", err)
		return 2
	}
	if *out == "" || *n < 1 {
		fmt.Fprintf(stderr, "usage: %s\n", genSynopsis)
		return 2
	}
	sum, err := corpusgen.Generate(corpusgen.Config{Articles: *n, Seed: *seed, Out: *out})
	if err != nil {
		fmt.Fprintf(stderr, "opgraph-bench gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d articles (%d operations, %d facts, %.1f MB) to %s/articles and their ground truth to %s/truth.jsonl\n",
		sum.Articles, sum.Operations, sum.Facts, float64(sum.Bytes)/1e6, *out, *out)
	return 0
}
