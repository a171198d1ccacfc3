package main

import (
	"github.com/byline-reader/byline/ui"
)

func runApp(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("unexpected %q", args[0])
	}
	cfg, err := e.appConfig()
	if err != nil {
		return err
	}
	e.noPrompt = true // the app owns the terminal: an account's login cannot ask there
	lib, err := e.library()
	if err != nil {
		return err
	}
	return ui.Run(e.ctx, lib, cfg)
}
