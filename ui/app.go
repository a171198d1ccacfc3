// Package ui is byline's Bubble Tea app. Only App, the root, returns a
// tea.View; each screen or pane lives in its own file with its own keymap,
// and everything it needs from the outside comes through the small
// interfaces declared here, so tests drive it with fakes.
package ui

import (
	"context"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/byline-reader/byline/model"
)

// Library is what the app needs of byline's library.
type Library interface {
	Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error)
	CountArticles(ctx context.Context, q model.ArticleQuery) (int, error)
}

// App is the root model.
type App struct {
	ctx    context.Context
	lib    Library
	cfg    model.Config
	keys   appKeyMap
	help   help.Model
	styles Styles
	isDark bool

	width, height int
	list          listPane
	showHelp      bool
	status        string
	err           error
}

// New makes the app over lib.
func New(ctx context.Context, lib Library, cfg model.Config) App {
	isDark := cfg.Theme != "light"
	return App{
		ctx:    ctx,
		lib:    lib,
		cfg:    cfg,
		keys:   defaultAppKeyMap(),
		help:   help.New(),
		styles: NewStyles(isDark),
		isDark: isDark,
		list:   newListPane(),
	}
}

// Init loads the first page of headlines and asks the terminal for its
// background colour.
func (a App) Init() tea.Cmd {
	cmds := []tea.Cmd{loadHeadlines(a.ctx, a.lib, headlinePage)}
	if a.cfg.Theme == "auto" || a.cfg.Theme == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Update dispatches each message to its handler.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		return a, nil
	case tea.BackgroundColorMsg:
		a.isDark = msg.IsDark()
		a.styles = NewStyles(a.isDark)
		a.help.Styles = help.DefaultStyles(a.isDark)
		return a, nil
	case headlinesMsg:
		return a.handleHeadlines(msg)
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	}
	return a, nil
}

func (a App) handleHeadlines(msg headlinesMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		a.err = msg.err
		return a, nil
	}
	a.list.setArticles(msg.articles, msg.total)
	return a, nil
}

func (a App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a, tea.Quit
	case key.Matches(msg, a.keys.Help):
		a.showHelp = !a.showHelp
		return a, nil
	case a.showHelp && key.Matches(msg, a.keys.Close):
		a.showHelp = false
		return a, nil
	}
	a.list.update(msg, a.listHeight())
	return a, nil
}

// listHeight is the rows left for headlines under the title and above the
// status and help lines.
func (a App) listHeight() int {
	return max(1, a.height-3)
}

// View draws the screen.
func (a App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = "byline"
	return v
}

func (a App) render() string {
	if a.width == 0 {
		return ""
	}
	title := a.styles.Title.Render("byline")
	body := a.list.view(a.styles, a.width, a.listHeight())
	if a.showHelp {
		body = a.help.FullHelpView(a.keys.FullHelp())
	}
	status := a.statusLine()
	helpLine := a.help.ShortHelpView(a.keys.ShortHelp())
	return lipgloss.JoinVertical(lipgloss.Left,
		title,
		lipgloss.NewStyle().Height(a.listHeight()).MaxHeight(a.listHeight()).Render(body),
		status,
		helpLine,
	)
}

func (a App) statusLine() string {
	switch {
	case a.err != nil:
		return a.styles.Error.Render(truncateWidth(model.SanitizeLine(a.err.Error()), a.width))
	case a.status != "":
		return a.styles.Status.Render(truncateWidth(a.status, a.width))
	}
	return a.styles.Status.Render(a.list.position())
}
