package keys

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is a screen or pane that keys act on.
type Screen int

// The screens, each with a keymap of its own.
const (
	Headlines Screen = iota
	Feeds
	Reader
	QuotesPanel
	HighlightsList
	ShareMenu
	LinksList
	FeedForm
	numScreens
)

// String is the screen's name, as the ? screen's title says it.
func (s Screen) String() string {
	switch s {
	case Headlines:
		return "headlines"
	case Feeds:
		return "feeds"
	case Reader:
		return "reader"
	case QuotesPanel:
		return "quotes"
	case HighlightsList:
		return "highlights"
	case ShareMenu:
		return "share"
	case LinksList:
		return "links"
	case FeedForm:
		return "feed settings"
	}
	return fmt.Sprintf("Screen(%d)", int(s))
}

// Set is the keymap of every screen, with the config's rebindings.
type Set struct{ *set }

type set struct {
	all     [count]key.Binding // each action's keys, on whatever screen
	screens [numScreens]screenMap
}

// screenMap is one screen's bindings and help.
type screenMap struct {
	bindings [count]*key.Binding // nil for the actions the screen lacks
	short    []key.Binding
	full     [][]key.Binding
}

// New builds the keymaps from the table with the config's [keys]
// (action → "key,key") applied. It applies every entry it can read (an
// unknown action or one without keys is left out) and gives Check's
// error: the app's start refuses a file with one, so that no binding is
// lost without a word.
func New(conf map[string]string) (Set, error) {
	actions := table
	var err error
	if len(conf) > 0 {
		err = Check(conf)
		rebind(&actions, conf)
	}
	s := &set{}
	for id, a := range actions {
		s.all[id] = key.NewBinding(key.WithKeys(a.Keys...), key.WithHelp(a.Help, a.Desc))
	}
	for sc := range numScreens {
		buildScreen(&s.screens[sc], &actions, &s.all, sc)
	}
	return Set{s}, err
}

// rebind replaces the keys of the actions named in conf, and their help;
// it skips what Check refuses as unreadable (an unknown action, no keys).
func rebind(actions *[count]Action, conf map[string]string) {
	byName := actionNames()
	for name, v := range conf {
		id, ok := byName[name]
		ks := splitKeys(v)
		if ok && len(ks) > 0 {
			actions[id].Keys, actions[id].Help = ks, strings.Join(ks, "/")
		}
	}
}

// buildScreen makes a screen's bindings, help line and ? listing.
func buildScreen(m *screenMap, actions *[count]Action, all *[count]key.Binding, sc Screen) {
	// An action not on this screen keeps a nil binding, which matches nothing.
	short, full := make([]placed, 0, count), make([]placed, 0, count)
	for id, a := range actions {
		for _, u := range a.On {
			if u.Screen != sc {
				continue
			}
			m.bindings[id] = &all[id]
			b := all[id] // a copy: this screen's wording does not reach the others
			if u.Keys != nil {
				fixed := key.NewBinding(key.WithKeys(u.Keys...), key.WithHelp(a.Help, cmp.Or(u.Desc, a.Desc)))
				m.bindings[id], b = &fixed, fixed
			} else if u.Desc != "" {
				b.SetHelp(a.Help, u.Desc)
			}
			if u.Short > 0 {
				short = append(short, placed{b, 0, u.Short})
			}
			if u.Col > 0 {
				full = append(full, placed{b, u.Col, u.Row})
			}
		}
	}
	slices.SortFunc(short, placed.cmp)
	slices.SortFunc(full, placed.cmp)
	for _, p := range short {
		m.short = append(m.short, p.b)
	}
	for _, p := range full {
		for len(m.full) < p.col {
			m.full = append(m.full, nil)
		}
		m.full[p.col-1] = append(m.full[p.col-1], p.b)
	}
}

// placed is a binding and its place in a help listing.
type placed struct {
	b        key.Binding
	col, row int
}

func (p placed) cmp(q placed) int {
	return cmp.Or(cmp.Compare(p.col, q.col), cmp.Compare(p.row, q.row))
}

// Matches says whether msg is the key of one of the actions, wherever it
// acts (for keys the root handles before any screen: ? and esc on the help).
func (s Set) Matches(msg tea.KeyPressMsg, ids ...ID) bool {
	for _, id := range ids {
		if key.Matches(msg, s.all[id]) {
			return true
		}
	}
	return false
}

// On is a screen's keymap.
func (s Set) On(sc Screen) Map { return Map{&s.screens[sc]} }

// Map is one screen's keymap: only the actions that act on the screen
// match, with their keys there. It is the screen's help.KeyMap.
type Map struct{ m *screenMap }

// Matches says whether msg is the key of one of the actions on the screen.
// (It takes the key press itself: in an interface it would cost an
// allocation a call.)
func (m Map) Matches(msg tea.KeyPressMsg, ids ...ID) bool {
	for _, id := range ids {
		if b := m.m.bindings[id]; b != nil && key.Matches(msg, *b) {
			return true
		}
	}
	return false
}

// Bound says whether msg is the key of any action on the screen; a key
// that is not does nothing there.
func (m Map) Bound(msg tea.KeyPressMsg) bool {
	for _, b := range m.m.bindings {
		if b != nil && key.Matches(msg, *b) {
			return true
		}
	}
	return false
}

// KeyHelp is how the help names the keys of an action on the screen
// ("n"), "" when it does not act there.
func (m Map) KeyHelp(id ID) string {
	if b := m.m.bindings[id]; b != nil {
		return b.Help().Key
	}
	return ""
}

// FindHelp is the reader's help line while find goes on: the keys that
// move between its matches, the one that ends it, and scrolling.
func (m Map) FindHelp() []key.Binding {
	help := func(keyText, what string) key.Binding {
		return key.NewBinding(key.WithKeys(keyText), key.WithHelp(keyText, what))
	}
	return []key.Binding{
		help(m.KeyHelp(NextQuote)+"/enter", "next match"), help(m.KeyHelp(PrevQuote), "previous match"),
		help("esc", "end the search"), help(m.KeyHelp(Down)+"/"+m.KeyHelp(Up), "scroll"),
	}
}

// ShortHelp is the screen's help line.
func (m Map) ShortHelp() []key.Binding { return m.m.short }

// FullHelp is the screen's ? listing, in columns.
func (m Map) FullHelp() [][]key.Binding { return m.m.full }
