package library

import (
	"context"
	_ "embed"
	"errors"
	"time"

	"github.com/byline-reader/byline/model"
)

// WelcomeURL is the address of byline's built-in welcome feed. It is not a
// web address, so refresh, export and sharing leave it alone.
const WelcomeURL = "about:byline"

//go:embed welcome.md
var welcomeMarkdown string

// defaultFeeds are the subscriptions a fresh default database starts with:
// well-known public news feeds with full-sized headlines and summaries.
var defaultFeeds = []model.Feed{
	{URL: "https://feeds.bbci.co.uk/news/world/rss.xml", Title: "BBC News – World", Folder: "News"},
	{URL: "https://feeds.npr.org/1001/rss.xml", Title: "NPR News", Folder: "News"},
	{URL: "https://www.theguardian.com/world/rss", Title: "The Guardian – World", Folder: "News"},
	{URL: "https://www.aljazeera.com/xml/rss/all.xml", Title: "Al Jazeera", Folder: "News"},
	{URL: "https://feeds.arstechnica.com/arstechnica/index", Title: "Ars Technica", Folder: "Tech"},
	{URL: "https://hnrss.org/frontpage", Title: "Hacker News – Front Page", Folder: "Tech"},
}

const seededKey = "seeded"

// seed gives a database that has never been seeded its default
// subscriptions and the welcome article, once.
func (l *Library) seed(ctx context.Context) error {
	done, err := l.store.Meta(ctx, seededKey)
	if err != nil || done != "" {
		return err
	}
	for _, f := range defaultFeeds {
		if _, err := l.store.AddFeed(ctx, f); err != nil && !errors.Is(err, ErrExists) {
			return err
		}
	}
	welcome, err := l.store.AddFeed(ctx, model.Feed{URL: WelcomeURL, Title: "byline"})
	if err != nil && !errors.Is(err, ErrExists) {
		return err
	}
	now := l.now()
	_, err = l.store.InsertArticle(ctx, model.Article{
		FeedID:      welcome.ID,
		Key:         "welcome",
		Title:       "Welcome to byline",
		Author:      "The byline developers",
		Site:        "byline",
		Published:   now,
		FetchedAt:   now,
		Markdown:    welcomeMarkdown,
		ExtractedAt: now.Add(-time.Second),
	})
	if err != nil {
		return err
	}
	return l.store.SetMeta(ctx, seededKey, now.UTC().Format(time.RFC3339))
}
