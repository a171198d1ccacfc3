package panes

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/theme"
)

// The headline list's block as the screen shows it: its rows, or why it
// is empty, and its title line.

// Body draws the list's block: height rows of exactly width cells, or,
// when the list is empty, why and what to do (Empty). focused says
// whether keys go to the list.
func (l *Headlines) Body(s theme.Styles, feeds Feeds, width, height int, focused bool) string {
	if msg := l.Empty(feeds); msg != "" {
		text := s.Empty.Render(lipgloss.NewStyle().Width(max(1, width-2)).Render(msg))
		return cells.PadLines(cells.Fit(text, width, height), width)
	}
	rows := l.View(s, width, height, focused)
	n := strings.Count(rows, "\n") + 1
	if rows == "" {
		n = 0
	}
	if n < height {
		blank := cells.Spaces(width)
		rows += strings.Repeat("\n"+blank, height-n)
		rows = strings.TrimPrefix(rows, "\n")
	}
	return rows
}

// Empty says why the list is empty and what to do, or "" when it is not;
// the feeds pane says whether there are subscriptions, and whether they
// or the feed in focus failed.
func (l Headlines) Empty(feeds Feeds) string {
	search, searching := l.Search()
	q := l.Query()
	if (!searching && !l.Loaded()) || l.Count() > 0 {
		return ""
	}
	if searching {
		return fmt.Sprintf("Nothing found for %q. Press esc to go back.", clean(search))
	}
	if q.Text != "" {
		return fmt.Sprintf("No headline matches %q. Press esc to clear the filter.", clean(q.Text))
	}
	if msg := l.ExprEmpty(); msg != "" {
		return msg
	}
	subs, loaded := feeds.Feeds()
	if loaded && len(subs) == 0 {
		return "No subscriptions yet.\n\nAdd a feed with `byline add URL`, or import a list with `byline import FILE` (OPML or newsboat urls), then press R to refresh."
	}
	if failing, err := allFailing(subs); failing && l.ViewQuery() == (model.ArticleQuery{}) {
		return "Every feed failed to refresh: are you offline?\n\n" + clean(err) + "\n\nPress R to try again."
	}
	switch {
	case q.Unread && l.ReadHidden():
		return "Nothing unread here. Press U to show the read articles too."
	case q.Unread:
		return "Nothing unread."
	case q.Starred:
		return "No starred articles. Press f on a headline to star it."
	case q.Folder != "":
		return "No articles in this folder yet. Press R to refresh."
	case q.Tag != "":
		return "No articles with this tag yet. Press R to refresh."
	case q.Account != "" && q.Account != model.LocalFeeds:
		return "No articles in this account yet. Press R to sync it."
	case q.FeedID != 0:
		if e, ok := feeds.Current(); ok && e.Feed.ID == q.FeedID && e.Feed.LastError != "" {
			return "This feed failed: " + clean(e.Feed.LastError) + "\n\nPress r to try again."
		}
		return "No articles in this feed yet. Press r to refresh it."
	}
	return "No articles yet. Press R to fetch your feeds."
}

// allFailing says whether every feed failed, with the first one's error.
func allFailing(feeds []model.Feed) (bool, string) {
	if len(feeds) == 0 {
		return false, ""
	}
	for _, f := range feeds {
		if f.LastError == "" {
			return false, ""
		}
	}
	return true, feeds[0].DisplayTitle() + ": " + feeds[0].LastError
}

// TitleLine is the line over the list: byline, the view's title, and the
// search or the filter in force.
func (l Headlines) TitleLine(s theme.Styles, width int) string {
	left := s.Title.Render("byline") + s.Dim.Render(" · "+clean(l.Title()))
	search, searching := l.Search()
	switch {
	case searching:
		left += s.Dim.Render(fmt.Sprintf(" · search %q", clean(search)))
	case l.Filtered():
		left += s.Dim.Render(fmt.Sprintf(" · filter %q", clean(l.Filter())))
		if l.Filtering() {
			left += s.Dim.Render(" …")
		}
	}
	return cells.Cut(left, width)
}
