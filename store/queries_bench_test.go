package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// BenchmarkSavedQueryCount counts the unread articles of typical saved
// queries, one query each, as the feeds pane asks after each reload
// (library.QueryCounts): over 50,000 articles of 500 feeds, built through
// SaveFetch once and kept in $TMPDIR.
func BenchmarkSavedQueryCount(b *testing.B) {
	s := savedQueryBenchStore(b, 500, 100)
	ctx := context.Background()
	for _, expr := range []string{
		`age < 3 and content =~ "climate"`,
		`title =~ "climate"`,
		`content # climate`,
		`folder # science and not starred`,
		`feed = "Feed 42"`,
		`author = "Reporter 7" or starred`,
		`age between 1:7`,
	} {
		q := model.ArticleQuery{Unread: true, Filter: expr}
		b.Run(expr, func(b *testing.B) {
			n := 0
			for b.Loop() {
				var err error
				if n, err = s.CountArticles(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "unread")
		})
	}
}

var queryBenchWords = strings.Fields(`election budget storm market court health school energy
	water housing transport trade science football music film council police river report talks`)

// savedQueryBenchStore is feeds × items articles, a few minutes apart
// (about three months), seven in ten read, one in a hundred starred.
func savedQueryBenchStore(b *testing.B, feeds, items int) *Store {
	b.Helper()
	return cachedBenchStore(b, fmt.Sprintf("query-%d-folders", feeds*items),
		func(path string) error { return buildQueryBench(path, feeds, items) })
}

func buildQueryBench(path string, feeds, items int) error {
	os.Remove(path)
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(16, 17))
	// folder # science holds for two feeds in five, as it did when
	// folders were tags.
	folders := []string{"news", "science", "tech", "science/culture", ""}
	tags := [][]string{{"news"}, {"science"}, {"tech"}, {"culture", "science"}, nil}
	for i := range feeds {
		f, err := s.AddFeed(ctx, model.Feed{URL: fmt.Sprintf("https://site%d.example/feed", i),
			Title: fmt.Sprintf("Feed %d", i), Folder: folders[i%len(folders)], Tags: tags[i%len(tags)]})
		if err != nil {
			return err
		}
		arts := make([]model.Article, items)
		for k := range arts {
			arts[k] = queryBenchArticle(r, i, k, feeds)
		}
		res := model.FetchResult{Feed: f, Title: f.Title, Articles: arts}
		if _, err := s.SaveFetch(ctx, res, benchNow); err != nil {
			return err
		}
		for _, a := range arts {
			read, starred := r.IntN(10) < 7, r.IntN(100) == 0
			if !read && !starred {
				continue
			}
			_, err := s.db.ExecContext(ctx, `UPDATE articles SET read = ?, starred = ? WHERE feed_id = ? AND key = ?`,
				boolInt(read), boolInt(starred), f.ID, a.Key)
			if err != nil {
				return err
			}
		}
	}
	_, err = s.IndexPending(ctx)
	return err
}

func queryBenchArticle(r *rand.Rand, feed, k, feeds int) model.Article {
	word := func() string { return queryBenchWords[r.IntN(len(queryBenchWords))] }
	title := word() + " " + word() + " " + word()
	if r.IntN(50) == 0 {
		title += " climate"
	}
	var text []string
	for range 80 {
		text = append(text, word())
	}
	if r.IntN(30) == 0 {
		text = append(text, "the climate talks went on")
	}
	a := model.Article{
		Key: fmt.Sprintf("k%d-%d", feed, k), Title: title, URL: fmt.Sprintf("https://site%d.example/%d", feed, k),
		Author:    fmt.Sprintf("Reporter %d", r.IntN(40)),
		Published: benchNow.Add(-time.Duration(k*feeds+feed) * 3 * time.Minute),
		Summary:   "<p>" + strings.Join(text, " ") + "</p>",
	}
	if k%5 == 0 {
		a.Content = "<p>" + strings.Join(text, " ") + " " + strings.Join(text, " ") + "</p>"
	}
	return a
}
