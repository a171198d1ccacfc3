package model

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/byline-reader/byline/model/filter"
)

// MaxKeepDays is the most days of articles a retention setting may keep.
const MaxKeepDays = 36500

// Config is byline's configuration file: defaults, overridden by the file,
// overridden by flags.
type Config struct {
	Theme string `toml:"theme"` // auto, dark or light
	// TextWidth is the reader's measure: its text column, centred in a
	// wider window (reader_width; text_width is its older name).
	TextWidth    int    `toml:"reader_width"`
	OldTextWidth int    `toml:"text_width"`
	Browser      string `toml:"browser"` // a program to open links; empty: $BROWSER, then xdg-open/open
	// Images is how the reader draws pictures: auto (ask the terminal),
	// kitty (its graphics protocol), blocks (half blocks in colour), off
	// (a line with the alt text).
	Images string `toml:"images"`
	// ImageCacheMiB bounds the pictures kept on disk (XDG_CACHE_HOME).
	ImageCacheMiB int64 `toml:"image_cache_mib"`
	// RefreshInterval, when set, refreshes every feed in the background
	// at this fixed interval instead of each feed when it is due; 0: each
	// feed at its own interval.
	RefreshInterval Duration `toml:"refresh_interval"`
	// AutoRefresh refreshes in the background while the app runs (on by
	// default); false leaves refreshing to r, R and `byline refresh`.
	AutoRefresh bool `toml:"auto_refresh"`
	// ShowRead false starts the app's list with read articles hidden (U
	// shows them); nil or true shows them.
	ShowRead *bool `toml:"show_read"`

	Fetch FetchConfig       `toml:"fetch"`
	Keys  map[string]string `toml:"keys"` // action → keys, comma separated: next = "j,down"
	Share ShareConfig       `toml:"share"`

	Player   PlayerConfig   `toml:"player"`
	Download DownloadConfig `toml:"download"`
	// Accounts are sync servers, by name: [accounts.NAME].
	Accounts map[string]AccountConfig `toml:"accounts"`
	// Retention is what a refresh keeps of a feed whose keep_days is not set.
	Retention RetentionConfig `toml:"retention"`
	// Ignore are kill rules ([[ignore]]), applied to the articles a
	// refresh brings for the first time.
	Ignore []IgnoreRule `toml:"ignore"`
	// Queries are the saved queries, name → expression (SavedQueries).
	Queries    map[string]string `toml:"queries"`
	queryOrder []string          // their names in the file's order
}

// SavedQuery is one line of [queries]: a name for an expression of the
// filter language, which the feeds pane lists and `list --query` runs.
// Err is why the expression is refused: such a query is listed with its
// error, never run, so that one mistake does not stop byline.
type SavedQuery struct {
	Name, Filter string
	Err          error
}

// SavedQueries are the [queries] in the file's order (by name in a
// Config not parsed), each expression checked, each name cleaned.
func (c Config) SavedQueries() []SavedQuery {
	names := c.queryOrder
	if len(names) != len(c.Queries) {
		names = slices.Sorted(maps.Keys(c.Queries))
	}
	qs := make([]SavedQuery, len(names))
	for i, name := range names {
		qs[i] = SavedQuery{Name: SanitizeLine(name), Filter: c.Queries[name]}
		if _, err := filter.Parse(qs[i].Filter); err != nil {
			qs[i].Err = fmt.Errorf("query %q: %w", qs[i].Name, err)
		}
	}
	return qs
}

// RetentionConfig is the default retention of byline's own feeds.
type RetentionConfig struct {
	KeepDays int `toml:"keep_days"` // days of articles kept; 0: all
}

// IgnoreRule is one [[ignore]] section: the new articles its filter (an
// expression of model/filter) selects are hidden, or dropped (never
// stored, and kept from coming back).
type IgnoreRule struct {
	Filter string `toml:"filter"`
	Mode   string `toml:"mode"` // "hide" (the default) or "drop"
}

// Parse is the rule's filter, or why it cannot be one, naming the rule
// by its place n (from 1) in the file.
func (r IgnoreRule) Parse(n int) (filter.Expr, error) {
	e, err := filter.Parse(r.Filter)
	if err != nil {
		return nil, fmt.Errorf("ignore rule %d (filter = %q): %w", n, r.Filter, err)
	}
	return e, nil
}

// validateIgnore checks every kill rule, naming the one at fault.
func (c Config) validateIgnore() error {
	for i, r := range c.Ignore {
		if _, err := r.Parse(i + 1); err != nil {
			return err
		}
		if r.Mode != "hide" && r.Mode != "drop" {
			return fmt.Errorf("ignore rule %d: mode must be hide or drop, not %q", i+1, r.Mode)
		}
	}
	return nil
}

// FetchConfig tunes how byline talks to servers.
type FetchConfig struct {
	Workers    int      `toml:"workers"`  // feeds fetched at once
	PerHost    int      `toml:"per_host"` // requests at once to one site
	Timeout    Duration `toml:"timeout"`  // a whole request
	MaxFeedMiB int64    `toml:"max_feed_mib"`
	MaxPageMiB int64    `toml:"max_page_mib"`
	MaxItems   int      `toml:"max_items"`
}

// PlayerConfig ([player]) plays an article's file: a program, its arguments, then the URL.
type PlayerConfig struct {
	Command []string `toml:"command"`
}

type DownloadConfig struct { // [download]
	Dir string `toml:"dir"` // where `byline download` saves files; "": the download folder
}

// ShareConfig configures sharing.
type ShareConfig struct {
	Mastodon string            `toml:"mastodon"` // your instance, e.g. mastodon.social
	Targets  map[string]string `toml:"targets"`  // name → URL template with {url} {title} {text} {quote}
}

// Duration is a time.Duration written as "30s" or "15m" in the file.
type Duration struct{ time.Duration }

// UnmarshalText reads a duration such as "90s" or "1h30m".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("not a duration (like 30s or 15m): %q", b)
	}
	if v < 0 {
		return fmt.Errorf("a duration cannot be negative: %q", b)
	}
	d.Duration = v
	return nil
}

// MarshalText writes the duration as Go does ("1m30s").
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// DefaultTextWidth is the reader's measure when the file does not set
// one: about 80 columns, comfortable for prose.
const DefaultTextWidth = 80

// DefaultConfig is what byline uses with no configuration file.
func DefaultConfig() Config {
	return Config{Theme: "auto", TextWidth: DefaultTextWidth, Images: "auto", ImageCacheMiB: 100, AutoRefresh: true}
}

// ParseConfig reads a TOML configuration over the defaults. Unknown keys and
// bad values are errors that name the line.
func ParseConfig(data []byte) (Config, error) {
	cfg := DefaultConfig()
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, fmt.Errorf("line %d: %s", pe.Position.Line, pe.Message)
		}
		return cfg, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0]
		return cfg, fmt.Errorf("line %d: unknown setting %q", KeyLine(data, key...), key.String())
	}
	if err := cfg.validateFetch(md, data); err != nil {
		return cfg, err
	}
	if cfg.OldTextWidth != 0 && !md.IsDefined("reader_width") {
		cfg.TextWidth = cfg.OldTextWidth
	}
	cfg.OldTextWidth = 0
	for _, k := range md.Keys() {
		if len(k) == 2 && k[0] == "queries" {
			cfg.queryOrder = append(cfg.queryOrder, k[1])
		}
	}
	for i := range cfg.Ignore {
		if cfg.Ignore[i].Mode == "" {
			cfg.Ignore[i].Mode = "hide"
		}
	}
	if d := &cfg.RefreshInterval.Duration; *d > 0 && *d < MinRefreshInterval {
		*d = MinRefreshInterval // a shorter one, fine before auto refresh, still works
	}
	cfg.sanitize()
	return cfg, cfg.validate()
}

// sanitize cleans the settings that are shown on screen (share target
// names, the Mastodon server, keys in the help): the configuration is
// outside text too.
func (c *Config) sanitize() {
	c.Share.Mastodon = SanitizeLine(c.Share.Mastodon)
	for name, a := range c.Accounts {
		a.Username, a.URL = SanitizeLine(a.Username), SanitizeLine(a.URL)
		c.Accounts[name] = a
	}
	for action, keys := range c.Keys {
		c.Keys[action] = SanitizeLine(keys)
	}
	if len(c.Share.Targets) == 0 {
		return
	}
	targets := make(map[string]string, len(c.Share.Targets))
	for name, tmpl := range c.Share.Targets {
		targets[SanitizeLine(name)] = tmpl
	}
	c.Share.Targets = targets
}

func (c Config) validate() error {
	switch c.Theme {
	case "auto", "dark", "light":
	default:
		return fmt.Errorf("theme must be auto, dark or light, not %q", c.Theme)
	}
	if c.TextWidth < 20 || c.TextWidth > 400 {
		return fmt.Errorf("reader_width must be between 20 and 400, not %d", c.TextWidth)
	}
	switch c.Images {
	case "auto", "kitty", "blocks", "off":
	default:
		return fmt.Errorf("images must be auto, kitty, blocks or off, not %q", c.Images)
	}
	if c.ImageCacheMiB < 0 || c.ImageCacheMiB > 1<<20 {
		return fmt.Errorf("image_cache_mib must be between 0 and 1048576, not %d", c.ImageCacheMiB)
	}
	if err := c.validateRefresh(); err != nil {
		return err
	}
	if p := c.Player.Command; (len(p) > 0 && strings.TrimSpace(p[0]) == "") || strings.ContainsFunc(strings.Join(p, "")+c.Download.Dir, IsUnsafeRune) {
		return fmt.Errorf("[player] command must be a program then its arguments, and [download] dir a folder, without control characters")
	}
	if c.Retention.KeepDays < 0 || c.Retention.KeepDays > MaxKeepDays {
		return fmt.Errorf("[retention] keep_days must be between 0 (keep all) and %d, not %d", MaxKeepDays, c.Retention.KeepDays)
	}
	for _, name := range c.AccountNames() {
		if err := c.Accounts[name].Validate(name); err != nil {
			return err
		}
	}
	return c.validateIgnore()
}

// validateFetch checks the [fetch] settings the file gives: a count at
// least 1 (0 is not "the default": leaving the setting out is), a size
// between 1 and 1024 MiB, a timeout longer than nothing.
func (c Config) validateFetch(md toml.MetaData, data []byte) error {
	f := c.Fetch
	for _, s := range []struct {
		key    string
		v, max int64 // max 0: no upper bound
	}{
		{"workers", int64(f.Workers), 0}, {"per_host", int64(f.PerHost), 0}, {"max_items", int64(f.MaxItems), 0},
		{"max_feed_mib", f.MaxFeedMiB, 1024}, {"max_page_mib", f.MaxPageMiB, 1024},
	} {
		if !md.IsDefined("fetch", s.key) || (s.v >= 1 && (s.max == 0 || s.v <= s.max)) {
			continue
		}
		want := "at least 1"
		if s.max > 0 {
			want = fmt.Sprintf("between 1 and %d", s.max)
		}
		return fmt.Errorf("line %d: [fetch] %s must be %s, not %d (leave it out for the default)",
			KeyLine(data, "fetch", s.key), s.key, want, s.v)
	}
	if md.IsDefined("fetch", "timeout") && f.Timeout.Duration == 0 {
		return fmt.Errorf("line %d: [fetch] timeout must be longer than 0s (leave it out for the default)", KeyLine(data, "fetch", "timeout"))
	}
	return nil
}

// MinRefreshInterval is the shortest interval byline refreshes at: the
// configuration's refresh_interval, and a feed's own interval.
const MinRefreshInterval = time.Minute

func (c Config) validateRefresh() error {
	every := c.RefreshInterval.Duration
	if every > 0 && !c.AutoRefresh {
		return fmt.Errorf("refresh_interval = %q refreshes in the background, and auto_refresh = false says not to: remove one", every)
	}
	return nil
}

// KeyLine finds the line of a configuration file where key (its table
// and name: "fetch", "workers") is set, following [table] headers; 0 when
// it cannot tell.
func KeyLine(data []byte, path ...string) int {
	key := toml.Key(path)
	if len(key) == 0 {
		return 0
	}
	table := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	current := ""
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			current = strings.Trim(line, "[] ")
			if current == key.String() {
				return i + 1
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		name = strings.Trim(strings.TrimSpace(name), `"'`)
		if full := strings.TrimPrefix(current+"."+name, "."); full == key.String() ||
			(current == table && name == last) {
			return i + 1
		}
	}
	return 0
}
