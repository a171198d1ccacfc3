// Package ui is byline's Bubble Tea app. Only App, the root, returns a
// tea.View; what each screen or pane's keys do to the app lives in its
// own file, with its keymap from the key table (ui/keys), while the
// panes' state and drawing are ui/panes'. Everything it needs from the
// outside comes through the small interfaces of ui/service, asked in
// commands, so tests drive it with fakes.
package ui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/progress"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
	"github.com/byline-reader/byline/ui/undo"
)

type screen int

const (
	screenList screen = iota
	screenReader
)

// wideWidth is the narrowest terminal that shows the feeds pane beside the list.
const wideWidth = 90

// App is the root model.
type App struct {
	ctx    context.Context
	cancel context.CancelFunc
	lib    service.Library
	opener service.Opener
	player service.Opener // plays an article's file (p)
	cfg    model.Config
	keys   keys.Set
	help   help.Model
	styles theme.Styles
	isDark bool

	width, height int
	screen        screen
	feedsFocused  bool // keys go to the feeds pane
	feeds         panes.Feeds
	list          panes.Headlines
	reader        reading // the article in the reader (reader_keys.go)
	cache         *reader.Cache
	prompt        panes.Prompt
	showHelp      bool
	overlay       overlay
	quotes        panes.Quotes
	hlPane        panes.Highlights
	share         panes.ShareMenu
	links         panes.Links // the link list (l)
	trail         []reading   // the pages left for a link, the last on top
	hyperlinks    bool        // the terminal is sent OSC 8 hyperlinks
	clip          service.Clipboard
	mail          service.Opener
	form          panes.FeedForm // the feed form (e in the feeds pane)

	status    string
	statusErr bool
	statusSeq int

	undo     undo.Stack    // the changes u reverses (undo.go)
	confirm  panes.Confirm // the y/n question asked (confirm.go)
	marking  markingRead   // what A counts to ask about (confirm.go)
	removing model.Feed    // the feed d asks about (subscribe.go)

	pics        pictureState  // pictures in the reader (pictures.go)
	refresh     progress.Run  // the refresh running, or the last (refresh.go)
	filterDelay time.Duration // typing must pause this long before the filter asks the library
	openSeq     int
	findSeq     int
	click       clickState
	now         func() time.Time // the clock (Services.Now)

	// single is set when the app shows one article (`byline read` on a
	// terminal): leaving the reader quits, and start opens it.
	single bool
	start  tea.Cmd
}

// Services are what the app is given.
type Services struct {
	Library   service.Library
	Browser   service.Opener    // nil: links cannot be opened
	Mail      service.Opener    // opens mailto: links; nil: they are copied instead
	Player    service.Opener    // plays an article's file; nil: none configured
	Clipboard service.Clipboard // nil: OSC 52 only
	Now       func() time.Time  // nil: time.Now
	// Hyperlinks says the terminal shows OSC 8 hyperlinks
	// (reader.HyperlinksFor its $TERM): links in the reader are made them.
	Hyperlinks bool
}

// New makes the app over the services it is given.
func New(ctx context.Context, svc Services, cfg model.Config) App {
	ctx, cancel := context.WithCancel(ctx)
	now := svc.Now
	if now == nil {
		now = time.Now
	}
	isDark := cfg.Theme != "light"
	set, keyErr := keys.New(cfg.Keys)
	a := App{
		ctx: ctx, cancel: cancel, lib: svc.Library, opener: svc.Browser, cfg: cfg,
		keys: set, help: help.New(), styles: theme.New(isDark), isDark: isDark,
		feeds: panes.NewFeeds(set.On(keys.Feeds)), list: panes.NewHeadlines(set.On(keys.Headlines), now),
		reader: reading{Reader: panes.NewReader(set.On(keys.Reader))}, cache: reader.NewCache(), prompt: panes.NewPrompt(),
		quotes: panes.NewQuotes(set.On(keys.QuotesPanel)), hlPane: panes.NewHighlights(set.On(keys.HighlightsList)),
		share: panes.NewShareMenu(set.On(keys.ShareMenu)),
		clip:  svc.Clipboard, mail: svc.Mail, filterDelay: filterDelay, now: now,
		links: panes.NewLinks(set.On(keys.LinksList)), hyperlinks: svc.Hyperlinks,
		player: svc.Player,
	}
	a.help.Styles = help.DefaultStyles(isDark)
	a.pics.config = cfg.Images
	a.styles.Reader.Hyperlinks = a.hyperlinks
	if err := a.feeds.SetQueries(cfg.SavedQueries()); err != nil { // the app runs without it
		a.status, a.statusErr = err.Error(), true
	}
	if keyErr != nil {
		a.status, a.statusErr = keyErr.Error(), true
	}
	if cfg.ShowRead != nil && !*cfg.ShowRead {
		a.list.HideRead(true)
	}
	return a
}

// Init loads the subscriptions and the first screenful of headlines, and
// asks the terminal for its background colour.
func (a App) Init() tea.Cmd {
	cmds := []tea.Cmd{
		service.LoadFeeds(a.ctx, a.lib),
		service.LoadWindow(a.ctx, a.lib, a.list.WindowQuery(0), a.list.Gen()),
		a.autoRefreshStart(),
	}
	if a.cfg.Theme == "auto" || a.cfg.Theme == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if a.cfg.Share.Mastodon == "" {
		cmds = append(cmds, service.LoadSetting(a.ctx, a.lib, "mastodon"))
	}
	if a.start != nil {
		cmds = append(cmds, a.start)
	}
	cmds = append(cmds, a.pics.askTerminal())
	return tea.Batch(cmds...)
}

// Update dispatches each message to its handler.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return a.handleResize(msg)
	case tea.BackgroundColorMsg:
		return a.handleBackground(msg.IsDark())
	case tea.KeyPressMsg:
		return withPictures(a.handleKey(msg))
	case tea.PasteMsg:
		if a.overlay == overlayFeedForm {
			return a.handleFormInput(msg)
		}
		return a.handlePromptInput(msg)
	case tea.MouseClickMsg:
		return a.handleClick(msg)
	case tea.MouseWheelMsg:
		return withPictures(a.handleWheel(msg))
	case service.FeedsMsg:
		return a.handleFeeds(msg)
	case service.WindowMsg:
		return a.handleWindow(msg)
	case filterTickMsg:
		return a.handleFilterTick(msg)
	case service.SearchMsg:
		return a.handleSearch(msg)
	case service.MarkedMsg:
		return a.handleMarked(msg)
	case service.UnreadMsg:
		return a.handleUnread(msg)
	case service.AddedMsg:
		return a.handleAdded(msg)
	case service.RemovedMsg:
		return a.handleRemoved(msg)
	case service.HighlightListMsg:
		return a.handleHighlightList(msg)
	case service.HighlightMsg:
		return a.handleHighlighted(msg)
	case service.CopiedMsg:
		return a.handleCopied(msg)
	case service.MailMsg:
		return a.handleMail(msg)
	case service.SettingMsg:
		return a.handleSetting(msg)
	case service.BrowserMsg:
		return a.handleBrowser(msg)
	case service.PlayedMsg:
		return a.handleError(msg.Err)
	case statusTimeoutMsg:
		return a.handleStatusTimeout(msg)
	}
	if m, cmd, ok := a.handleReading(msg); ok {
		return m, cmd
	}
	if m, cmd, ok := a.handleRefreshing(msg); ok {
		return m, cmd
	}
	if m, cmd, ok := a.handleChange(msg); ok {
		return m, cmd
	}
	if m, cmd, ok := a.handleTerminalAnswer(msg); ok {
		return m, cmd
	}
	if a.prompt.Mode() != panes.PromptNone {
		return a.handlePromptInput(msg)
	}
	if a.overlay == overlayFeedForm {
		return a.handleFormInput(msg)
	}
	return a, nil
}

// handleChange takes the answers to changes the user asked for: a feed's
// settings saved, marks of many articles counted, made or undone; and the
// saved queries' counts that follow them.
func (a App) handleChange(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	var m tea.Model
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case service.FeedEditedMsg:
		m, cmd = a.handleFeedEdited(msg)
	case service.CountMsg:
		m, cmd = a.handleCount(msg)
	case service.MarkedManyMsg:
		m, cmd = a.handleMarkedMany(msg)
	case undoneMsg:
		m, cmd = a.handleUndone(msg)
	case service.QueryCountsMsg:
		m, cmd = a.handleQueryCounts(msg)
	default:
		return a, nil, false
	}
	return m, cmd, true
}

// ctrlC always quits, whatever the keymap says.
var ctrlC = key.NewBinding(key.WithKeys("ctrl+c"))

// handleKey routes a key: to the question asked, the prompt, the help,
// or the screen in focus. An error shown goes with it.
func (a App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if a.statusErr {
		a.status, a.statusErr = "", false
	}
	switch {
	case key.Matches(msg, ctrlC):
		return a.quit()
	case a.confirm.Asking():
		return a.handleConfirmKey(msg)
	case a.prompt.Mode() != panes.PromptNone:
		return a.handlePromptKey(msg)
	case a.overlay == overlayFeedForm: // every key but the form's is typed
		return a.handleFeedFormKey(msg)
	case a.showHelp:
		a.showHelp = !a.keys.Matches(msg, keys.Help, keys.Back)
		return a, nil
	case a.keys.Matches(msg, keys.Help):
		a.showHelp = true
		return a, nil
	case !a.keyMap().Bound(msg):
		return a, a.unboundKey(msg)
	}
	switch k := a.keyMap(); { // the table says where r and R act
	case k.Matches(msg, keys.RefreshAll):
		return a, a.beginRefresh()
	case k.Matches(msg, keys.Refresh):
		return a, a.beginRefresh(a.focusedFeedID()...)
	}
	switch a.focus() {
	case keys.QuotesPanel:
		return a.handleQuotesKey(msg)
	case keys.HighlightsList:
		return a.handleHighlightsKey(msg)
	case keys.ShareMenu:
		return a.handleShareKey(msg)
	case keys.LinksList:
		return a.handleLinksKey(msg)
	case keys.Reader:
		return a.handleReaderKey(msg)
	case keys.Feeds:
		return a.handleFeedsKey(msg)
	}
	return a.handleListKey(msg)
}

// unboundKey says that a key does nothing here, and where help is.
func (a *App) unboundKey(msg tea.KeyPressMsg) tea.Cmd {
	return a.setStatus(fmt.Sprintf("%s is not a key here · %s for help", msg.String(), a.keyMap().KeyHelp(keys.Help)), false)
}

// focus is the screen the keys go to: the panel on show, else the reader,
// the feeds pane or the list.
func (a App) focus() keys.Screen {
	switch {
	case a.overlay == overlayQuotes:
		return keys.QuotesPanel
	case a.overlay == overlayHighlights:
		return keys.HighlightsList
	case a.overlay == overlayShare:
		return keys.ShareMenu
	case a.overlay == overlayLinks:
		return keys.LinksList
	case a.overlay == overlayFeedForm:
		return keys.FeedForm
	case a.screen == screenReader:
		return keys.Reader
	case a.feedsFocused:
		return keys.Feeds
	}
	return keys.Headlines
}

func (a App) quit() (tea.Model, tea.Cmd) {
	a.cancel()
	return a, tea.Quit
}

// handleError says an error from a command, if any, in the status line.
func (a App) handleError(err error) (tea.Model, tea.Cmd) {
	if err != nil {
		return a, a.setStatus(err.Error(), true)
	}
	return a, nil
}

func (a App) handleStatusTimeout(msg statusTimeoutMsg) (tea.Model, tea.Cmd) {
	if msg.seq == a.statusSeq && !a.statusErr { // an error stays until a key
		a.status, a.statusErr = "", false
	}
	return a, nil
}

// setStatus shows a message in the status line: for statusFor, or, an
// error, until the next key.
func (a *App) setStatus(text string, isErr bool) tea.Cmd {
	a.statusSeq++
	a.status, a.statusErr = text, isErr
	if isErr {
		return nil
	}
	return clearStatusAfter(a.statusSeq, statusFor)
}

// statusFor is how long a message that is not an error stays.
const statusFor = 5 * time.Second

func (a App) wide() bool { return a.width >= wideWidth }

// bodyHeight is the rows between the title line and the status and help lines.
func (a App) bodyHeight() int {
	if a.screen == screenReader {
		return max(1, a.height-2) // no title line
	}
	return a.listHeight()
}

// listHeight is the list's height, from the reader too.
func (a App) listHeight() int { return max(1, a.height-3) }

// feedsWidth is the feeds pane's width when it sits beside the list.
func (a App) feedsWidth() int {
	if !a.wide() {
		return a.width
	}
	return min(36, max(24, a.width/4))
}

// listWidth is the headline list's width.
func (a App) listWidth() int {
	if !a.wide() {
		return a.width
	}
	return max(1, a.width-a.feedsWidth()-1)
}

// feedsVisible says whether the feeds pane is on screen.
func (a App) feedsVisible() bool {
	return a.screen == screenList && (a.wide() || a.feedsFocused)
}

func (a App) handleResize(msg tea.WindowSizeMsg) (tea.Model, tea.Cmd) {
	a.width, a.height = msg.Width, msg.Height
	a.help.SetWidth(msg.Width)
	a.list.Clamp(a.bodyHeight())
	a.feeds.Clamp(a.bodyHeight())
	a.clampOverlays()
	cmds := []tea.Cmd{a.ensureWindow()}
	if a.screen == screenReader {
		cmds = append(cmds, a.layoutReader(true))
	}
	if i, open := a.pics.viewer.Shows(); open {
		cmds = append(cmds, a.showViewer(i))
	}
	return a, tea.Batch(cmds...)
}

// clampOverlays keeps the cursor and scroll of each pane drawn over the
// body on its rows, for the body's height.
func (a *App) clampOverlays() {
	h := a.bodyHeight()
	var quotes []model.Quote
	if a.reader.Doc() != nil {
		quotes = a.reader.Doc().Quotes()
	}
	a.quotes.Clamp(len(quotes), h)
	a.hlPane.Clamp(h)
	a.share.Clamp(h)
	a.links.Clamp(h)
}

func (a App) handleBackground(dark bool) (tea.Model, tea.Cmd) {
	if a.cfg.Theme == "dark" || a.cfg.Theme == "light" {
		return a, nil
	}
	a.isDark = dark
	a.styles = theme.New(dark)
	a.styles.Reader.Hyperlinks = a.hyperlinks
	a.help.Styles = help.DefaultStyles(dark)
	if a.screen == screenReader {
		return a, a.layoutReader(false)
	}
	return a, nil
}

// statusTimeoutMsg clears a status message if it is still the one shown.
type statusTimeoutMsg struct{ seq int }

func clearStatusAfter(seq int, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return statusTimeoutMsg{seq: seq} })
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
