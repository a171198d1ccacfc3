package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/library"
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
	opts           cmdOptions
	lib            *library.Library
	cfg            *model.Config
	cfgPath        string // the configuration file read, and its text
	cfgData        []byte
	noPrompt       bool // never ask for a password on the terminal
}

// errConfig marks a configuration file that cannot be used: exit status 2.
var errConfig = errors.New("config")

// config loads the configuration file once: the named one (which must
// exist), or the default one when it exists.
func (e *env) config() (model.Config, error) {
	if e.cfg != nil {
		return *e.cfg, nil
	}
	path, named := e.opts.config, e.opts.config != ""
	if !named {
		path, _ = defaultConfigPath() // without a home, no file: the defaults
	}
	cfg := model.DefaultConfig()
	data, err := os.ReadFile(path)
	switch {
	case path == "":
	case err == nil:
		if cfg, err = model.ParseConfig(data); err != nil {
			return cfg, fmt.Errorf("%w: %s: %w", errConfig, path, err)
		}
	case named || !errors.Is(err, os.ErrNotExist):
		return cfg, fmt.Errorf("%w: read %s: %w", errConfig, path, unwrapPath(err))
	}
	e.cfg, e.cfgPath, e.cfgData = &cfg, path, data
	return cfg, nil
}

// checkKeys refuses a configuration whose [keys] the app cannot apply
// whole (an unknown action, an entry without keys, a key two actions
// share on a screen), naming the file and the line, so that no key
// binding is lost without a word. Headless commands need no keys.
func (e *env) checkKeys(cfg model.Config) error {
	err := keys.Check(cfg.Keys)
	if err == nil {
		return nil
	}
	where := e.cfgPath
	var ce *keys.ConfigError
	if errors.As(err, &ce) {
		if n := model.KeyLine(e.cfgData, "keys", ce.Action); n > 0 {
			where += fmt.Sprintf(": line %d", n)
		}
	}
	return fmt.Errorf("%w: %s: %w", errConfig, where, err)
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
	path, seed := e.opts.db, false
	if path == "" {
		if path, err = defaultDBPath(); err != nil {
			return nil, err
		}
		seed = true
	}
	opts := library.Options{Seed: seed, Fetch: fetchOptions(cfg), Accounts: cfg.Accounts,
		ImageCacheDir: defaultImageCacheDir(), ImageCacheBytes: cfg.ImageCacheMiB << 20,
		KeepDays: cfg.Retention.KeepDays,
		Ignore:   cfg.Ignore}
	if !e.noPrompt {
		opts.Password = e.askPassword
	}
	lib, err := library.Open(e.ctx, path, opts)
	if err != nil {
		return nil, fmt.Errorf("open the database %s: %w", path, err)
	}
	e.lib = lib
	return lib, nil
}

// fetchOptions turns the [fetch] settings into the client's options.
func fetchOptions(cfg model.Config) feeds.Options {
	o := feeds.DefaultOptions(version)
	f := cfg.Fetch
	if f.Workers > 0 {
		o.Workers = f.Workers
	}
	if f.PerHost > 0 {
		o.PerHost = f.PerHost
	}
	if f.Timeout.Duration > 0 {
		o.Limits.RequestTimeout = f.Timeout.Duration
		o.Limits.HeaderTimeout = min(o.Limits.HeaderTimeout, f.Timeout.Duration)
		o.Limits.ConnectTimeout = min(o.Limits.ConnectTimeout, f.Timeout.Duration)
	}
	if f.MaxFeedMiB > 0 {
		o.Limits.MaxFeedBytes = f.MaxFeedMiB << 20
	}
	if f.MaxPageMiB > 0 {
		o.Limits.MaxPageBytes = f.MaxPageMiB << 20
	}
	if f.MaxItems > 0 {
		o.Limits.MaxItems = f.MaxItems
	}
	return o
}

// defaultDBPath is byline.db in the XDG data folder.
func defaultDBPath() (string, error) {
	dir, err := baseDir("XDG_DATA_HOME", filepath.Join(".local", "share"), "--db")
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "byline", "byline.db"), nil
}

// defaultImageCacheDir is where article pictures are kept:
// $XDG_CACHE_HOME/byline/images, else ~/.cache/byline/images; "" (no
// cache: fetched each time) with no home folder to keep them in.
func defaultImageCacheDir() string {
	dir, err := baseDir("XDG_CACHE_HOME", ".cache", "")
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "byline", "images")
}

// defaultConfigPath is config.toml in the user's configuration folder
// ($XDG_CONFIG_HOME, else ~/.config; macOS and Windows have their own).
func defaultConfigPath() (string, error) {
	if !filepath.IsAbs(os.Getenv("XDG_CONFIG_HOME")) {
		if _, err := home("XDG_CONFIG_HOME", "--config"); err != nil {
			return "", err
		}
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", homeError{"no configuration folder: set HOME or XDG_CONFIG_HOME (or give --config)"}
	}
	return filepath.Join(dir, "byline", "config.toml"), nil
}

// baseDir is the XDG base folder that the variable names when it is an
// absolute path, else fallback under the home folder (see home); flag is
// the one that names the file instead, for the error.
func baseDir(variable, fallback, flag string) (string, error) {
	if dir := os.Getenv(variable); filepath.IsAbs(dir) {
		return dir, nil
	}
	h, err := home(variable, flag)
	if err != nil {
		return "", err
	}
	return filepath.Join(h, fallback), nil
}

// home is the home folder: an absolute path to a folder that exists, as
// byline never creates one (a file kept in a folder made by mistake, or
// in the current folder, would be lost to the user).
func home(variable, flag string) (string, error) {
	fix := "set HOME or " + variable
	if flag != "" {
		fix += " (or give " + flag + ")"
	}
	dir, err := os.UserHomeDir()
	if err != nil || !filepath.IsAbs(dir) {
		return "", homeError{"no home folder: " + fix}
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", homeError{fmt.Sprintf("the home folder %s does not exist: %s", dir, fix)}
	case err == nil && !st.IsDir():
		return "", homeError{fmt.Sprintf("the home folder %s is not a folder: %s", dir, fix)}
	}
	return dir, nil
}

// homeError is a home folder byline cannot keep its files in: exit status
// 2, as for bad input, the fix being the user's.
type homeError struct{ msg string }

func (e homeError) Error() string        { return e.msg }
func (e homeError) Is(target error) bool { return target == library.ErrBadInput }

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
