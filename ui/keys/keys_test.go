package keys

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestEveryActionIsDeclared(t *testing.T) {
	for id, a := range table {
		if len(a.Keys) == 0 || a.Help == "" || a.Desc == "" || len(a.On) == 0 {
			t.Errorf("action %d (%q) lacks keys, help, a description or a screen: %+v", id, a.Name, a)
		}
	}
	var fixed []string
	for _, a := range table {
		if a.Name == "" {
			fixed = append(fixed, a.Desc)
		}
	}
	// Only these keys cannot be rebound, as before the table.
	if got := strings.Join(fixed, ", "); got != "clear filter, close, go to link number, next field, previous field, save" {
		t.Errorf("fixed keys: %s", got)
	}
}

// configNames are the names of the rebindable actions.
func configNames(t *testing.T) map[string]bool {
	names := map[string]bool{}
	for _, a := range table {
		if a.Name == "" {
			continue
		}
		if names[a.Name] {
			t.Errorf("two actions are called %q in [keys]", a.Name)
		}
		names[a.Name] = true
	}
	return names
}

// TestConfigNamesAreDocumented compares the table with README: the
// Configuration section lists every action after "actions:", and the Keys
// section names the newer ones.
func TestConfigNamesAreDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "\n[keys]")
	block, _, _ = strings.Cut(block, "\n\n")
	var comments []string
	for _, line := range strings.Split(block, "\n") {
		if i := strings.LastIndex(line, "#"); i >= 0 {
			comments = append(comments, line[i+1:])
		}
	}
	_, listed, _ := strings.Cut(strings.Join(comments, " "), "actions:")
	listed, _, _ = strings.Cut(listed, "(pick")
	if !ok || len(strings.Fields(listed)) == 0 {
		t.Fatal("README's [keys] block lists no actions")
	}
	names := configNames(t)
	documented := map[string]bool{}
	for _, n := range strings.Fields(listed) {
		documented[n] = true
	}
	if !maps.Equal(names, documented) {
		t.Errorf("[keys] actions\n table: %v\nREADME: %v", slices.Sorted(maps.Keys(names)), slices.Sorted(maps.Keys(documented)))
	}
	_, keysSection, _ := strings.Cut(string(readme), "`[keys]` as ")
	keysSection, _, _ = strings.Cut(keysSection, ".\n")
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(keysSection, -1) {
		if !names[m[1]] {
			t.Errorf("README's Keys section names %q, which is no action", m[1])
		}
	}
}

// TestHelpPlacesAreUnique: on each screen, the ? listing's columns are
// numbered from 1 with their rows from 1, and the help line from 1, with
// no place taken twice and none skipped.
func TestHelpPlacesAreUnique(t *testing.T) {
	for sc := range numScreens {
		rows := map[int][]int{}
		var shorts []int
		for _, a := range table {
			for _, u := range a.On {
				if u.Screen != sc {
					continue
				}
				if u.Col > 0 {
					rows[u.Col] = append(rows[u.Col], u.Row)
				}
				if u.Short > 0 {
					shorts = append(shorts, u.Short)
				}
			}
		}
		for col := 1; col <= len(rows); col++ {
			if !isOneToN(rows[col]) {
				t.Errorf("%s: column %d has rows %v", sc, col, rows[col])
			}
		}
		if !isOneToN(shorts) {
			t.Errorf("%s: help line places %v", sc, shorts)
		}
	}
}

func isOneToN(ns []int) bool {
	ns = slices.Sorted(slices.Values(ns))
	for i, n := range ns {
		if n != i+1 {
			return false
		}
	}
	return len(ns) > 0
}

// TestFullHelpShowsEveryAction: each screen's ? lists every action that
// acts on it, but for the few its help has always left out.
func TestFullHelpShowsEveryAction(t *testing.T) {
	set, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	h := help.New()
	h.SetWidth(1000)
	var unlisted []string
	for sc := range numScreens {
		text := ansi.Strip(h.FullHelpView(set.On(sc).FullHelp()))
		for _, a := range table {
			for _, u := range a.On {
				desc := a.Desc
				if u.Desc != "" {
					desc = u.Desc
				}
				switch {
				case u.Screen != sc:
				case u.Col == 0:
					unlisted = append(unlisted, sc.String()+":"+a.Name)
				case !regexp.MustCompile(regexp.QuoteMeta(a.Help) + ` +` + regexp.QuoteMeta(desc)).MatchString(text):
					t.Errorf("%s: ? does not show %s %s:\n%s", sc, a.Help, desc, text)
				}
			}
		}
	}
	want := "headlines:page_down reader:refresh share:half_down share:half_up"
	if got := strings.Join(unlisted, " "); got != want {
		t.Errorf("left out of ?: %s\nwant %s", got, want)
	}
}

// TestNoKeyDoesTwoThings: on each screen, a key belongs to one action.
func TestNoKeyDoesTwoThings(t *testing.T) {
	set, _ := New(nil)
	for sc := range numScreens {
		m := set.On(sc)
		owner := map[string]ID{}
		for id := range count {
			if m.m.bindings[id] == nil {
				continue // not on this screen
			}
			for _, k := range m.m.bindings[id].Keys() {
				if o, ok := owner[k]; ok && m.m.bindings[id].Enabled() {
					t.Errorf("%s: %q is both %q and %q", sc, k, table[o].Desc, table[id].Desc)
				}
				if m.m.bindings[id].Enabled() {
					owner[k] = id
				}
			}
		}
	}
}

func TestKeysAreRebindable(t *testing.T) {
	set, err := New(map[string]string{"down": "n, ctrl+n", "bogus": "x", "up": " , "})
	want := `[keys] "bogus" is not an action (actions: add_feed, back, bottom, comments, copy_link, copy_markdown, down, edit_feed, fetch_page, filter, ` +
		`focus, fold, half_down, half_up, help, highlight, highlights, image, links, mark_feed_read, next_quote, next_sentence, ` +
		`next_unread, open, open_browser, page_down, play, prev_quote, prev_sentence, prev_unread, quit, quotes, refresh, refresh_all, remove, ` +
		`search, share, toggle_read, toggle_read_shown, toggle_star, top, undo, up)`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v", err)
	}
	if _, err := New(map[string]string{"up": " , "}); err == nil || err.Error() != "[keys] up has no keys" {
		t.Fatalf("err = %v", err)
	}
	n := tea.KeyPressMsg{Code: 'n', Text: "n"}
	if !set.On(Reader).Matches(n, Down) || set.On(Reader).Matches(tea.KeyPressMsg{Code: 'j', Text: "j"}, Down) {
		t.Fatal("n scrolls down in place of j")
	}
	if !set.On(Reader).Matches(tea.KeyPressMsg{Code: 'k', Text: "k"}, Up) {
		t.Fatal("an entry without keys changes nothing")
	}
	for sc, desc := range map[Screen]string{Headlines: "down", Reader: "scroll down"} {
		if b := set.On(sc).FullHelp()[0][0]; b.Help().Key != "n/ctrl+n" || b.Help().Desc != desc {
			t.Errorf("%s: help shows %+v", sc, b.Help())
		}
	}
}

// TestOnlyTheScreensActionsMatch: a key matches on the screens its action
// acts on, and a fixed key keeps its own keys there.
func TestOnlyTheScreensActionsMatch(t *testing.T) {
	set, _ := New(nil)
	n := tea.KeyPressMsg{Code: 'n', Text: "n"}
	if set.On(Headlines).Matches(n, NextQuote) || !set.On(Reader).Matches(n, NextQuote) {
		t.Error("n is the next quote in the reader only")
	}
	Q := tea.KeyPressMsg{Code: 'Q', Text: "Q"}
	if !set.On(QuotesPanel).Matches(Q, Close) || set.On(ShareMenu).Matches(Q, Close) {
		t.Error("Q closes the quotes panel, not the share menu")
	}
	if !set.Matches(Q, Quotes) {
		t.Error("the set matches an action on any screen")
	}
}
