package ui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// resultSet is what the list shows instead of its query: the headlines a
// filter matches, or the results of a full-text search.
type resultSet struct {
	search bool
	query  string
	pool   []model.Article
	lower  []string // each headline's title and feed, lower-cased once
	idx    []int32  // the rows shown, as indexes into pool
}

func newSearchSet(query string, arts []model.Article) *resultSet {
	r := &resultSet{search: true, query: query, pool: arts, idx: make([]int32, len(arts))}
	for i := range arts {
		r.idx[i] = int32(i)
	}
	return r
}

func newFilterSet(pool []model.Article) *resultSet {
	r := &resultSet{pool: pool, lower: make([]string, len(pool))}
	for i, a := range pool {
		r.lower[i] = strings.ToLower(a.Title + " \x00 " + a.FeedTitle)
	}
	r.all()
	return r
}

func (r *resultSet) all() {
	r.idx = r.idx[:0]
	for i := range r.pool {
		r.idx = append(r.idx, int32(i))
	}
}

// filter keeps the headlines whose title or feed contain every word of
// text. When text only adds to the last filter, only the rows that matched
// before are looked at again.
func (r *resultSet) filter(text string) {
	text = strings.ToLower(strings.TrimSpace(text))
	narrower := r.query != "" && strings.Contains(text, r.query)
	r.query = text
	words := strings.Fields(text)
	if !narrower {
		r.all()
	}
	if len(words) == 0 {
		return
	}
	kept := r.idx[:0]
	for _, i := range r.idx {
		if matchAll(r.lower[i], words) {
			kept = append(kept, i)
		}
	}
	r.idx = kept
}

func matchAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// promptMode is what the line being typed is for.
type promptMode int

const (
	promptNone promptMode = iota
	promptFilter
	promptSearch
	promptFind
	promptMastodon
)

// prompt is the one-line input at the bottom of the screen.
type prompt struct {
	mode  promptMode
	input textinput.Model
}

func newPrompt() prompt {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 200
	return prompt{input: in}
}

func (p *prompt) open(mode promptMode, value string) tea.Cmd {
	p.mode = mode
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p.input.Focus()
}

func (p *prompt) close() {
	p.mode = promptNone
	p.input.Blur()
}

func (p prompt) label() string {
	switch p.mode {
	case promptFilter:
		return "filter: "
	case promptSearch:
		return "search text: "
	case promptFind:
		return "find: "
	case promptMastodon:
		return "your Mastodon server (e.g. mastodon.social): "
	}
	return ""
}

func (p prompt) view(s Styles, width int) string {
	label := p.label()
	p.input.SetWidth(max(1, width-len(label)-1))
	return truncateWidth(s.Prompt.Render(label)+p.input.View(), width)
}
