// Package pattern matches rules written as data against the tokens of a
// sentence, in the spirit of spaCy's Matcher, Stanford's TokensRegex and
// the Odin rule language. A rule is a named sequence of token tests (lower
// form, exact text, the caller's word classes, built-in shapes) with
// optional, repeated and alternative parts and named captures:
//
//	arrest.custody: taken into custody
//	arrest.verb:    who:(@name+) (was|were)? (arrested|detained)
//
// Compile reads such text into a Set; Tokenize splits a sentence into
// Tokens, keeping punctuation; Set.Match reports every rule that matches.
// Rules are indexed by what their first token can be, so a sentence costs
// about one map lookup per token plus the rules that can start there.
// RULES.md describes the syntax and how to add a rule.
//
// The package imports only the standard library.
package pattern
