package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version or VCS revision Go recorded is shown.
var version = ""

func versionString() string {
	v := version
	info, ok := debug.ReadBuildInfo()
	if v == "" && ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if ok {
		var rev, dirty string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "+dirty"
				}
			}
		}
		if v == "" && rev != "" {
			v = "devel " + rev[:min(12, len(rev))] + dirty
		}
		if v == "" {
			v = "devel"
		}
		return fmt.Sprintf("opgraph %s (%s)", v, info.GoVersion)
	}
	return "opgraph " + cmpOr(v, "devel")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// envVars are the environment variables opgraph reads, by the flag they
// stand in for ("" for those of every command).
var envVars = []struct{ name, flag, what string }{
	{"OPGRAPH_BACKEND", "backend", "default of --backend"},
	{"OPGRAPH_DB", "db", "default of --db (may hold a password; never printed)"},
	{"OPGRAPH_ADDR", "addr", "default of --addr"},
	{"OPGRAPH_SEEDS", "seeds", "default of --seeds"},
	{"OPGRAPH_TOKEN", "token", "one NAME:TOKEN, used when no --token is given (never printed)"},
	{"OPGRAPH_TOKEN_FILE", "token-file", "default of --token-file"},
	{"OPGRAPH_CORS", "cors", "default of --cors"},
	{"GOMEMLIMIT", "memory-limit-mb", "the Go runtime's memory limit; wins over --memory-limit-mb"},
	{"OPGRAPH_CPUPROFILE", "", "write a CPU profile of the run to this file"},
	{"OPGRAPH_MEMPROFILE", "", "write a heap profile at the end of the run to this file"},
}

// usage prints opgraph's help: synopsis, one line per command, environment.
func usage(w io.Writer) {
	fmt.Fprintln(w, "opgraph builds and serves a knowledge graph of law-enforcement operations from news articles.")
	fmt.Fprintln(w, "\nusage: opgraph COMMAND [flags] [arguments]\n       opgraph --version\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nenvironment:")
	for _, e := range envVars {
		fmt.Fprintf(w, "  %-22s %s\n", e.name, e.what)
	}
	fmt.Fprintln(w, "\nRun `opgraph COMMAND -h` for a command's arguments and flags.")
}

// commandUsage prints a command's synopsis, purpose, flags and the
// environment variables it reads.
func commandUsage(w io.Writer, fs *flag.FlagSet) {
	for _, c := range commands() {
		if c.name == fs.Name() {
			fmt.Fprintf(w, "usage: opgraph %s\n\n%s\n", c.synopsis, strings.ToUpper(c.usage[:1])+c.usage[1:]+".")
		}
	}
	fmt.Fprintln(w, "\nflags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintln(w, "\nenvironment:")
	for _, e := range envVars {
		if e.flag == "" || fs.Lookup(e.flag) != nil {
			fmt.Fprintf(w, "  %-22s %s\n", e.name, e.what)
		}
	}
}

// parseFlags parses a command's flags: -h prints its help on stdout and
// exits 0; a bad flag is one line on stderr and exit status 2.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(io.Discard) // flag's own messages would print defaults to stderr
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		commandUsage(stdout, fs)
		return 0, false
	default:
		fmt.Fprintf(stderr, "opgraph %s: %v\nRun `opgraph %s -h` for its usage.\n", fs.Name(), err, fs.Name())
		return 2, false
	}
}
