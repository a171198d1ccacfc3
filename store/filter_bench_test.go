package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/schema"
)

// benchNow is the "now" of the filter benchmark's database.
var benchNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// filterBenchSize is how many articles the filter benchmark runs over.
const filterBenchSize = 500_000

// BenchmarkFilter runs typical expressions of the filter language over
// 500,000 articles of 500 feeds (a year of a minute apart): the first
// page of 50 headlines, as `list --filter` and the app ask, and the
// count. The database is built once and kept in $TMPDIR (a few minutes
// and about 1 GB the first time).
func BenchmarkFilter(b *testing.B) {
	s := filterBenchStore(b)
	ctx := context.Background()
	for _, expr := range []string{
		`title =~ "climate"`,
		`unread and age < 3`,
		`feed = "Feed 42"`,
		`content # climate`,
		`folder # science and unread and not starred`,
		`author = "Reporter 7" or speaker # "Jane Doe"`,
		`quotes > 5 and age < 30`,
		`title =~ "^[a-f]+ clim"`,
	} {
		q := model.ArticleQuery{Filter: expr, Limit: 50}
		b.Run(expr+"/page", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Articles(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(expr+"/count", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.CountArticles(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func filterBenchStore(b *testing.B) *Store {
	b.Helper()
	// "folders": the feeds have folders (feeds.folder) apart from tags
	return cachedBenchStore(b, fmt.Sprintf("filter-%d-folders", filterBenchSize), buildFilterBench)
}

// cachedBenchStore opens a benchmark's database, kept in the temporary
// folder between runs (built once by build, which may take minutes) and
// named by the schema it was built with, so that a new migration makes a
// new one rather than meeting an old one half-way.
func cachedBenchStore(b *testing.B, name string, build func(path string) error) *Store {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("byline-bench-%s-schema%d.db", name, schema.Latest()))
	if _, err := os.Stat(path); err != nil {
		b.Logf("building %s (once)", path)
		if err := build(path + ".part"); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(path+".part", path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.now = func() time.Time { return benchNow }
	return s
}

var benchSpeakers = []string{"Jane Doe", "John Smith", "António Guterres", "Ursula von der Leyen", "Anna Lee"}

func buildFilterBench(path string) error {
	os.Remove(path)
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO accounts (name, url) VALUES ('work', 'https://reader.example')`); err != nil {
		return err
	}
	// folder # science holds for two feeds in five, as it did when
	// folders were tags.
	folders := []string{"news", "science", "tech", "science/culture", ""}
	tags := []string{"news", "science", "tech", "culture\nscience", ""}
	for i := range 500 {
		var account any
		if i%10 == 9 {
			account = 1
		}
		_, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, title, folder, tags, account_id) VALUES (?, ?, ?, ?, ?)`,
			fmt.Sprintf("https://site%d.example/feed", i), fmt.Sprintf("Feed %d", i), folders[i%len(folders)],
			tags[i%len(tags)], account)
		if err != nil {
			return err
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	const batch = 20_000
	for from := 0; from < filterBenchSize; from += batch {
		err := s.inTx(ctx, func(tx *sql.Tx) error { return insertBenchArticles(ctx, tx, r, from, batch) })
		if err != nil {
			return err
		}
	}
	if _, err := s.IndexPending(ctx); err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO highlights (article_id, text)
		SELECT id, 'kept' FROM articles WHERE id % 250 = 3`)
	return err
}

func insertBenchArticles(ctx context.Context, tx *sql.Tx, r *rand.Rand, from, n int) error {
	st, err := tx.PrepareContext(ctx, `INSERT INTO articles (feed_id, key, read, starred,
		published, fetched_at, title, url, author, summary, content, hidden, quote_count, speakers)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := tx.PrepareContext(ctx, queueSQL)
	if err != nil {
		return err
	}
	defer q.Close()
	for i := from; i < from+n; i++ {
		at := benchNow.Add(-time.Hour - time.Duration(i)*time.Minute)
		published := nanos(at)
		if i%100 == 7 {
			published = 0 // undated: sorted by when it was fetched
		}
		title := strings.Join([]string{words[r.IntN(len(words))], words[r.IntN(len(words))], words[r.IntN(len(words))]}, " ")
		if r.IntN(50) == 0 {
			title += " climate"
		}
		summary := htmlText(r, 600)
		if r.IntN(30) == 0 {
			summary += "<p>The climate talks went on.</p>"
		}
		content := ""
		if i%5 == 0 {
			content = htmlText(r, 3000)
		}
		quotes, speakers := 0, ""
		if i%5 == 1 {
			quotes = r.IntN(9)
			if quotes > 0 {
				speakers = benchSpeakers[r.IntN(len(benchSpeakers))] + "\n" + benchSpeakers[r.IntN(len(benchSpeakers))]
			}
		}
		hidden := 0
		if i%500 == 11 {
			hidden = 1
		}
		res, err := st.ExecContext(ctx, 1+i%500, fmt.Sprintf("k%d", i), boolInt(r.IntN(10) < 7),
			boolInt(r.IntN(100) == 0), published, nanos(at), title,
			fmt.Sprintf("https://site%d.example/%d", i%500, i), fmt.Sprintf("Reporter %d", r.IntN(40)),
			summary, content, hidden, quotes, speakers)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if _, err := q.ExecContext(ctx, id, 1); err != nil {
			return err
		}
	}
	return nil
}
