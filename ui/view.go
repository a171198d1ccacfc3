package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/keys"
)

// View draws the screen; only the root returns a tea.View and sets the
// terminal's modes.
func (a App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "byline"
	if a.screen == screenReader && a.reader.article.Title != "" {
		v.WindowTitle = "byline · " + clean(a.reader.article.Title)
	}
	return v
}

func (a App) render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	var rows []string
	if a.screen == screenList {
		rows = append(rows, a.titleLine())
	}
	rows = append(rows, a.body())
	rows = append(rows, a.statusLine(), a.helpLine())
	if len(rows) > a.height { // a terminal too short for the chrome
		rows = rows[len(rows)-a.height:]
	}
	return strings.Join(rows, "\n")
}

// clean makes outside text (a title, a name, an error, a link, a status
// message quoting one…) safe to paint: one line, without a control
// character or an escape sequence. The painting code calls it on every
// such text as it lays it out; nothing else in ui sanitises.
func clean(s string) string { return model.SanitizeLine(s) }

// body is the block between the title and status lines, exactly the
// body height and no wider than the window. Panes draw rows already cut
// to their width; other text (help, messages) is cut here.
func (a App) body() string {
	h := a.bodyHeight()
	switch {
	case a.showHelp:
		return cells.Fit(a.fullHelp(), a.width, h)
	case a.overlay != overlayNone:
		return cells.PadLines(cells.Fit(a.overlayView(h), a.width, h), a.width)
	case a.screen == screenReader && a.viewerOpen():
		return a.pics.viewer.View(a.styles, a.reader.doc().Pictures(), a.width, h)
	case a.screen == screenReader:
		return cells.Fit(a.reader.view(a.styles, a.width, h, a.cfg.TextWidth), a.width, h)
	case !a.wide() && a.feedsFocused:
		return cells.Fit(a.feeds.View(a.styles, a.width, h, true), a.width, h)
	case !a.wide():
		return a.listBody(a.width, h)
	}
	fw, lw := a.feedsWidth(), a.listWidth()
	left := strings.Split(cells.Fit(a.feeds.View(a.styles, fw, h, a.feedsFocused), fw, h), "\n")
	right := strings.Split(a.listBody(lw, h), "\n")
	sep := a.styles.Separator.Render("│")
	var b strings.Builder
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		if left[i] == "" { // the feeds pane pads its rows; blank ones are added
			left[i] = cells.Spaces(fw)
		}
		b.WriteString(left[i])
		b.WriteString(sep)
		b.WriteString(right[i])
	}
	return b.String()
}

// listBody is the list's block: height rows of exactly width cells.
func (a App) listBody(width, height int) string {
	if msg := a.emptyMessage(); msg != "" {
		text := a.styles.Empty.Render(lipgloss.NewStyle().Width(max(1, width-2)).Render(msg))
		return cells.PadLines(cells.Fit(text, width, height), width)
	}
	rows := a.list.View(a.styles, width, height, !a.feedsFocused)
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

// emptyMessage says why the list is empty and what to do, or "" when it
// is not.
func (a App) emptyMessage() string {
	search, searching := a.list.Search()
	q := a.list.Query()
	if (!searching && !a.list.Loaded()) || a.list.Count() > 0 {
		return ""
	}
	if searching {
		return fmt.Sprintf("Nothing found for %q. Press esc to go back.", clean(search))
	}
	if q.Text != "" {
		return fmt.Sprintf("No headline matches %q. Press esc to clear the filter.", clean(q.Text))
	}
	if msg := a.list.ExprEmpty(); msg != "" {
		return msg
	}
	feeds, loaded := a.feeds.Feeds()
	if loaded && len(feeds) == 0 {
		return "No subscriptions yet.\n\nAdd a feed with `byline add URL`, or import a list with `byline import FILE` (OPML or newsboat urls), then press R to refresh."
	}
	if failing, err := allFailing(feeds); failing && a.list.ViewQuery() == (model.ArticleQuery{}) {
		return "Every feed failed to refresh: are you offline?\n\n" + clean(err) + "\n\nPress R to try again."
	}
	switch {
	case q.Unread && a.list.ReadHidden():
		return "Nothing unread here. Press U to show the read articles too."
	case q.Unread:
		return "Nothing unread."
	case q.Starred:
		return "No starred articles. Press f on a headline to star it."
	case q.Tag != "":
		return "No articles in this folder yet. Press R to refresh."
	case q.Account != "" && q.Account != model.LocalFeeds:
		return "No articles in this account yet. Press R to sync it."
	case q.FeedID != 0:
		if e, ok := a.feeds.Current(); ok && e.Feed.ID == q.FeedID && e.Feed.LastError != "" {
			return "This feed failed: " + clean(e.Feed.LastError) + "\n\nPress r to try again."
		}
		return "No articles in this feed yet. Press r to refresh it."
	}
	return "No articles yet. Press R to fetch your feeds."
}

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

func (a App) titleLine() string {
	left := a.styles.Title.Render("byline") + a.styles.Dim.Render(" · "+clean(a.list.Title()))
	search, searching := a.list.Search()
	switch {
	case searching:
		left += a.styles.Dim.Render(fmt.Sprintf(" · search %q", clean(search)))
	case a.list.Filtered():
		left += a.styles.Dim.Render(fmt.Sprintf(" · filter %q", clean(a.list.Filter())))
		if a.list.Filtering() {
			left += a.styles.Dim.Render(" …")
		}
	}
	return cells.Cut(left, a.width)
}

// statusLine shows, by priority, the prompt, a message, refresh progress,
// the focused feed's error; and on the right, the position.
func (a App) statusLine() string {
	if a.confirm.Asking() {
		return a.confirm.View(a.styles, a.width)
	}
	if a.prompt.mode != promptNone {
		return a.prompt.view(a.styles, a.width)
	}
	right := a.list.Position()
	if a.screen == screenReader {
		right = a.reader.percent(a.bodyHeight())
	}
	left, style := a.statusText()
	room := a.width - ansi.StringWidth(right) - 1
	if room < 8 {
		right, room = "", a.width
	}
	left = cells.Pad(left, room)
	return style.Render(left) + a.styles.Status.Render(" "+right)
}

func (a App) statusText() (string, lipgloss.Style) {
	switch {
	case a.status != "" && a.statusErr:
		return clean(a.status), a.styles.Error
	case a.status != "":
		return clean(a.status), a.styles.Status
	case a.refresh.running && !a.refresh.auto:
		return a.refresh.Line(), a.styles.Status
	}
	if a.screen == screenList && a.feedsFocused {
		if e, ok := a.feeds.Current(); ok && e.Kind == feedtree.Feed && e.Feed.LastError != "" {
			return "failing: " + clean(e.Feed.LastError), a.styles.Error
		}
		if e, ok := a.feeds.Current(); ok && e.Kind == feedtree.Feed {
			return clean(e.Feed.URL), a.styles.Status
		}
		if e, ok := a.feeds.Current(); ok && e.Kind == feedtree.Query && e.QueryErr != nil {
			return clean(e.QueryErr.Error()), a.styles.Error
		} else if ok && e.Kind == feedtree.Query {
			return clean(e.Filter), a.styles.Status
		}
	}
	return "", a.styles.Status
}

// keyMap is the keymap and help of the screen in focus.
func (a App) keyMap() keys.Map { return a.keys.On(a.focus()) }

func (a App) helpLine() string {
	if a.confirm.Asking() {
		return a.confirm.Help(a.styles, a.width)
	}
	if a.prompt.mode != promptNone {
		if a.status != "" && a.statusErr {
			return a.styles.Error.Render(cells.Cut(clean(a.status), a.width))
		}
		if a.prompt.mode == promptRemoveFeed {
			return a.styles.Dim.Render(cells.Cut("y: remove · n or esc: keep", a.width))
		}
		if text, bad := a.list.FilterHelp(); a.prompt.mode == promptFilter {
			return map[bool]lipgloss.Style{false: a.styles.Dim, true: a.styles.Status}[bad].Render(cells.Cut(clean(text), a.width))
		}
		return a.styles.Dim.Render(cells.Cut("enter: done · esc: cancel", a.width))
	}
	if a.screen == screenReader && a.overlay == overlayNone && a.reader.v.Finding() {
		return cells.Cut(a.help.ShortHelpView(findHelp(a.keyMap())), a.width)
	}
	return cells.Cut(a.help.ShortHelpView(a.keyMap().ShortHelp()), a.width)
}

func (a App) fullHelp() string {
	title := a.styles.Title.Render("Keys: "+a.focus().String()) + a.styles.Dim.Render("  (? or esc closes)")
	text := title + "\n\n" + a.help.FullHelpView(a.keyMap().FullHelp())
	if a.focus() == keys.Feeds && a.feeds.HasAccounts() {
		text += "\n\n" + a.styles.Dim.Render("Accounts (@name) fold like folders; R syncs them, then refreshes feeds.")
	}
	return text
}

// overlayView draws the pane over the body.
func (a App) overlayView(height int) string {
	switch a.overlay {
	case overlayQuotes:
		var quotes []model.Quote
		if a.reader.doc() != nil {
			quotes = a.reader.doc().Quotes()
		}
		return a.quotes.View(a.styles, quotes, a.width, height)
	case overlayHighlights:
		return a.hlPane.View(a.styles, a.width, height)
	case overlayShare:
		return a.share.View(a.styles, a.width, height)
	case overlayLinks:
		return a.links.View(a.styles, a.width, height)
	case overlayFeedForm:
		return a.form.View(a.styles, a.width, height)
	}
	return ""
}
