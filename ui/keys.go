package ui

import "charm.land/bubbles/v2/key"

// appKeyMap holds the keys that work on every screen.
type appKeyMap struct {
	Quit  key.Binding
	Help  key.Binding
	Close key.Binding
	list  listKeyMap
}

func defaultAppKeyMap() appKeyMap {
	return appKeyMap{
		Quit:  key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:  key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close help")),
		list:  defaultListKeyMap(),
	}
}

// ShortHelp is the help line.
func (k appKeyMap) ShortHelp() []key.Binding {
	return append(k.list.ShortHelp(), k.Help, k.Quit)
}

// FullHelp is the help screen.
func (k appKeyMap) FullHelp() [][]key.Binding {
	return append(k.list.FullHelp(), []key.Binding{k.Help, k.Close, k.Quit})
}
