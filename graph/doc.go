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
//
// Each kind is described once, by a KindSpec (spec.go, kinds.go): its
// fields and links, what curators may correct, how it exports and what it
// adds to the aggregates. The GraphQL API and the exports read the specs,
// so a new kind of fact is its Kind and predicates (model.go), its spec
// (kinds.go), and the extraction rules that find it (loaders/extract);
// schema/kindtest proves it with a kind of its own.
//
// The Store reaches its quads through a small index (index.go): Cayley's
// iterators on memstore and Bolt, SQL of its own on PostgreSQL. Its files
// go by concern: open.go (with writelock.go: one writer per PostgreSQL
// graph), write.go (with nospace.go: a full disk is ErrNoSpace), read.go,
// codec.go, mapped_*.go (Bolt's memory map, per OS).
package graph
