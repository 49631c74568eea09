// Package ingest runs a load: it reads files, folders and URLs through
// loaders/source, extracts their facts with loaders/extract in parallel
// workers, and writes the articles in batches, one transaction each, to a
// Writer (a *graph.Store), with a progress bar on a terminal; WatchDir and
// Loader.Watch keep loading a folder's new and changed files.
package ingest
