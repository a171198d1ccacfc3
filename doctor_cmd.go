package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/doctor"
	"github.com/byline-reader/byline/ui/termout"
)

// runDoctor is `byline doctor [URL]`: what this terminal and machine
// support, the database and configuration, and one URL fetched when given
// (package doctor). It writes nothing; it fails (exit 1) only when a check
// fails: a database or configuration byline cannot use, a URL that gives
// no feed.
func doctorCommand(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "doctor [URL]",
		Short: "what this terminal and machine support",
		Long: "What this terminal and machine support (colours, background, tmux,\n" +
			"clipboard, links, pictures, browser), the configuration and database\n" +
			"(schema, integrity) and the build; with a URL, one fetch of it. It\n" +
			"writes nothing, and fails (exit 1) only when a check fails.",
		RunE:              runs(e, func(args []string) error { return runDoctor(e, asJSON, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print {version,warnings,failures,checks}")
	return c
}

func runDoctor(e *env, asJSON bool, args []string) error {
	if len(args) > 1 {
		return usagef("doctor takes at most one feed or site URL")
	}
	o := doctor.Options{Version: version, DBNamed: e.opts.db != "", ConfigNamed: e.opts.config != ""}
	o.DBPath, o.DBErr = e.dbPath()
	o.ConfigPath, o.ConfigErr = e.configPath()
	if len(args) == 1 {
		o.URL = args[0]
	}
	m := doctor.ReadMachine(e.stdin, e.rawOut)
	r := doctor.Run(e.ctx, m, o)
	var err error

	if asJSON {
		err = termout.JSON(e.stdout, r)
	} else {
		err = r.WriteText(e.stdout, m.Width)
	}
	if err != nil {
		return err
	}
	if r.Failures > 0 {
		return fmt.Errorf("%d %s failed", r.Failures, plural(r.Failures, "check", "checks"))
	}
	return nil
}
