package panes

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
)

// press is the key s: "enter", "esc", "space", or a character.
func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

func TestCursorStaysOnTheRowsAndInView(t *testing.T) {
	set, _ := keys.New(nil)
	k := set.On(keys.QuotesPanel)
	var c Cursor
	for _, step := range []struct {
		key         string
		n, height   int
		row, offset int
	}{
		{"G", 10, 4, 9, 6},
		{"k", 10, 4, 8, 6},
		{"g", 10, 4, 0, 0},
		{"j", 10, 4, 1, 0},
		{"x", 10, 4, 1, 0}, // not a movement key
		{"G", 0, 4, 0, 0},  // no rows
	} {
		c.Move(press(step.key), k, step.n, step.height)
		if c.Row != step.row || c.Offset != step.offset {
			t.Fatalf("%s over %d rows, %d shown: %+v, want row %d offset %d", step.key, step.n, step.height, c, step.row, step.offset)
		}
	}
	c = Cursor{Row: 9, Offset: 9}
	c.Clamp(10, 5) // a taller window shows the rows above
	if c.Row != 9 || c.Offset != 5 {
		t.Fatalf("clamped: %+v", c)
	}
}

func TestQuotesKeys(t *testing.T) {
	set, _ := keys.New(nil)
	p := NewQuotes(set.On(keys.QuotesPanel))
	if act := p.Key(press("enter"), 0, 10); act != None {
		t.Fatalf("enter with no quotes does nothing: %v", act)
	}
	p.Open(-1, 3, 10)
	p.Key(press("G"), 3, 10)
	if p.Selected() != 2 {
		t.Fatalf("G goes to the last quote: %d", p.Selected())
	}
	for key, want := range map[string]Action{"enter": Open, "s": Share, "esc": Close} {
		if act := p.Key(press(key), 3, 10); act != want {
			t.Errorf("%s: %v, want %v", key, act, want)
		}
	}
}

func TestHighlightsLoadAndRemove(t *testing.T) {
	set, _ := keys.New(nil)
	p := NewHighlights(set.On(keys.HighlightsList))
	seq := p.Open(10)
	items := []model.Highlight{{ID: 1, Text: "one"}, {ID: 2, Text: "two"}}
	if p.Loaded(seq-1, items, nil, 10) {
		t.Fatal("an older answer is dropped")
	}
	if !p.Loaded(seq, items, nil, 10) {
		t.Fatal("the answer asked for is taken")
	}
	if act := p.Key(press("j"), 10); act != None {
		t.Fatalf("j moves: %v", act)
	}
	if act := p.Key(press("d"), 10); act != Remove {
		t.Fatalf("d asks to remove: %v", act)
	}
	if h, ok := p.RemoveSelected(10); !ok || h.ID != 2 {
		t.Fatalf("removed %+v", h)
	}
	if h, ok := p.Selected(); !ok || h.ID != 1 {
		t.Fatalf("the cursor stays on the list: %+v %v", h, ok)
	}
}

func TestFeedsFoldKeepsTheCursorOnTheGroup(t *testing.T) {
	set, _ := keys.New(nil)
	p := NewFeeds(set.On(keys.Feeds))
	news := "news"
	p.SetFeeds([]model.Feed{{ID: 1, Title: "One", Folder: news, Unread: 2}, {ID: 2, Title: "Two", Folder: news}, {ID: 3, Title: "Three"}})
	rows := func() (ids []int64) {
		for i := 0; ; i++ {
			e, ok := p.Entry(i)
			if !ok {
				return ids
			}
			ids = append(ids, e.Feed.ID)
		}
	}
	before := rows()
	at := slices.Index(before, 2)
	if at < 0 {
		t.Fatalf("no row for feed Two: %v", before)
	}
	p.SelectRow(at, 10)
	if changed := p.Move(press("space"), 10); !changed {
		t.Fatal("space folds the folder and moves the cursor to its row")
	}
	e, _ := p.Current()
	if g, ok := e.Group(); !ok || !e.Heads() || !p.Folded(g) {
		t.Fatalf("the cursor is on the folded folder: %+v", e)
	}
	if after := rows(); slices.Contains(after, 2) || len(after) != len(before)-2 {
		t.Fatalf("the folder's feeds are folded away: %v, then %v", before, after)
	}
}
