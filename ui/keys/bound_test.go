package keys

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestBound(t *testing.T) {
	set, _ := New(map[string]string{"undo": "U"})
	key := func(s string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: rune(s[0]), Text: s} }
	list := set.On(Headlines)
	for s, want := range map[string]bool{"j": true, "U": true, "u": false, "z": false, "n": false} {
		if got := list.Bound(key(s)); got != want {
			t.Errorf("%s bound on the list: %v, want %v", s, got, want)
		}
	}
	if !set.On(Reader).Bound(key("n")) {
		t.Error("n is the reader's next quote")
	}
}
