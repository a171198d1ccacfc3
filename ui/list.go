package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
)

// headlinePage is how many headlines the list loads at once.
const headlinePage = 1000

// headlinesMsg carries a page of headlines from the library.
type headlinesMsg struct {
	articles []model.Article
	total    int
	err      error
}

func loadHeadlines(ctx context.Context, lib Library, limit int) tea.Cmd {
	return func() tea.Msg {
		q := model.ArticleQuery{Limit: limit}
		arts, err := lib.Articles(ctx, q)
		if err != nil {
			return headlinesMsg{err: err}
		}
		total, err := lib.CountArticles(ctx, model.ArticleQuery{})
		return headlinesMsg{articles: arts, total: total, err: err}
	}
}

// listKeyMap holds the headline list's keys.
type listKeyMap struct {
	Down, Up, Top, Bottom, HalfDown, HalfUp key.Binding
}

func defaultListKeyMap() listKeyMap {
	return listKeyMap{
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d", "pgdown"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u", "pgup"), key.WithHelp("ctrl+u", "half page up")),
	}
}

// ShortHelp is the list's part of the help line.
func (k listKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Up} }

// FullHelp is the list's part of the help screen.
func (k listKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Down, k.Up, k.HalfDown, k.HalfUp}, {k.Top, k.Bottom}}
}

// listPane is the headline list.
type listPane struct {
	keys     listKeyMap
	articles []model.Article
	total    int
	loaded   bool
	cursor   int
	offset   int // first row shown
	now      func() time.Time
}

func newListPane() listPane {
	return listPane{keys: defaultListKeyMap(), now: time.Now}
}

func (l *listPane) setArticles(arts []model.Article, total int) {
	l.articles, l.total, l.loaded = arts, total, true
	l.cursor = min(l.cursor, max(0, len(arts)-1))
}

func (l *listPane) update(msg tea.KeyPressMsg, height int) {
	n := len(l.articles)
	if n == 0 {
		return
	}
	switch {
	case key.Matches(msg, l.keys.Down):
		l.cursor++
	case key.Matches(msg, l.keys.Up):
		l.cursor--
	case key.Matches(msg, l.keys.Top):
		l.cursor = 0
	case key.Matches(msg, l.keys.Bottom):
		l.cursor = n - 1
	case key.Matches(msg, l.keys.HalfDown):
		l.cursor += max(1, height/2)
	case key.Matches(msg, l.keys.HalfUp):
		l.cursor -= max(1, height/2)
	}
	l.cursor = min(max(l.cursor, 0), n-1)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+height {
		l.offset = l.cursor - height + 1
	}
}

func (l listPane) position() string {
	if len(l.articles) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", l.cursor+1, l.total)
}

func (l listPane) view(s Styles, width, height int) string {
	if !l.loaded {
		return s.Empty.Render("loading headlines…")
	}
	if len(l.articles) == 0 {
		return s.Empty.Render("No articles yet. Quit with q and run `byline refresh`, or add a feed with `byline add URL`.")
	}
	now := l.now()
	var b strings.Builder
	end := min(len(l.articles), l.offset+height)
	for i := l.offset; i < end; i++ {
		row := l.row(l.articles[i], width, now)
		switch {
		case i == l.cursor:
			row = s.Selected.Render(row)
		case l.articles[i].Read:
			row = s.Read.Render(row)
		default:
			row = s.Unread.Render(row)
		}
		b.WriteString(row)
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// row lays out one headline: unread mark, star, age, feed and title,
// padded to the full width so the selection bar spans it.
func (l listPane) row(a model.Article, width int, now time.Time) string {
	mark := "  "
	if !a.Read {
		mark = "● "
	}
	star := "  "
	if a.Starred {
		star = "★ "
	}
	age := fmt.Sprintf("%4s ", model.Age(now, a.Published))
	feed := ansi.Truncate(model.SanitizeLine(a.FeedTitle), 18, "…")
	feed += strings.Repeat(" ", 19-ansi.StringWidth(feed))
	line := mark + star + age + feed + model.SanitizeLine(a.Title)
	line = ansi.Truncate(line, width, "…")
	return line + strings.Repeat(" ", max(0, width-ansi.StringWidth(line)))
}
