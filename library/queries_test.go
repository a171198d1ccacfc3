package library

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// QueryCounts counts each saved query's unread articles; one that fails
// is -1 with its error, and the others are counted still.
func TestQueryCounts(t *testing.T) {
	ctx := context.Background()
	l, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	f, err := l.store.AddFeed(ctx, model.Feed{URL: "https://daily.example/rss", Title: "Daily"})
	if err != nil {
		t.Fatal(err)
	}
	var arts []model.Article
	for i, title := range []string{"Climate talks", "Climate report", "Football", "Climate, again"} {
		arts = append(arts, model.Article{Key: title, Title: title, URL: "https://daily.example/" + string(rune('a'+i))})
	}
	if _, err := l.store.SaveFetch(ctx, model.FetchResult{Feed: f, Title: "Daily", Articles: arts}, time.Now()); err != nil {
		t.Fatal(err)
	}
	all, _ := l.Articles(ctx, model.ArticleQuery{Text: "Climate report"})
	yes := true
	if _, err := l.Mark(ctx, []int64{all[0].ID}, &yes, nil); err != nil {
		t.Fatal(err)
	}
	counts, err := l.QueryCounts(ctx, []string{`title # climate`, `titel = x`, `feed = daily`, ``})
	want := []int{2, -1, 3, 3}
	if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "titel") {
		t.Fatalf("err %v", err)
	}
	for i := range want {
		if counts[i] != want[i] {
			t.Fatalf("counts %v, want %v", counts, want)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if counts, err := l.QueryCounts(cancelled, []string{"unread", "starred"}); err == nil || counts[1] != -1 {
		t.Fatalf("cancelled: %v %v", counts, err)
	}
}
