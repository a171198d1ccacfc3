package panes

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/theme"
)

// Highlights is the list of the highlights of every article (H), newest
// first: two rows each, the text and then the article. It is loaded each
// time it opens; an answer must carry the sequence number Open gave.
type Highlights struct {
	keys    keys.Map
	cur     Cursor
	items   []model.Highlight
	loading bool
	seq     int
}

// NewHighlights is the list acting on the keys of k (keys.HighlightsList's).
func NewHighlights(k keys.Map) Highlights { return Highlights{keys: k} }

// highlightRows is how many highlights fit under the title.
func highlightRows(height int) int { return max(1, (height-2)/2) }

// Open shows the list as it was while it loads again; the answer must
// carry the seq it returns.
func (p *Highlights) Open(height int) (seq int) {
	p.loading = true
	p.seq++
	p.Clamp(height)
	return p.seq
}

// Loaded takes the highlights loaded for seq (or the error, which keeps
// the list as it was); it says whether they are the ones last asked for.
func (p *Highlights) Loaded(seq int, items []model.Highlight, err error, height int) bool {
	if seq != p.seq {
		return false
	}
	p.loading = false
	if err == nil {
		p.items = items
		p.Clamp(height)
	}
	return true
}

// Selected is the highlight under the cursor.
func (p Highlights) Selected() (model.Highlight, bool) {
	if p.cur.Row >= len(p.items) {
		return model.Highlight{}, false
	}
	return p.items[p.cur.Row], true
}

// RemoveSelected takes the highlight under the cursor off the list.
func (p *Highlights) RemoveSelected(height int) (model.Highlight, bool) {
	h, ok := p.Selected()
	if ok {
		p.items = append(p.items[:p.cur.Row:p.cur.Row], p.items[p.cur.Row+1:]...)
		p.Clamp(height)
	}
	return h, ok
}

// Clamp keeps the cursor on the list, for the body's height.
func (p *Highlights) Clamp(height int) { p.cur.Clamp(len(p.items), highlightRows(height)) }

// Key moves the cursor, or says what the key asks for: Close, Open (go to
// the highlight) or Remove.
func (p *Highlights) Key(msg tea.KeyPressMsg, height int) Action {
	k := p.keys
	switch {
	case k.Matches(msg, keys.Close):
		return Close
	case k.Matches(msg, keys.Open):
		return Open
	case k.Matches(msg, keys.Remove):
		return Remove
	}
	p.cur.Move(msg, k, len(p.items), highlightRows(height))
	return None
}

// View draws the list: a title with the keys, then two rows a highlight.
func (p Highlights) View(s theme.Styles, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Highlights (%d)", len(p.items))) + s.Dim.Render("  enter: go to · d: remove · esc: close")
	lines := []string{cells.Cut(title, width), ""}
	switch {
	case p.loading && len(p.items) == 0:
		return strings.Join(append(lines, s.Empty.Render("loading highlights…")), "\n")
	case len(p.items) == 0:
		return strings.Join(append(lines, s.Empty.Render("No highlights yet. In the reader, press n or ) to focus a quote or sentence, then h.")), "\n")
	}
	for i := p.cur.Offset; i < len(p.items) && len(lines)+2 <= height; i++ {
		h := p.items[i]
		text := cells.Pad("  “"+clean(h.Text)+"”", width)
		about := []string{clean(h.ArticleTitle)}
		if site := clean(h.Site); site != "" {
			about = append(about, site)
		}
		if !h.Created.IsZero() {
			about = append(about, h.Created.Local().Format("2 Jan 2006"))
		}
		meta := cells.Pad("    "+strings.Join(about, " · "), width)
		if i == p.cur.Row {
			text, meta = s.Rows.Selected.On(text), s.Rows.Selected.On(meta)
		} else {
			meta = s.Rows.Dim.On(meta)
		}
		lines = append(lines, text, meta)
	}
	return strings.Join(lines, "\n")
}
