// Package doctor is `byline doctor`: what this terminal and machine
// support (colours, background, clipboard, links, pictures, tmux), byline's
// database and configuration, its build, and one feed fetched when a URL is
// given, each told as a Check a person can paste into a bug report.
//
// It reads and never writes: the database is inspected query-only and
// never created, the configuration only read, programs run only to ask
// tmux its settings, the network used only for the URL given. What it
// asks the terminal is its caller's (Machine.Background), with a bounded
// wait. The rules it reports are the app's own, asked of the packages
// that hold them (ui/desktop, ui/picture, ui/reader, ui/keys), never
// restated here.
package doctor

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/library"
)

// Status is how a check came out.
type Status string

// The statuses, from good to bad; Info is a fact that is neither.
const (
	OK   Status = "ok"
	Info Status = "info"
	Warn Status = "warn"
	Fail Status = "fail"
)

// Check is one finding: what was looked at, how it came out, what was
// found (one line), and what to do about it when it is not ok.
type Check struct {
	Name   string `json:"name"`
	Status Status `json:"status"`
	Value  string `json:"value"`
	Hint   string `json:"hint"`
}

// Report is every check, in the order they are shown.
type Report struct {
	Version  string  `json:"version"`
	Warnings int     `json:"warnings"`
	Failures int     `json:"failures"`
	Checks   []Check `json:"checks"`
}

// Machine is what the checks read of the machine and the terminal; the
// command line gives the real ones, tests their own.
type Machine struct {
	Getenv   func(string) string
	LookPath func(string) (string, error)
	// Output runs a program (tmux) and gives its output, trimmed; it must
	// return within a short time.
	Output func(ctx context.Context, name string, args ...string) (string, error)

	Stdin, Stdout bool                 // whether each is a terminal
	Profile       colorprofile.Profile // the colours stdout takes
	// Background asks the terminal whether its background is dark, with a
	// bounded wait; nil when stdin and stdout are not both terminals.
	Background    func() (dark bool, err error)
	Width, Height int // the terminal's size; 0 when unknown
}

// Options say which files to look at and which URL to fetch.
type Options struct {
	Version              string
	DBPath, ConfigPath   string
	DBNamed, ConfigNamed bool // given with --db, --config (not the defaults)
	// DBErr and ConfigErr say why there is no default path (no home
	// folder, say): a failed check rather than no report.
	DBErr, ConfigErr error
	URL              string
}

// Run makes every check. Only the URL, when given, uses the network.
func Run(ctx context.Context, m Machine, o Options) Report {
	m = m.withDefaults()
	r := Report{Version: o.Version}
	cfg, cfgChecks := configChecks(o.ConfigPath, o.ConfigNamed)
	if o.ConfigErr != nil {
		cfgChecks = []Check{check("config", Fail, oneLine(o.ConfigErr.Error()), "")}
	}
	dbChecks := []Check{check("database", Fail, "", "")}
	if o.DBErr != nil {
		dbChecks[0].Value = oneLine(o.DBErr.Error())
	} else {
		dbChecks = databaseChecks(ctx, o.DBPath, o.DBNamed)
	}
	tm := askTmux(ctx, m)
	r.Checks = append(r.Checks, buildCheck(o.Version))
	r.Checks = append(r.Checks, terminalChecks(m, cfg)...)
	r.Checks = append(r.Checks, tm.checks()...)
	r.Checks = append(r.Checks, clipboardCheck(m, tm), hyperlinkCheck(m, tm), browserCheck(m, cfg), imagesCheck(m, cfg, tm))
	r.Checks = append(r.Checks, cfgChecks...)
	r.Checks = append(r.Checks, dbChecks...)
	if o.URL != "" {
		client := feeds.NewClient(library.FetchOptions(cfg, o.Version))
		r.Checks = append(r.Checks, networkCheck(ctx, client, o.URL))
	}
	for _, c := range r.Checks {
		switch c.Status {
		case Warn:
			r.Warnings++
		case Fail:
			r.Failures++
		}
	}
	return r
}

// withDefaults fills what m leaves out with the real machine's.
func (m Machine) withDefaults() Machine {
	if m.Getenv == nil {
		m.Getenv = os.Getenv
	}
	if m.LookPath == nil {
		m.LookPath = exec.LookPath
	}
	if m.Output == nil {
		m.Output = Output
	}
	return m
}

// Output runs name with args for at most two seconds, with no input, and
// gives its standard output trimmed.
func Output(ctx context.Context, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	return strings.TrimSpace(string(out)), err
}

// check is a Check; hint is dropped when the status is ok.
func check(name string, st Status, value, hint string) Check {
	if st == OK {
		hint = ""
	}
	return Check{Name: name, Status: st, Value: value, Hint: hint}
}

// quoted is s in double quotes, as a setting's value is written.
func quoted(s string) string { return fmt.Sprintf("%q", s) }
