package main

import (
	"strings"
	"testing"
)

// TestHelp: help and --version go to stdout with exit status 0; each
// command's help has its synopsis, purpose, flags and environment; a bad
// flag is a short message on stderr with status 2.
func TestHelp(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want []string // in stdout
	}{
		{[]string{"--help"}, 0, []string{"usage: opgraph COMMAND", "serve ", "load ", "migrate ", "environment:", "OPGRAPH_TOKEN"}},
		{[]string{"--version"}, 0, []string{"opgraph "}},
		{[]string{"serve", "-h"}, 0, []string{"usage: opgraph serve [--addr", "Serve the GraphQL API", "-token value", "-allow-private-fetch", "OPGRAPH_TOKEN ", "OPGRAPH_DB "}},
		{[]string{"load", "--help"}, 0, []string{"usage: opgraph load ", "PATH|URL...", "Load article files", "-format", "OPGRAPH_DB "}},
		{[]string{"extract", "-h"}, 0, []string{"usage: opgraph extract ", "FILE|URL"}},
	}
	for _, tc := range cases {
		stdout, stderr, code := captureStd(t, tc.args)
		if code != tc.code || stderr.Len() != 0 {
			t.Errorf("opgraph %s: status %d, stderr %q; want %d and nothing", strings.Join(tc.args, " "), code, stderr, tc.code)
		}
		for _, w := range tc.want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("opgraph %s: stdout lacks %q:\n%s", strings.Join(tc.args, " "), w, stdout)
			}
		}
	}
	stdout, stderr, code := captureStd(t, []string{"load", "--no-such-flag"})
	if code != 2 || stdout.Len() != 0 || strings.Count(stderr.String(), "\n") > 2 || !strings.Contains(stderr.String(), "no-such-flag") {
		t.Errorf("opgraph load --no-such-flag: status %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestEveryCommandHelp: every subcommand, asked for help in each of the
// ways flag accepts, prints its synopsis, purpose, flags and environment
// on stdout, nothing on stderr, and exits 0 (export used to print Go's
// bare flag list on stderr and exit 2).
func TestEveryCommandHelp(t *testing.T) {
	for _, c := range commands() {
		for _, h := range []string{"-h", "-help", "--help"} {
			t.Run(c.name+h, func(t *testing.T) {
				stdout, stderr, code := captureStd(t, []string{c.name, h})
				if code != 0 || stderr.Len() != 0 {
					t.Errorf("opgraph %s %s: status %d, stderr %q; want 0 and nothing", c.name, h, code, stderr)
				}
				purpose := strings.ToUpper(c.usage[:1]) + c.usage[1:]
				for _, w := range []string{"usage: opgraph " + c.name + " ", purpose, "\nflags:\n  -", "\nenvironment:\n"} {
					if !strings.Contains(stdout.String(), w) {
						t.Errorf("opgraph %s %s: stdout lacks %q:\n%s", c.name, h, w, stdout)
					}
				}
			})
		}
	}
}

// TestEveryCommandRefusesABadFlagBriefly: a flag typo is one short message
// on stderr naming the flag, status 2, and no flag list (which once
// printed secrets as defaults).
func TestEveryCommandRefusesABadFlagBriefly(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := captureStd(t, []string{c.name, "--no-such-flag"})
			if code != 2 || stdout.Len() != 0 || strings.Count(stderr.String(), "\n") > 2 || !strings.Contains(stderr.String(), "no-such-flag") {
				t.Errorf("opgraph %s --no-such-flag: status %d, stdout %q, stderr %q; want 2, nothing, one line naming the flag", c.name, code, stdout, stderr)
			}
		})
	}
}
