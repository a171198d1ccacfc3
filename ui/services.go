package ui

import (
	"context"
	"time"

	"github.com/byline-reader/byline/model"
)

// Library is what the app needs of byline's library; *library.Library
// satisfies it, tests give fakes.
type Library interface {
	Feeds(ctx context.Context) ([]model.Feed, error)
	Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error)
	CountArticles(ctx context.Context, q model.ArticleQuery) (int, error)
	OpenArticle(ctx context.Context, id int64) (model.Article, error)
	Mark(ctx context.Context, ids []int64, read, starred *bool) (int, error)
	MarkFeedRead(ctx context.Context, feedID int64) (int, error)
	Search(ctx context.Context, query string, limit int) ([]model.Article, error)
	RefreshStream(ctx context.Context, ids ...int64) (<-chan model.FeedDone, error)
}

// Opener opens a link outside the terminal, in a browser.
type Opener interface {
	Open(url string) error
}

// Services are what the app is given.
type Services struct {
	Library Library
	Browser Opener           // nil: links cannot be opened
	Now     func() time.Time // nil: time.Now
}
