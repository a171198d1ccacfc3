package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// Run opens the app and returns when the user quits.
func Run(ctx context.Context, lib Library, cfg model.Config) error {
	p := tea.NewProgram(New(ctx, lib, cfg), tea.WithContext(ctx))
	_, err := p.Run()
	return err
}
