package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// Run opens the app over lib and returns when the user quits.
func Run(ctx context.Context, lib Library, cfg model.Config) error {
	return run(ctx, newApp(ctx, lib, cfg))
}

// RunArticle opens the app on one article, already loaded (an article
// from the database, a page or a local file); leaving the reader quits.
func RunArticle(ctx context.Context, lib Library, cfg model.Config, r model.Reading) error {
	app := newApp(ctx, lib, cfg)
	app.showArticle(r)
	return run(ctx, app)
}

func newApp(ctx context.Context, lib Library, cfg model.Config) App {
	return New(ctx, Services{Library: lib, Browser: NewBrowser(cfg.Browser), Mail: NewMailer(), Clipboard: NewClipboard()}, cfg)
}

func run(ctx context.Context, app App) error {
	defer app.cancel()
	p := tea.NewProgram(app, tea.WithContext(ctx))
	_, err := p.Run()
	return err
}

// showArticle puts the app in single-article mode on r.
func (a *App) showArticle(r model.Reading) {
	a.single = true
	a.start = givenArticle(a.openReader(r.Article), r)
}
