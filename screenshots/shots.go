package main

import "time"

// A shot is one PNG: the app started afresh on a copy of the prepared
// database, driven by its steps, and captured once the last step's text is
// on the screen and the screen has held still.
type shot struct {
	file    string // PNG name in the output directory
	caption string // what it shows
	theme   string // the config's theme: "dark" or "light"
	// late, when set, makes the site publish its late items and answer the
	// named feeds only after the given delays: for a refresh in progress.
	late   map[string]time.Duration
	settle time.Duration // how long the screen must hold still; 0: 300ms
	// account runs the app with the sync account "home" (greader.go)
	// configured and synced beforehand; syncHold, when set, makes its
	// server hold back its subscription list that long: for a sync in
	// progress.
	account  bool
	syncHold time.Duration
	steps    []step
}

// A step presses keys or types text, then waits until the screen shows
// every one of show.
type step struct {
	press []string // key names: "j", "enter", "esc", "tab", "ctrl+d"
	typed string   // text typed as is
	show  []string
}

// keys is a step that presses keys and waits for text.
func keys(show []string, press ...string) step { return step{press: press, show: show} }

// see lists the text a step waits for.
func see(texts ...string) []string { return texts }

// The headline opened in the reader shots, and text from its body.
const (
	mainHeadline = "Council backs tidal barrier"
	mainBody     = "Saltmarsh Quay woke to shin-deep water"
	// accountHeadline is the newest headline of the account's folder World
	// (testdata/account.json).
	accountHeadline = "Night trains return to the Alpine routes"
)

// savedQueries are the configuration's saved queries, rows of the feeds
// pane in every shot.
const savedQueries = `[queries]
weather = 'title =~ "barrier|flood|drought|storm"'
unread-transport = "unread and title =~ \"rail|ferry|road|train\""
`

// shots are the screenshots, in the order they are taken. Adjust the keys
// and texts here when the app's screens change.
var shots = []shot{
	{
		file: "list.png", caption: "The headline list, with the feeds pane and its folders",
		theme: "dark",
		steps: []step{keys(see(mainHeadline, "Ledger Street", "Field Notes"))},
	},
	{
		file: "reader.png", caption: "The reader: the whole article, its quotes and who said them highlighted",
		theme: "dark",
		steps: []step{
			keys(see(mainHeadline)),
			keys(see(mainBody), "enter"),
			keys(see(mainBody), "n", "n"), // focus the second quote
		},
	},
	{
		file: "picture.png", caption: "A picture in the text, drawn with half blocks (kitty's graphics protocol where the terminal speaks it)",
		theme: "dark",
		steps: []step{
			keys(see(mainHeadline)),
			keys(see(mainBody), "enter"),
			keys(see("How the barrier’s gates would stand"), "ctrl+d"),
		},
	},
	{
		file: "links.png", caption: "The article's links, numbered as in the text: read one inside byline, open it, copy it",
		theme: "dark",
		steps: []step{
			keys(see(mainHeadline)),
			keys(see(mainBody), "enter"),
			keys(see("Links (3)", "Wendmouth University"), "l"),
		},
	},
	{
		file: "quotes.png", caption: "The quotes panel: every quotation in the article with its speaker",
		theme: "dark",
		steps: []step{
			keys(see(mainHeadline)),
			keys(see(mainBody), "enter"),
			keys(see("Quotes (", "Agnes Whitlow"), "Q"),
			keys(see("Quotes (", "Agnes Whitlow"), "j", "j", "j"),
		},
	},
	{
		file: "share.png", caption: "The share menu for a quote: links, a quote with attribution, a deep link",
		theme: "dark",
		steps: []step{
			keys(see(mainHeadline)),
			keys(see(mainBody), "enter"),
			keys(see(mainBody), "n", "n", "n"), // focus the third quote
			keys(see("Share ", "QR code"), "s"),
		},
	},
	{
		file: "qr.png", caption: "The article's link as a QR code, from the share menu",
		theme: "dark",
		steps: []step{
			keys(see(mainHeadline)),
			keys(see(mainBody), "enter"),
			keys(see("Share ", "QR code"), "s"),
			keys(see("QR code http://harbourgazette.test/"), "G", "enter"),
		},
	},
	{
		file: "light.png", caption: "The same article in a light terminal",
		theme: "light",
		steps: []step{
			keys(see(mainHeadline)),
			keys(see(mainBody), "enter"),
			keys(see(mainBody), "n", "n"),
		},
	},
	{
		file: "refresh.png", caption: "A refresh in progress: feeds counted as they arrive, new headlines on top",
		theme: "dark",
		late: map[string]time.Duration{
			"northwindwire.test": 30 * time.Second, "circuitweekly.test": 30 * time.Second,
			"fieldnotes.test": 30 * time.Second, "ledgerstreet.test": 30 * time.Second,
		},
		steps: []step{
			keys(see(mainHeadline)),
			keys(see("refreshing 2/6 feeds · 2 new", "Patch day", "Barrier consultation"), "R"),
		},
	},
	{
		file: "accounts.png", caption: "A sync account beside byline's own feeds: its folders and feeds, and a sync in progress",
		theme: "dark", account: true, syncHold: 30 * time.Second,
		steps: []step{
			keys(see(mainHeadline, "@home", "Northwind Europe")),
			// Into the feeds pane, to its last row (the account's feed
			// outside its folders), then up past World's two feeds.
			keys(see("home › folder World", accountHeadline), "tab", "G", "k", "k", "k"),
			keys(see("home › folder World", accountHeadline), "enter"),
			// r on an account's headline syncs the account.
			keys(see("syncing home: feeds"), "r"),
		},
	},
	{
		file: "filter.png", caption: "A saved query in the feeds pane, narrowed by an expression typed after /",
		theme: "dark",
		steps: []step{
			keys(see(mainHeadline, "≡ weather")),
			// Into the feeds pane, down to the saved query, and show it.
			keys(see("query weather"), "tab", "j", "j", "j", "enter"),
			keys(see("filter:"), "/"),
			{typed: `unread and not title # consultation`, show: see("Council backs tidal barrier")},
		},
	},
}
