package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// words make text with a vocabulary the size of real news.
var words = func() []string {
	r := rand.New(rand.NewPCG(1, 2))
	w := make([]string, 5000)
	for i := range w {
		b := make([]byte, 3+r.IntN(8))
		for j := range b {
			b[j] = byte('a' + r.IntN(26))
		}
		w[i] = string(b)
	}
	return w
}()

// htmlText is about n bytes of paragraphs with links and emphasis.
func htmlText(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString("<p>")
		for range 40 {
			w := words[r.IntN(len(words))]
			switch r.IntN(20) {
			case 0:
				fmt.Fprintf(&b, `<a href="https://example.com/%s?utm_source=rss">%s</a> `, w, w)
			case 1:
				fmt.Fprintf(&b, "<em>%s</em> ", w)
			default:
				b.WriteString(w + " ")
			}
		}
		b.WriteString("</p>\n")
	}
	return b.String()
}

// feedItems is one fetch's worth of items: an HTML summary each, and full
// content of about 20 KB in one of five, as the refresh budget assumes.
func feedItems(r *rand.Rand, feed, from, n int) []model.Article {
	arts := make([]model.Article, n)
	for i := range arts {
		k := from + i
		arts[i] = model.Article{
			Key:       fmt.Sprintf("https://site%d.example/story/%d", feed, k),
			Title:     strings.Join([]string{words[r.IntN(len(words))], words[r.IntN(len(words))], words[r.IntN(len(words))]}, " "),
			URL:       fmt.Sprintf("https://site%d.example/story/%d", feed, k),
			Author:    "Reporter",
			Published: t0.Add(time.Duration(k) * time.Minute),
			Summary:   htmlText(r, 600),
		}
		if k%5 == 0 {
			arts[i].Content = htmlText(r, 20_000)
		}
	}
	return arts
}

func BenchmarkSaveFetch(b *testing.B) {
	ctx := context.Background()
	b.Run("50 new items", func(b *testing.B) {
		s := newStore(b)
		f := addFeed(b, s, "https://site.example/feed")
		r := rand.New(rand.NewPCG(3, 4))
		batches := make([][]model.Article, 64) // reused with fresh keys
		for i := range batches {
			batches[i] = feedItems(r, 0, 0, 50)
		}
		i := 0
		for b.Loop() {
			arts := batches[i%len(batches)]
			for j := range arts {
				arts[j].Key = fmt.Sprintf("%d-%d", i, j)
			}
			if n, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: arts}, t0); err != nil || n != 50 {
				b.Fatal(n, err)
			}
			i++
		}
	})
	b.Run("50 unchanged items", func(b *testing.B) {
		s := newStore(b)
		f := addFeed(b, s, "https://site.example/feed")
		arts := feedItems(rand.New(rand.NewPCG(3, 4)), 0, 0, 50)
		save(b, s, f, arts)
		for b.Loop() {
			if n, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: arts}, t0); err != nil || n != 0 {
				b.Fatal(n, err)
			}
		}
	})
}

// bigDir holds the database bigStore builds, once it has.
var bigDir string

// bigStore is a database of 500 feeds × 100 articles (50,000), a third of
// them read, one in 50 starred, all indexed, built once per test binary and shared by the benchmarks.
var bigStore = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "byline-bench-")
	if err != nil {
		return "", err
	}
	bigDir = dir
	path := filepath.Join(dir, "byline.db")
	s, err := Open(path)
	if err != nil {
		return "", err
	}
	defer s.Close()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 500 {
		f, err := s.AddFeed(ctx, model.Feed{URL: fmt.Sprintf("https://site%d.example/feed", i), Title: words[i],
			Tags: []string{fmt.Sprintf("Group %d", i%10)}})
		if err != nil {
			return "", err
		}
		arts := make([]model.Article, 100)
		for j := range arts {
			arts[j] = model.Article{Key: fmt.Sprint(j), Title: words[r.IntN(len(words))],
				URL: fmt.Sprintf("https://site%d.example/%d", i, j), Summary: htmlText(r, 300),
				Published: t0.Add(time.Duration(r.IntN(100_000)) * time.Minute),
				Read:      j%3 == 0, Starred: j%50 == 0}
		}
		if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: arts}, t0); err != nil {
			return "", err
		}
	}
	_, err = s.IndexPending(ctx)
	return path, err
})

func openBig(b *testing.B) *Store {
	b.Helper()
	path, err := bigStore()
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

func BenchmarkFeeds(b *testing.B) {
	s := openBig(b)
	ctx := context.Background()
	for b.Loop() {
		feeds, err := s.Feeds(ctx)
		if err != nil || len(feeds) != 500 || feeds[0].Total != 100 {
			b.Fatal(len(feeds), err)
		}
	}
}

func BenchmarkArticlesPage(b *testing.B) {
	s := openBig(b)
	ctx := context.Background()
	for _, bm := range []struct {
		name string
		q    model.ArticleQuery
	}{
		{"all", model.ArticleQuery{Limit: 100}},
		{"all offset 10000", model.ArticleQuery{Limit: 100, Offset: 10_000}},
		{"all, the end", model.ArticleQuery{Limit: 400, Offset: 49_600}},
		{"unread", model.ArticleQuery{Limit: 100, Unread: true}},
		{"one feed", model.ArticleQuery{Limit: 100, FeedID: 250}},
		{"one feed unread", model.ArticleQuery{Limit: 100, FeedID: 250, Unread: true}},
		{"starred", model.ArticleQuery{Limit: 100, Starred: true}},
		{"tag", model.ArticleQuery{Limit: 100, Tag: "group 3"}},
		{"text", model.ArticleQuery{Limit: 100, Text: "ab"}},
		{"text rare", model.ArticleQuery{Limit: 100, Text: words[42]}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Articles(ctx, bm.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	s := openBig(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Search(ctx, words[10]+" OR "+words[20], 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexPending indexes what 20 feeds of 50 items wrote (1,000
// articles, 200 of them with 20 KB of content), as after a refresh.
func BenchmarkIndexPending(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	r := rand.New(rand.NewPCG(7, 8))
	feeds := make([]model.Feed, 20)
	for i := range feeds {
		feeds[i] = addFeed(b, s, fmt.Sprintf("https://site%d.example/feed", i))
	}
	round := 0
	for b.Loop() {
		b.StopTimer()
		for i, f := range feeds {
			save(b, s, f, feedItems(r, i, round*50, 50))
		}
		round++
		b.StartTimer()
		if n, err := s.IndexPending(ctx); err != nil || n != 1000 {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/article")
}

// BenchmarkInspect is `byline doctor`'s database lines on 50,000
// articles: opening query-only, counting, and PRAGMA integrity_check.
func BenchmarkInspect(b *testing.B) {
	path, err := bigStore()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if h, err := Inspect(ctx, path); err != nil || h.Check != "ok" {
			b.Fatal(h, err)
		}
	}
}
