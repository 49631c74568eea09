// Package loaders turns articles into facts: sources read files into
// Documents (text and metadata), the extractor finds the facts a Document
// states with the sentence that states each, and Facts maps them onto the
// graph's nodes for the store to write.
package loaders
