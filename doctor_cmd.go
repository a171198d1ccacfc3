package main

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/byline-reader/byline/doctor"
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
	o := doctor.Options{Version: version, DBPath: e.opts.db, DBNamed: e.opts.db != "",
		ConfigPath: e.opts.config, ConfigNamed: e.opts.config != "",
		FetchOptions: fetchOptions}
	if !o.DBNamed {
		o.DBPath = defaultDBPath()
	}
	if !o.ConfigNamed {
		o.ConfigPath = defaultConfigPath()
	}
	if len(args) == 1 {
		o.URL = args[0]
	}
	m := doctorMachine(e)
	r := doctor.Run(e.ctx, m, o)
	var err error
	if asJSON {
		err = writeJSON(e.stdout, r)
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

// doctorMachine is what doctor reads of the real terminal. The background
// is asked only when stdin and stdout are both terminals; lipgloss bounds
// each query by its own timeout, and doctor.Run asks it once.
func doctorMachine(e *env) doctor.Machine {
	m := doctor.Machine{Stdin: isTerminal(e.stdin), Stdout: isTerminal(e.rawOut)}
	m.Profile = colorprofile.Detect(e.rawOut, os.Environ())
	if f, ok := e.rawOut.(*os.File); ok && m.Stdout {
		m.Width, m.Height, _ = term.GetSize(int(f.Fd()))
	}
	in, inOK := e.stdin.(*os.File)
	out, outOK := e.rawOut.(*os.File)
	if m.Stdin && m.Stdout && inOK && outOK {
		m.Background = func() (bool, error) {
			bg, err := lipgloss.BackgroundColor(in, out)
			if err == nil && bg == nil {
				err = errors.New("no answer")
			}
			return err == nil && isDark(bg), err
		}
	}
	return m
}

// isDark says a background is dark as Lip Gloss does: a CIE lightness
// under 50, that is a relative luminance under 0.1842.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	linear := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*linear(r)+0.7152*linear(g)+0.0722*linear(b) < 0.1842
}
