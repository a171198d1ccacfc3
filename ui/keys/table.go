// Package keys is the app's key table: every action is declared once, with
// its default keys, its help, the screens it acts on (and where their help
// shows it) and its name in the config file's [keys]. The keymap of each
// screen, its help line and ? screen, and the checking of [keys] all derive
// from the table. It knows keys, not what they do: the app's handlers do.
// To add a key, add its row here and its handler in the app.
package keys

// ID names an action: a row of the table.
type ID int

// The actions, in the table's order.
const (
	Down ID = iota
	Up
	Top
	Bottom
	HalfDown
	HalfUp
	PageDown
	Open
	Back
	Quit
	Focus
	Help
	Filter
	Search
	Refresh
	RefreshAll
	FetchPage
	ToggleRead
	ToggleStar
	FeedRead
	Browser
	Fold
	NextQuote
	PrevQuote
	NextSentence
	PrevSentence
	Quotes
	Highlight
	Highlights
	Share
	CopyLink
	CopyMarkdown
	Image
	Remove
	Links
	Undo
	NextUnread
	PrevUnread
	ToggleReadShown
	AddFeed
	ClearFilter
	Close
	LinkNumber
	EditFeed
	NextField
	PrevField
	Save
	Play
	Comments
	count
)

// Action is one row of the table.
type Action struct {
	Name string   // in the config's [keys]; "" for keys that cannot be rebound
	Keys []string // the default keys
	Help string   // the keys as help shows them
	Desc string   // what the action does, where a screen does not say otherwise
	On   []Use    // the screens it acts on
}

// Use places an action on a screen: where ? lists it (column and row, from
// 1; 0 when ? does not), where the help line shows it (from 1; 0 when it
// does not), what it is called there and, for a fixed key, its keys there.
type Use struct {
	Screen   Screen
	Col, Row int
	Short    int
	Desc     string   // "" for the action's Desc
	Keys     []string // nil for the action's keys
}

// on places an action in column col, row row of the screen's ? listing.
func on(s Screen, col, row int) Use { return Use{Screen: s, Col: col, Row: row} }

// unlisted is an action that a screen acts on but whose ? does not list
// (as the help has always been; TestUnlisted names them).
func unlisted(s Screen) Use { return Use{Screen: s} }

// short puts the action at place n of the screen's help line.
func (u Use) short(n int) Use { u.Short = n; return u }

// as names the action for the screen.
func (u Use) as(desc string) Use { u.Desc = desc; return u }

// keys gives a fixed action its keys on the screen.
func (u Use) keys(k ...string) Use { u.Keys = k; return u }

// table is every action. Read a row as: config name, default keys, help,
// then where it acts: on(screen, column, row of ?), its place on the help
// line, and its name there when that differs.
var table = [count]Action{
	Down: {"down", []string{"j", "down"}, "j/↓", "down", []Use{
		on(Headlines, 1, 1), on(Feeds, 1, 1), on(Reader, 1, 1).short(1).as("scroll down"),
		on(QuotesPanel, 1, 1).short(1), on(HighlightsList, 1, 1).short(1), on(ShareMenu, 1, 1).short(1),
		on(LinksList, 1, 1).short(1)}},
	Up: {"up", []string{"k", "up"}, "k/↑", "up", []Use{
		on(Headlines, 1, 2), on(Feeds, 1, 2), on(Reader, 1, 2).short(2).as("scroll up"),
		on(QuotesPanel, 1, 2).short(2), on(HighlightsList, 1, 2).short(2), on(ShareMenu, 1, 2).short(2),
		on(LinksList, 1, 2).short(2)}},
	Top: {"top", []string{"g", "home"}, "g", "top", []Use{
		on(Headlines, 1, 5), on(Feeds, 1, 3), on(Reader, 1, 6),
		on(QuotesPanel, 1, 3), on(HighlightsList, 1, 3), on(ShareMenu, 1, 3), on(LinksList, 1, 3)}},
	Bottom: {"bottom", []string{"G", "end"}, "G", "bottom", []Use{
		on(Headlines, 1, 6), on(Feeds, 1, 4), on(Reader, 1, 7),
		on(QuotesPanel, 1, 4), on(HighlightsList, 1, 4), on(ShareMenu, 1, 4), on(LinksList, 1, 4)}},
	HalfDown: {"half_down", []string{"ctrl+d"}, "ctrl+d", "half page down", []Use{
		on(Headlines, 1, 3), on(Reader, 1, 4), on(QuotesPanel, 1, 5), on(HighlightsList, 1, 5), unlisted(ShareMenu),
		on(LinksList, 1, 5)}},
	HalfUp: {"half_up", []string{"ctrl+u"}, "ctrl+u", "half page up", []Use{
		on(Headlines, 1, 4), on(Reader, 1, 5), on(QuotesPanel, 1, 6), on(HighlightsList, 1, 6), unlisted(ShareMenu),
		on(LinksList, 1, 6)}},
	PageDown: {"page_down", []string{"space", "pgdown"}, "space", "page down", []Use{
		unlisted(Headlines), on(Reader, 1, 3)}},

	Open: {"open", []string{"enter"}, "enter", "open", []Use{
		on(Headlines, 2, 1).short(1).as("read"), on(Feeds, 2, 1).short(1).as("show headlines"),
		on(QuotesPanel, 2, 1).short(3).as("go to quote"), on(HighlightsList, 2, 1).short(3).as("go to highlight"),
		on(ShareMenu, 2, 1).short(3).as("choose"), on(LinksList, 2, 1).short(3).as("read link")}},
	Back: {"back", []string{"esc", "q", "backspace"}, "esc/q", "back", []Use{on(Reader, 2, 1).short(3)}},
	Quit: {"quit", []string{"q", "ctrl+c"}, "q", "quit", []Use{
		on(Headlines, 5, 3).short(8), on(Feeds, 4, 4).short(7)}},
	Focus: {"focus", []string{"tab"}, "tab", "feeds/list", []Use{
		on(Headlines, 5, 1).short(6), on(Feeds, 2, 3).short(2)}},
	Help: {"help", []string{"?"}, "?", "help", []Use{
		on(Headlines, 5, 2).short(7), on(Feeds, 4, 3).short(6), on(Reader, 2, 6).short(9),
		on(QuotesPanel, 2, 4).short(6), on(HighlightsList, 2, 4).short(6), on(ShareMenu, 2, 3).short(5),
		on(LinksList, 2, 6).short(8)}},

	Filter: {"filter", []string{"/"}, "/", "filter", []Use{
		on(Headlines, 3, 1).short(4), on(Feeds, 4, 1), on(Reader, 2, 5).as("find in article")}},
	Search: {"search", []string{"ctrl+f"}, "ctrl+f", "search text", []Use{on(Headlines, 3, 2), on(Feeds, 4, 2)}},
	Refresh: {"refresh", []string{"r"}, "r", "refresh feed", []Use{
		on(Headlines, 3, 4), on(Feeds, 3, 1).short(3).as("refresh feed/folder"), unlisted(Reader)}},
	RefreshAll: {"refresh_all", []string{"R"}, "R", "refresh all", []Use{
		on(Headlines, 3, 5).short(5), on(Feeds, 3, 2).short(4)}},
	FetchPage: {"fetch_page", []string{"R"}, "R", "fetch the page", []Use{on(Reader, 2, 7)}},
	ToggleRead: {"toggle_read", []string{"m"}, "m", "read/unread", []Use{
		on(Headlines, 2, 2).short(2), on(Reader, 2, 2)}},
	ToggleStar: {"toggle_star", []string{"f"}, "f", "star", []Use{
		on(Headlines, 2, 3).short(3), on(Reader, 2, 3)}},
	FeedRead: {"mark_feed_read", []string{"A"}, "A", "mark all read", []Use{
		on(Headlines, 2, 4), on(Feeds, 3, 3).short(5)}},
	Browser: {"open_browser", []string{"o"}, "o", "open in browser", []Use{on(Headlines, 2, 5), on(Reader, 2, 4), on(LinksList, 2, 2).short(4)}},
	Fold:    {"fold", []string{"space"}, "space", "fold folder", []Use{on(Feeds, 2, 2)}},

	NextQuote:    {"next_quote", []string{"n"}, "n", "next quote", []Use{on(Reader, 3, 1).short(4)}},
	PrevQuote:    {"prev_quote", []string{"N"}, "N", "previous quote", []Use{on(Reader, 3, 2)}},
	NextSentence: {"next_sentence", []string{")"}, ")", "next sentence", []Use{on(Reader, 3, 3)}},
	PrevSentence: {"prev_sentence", []string{"("}, "(", "previous sentence", []Use{on(Reader, 3, 4)}},
	Quotes:       {"quotes", []string{"Q"}, "Q", "quotes panel", []Use{on(Reader, 3, 5).short(5)}},
	Highlight:    {"highlight", []string{"h"}, "h", "highlight focus", []Use{on(Reader, 4, 1).short(6)}},
	Highlights: {"highlights", []string{"H"}, "H", "all highlights", []Use{
		on(Headlines, 4, 4), on(Reader, 4, 2)}},
	Share: {"share", []string{"s"}, "s", "share", []Use{
		on(Headlines, 4, 1), on(Reader, 4, 3).short(7), on(QuotesPanel, 2, 2).short(4).as("share quote")}},
	CopyLink:     {"copy_link", []string{"y"}, "y", "copy link", []Use{on(Headlines, 4, 2), on(Reader, 4, 4).short(8), on(LinksList, 2, 3).short(5)}},
	CopyMarkdown: {"copy_markdown", []string{"Y"}, "Y", "copy markdown link", []Use{on(Headlines, 4, 3), on(Reader, 4, 5)}},
	Image:        {"image", []string{"i", "enter"}, "i/enter", "view picture", []Use{on(Reader, 4, 6)}},
	Remove: {"remove", []string{"d", "delete"}, "d", "remove", []Use{
		on(HighlightsList, 2, 2).short(4).as("remove highlight"), on(Feeds, 3, 6).as("remove feed")}},
	Links: {"links", []string{"l"}, "l", "links", []Use{on(Reader, 3, 6).short(10)}},
	Undo: {"undo", []string{"u"}, "u", "undo", []Use{
		on(Headlines, 2, 6), on(Feeds, 3, 4), on(Reader, 2, 8)}},
	NextUnread: {"next_unread", []string{"J"}, "J", "next unread", []Use{
		on(Headlines, 1, 7), on(Reader, 1, 8).as("read next unread")}},
	PrevUnread: {"prev_unread", []string{"K"}, "K", "previous unread", []Use{
		on(Headlines, 1, 8), on(Reader, 1, 9).as("read previous unread")}},
	ToggleReadShown: {"toggle_read_shown", []string{"U"}, "U", "hide/show read", []Use{
		on(Headlines, 3, 6), on(Feeds, 2, 4)}},
	AddFeed: {"add_feed", []string{"a"}, "a", "add a feed", []Use{on(Feeds, 3, 7)}},

	// Fixed keys: not in [keys].
	ClearFilter: {"", []string{"esc"}, "esc", "clear filter", []Use{on(Headlines, 3, 3)}},
	Close: {"", []string{"esc", "q"}, "esc", "close", []Use{
		on(QuotesPanel, 2, 3).short(5).keys("esc", "q", "Q"), on(HighlightsList, 2, 3).short(5).keys("esc", "q", "H"),
		on(ShareMenu, 2, 2).short(4), on(LinksList, 2, 5).short(6).keys("esc", "q", "l"),
		on(FeedForm, 2, 2).short(4).keys("esc").as("cancel")}},
	LinkNumber: {"", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}, "0-9", "go to link number", []Use{
		on(LinksList, 2, 4).short(7)}},

	EditFeed: {"edit_feed", []string{"e"}, "e", "edit feed", []Use{on(Feeds, 3, 5)}},
	// The feed form's keys: fixed, as every other key is typed in a field.
	NextField: {"", []string{"tab", "down"}, "tab/↓", "next field", []Use{on(FeedForm, 1, 1).short(1)}},
	PrevField: {"", []string{"shift+tab", "up"}, "shift+tab/↑", "previous field", []Use{on(FeedForm, 1, 2).short(2)}},
	Save:      {"", []string{"enter"}, "enter", "save", []Use{on(FeedForm, 2, 1).short(3)}},

	// An article's files and its discussion (podcasts, link aggregators).
	Play:     {"play", []string{"p"}, "p", "play file", []Use{on(Reader, 4, 7)}},
	Comments: {"comments", []string{"c"}, "c", "open comments", []Use{on(Reader, 3, 7)}},
}
