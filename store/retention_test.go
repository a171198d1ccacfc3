package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestSetFeedSettingsSurvivesARefresh(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	st := model.FeedSettings{Title: "Mine", Interval: 2 * time.Hour, FetchMode: "feed",
		UserAgent: "Bot/2", KeepDays: -1, KeepItems: 50}
	if err := s.SetFeedSettings(ctx, f.ID, st); err != nil {
		t.Fatal(err)
	}
	r := model.FetchResult{Feed: f, Status: 200, Title: "The feed's own", Articles: items(0, 2)}
	if _, err := s.SaveFetch(ctx, r, t0); err != nil {
		t.Fatal(err)
	}
	got, err := s.Feed(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Settings != st || got.Title != "The feed's own" || got.DisplayTitle() != "Mine" {
		t.Errorf("after a refresh: %+v", got)
	}
	if err := s.SetFeedSettings(ctx, 999, st); err == nil {
		t.Error("a missing feed's settings were set")
	}
}

// dated is item n published days days before t0.
func dated(n, days int) model.Article {
	a := item(n)
	a.Published = t0.Add(-time.Duration(days) * 24 * time.Hour)
	return a
}

func storedKeys(t *testing.T, s *Store, feedID int64) []string {
	t.Helper()
	arts, err := s.Articles(context.Background(), model.ArticleQuery{FeedID: feedID})
	if err != nil {
		t.Fatal(err)
	}
	ks := keys(arts)
	slices.Sort(ks)
	return ks
}

func TestRetentionByDaysKeepsStarredAndHighlighted(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	arts := []model.Article{dated(1, 1), dated(2, 20), dated(3, 40), dated(4, 50), dated(5, 60)}
	save(t, s, f, arts)
	all, _ := s.Articles(ctx, model.ArticleQuery{FeedID: f.ID})
	byKey := map[string]int64{}
	for _, a := range all {
		byKey[a.Key] = a.ID
	}
	star := true
	if _, err := s.Mark(ctx, []int64{byKey["guid-3"]}, nil, &star); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddHighlight(ctx, model.Highlight{ArticleID: byKey["guid-4"], Text: "kept"}); err != nil {
		t.Fatal(err)
	}
	f.Settings.KeepDays = 30
	n, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 200, Articles: arts}, t0)
	if err != nil || n != 0 {
		t.Fatalf("new %d, %v", n, err)
	}
	want := []string{"guid-1", "guid-2", "guid-3", "guid-4"}
	if got := storedKeys(t, s, f.ID); !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	// The feed still lists guid-5: it does not come back, and an old
	// item seen for the first time is not stored either.
	arts = append(arts, dated(6, 45), dated(7, 2))
	n, err = s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 200, Articles: arts}, t0.Add(time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("new %d (want 1: guid-7), %v", n, err)
	}
	// A 304 drops what aged meanwhile: guid-2 is 20 days old at t0.
	later := t0.Add(15 * 24 * time.Hour)
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 304, NotModified: true}, later); err != nil {
		t.Fatal(err)
	}
	want = []string{"guid-1", "guid-3", "guid-4", "guid-7"}
	if got := storedKeys(t, s, f.ID); !slices.Equal(got, want) {
		t.Errorf("after a 304 two weeks later: %v, want %v", got, want)
	}
}

func TestRetentionByItems(t *testing.T) {
	s := newStore(t)
	f := addFeed(t, s, "https://example.com/feed")
	f.Settings.KeepItems = 3
	arts := []model.Article{dated(1, 1), dated(2, 2), dated(3, 3), dated(4, 4), dated(5, 5)}
	if n := save(t, s, f, arts); n != 3 {
		t.Fatalf("first refresh stored %d", n)
	}
	want := []string{"guid-1", "guid-2", "guid-3"}
	if got := storedKeys(t, s, f.ID); !slices.Equal(got, want) {
		t.Fatalf("kept %v, want %v", got, want)
	}
	// Listed again, the two dropped stay dropped; a newer one pushes out
	// the oldest kept.
	arts = append(arts, dated(6, 0))
	if n := save(t, s, f, arts); n != 1 {
		t.Fatalf("second refresh stored %d, want 1", n)
	}
	want = []string{"guid-1", "guid-2", "guid-6"}
	if got := storedKeys(t, s, f.ID); !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
}

func TestRetentionKeepsUndatedWhileListed(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	undated := func(n int) model.Article { a := item(n); a.Published = time.Time{}; return a }
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 200, Articles: []model.Article{undated(1), undated(2)}}, t0); err != nil {
		t.Fatal(err)
	}
	f.Settings.KeepDays = 7
	later := t0.Add(30 * 24 * time.Hour)
	// A 304 cannot say what the feed lists: both stay.
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 304, NotModified: true}, later); err != nil {
		t.Fatal(err)
	}
	if got := storedKeys(t, s, f.ID); len(got) != 2 {
		t.Fatalf("after a 304: %v", got)
	}
	n, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 200, Articles: []model.Article{undated(2), undated(3)}}, later)
	if err != nil || n != 1 {
		t.Fatalf("new %d, %v", n, err)
	}
	if got := storedKeys(t, s, f.ID); !slices.Equal(got, []string{"guid-2", "guid-3"}) {
		t.Errorf("kept %v: the old undated item still listed stays, the one no longer listed goes", got)
	}
}

// fileFigures are the database file's size and its live data, (page_count
// − freelist_count) × page_size, read after the store is closed (which
// checkpoints the WAL into the file).
func fileFigures(t *testing.T, path string) (size, live int64) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var pages, free, pageSize int64
	for _, p := range []struct {
		dst  *int64
		name string
	}{{&pages, "page_count"}, {&free, "freelist_count"}, {&pageSize, "page_size"}} {
		if err := db.QueryRow("PRAGMA " + p.name).Scan(p.dst); err != nil {
			t.Fatal(err)
		}
	}
	return st.Size(), (pages - free) * pageSize
}

// simulateYear refreshes feeds once a day for a year, with an injected
// clock: each feed publishes perDay small articles a day and lists its
// last 40; retention keeps 30 days; one article a week is starred.
func simulateYear(t *testing.T, s *Store, feeds []model.Feed, perDay int) {
	t.Helper()
	ctx := context.Background()
	start := t0
	for day := range 365 {
		now := start.Add(time.Duration(day) * 24 * time.Hour)
		for fi, f := range feeds {
			var arts []model.Article
			for back := range 40 {
				n := day*perDay - back
				if n < 0 {
					break
				}
				arts = append(arts, model.Article{
					Key: fmt.Sprintf("f%d-%d", fi, n), Title: fmt.Sprintf("Story %d of feed %d", n, fi),
					URL:       fmt.Sprintf("https://example.com/%d/%d", fi, n),
					Published: start.Add(time.Duration(n) * 24 * time.Hour / time.Duration(perDay)),
					Summary:   strings.Repeat(fmt.Sprintf("Words of story %d, day %d. ", n, day), 12),
				})
			}
			if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 200, Articles: arts}, now); err != nil {
				t.Fatal(err)
			}
		}
		if day%7 == 3 {
			latest, _ := s.Articles(ctx, model.ArticleQuery{Limit: 1})
			star := true
			if _, err := s.Mark(ctx, []int64{latest[0].ID}, nil, &star); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.IndexPending(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Compact(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

func yearFeeds(t *testing.T, s *Store, n int) []model.Feed {
	var feeds []model.Feed
	for i := range n {
		f := addFeed(t, s, fmt.Sprintf("https://example.com/%d.xml", i))
		f.Settings.KeepDays = 30
		if err := s.SetFeedSettings(context.Background(), f.ID, f.Settings); err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, f)
	}
	return feeds
}

// TestYearOfRetentionKeepsTheFileSmall: after a year of daily refreshes
// with retention, the file is within 10% of its live data.
func TestYearOfRetentionKeepsTheFileSmall(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var mode int
	if err := s.db.QueryRow("PRAGMA auto_vacuum").Scan(&mode); err != nil || mode != 2 {
		t.Fatalf("a new file's auto_vacuum is %d (%v), want 2 (incremental)", mode, err)
	}
	simulateYear(t, s, yearFeeds(t, s, 4), 12)
	n, _ := s.CountArticles(context.Background(), model.ArticleQuery{})
	s.Close()
	size, live := fileFigures(t, path)
	t.Logf("%d articles kept; file %d KiB, live data %d KiB (%.3f)", n, size>>10, live>>10, float64(size)/float64(live))
	if n > 4*12*31+60 {
		t.Errorf("%d articles kept after a year of 30 days' retention", n)
	}
	if float64(size) > 1.1*float64(live) {
		t.Errorf("file %d bytes, live data %d: more than 10%% over", size, live)
	}
}

// TestOlderFileIsVacuumedOnce: a file made before auto-vacuum is turned
// incremental by one VACUUM when retention frees enough.
func TestOlderFileIsVacuumedOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	feeds := yearFeeds(t, s, 2)
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA auto_vacuum = NONE", "VACUUM"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	var mode int
	db.QueryRow("PRAGMA auto_vacuum").Scan(&mode)
	db.Close()
	if mode != 0 {
		t.Fatalf("auto_vacuum %d, want an old file's 0", mode)
	}
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	simulateYear(t, s, feeds, 12)
	s.db.QueryRow("PRAGMA auto_vacuum").Scan(&mode)
	s.Close()
	if mode != 2 {
		t.Errorf("auto_vacuum %d after retention, want 2 (incremental)", mode)
	}
	if size, live := fileFigures(t, path); float64(size) > 1.1*float64(live) {
		t.Errorf("file %d bytes, live data %d", size, live)
	}
}

// BenchmarkSaveFetchRetention: a refresh of a feed of 50 items with 10
// new ones, keeping 30 days and 500 items of 1,000 stored, against the
// same refresh keeping all.
func BenchmarkSaveFetchRetention(b *testing.B) {
	for _, keep := range []model.FeedSettings{{}, {KeepDays: 30, KeepItems: 500}} {
		name := "keep all"
		if keep.KeepDays > 0 {
			name = "30 days, 500 items"
		}
		b.Run(name, func(b *testing.B) {
			s, ctx := newStore(b), context.Background()
			f := addFeed(b, s, "https://site.example/feed")
			var old []model.Article
			for n := range 1000 {
				a := item(n)
				a.Published = t0.Add(-time.Duration(1000-n) * time.Hour)
				old = append(old, a)
			}
			save(b, s, f, old)
			f.Settings = keep
			next := 1000
			for b.Loop() {
				arts := make([]model.Article, 0, 50)
				for n := next - 40; n < next+10; n++ {
					a := item(n)
					a.Published = t0.Add(-time.Duration(1000-n) * time.Hour)
					arts = append(arts, a)
				}
				next += 10
				if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Status: 200, Articles: arts}, t0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A new interval takes effect at once: the feed is due again; settings
// that leave the interval as it was keep the schedule.
func TestNewIntervalMakesTheFeedDue(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	r := model.FetchResult{Feed: f, Status: 200, Articles: items(0, 2), NextDue: t0.Add(6 * time.Hour)}
	if _, err := s.SaveFetch(ctx, r, t0); err != nil {
		t.Fatal(err)
	}
	due := func() bool {
		t.Helper()
		feeds, err := s.DueFeeds(ctx, t0.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		return len(feeds) == 1
	}
	if due() {
		t.Fatal("due before its time")
	}
	if err := s.SetFeedSettings(ctx, f.ID, model.FeedSettings{Title: "Mine"}); err != nil {
		t.Fatal(err)
	}
	if due() {
		t.Error("a new title rescheduled the feed")
	}
	if err := s.SetFeedSettings(ctx, f.ID, model.FeedSettings{Interval: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if !due() {
		t.Error("a new interval did not make the feed due")
	}
}
