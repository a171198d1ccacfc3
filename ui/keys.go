package ui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
)

// bindings are every key the app knows, by action. Screens build their own
// keymaps from these after the user's rebindings are applied, so one
// rebinding reaches every screen that uses the action.
type bindings struct {
	Down, Up, Top, Bottom, HalfDown, HalfUp, PageDown key.Binding

	Open, Back, Quit, Focus, Help       key.Binding
	Filter, Search, Refresh, RefreshAll key.Binding
	ToggleRead, ToggleStar, FeedRead    key.Binding
	Browser, Collapse                   key.Binding

	NextQuote, PrevQuote, NextSentence, PrevSentence, Quotes key.Binding
	Highlight, Highlights, Share, CopyLink, CopyMarkdown     key.Binding
	Remove                                                   key.Binding
}

func defaultBindings() bindings {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return bindings{
		Down:     b([]string{"j", "down"}, "j/↓", "down"),
		Up:       b([]string{"k", "up"}, "k/↑", "up"),
		Top:      b([]string{"g", "home"}, "g", "top"),
		Bottom:   b([]string{"G", "end"}, "G", "bottom"),
		HalfDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		HalfUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		PageDown: b([]string{"space", "pgdown"}, "space", "page down"),

		Open:  b([]string{"enter"}, "enter", "open"),
		Back:  b([]string{"esc", "q"}, "esc/q", "back"),
		Quit:  b([]string{"q", "ctrl+c"}, "q", "quit"),
		Focus: b([]string{"tab"}, "tab", "feeds/list"),
		Help:  b([]string{"?"}, "?", "help"),

		Filter:     b([]string{"/"}, "/", "filter"),
		Search:     b([]string{"ctrl+f"}, "ctrl+f", "search text"),
		Refresh:    b([]string{"r"}, "r", "refresh feed"),
		RefreshAll: b([]string{"R"}, "R", "refresh all"),
		ToggleRead: b([]string{"m"}, "m", "read/unread"),
		ToggleStar: b([]string{"f"}, "f", "star"),
		FeedRead:   b([]string{"A"}, "A", "mark feed read"),
		Browser:    b([]string{"o"}, "o", "open in browser"),
		Collapse:   b([]string{"space"}, "space", "fold folder"),

		NextQuote:    b([]string{"n"}, "n", "next quote"),
		PrevQuote:    b([]string{"N"}, "N", "previous quote"),
		NextSentence: b([]string{")"}, ")", "next sentence"),
		PrevSentence: b([]string{"("}, "(", "previous sentence"),
		Quotes:       b([]string{"Q"}, "Q", "quotes panel"),
		Highlight:    b([]string{"h"}, "h", "highlight focus"),
		Highlights:   b([]string{"H"}, "H", "all highlights"),
		Share:        b([]string{"s"}, "s", "share"),
		CopyLink:     b([]string{"y"}, "y", "copy link"),
		CopyMarkdown: b([]string{"Y"}, "Y", "copy markdown link"),
		Remove:       b([]string{"d", "delete"}, "d", "remove"),
	}
}

// actions names the rebindable bindings as the config file spells them.
func (b *bindings) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"down": &b.Down, "up": &b.Up, "top": &b.Top, "bottom": &b.Bottom,
		"half_down": &b.HalfDown, "half_up": &b.HalfUp, "page_down": &b.PageDown,
		"open": &b.Open, "back": &b.Back, "quit": &b.Quit, "focus": &b.Focus, "help": &b.Help,
		"filter": &b.Filter, "search": &b.Search, "refresh": &b.Refresh, "refresh_all": &b.RefreshAll,
		"toggle_read": &b.ToggleRead, "toggle_star": &b.ToggleStar, "mark_feed_read": &b.FeedRead,
		"open_browser": &b.Browser, "fold": &b.Collapse,
		"next_quote": &b.NextQuote, "prev_quote": &b.PrevQuote, "next_sentence": &b.NextSentence,
		"prev_sentence": &b.PrevSentence, "quotes": &b.Quotes, "highlight": &b.Highlight,
		"highlights": &b.Highlights, "share": &b.Share, "copy_link": &b.CopyLink,
		"copy_markdown": &b.CopyMarkdown, "remove": &b.Remove,
	}
}

// rebind applies the config's [keys] table (action → "j,down"). It applies
// every valid entry and reports the first bad one.
func (b *bindings) rebind(conf map[string]string) error {
	acts := b.actions()
	names := make([]string, 0, len(conf))
	for name := range conf {
		names = append(names, name)
	}
	sort.Strings(names)
	var firstErr error
	for _, name := range names {
		bnd, ok := acts[name]
		var keys []string
		for _, k := range strings.Split(conf[name], ",") {
			if k = strings.TrimSpace(k); k != "" {
				keys = append(keys, k)
			}
		}
		switch {
		case !ok:
			if firstErr == nil {
				firstErr = fmt.Errorf("config [keys]: unknown action %q (known: %s)", name, strings.Join(actionNames(acts), ", "))
			}
			continue
		case len(keys) == 0:
			if firstErr == nil {
				firstErr = fmt.Errorf("config [keys]: %s has no keys", name)
			}
			continue
		}
		bnd.SetKeys(keys...)
		bnd.SetHelp(strings.Join(keys, "/"), bnd.Help().Desc)
	}
	return firstErr
}

func actionNames(acts map[string]*key.Binding) []string {
	names := make([]string, 0, len(acts))
	for n := range acts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
