package ui

import (
	"context"
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/desktop"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
)

// Run opens the app over lib and returns when the user quits.
func Run(ctx context.Context, lib service.Library, cfg model.Config) error {
	return run(ctx, newApp(ctx, lib, cfg))
}

// RunArticle opens the app on one article, already loaded (an article
// from the database, a page or a local file); leaving the reader quits.
func RunArticle(ctx context.Context, lib service.Library, cfg model.Config, r model.Reading) error {
	app := newApp(ctx, lib, cfg)
	app.showArticle(r)
	return run(ctx, app)
}

// newApp is the app over lib with the machine's browser, mail handler and
// clipboard tool.
func newApp(ctx context.Context, lib service.Library, cfg model.Config) App {
	svc := Services{Library: lib, Browser: desktop.Browser{Program: cfg.Browser}, Mail: desktop.Mailer{}, Clipboard: desktop.Clipboard{},
		Hyperlinks: reader.HyperlinksFor(os.Getenv("TERM")), Player: desktop.Player{Command: cfg.Player.Command}}
	app := New(ctx, svc, cfg)
	app.pics.envKitty, app.pics.tmux = picture.Env(os.Getenv)
	return app
}

// run runs the app until the user quits; a signal that cancels ctx ends
// it cleanly too.
//
// The colour profile is the one Lip Gloss found for stdout when it
// started: Bubble Tea would otherwise detect it again, and inside tmux
// that runs `tmux info` a second time (tens of milliseconds) before the
// first frame.
func run(ctx context.Context, app App) error {
	defer app.cancel()
	p := tea.NewProgram(app, tea.WithContext(ctx), tea.WithColorProfile(lipgloss.Writer.Profile))
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted by a signal: a clean exit
	}
	return err
}

// showArticle puts the app in single-article mode on r.
func (a *App) showArticle(r model.Reading) {
	a.single = true
	a.start = service.GivenArticle(a.openReader(r.Article), r)
}
