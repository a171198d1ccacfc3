package library

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// BenchmarkOpenExtracted opens an article whose page was already
// extracted: what reading it a second time costs.
func BenchmarkOpenExtracted(b *testing.B) {
	ctx := context.Background()
	l, err := Open(ctx, b.TempDir()+"/b.db", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
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
	b.ResetTimer()
	for b.Loop() {
		a, err := articleOf(l.OpenArticle(ctx, id))
		if err != nil || len(a.Markdown) != len(md) {
			b.Fatal(err)
		}
	}
}
