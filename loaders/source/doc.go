// Package source reads articles into Documents (body text and metadata):
// plain text with optional front matter, saved HTML pages, RSS, Atom and
// JSON feeds, and JSON Lines, from files or http(s) URLs. Bad input yields
// an InputError naming the file (and line).
package source
