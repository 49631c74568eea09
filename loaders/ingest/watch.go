package ingest

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"fmt"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
)

// watchSettle is how long a file must go unchanged before it is loaded,
// so a file being written is read once, whole.
const watchSettle = 500 * time.Millisecond

// WatchDir calls load with the article files created or changed under dir
// (and the folders made in it) until ctx ends. Changes are gathered until
// watchSettle passes with no new one.
func WatchDir(ctx context.Context, dir string, log *slog.Logger, load func(paths []string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	addTree := func(root string) []string {
		var files []string
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				if err := w.Add(path); err != nil {
					log.Warn("cannot watch folder", "dir", path, "err", err)
				}
			} else if isArticleFile(path) {
				files = append(files, path)
			}
			return nil
		})
		return files
	}
	addTree(dir)
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			log.Warn("watch", "dir", dir, "err", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Rename) {
				continue
			}
			info, err := os.Stat(ev.Name)
			if err != nil {
				continue // renamed away or removed
			}
			if info.IsDir() {
				for _, f := range addTree(ev.Name) { // a folder moved in, or files made before its watch
					pending[f] = true
				}
			} else if isArticleFile(ev.Name) {
				pending[ev.Name] = true
			}
			if len(pending) > 0 {
				timer.Reset(watchSettle)
			}
		case <-timer.C:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			clear(pending)
			load(paths)
		}
	}
}

// WatchAndLoad loads the article files in dir into w, then the new or
// changed ones as they come, logging what each batch did, until ctx ends.
// loaded, if set, is called with the summary of each batch (the first
// load of the folder included). Feeds in dir are fetched through src.
func WatchAndLoad(ctx context.Context, log *slog.Logger, w Writer, x *extract.Extractor, src *source.Sources, dir string, loaded func(Summary)) {
	errOut := slogWriter{log}
	report := func(sum Summary) {
		if loaded != nil {
			loaded(sum)
		}
	}
	sum := pathsFrom(ctx, w, x, src, []string{dir}, io.Discard, errOut)
	report(sum)
	log.Info("loaded watched folder", "dir", dir, "result", sum.String())
	err := WatchDir(ctx, dir, log, func(paths []string) {
		inside := paths[:0:0]
		for _, p := range paths {
			if within(dir, p) {
				inside = append(inside, p)
			} else {
				log.Warn("skipped: a link to outside the watched folder", "path", p)
			}
		}
		if len(inside) == 0 {
			return
		}
		sum := pathsFrom(ctx, w, x, src, inside, io.Discard, errOut)
		report(sum)
		log.Info("loaded changed files", "dir", dir, "files", len(paths), "result", sum.String())
	})
	if err != nil {
		log.Error("watch", "dir", dir, "err", err)
	}
}

// slogWriter logs each line written to it as a warning.
type slogWriter struct{ log *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimSpace(string(p)), "\n") {
		w.log.Warn(strings.TrimPrefix(line, "error: "))
	}
	return len(p), nil
}

// Watch loads the article files created or changed under dir as they come,
// printing each batch's summary on l.Out, until ctx ends; it returns the
// batches' total.
func (l *Loader) Watch(ctx context.Context, dir string, log *slog.Logger) (Summary, error) {
	var sum Summary
	err := WatchDir(ctx, dir, log, func(changed []string) {
		s := l.Run(ctx, changed)
		fmt.Fprintln(l.Out, s)
		sum.Add(s)
	})
	return sum, err
}
