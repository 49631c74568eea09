// Package extract finds the facts a Document states (agencies, operations,
// places, people, arrests, seizures, money, dates), each with the sentence
// that states it as evidence, and maps them onto the graph's nodes for the
// store to write: (*Extractor).Facts does both.
package extract
