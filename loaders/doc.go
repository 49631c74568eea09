// Package loaders holds no code; its packages turn articles into facts, in
// the order data flows:
//
//   - source reads files and URLs (text, HTML, feeds, JSON Lines) into
//     Documents: text and metadata;
//   - extract finds the facts a Document states, each with the sentence
//     that states it, and maps them onto the graph's nodes
//     ((*extract.Extractor).Facts);
//   - gazetteer holds the embedded lists of known names the extractor
//     matches;
//   - ingest runs a load: read, extract, write in batches to a store.
package loaders
