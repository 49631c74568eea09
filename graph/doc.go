// Package graph holds opgraph's domain — agencies, operations, arrests,
// seizures, people, places, platforms, groups, articles and the evidence that
// ties every fact to the sentence that states it — and the Store that keeps
// them in Cayley.
//
// Every entity and fact is a node with a stable IRI (see ids.go). Facts that
// relate two entities are nodes too (kind Relation), so that each carries its
// own evidence and two articles stating the same thing give one fact with two
// pieces of evidence. Provenance never relies on quad labels: Cayley's SQL
// backends may keep one (subject, predicate, object) whatever the label.
package graph
