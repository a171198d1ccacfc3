package reader

import (
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestAgo(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second: "just now", 3 * time.Minute: "3 min ago", 5 * time.Hour: "5 h ago", 72 * time.Hour: "3 days ago",
	} {
		if got := ago(d); got != want {
			t.Errorf("ago(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestPageNotice(t *testing.T) {
	now := time.Date(2024, 6, 21, 12, 0, 0, 0, time.UTC)
	a := model.Article{Notice: "The page answered 503 Service Unavailable; showing the feed's summary.",
		PageFailures: 2, ExtractedAt: now.Add(-3 * time.Minute)}
	if got := PageNotice(a, now); got != "The page answered 503 Service Unavailable; showing the feed's summary. Tried 3 min ago — R to try again." {
		t.Errorf("a failed page: %q", got)
	}
	a.PageFailures = 0 // the article has no link, or an older byline said so
	if got := PageNotice(a, now); got != a.Notice {
		t.Errorf("no failure counted: %q", got)
	}
}
