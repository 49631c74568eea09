// Package gazetteer holds the embedded lists of known names (agencies,
// places and their demonyms, platforms, groups, commodities) and reads
// them. Matching names in text is the extractor's (loaders/extract), which
// indexes these entries by its own tokens.
package gazetteer
