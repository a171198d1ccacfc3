package reader

import (
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
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

// TestMakeReadyResolvesLinks opens a feed's text whose links are relative,
// as FetchPage gives it when the page cannot be had: its links lead where
// the article's page meant them to, as when the stored text was shown.
func TestMakeReadyResolvesLinks(t *testing.T) {
	r := quote.Prepare(model.Article{URL: "https://news.example/story/1", Markdown: "See [the harbour](/harbour) today."}, nil)
	links := MakeReady(r, 60, true, true).Doc.Links()
	if len(links) != 1 || links[0].Target != "https://news.example/harbour" {
		t.Fatalf("links: %+v", links)
	}
}
