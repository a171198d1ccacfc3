package library

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// BenchmarkOpenExtracted loads an article whose page was already
// extracted: what reading it a second time costs in the database.
func BenchmarkOpenExtracted(b *testing.B) {
	ctx := context.Background()
	l, id, md := extractedArticle(b)
	for b.Loop() {
		a, err := l.loadArticle(ctx, id)
		if err != nil || len(a.Markdown) != len(md) {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenReading opens the same article to read: loaded, then its
// quotes, speakers, sentences and highlights found (quote.Prepare), which
// the app's reader and the command line then show as they are.
func BenchmarkOpenReading(b *testing.B) {
	ctx := context.Background()
	l, id, _ := extractedArticle(b)
	for b.Loop() {
		r, err := l.OpenArticle(ctx, id)
		if err != nil || len(r.Quotes) != 160 {
			b.Fatal(err, len(r.Quotes))
		}
	}
}

// extractedArticle is a library holding one extracted 4,000-word article
// with a quote in every sentence group.
func extractedArticle(b *testing.B) (*Library, int64, string) {
	ctx := context.Background()
	l, err := Open(ctx, b.TempDir()+"/b.db", Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	f, err := l.store.AddFeed(ctx, model.Feed{URL: "https://news.example/feed"})
	if err != nil {
		b.Fatal(err)
	}
	para := "“We will respond,” the minister said on Tuesday, as the talks went on into the night and the harbour stayed closed. "
	md := strings.Repeat(strings.Repeat(para, 4)+"\n\n", 40) // about 4,000 words
	id, err := l.store.InsertArticle(ctx, model.Article{FeedID: f.ID, Key: "a", Title: "Talks", URL: "https://news.example/a"})
	if err != nil {
		b.Fatal(err)
	}
	if err := l.store.SaveExtraction(ctx, id, md, "", "News", time.Now()); err != nil {
		b.Fatal(err)
	}
	return l, id, md
}
