package main

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestHelpShowsNoSecrets: with a token and a database password in the
// environment, serve -h, a flag typo and load -h print neither.
func TestHelpShowsNoSecrets(t *testing.T) {
	t.Setenv("OPGRAPH_TOKEN", "tok-sekrit")
	t.Setenv("OPGRAPH_DB", "postgres://u:pw-sekrit@db.example/opgraph")
	t.Setenv("OPGRAPH_TEST_POSTGRES", "postgres://u:pg-sekrit@db.example/x")
	for _, args := range [][]string{{"serve", "-h"}, {"serve", "--no-such-flag"}, {"load", "-h"}} {
		stdout, stderr, _ := captureStd(t, args)
		out := stdout.String() + stderr.String()
		for _, secret := range []string{"tok-sekrit", "pw-sekrit", "pg-sekrit"} {
			if strings.Contains(out, secret) {
				t.Errorf("opgraph %s prints %q:\n%s", strings.Join(args, " "), secret, out)
			}
		}
		if !strings.Contains(strings.ToLower(out), "usage") {
			t.Errorf("opgraph %s printed no help: %q", strings.Join(args, " "), out)
		}
	}
}

// TestTokenTable: any byte works in a token; only the first colon names.
func TestTokenTable(t *testing.T) {
	t.Setenv("OPGRAPH_TOKEN", "")
	file := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(file, []byte("# curators\nbob:a,b=c\r\n\ncarol:x:y\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var api apiFlags
	api.register(fs)
	if err := fs.Parse([]string{"--token", "pa=ss", "--token", "alice:QUJD==", "--token-file", file}); err != nil {
		t.Fatal(err)
	}
	got, err := api.tokenTable()
	want := map[string]string{"pa=ss": "curator", "QUJD==": "alice", "a,b=c": "bob", "x:y": "carol"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("tokenTable = %v, %v; want %v", got, err, want)
	}

	api = apiFlags{tokens: []string{"alice:"}}
	if _, err := api.tokenTable(); err == nil || !strings.Contains(err.Error(), "--token #1: empty token") {
		t.Errorf("tokenTable of alice: = %v, want an error naming --token #1", err)
	}
	api = apiFlags{}
	t.Setenv("OPGRAPH_TOKEN", "dave:d=")
	if got, err := api.tokenTable(); err != nil || got["d="] != "dave" {
		t.Errorf("tokenTable from OPGRAPH_TOKEN=dave:d= is %v, %v", got, err)
	}
}

// captureStd runs opgraph with args, with os.Stdout and os.Stderr sent to
// files, and returns what each got. Not for parallel tests.
func captureStd(t *testing.T, args []string) (stdout, stderr *strings.Builder, code int) {
	t.Helper()
	dir := t.TempDir()
	outF, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	errF, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = outF, errF
	func() {
		defer func() { os.Stdout, os.Stderr = oldOut, oldErr }()
		code = run(context.Background(), args)
	}()
	stdout, stderr = new(strings.Builder), new(strings.Builder)
	for f, b := range map[*os.File]*strings.Builder{outF: stdout, errF: stderr} {
		f.Seek(0, io.SeekStart)
		io.Copy(b, f)
		f.Close()
	}
	return stdout, stderr, code
}
