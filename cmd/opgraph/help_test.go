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
