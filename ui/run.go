package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// Run opens the app over lib and returns when the user quits.
func Run(ctx context.Context, lib Library, cfg model.Config) error {
	app := New(ctx, Services{Library: lib, Browser: NewBrowser(cfg.Browser), Mail: NewMailer(), Clipboard: NewClipboard()}, cfg)
	defer app.cancel()
	p := tea.NewProgram(app, tea.WithContext(ctx))
	_, err := p.Run()
	return err
}
