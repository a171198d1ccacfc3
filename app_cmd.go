package main

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui"
)

func runApp(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("unexpected %q", args[0])
	}
	cfg, err := e.config()
	if err != nil {
		return err
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	err = ui.Run(e.ctx, lib, cfg)
	if errors.Is(err, tea.ErrProgramKilled) && e.ctx.Err() != nil {
		return nil // interrupted by a signal: a clean exit
	}
	return err
}
