package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
)

// View draws the screen; only the root returns a tea.View and sets the
// terminal's modes.
func (a App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "byline"
	if a.screen == screenReader && a.reader.Article().Title != "" {
		v.WindowTitle = "byline · " + clean(a.reader.Article().Title)
	}
	return v
}

func (a App) render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	var rows []string
	if a.screen == screenList {
		rows = append(rows, a.list.TitleLine(a.styles, a.width))
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
		return a.pics.viewer.View(a.styles, a.reader.Doc().Pictures(), a.width, h)
	case a.screen == screenReader:
		return cells.Fit(a.reader.View(a.styles, a.width, h, a.cfg.TextWidth), a.width, h)
	case !a.wide() && a.feedsFocused:
		return cells.Fit(a.feeds.View(a.styles, a.width, h, true), a.width, h)
	case !a.wide():
		return a.list.Body(a.styles, a.feeds, a.width, h, !a.feedsFocused)
	}
	fw, lw := a.feedsWidth(), a.listWidth()
	left := cells.Fit(a.feeds.View(a.styles, fw, h, a.feedsFocused), fw, h)
	right := a.list.Body(a.styles, a.feeds, lw, h, !a.feedsFocused)
	return cells.Beside(left, right, a.styles.Separator.Render("│"), fw, h)
}

// statusLine shows, by priority, the prompt, a message, refresh progress,
// the focused feed's error; and on the right, the position.
func (a App) statusLine() string {
	if a.confirm.Asking() {
		return a.confirm.View(a.styles, a.width)
	}
	if a.prompt.Mode() != panes.PromptNone {
		return a.prompt.View(a.styles, a.width)
	}
	right := a.list.Position()
	if a.screen == screenReader {
		right = a.reader.Text().Where(a.bodyHeight())
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
	case a.refresh.Running() && !a.refresh.Auto():
		return a.refresh.Line(), a.styles.Status
	}
	if a.screen != screenList || !a.feedsFocused {
		return "", a.styles.Status
	}
	switch e, _ := a.feeds.Current(); { // the row in focus, if any
	case e.Kind == feedtree.Feed && e.Feed.LastError != "":
		return "failing: " + clean(e.Feed.LastError), a.styles.Error
	case e.Kind == feedtree.Feed:
		return clean(e.Feed.URL), a.styles.Status
	case e.Kind == feedtree.Query && e.QueryErr != nil:
		return clean(e.QueryErr.Error()), a.styles.Error
	case e.Kind == feedtree.Query:
		return clean(e.Filter), a.styles.Status
	}
	return "", a.styles.Status
}

// keyMap is the keymap and help of the screen in focus.
func (a App) keyMap() keys.Map { return a.keys.On(a.focus()) }

func (a App) helpLine() string {
	if a.confirm.Asking() {
		return a.confirm.Help(a.styles, a.width)
	}
	if a.prompt.Mode() != panes.PromptNone {
		if a.status != "" && a.statusErr {
			return a.styles.Error.Render(cells.Cut(clean(a.status), a.width))
		}
		if a.prompt.Mode() == panes.PromptFilter {
			return a.list.FilterHelp(a.styles, a.width)
		}
		return a.prompt.Help(a.styles, a.width)
	}
	if a.screen == screenReader && a.overlay == overlayNone && a.reader.Text().Finding() {
		return cells.Cut(a.help.ShortHelpView(a.keyMap().FindHelp()), a.width)
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
		if a.reader.Doc() != nil {
			quotes = a.reader.Doc().Quotes()
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
