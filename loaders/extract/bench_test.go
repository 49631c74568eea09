package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/opgraph/opgraph/loaders/source"
)

// benchDocs reads the dev corpus, or the seeds where it is absent.
func benchDocs(b *testing.B) ([]source.Document, int64) {
	files, _ := filepath.Glob(filepath.Join(sharedDev, "*.txt"))
	if len(files) == 0 {
		files, _ = filepath.Glob("../../seeds/*.txt")
	}
	var docs []source.Document
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := source.ParseText(f, data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		size += int64(len(doc.Text))
	}
	return docs, size
}

// BenchmarkExtract measures extraction over the whole corpus per iteration;
// -benchtime and -cpu 1,2 give MB/s on one core and on both.
func BenchmarkExtract(b *testing.B) {
	docs, size := benchDocs(b)
	x := newExtractor(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, d := range docs {
				x.Extract(d)
			}
		}
	})
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkNewExtractor measures start-up: reading the embedded gazetteers,
// building the trie and the word table, compiling the rules.
func BenchmarkNewExtractor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		g, err := buildGazetteer()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := newExtractorOn(g); err != nil {
			b.Fatal(err)
		}
	}
}
