package feeds

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseCorpus parses every document in the directory named by
// BYLINE_PARSE_CORPUS (saved feeds, e.g. from the bench feed server); it
// is skipped when the variable is unset.
func BenchmarkParseCorpus(b *testing.B) {
	dir := os.Getenv("BYLINE_PARSE_CORPUS")
	if dir == "" {
		b.Skip("BYLINE_PARSE_CORPUS not set")
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no corpus in %s: %v", dir, err)
	}
	var docs [][]byte
	var size int64
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range docs {
			if _, err := Parse(d, "https://bench.example/feed", 0); err != nil {
				b.Fatalf("%s: %v", names[i], err)
			}
		}
	}
}
