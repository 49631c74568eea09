package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/opgraph/opgraph/graph"
)

func runExport(ctx context.Context, args []string) int {
	return runExportTo(ctx, args, os.Stdout, os.Stderr)
}

func runExportTo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	format := fs.String("format", "nquads", "nquads, jsonld, csv (one file per kind, needs --out DIR) or ftm (FollowTheMoney JSON lines)")
	out := fs.String("out", "", "file to write (default standard output); a folder for csv")
	raw := fs.Bool("raw", false, "jsonld, csv and ftm: the store as written, curators' changes included but not applied (nquads is always as written)")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "opgraph export: unexpected argument %q\nRun `opgraph export -h` for its usage.\n", fs.Arg(0))
		return 2
	}
	store, err := sf.open(ctx, nil, false)
	if err != nil {
		fmt.Fprintf(stderr, "opgraph export: %v\n", err)
		return 1
	}
	defer store.Close()
	if err := export(ctx, store, *format, *out, !*raw, stdout); err != nil {
		fmt.Fprintf(stderr, "opgraph export: %v\n", err)
		return 1
	}
	return 0
}

// export writes the store in format to out. With curated, the tables and
// documents (jsonld, csv, ftm) apply the curators' changes as the API
// reads them; N-Quads, the dump import reads back, is always as written.
func export(ctx context.Context, store *graph.Store, format, out string, curated bool, stdout io.Writer) error {
	if format == "csv" {
		return exportCSV(ctx, store, out, curated)
	}
	w := stdout
	var f *os.File
	if out != "" && out != "-" {
		var err error
		if f, err = os.Create(out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "nquads", "nq":
		_, err = store.WriteNQuads(ctx, bw)
	case "jsonld", "ftm":
		var ents []*graph.Entity
		if ents, err = entities(ctx, store, curated); err != nil {
			break
		}
		if format == "jsonld" {
			err = graph.WriteJSONLD(bw, ents)
		} else {
			err = graph.WriteFtM(bw, ents)
		}
	default:
		return fmt.Errorf("unknown format %q (want nquads, jsonld, csv or ftm)", format)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
	}
	return nil
}

// exportCSV writes DIR/<kind>.csv for every kind of node.
func exportCSV(ctx context.Context, store *graph.Store, dir string, curated bool) error {
	if dir == "" || dir == "-" {
		return fmt.Errorf("csv export writes one file per kind: give a folder with --out")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ents, err := entities(ctx, store, curated)
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	for _, k := range graph.Kinds() {
		path := filepath.Join(dir, strings.ToLower(string(k))+".csv")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		err = graph.WriteCSV(bw, k, ents)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
}

// entities reads every node, with the curators' changes applied if curated.
func entities(ctx context.Context, store *graph.Store, curated bool) ([]*graph.Entity, error) {
	ents, err := store.Entities(ctx)
	if err != nil || !curated {
		return ents, err
	}
	return graph.Curated(ents), nil
}
