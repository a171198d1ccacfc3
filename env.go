package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/library/paths"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
)

// env is what a command runs with: its streams, its options, and the
// library and configuration, opened when first asked for.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer // sanitising (output.go): what commands print
	// rawOut and rawErr are the streams themselves: asked whether they are
	// terminals, and given byline's own escape codes (the progress line).
	rawOut, rawErr io.Writer
	opts           globalOptions
	lib            *library.Library
	closeLog       func() error // the log's file, opened with the library
	cfg            *model.Config
	cfgPath        string // the configuration file read, and its text
	cfgData        []byte
	noPrompt       bool         // never ask for a password on the terminal
	adding         accountFlags // account add's: the account a password is asked for
	root           *cobra.Command
	failed         error // the command's error (cli.go: runs)
}

// errConfig marks a configuration file that cannot be used: exit status 2.
var errConfig = errors.New("config")

// config loads the configuration file once: the named one (which must
// exist), or the default one when it exists.
func (e *env) config() (model.Config, error) {
	if e.cfg != nil {
		return *e.cfg, nil
	}
	path, _ := e.configPath() // without a home, no file: the defaults
	cfg := model.DefaultConfig()
	data, err := os.ReadFile(path)
	switch {
	case path == "":
	case err == nil:
		if cfg, err = model.ParseConfig(data); err != nil {
			return cfg, fmt.Errorf("%w: %s: %w", errConfig, path, err)
		}
	case e.opts.config != "" || !errors.Is(err, os.ErrNotExist):
		return cfg, fmt.Errorf("%w: read %s: %w", errConfig, path, unwrapPath(err))
	}
	e.cfg, e.cfgPath, e.cfgData = &cfg, path, data
	return cfg, nil
}

// appConfig is the configuration the app runs with: config's, refused
// when its [keys] cannot be applied whole (an unknown action, an entry
// without keys, a key two actions share on a screen), naming the file and
// the line, so that no key binding is lost without a word. Headless
// commands need no keys.
func (e *env) appConfig() (model.Config, error) {
	cfg, err := e.config()
	if err != nil {
		return cfg, err
	}
	if err = keys.Check(cfg.Keys); err == nil {
		return cfg, nil
	}
	where := e.cfgPath
	if n := keys.Line(e.cfgData, err); n > 0 {
		where += fmt.Sprintf(": line %d", n)
	}
	return cfg, fmt.Errorf("%w: %s: %w", errConfig, where, err)
}

// library opens the database: the one named with --db (which starts
// empty), or the default one (which starts with default subscriptions and
// the welcome article).
func (e *env) library() (*library.Library, error) {
	if e.lib != nil {
		return e.lib, nil
	}
	cfg, err := e.config()
	if err != nil {
		return nil, err
	}
	path, err := e.dbPath()
	if err != nil {
		return nil, err
	}
	opts := library.Options{Seed: e.opts.db == "", Fetch: library.FetchOptions(cfg, version), Accounts: cfg.Accounts,
		ImageCacheDir: paths.ImageCache(), ImageCacheBytes: cfg.ImageCacheMiB << 20,
		KeepDays: cfg.Retention.KeepDays,
		Ignore:   cfg.Ignore}
	if !e.noPrompt {
		opts.Password = e.askPassword
	}
	if opts.Logger, e.closeLog, err = openLog(logPath(e.opts.log)); err != nil {
		return nil, err
	}
	lib, err := library.Open(e.ctx, path, opts)
	if err != nil {
		e.closeLog()
		e.closeLog = nil
		return nil, fmt.Errorf("open the database %s: %w", path, err)
	}
	e.lib = lib
	return lib, nil
}

// dbPath is the database file: the named one or the default.
func (e *env) dbPath() (string, error) {
	if e.opts.db != "" {
		return e.opts.db, nil
	}
	return paths.DB()
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// isTerminal reports whether w (a writer or a reader) is a terminal.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// rfc3339 formats t for JSON, or nil for an unknown time.
func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}
