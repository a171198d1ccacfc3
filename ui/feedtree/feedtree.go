// Package feedtree lays out the feeds pane's rows: the views, the saved
// queries, byline's own feeds and folders, then each sync account with
// its folders and feeds;
// each row with its unread count (the Starred row: its starred articles),
// the headlines it shows and the title the list gives them. It owns the layout and the queries, not the painting or
// the keys (ui does those). No Bubble Tea.
package feedtree

import (
	"sort"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/model"
)

// Kind is what a row stands for.
type Kind int

// The kinds of row.
const (
	All Kind = iota
	Unread
	Starred
	Folder
	Feed
	Account
	Query // a saved query ([queries]): the articles its expression selects
)

// Entry is one row of the feeds pane.
type Entry struct {
	Kind  Kind
	Label string // as shown (outside text: the painter cleans it)
	// Account is the account of the row, or of the feeds under it; "" for
	// byline's own feeds and the views.
	Account string
	Folder  string // the folder key of a folder row, or of a feed inside one
	Feed    model.Feed
	Unread  int
	Starred int // the Starred row's count of starred articles
	Depth   int // how far in the row is indented
	// Filter is a saved query's expression; QueryErr why it cannot run
	// (it is listed all the same). A query's Unread is -1 until counted.
	Filter   string
	QueryErr error

	// local marks byline's own rows when some feed has an account: their
	// folders then show only byline's own feeds.
	local bool
}

// Group is what folds: an account (Folder ""), an account's folder, or one
// of byline's own folders (Account "").
type Group struct{ Account, Folder string }

// ID names the entry across reloads, so the cursor stays on it; the same
// folder name in two places makes two ids.
func (e Entry) ID() string {
	if e.Kind == Query {
		return "query/" + strconv.Quote(e.Label)
	}
	return strconv.Itoa(int(e.Kind)) + "/" + strconv.Quote(e.Account) + "/" +
		strconv.FormatInt(e.Feed.ID, 10) + "/" + e.Folder
}

// Query is the headlines the entry shows: a folder or an account shows
// every article of the feeds in it.
func (e Entry) Query() model.ArticleQuery {
	switch e.Kind {
	case Unread:
		return model.ArticleQuery{Unread: true}
	case Starred:
		return model.ArticleQuery{Starred: true}
	case Folder:
		q := model.ArticleQuery{Account: e.Account, Folder: e.Folder}
		if e.local {
			q.Account = model.LocalFeeds
		}
		return q
	case Account:
		return model.ArticleQuery{Account: e.Account}
	case Feed:
		return model.ArticleQuery{FeedID: e.Feed.ID}
	case Query:
		return model.ArticleQuery{Filter: e.Filter}
	}
	return model.ArticleQuery{}
}

// Title is what the list's title line calls the entry's headlines.
func (e Entry) Title() string {
	switch {
	case e.Kind == Account:
		return "account " + e.Label
	case e.Kind == Query:
		return "query " + e.Label
	case e.Kind == Folder && e.Account != "":
		return e.Account + " › folder " + e.Label
	case e.Kind == Folder:
		return "folder " + e.Label
	}
	return e.Label
}

// Group is the group the entry heads or sits in; false for the views and
// byline's own feeds in no folder, which fold nothing.
func (e Entry) Group() (Group, bool) {
	g := Group{Account: e.Account, Folder: e.Folder}
	return g, g != Group{} && (e.Kind == Folder || e.Kind == Feed || e.Kind == Account)
}

// Heads says whether the entry is a group's own row (a folder or an
// account), which folding keeps.
func (e Entry) Heads() bool { return e.Kind == Folder || e.Kind == Account }

// SavedQuery is a saved query as the pane lists it: its name, its
// expression or the error that keeps it from running, and its count of
// unread articles (-1 while not known).
type SavedQuery struct {
	Name, Filter string
	Err          error
	Unread       int
}

// Build lays out the pane: the views; the saved queries, in the order
// given; byline's own feeds in no folder,
// then its folders; then, when feeds have accounts, each account (sorted
// by name) with its folders and then its feeds in no folder. A folder is a
// tag, matched without regard to ASCII case as the library does and named
// as first spelled. A collapsed group shows only its own row.
func Build(feeds []model.Feed, collapsed map[Group]bool, queries ...SavedQuery) []Entry {
	total, starred := 0, 0
	byAccount := map[string][]model.Feed{}
	var accounts []string
	for _, f := range feeds {
		total += f.Unread
		starred += f.Starred
		if _, seen := byAccount[f.Account]; !seen && f.Account != "" {
			accounts = append(accounts, f.Account)
		}
		byAccount[f.Account] = append(byAccount[f.Account], f)
	}
	sort.Strings(accounts)
	entries := []Entry{
		{Kind: All, Label: "All articles", Unread: total},
		{Kind: Unread, Label: "Unread", Unread: total},
		{Kind: Starred, Label: "Starred", Starred: starred},
	}
	for _, q := range queries {
		entries = append(entries, Entry{Kind: Query, Label: q.Name, Filter: q.Filter, QueryErr: q.Err, Unread: q.Unread})
	}
	own := place{local: len(accounts) > 0, collapsed: collapsed}
	entries = own.appendFeeds(entries, byAccount[""])
	for _, name := range accounts {
		sum := 0
		for _, f := range byAccount[name] {
			sum += f.Unread
		}
		entries = append(entries, Entry{Kind: Account, Label: name, Account: name, Unread: sum})
		if collapsed[Group{Account: name}] {
			continue
		}
		in := place{account: name, depth: 1, collapsed: collapsed}
		entries = in.appendFeeds(entries, byAccount[name])
	}
	return entries
}

// place is where feeds are laid out: byline's own or an account's.
type place struct {
	account   string
	local     bool
	depth     int
	collapsed map[Group]bool
}

// appendFeeds adds the place's folders, each with its feeds, and its feeds
// in no folder: byline's own loose feeds come first (as they always
// have), an account's last.
func (p place) appendFeeds(entries []Entry, feeds []model.Feed) []Entry {
	folders := map[string][]model.Feed{}
	names := map[string]string{} // folder key → its name as shown
	var loose []model.Feed
	for _, f := range feeds {
		in := map[string]bool{}
		for _, t := range model.FolderNames(f.Folder)[:min(1, len(model.FolderNames(f.Folder)))] {
			k := FolderKey(t)
			if k == "" || in[k] {
				continue
			}
			in[k] = true
			if _, ok := names[k]; !ok {
				names[k] = strings.TrimSpace(t)
			}
			folders[k] = append(folders[k], f)
		}
		if len(in) == 0 {
			loose = append(loose, f)
		}
	}
	if p.account == "" {
		entries = p.appendLoose(entries, loose)
	}
	keys := make([]string, 0, len(folders))
	for k := range folders {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sum := 0
		for _, f := range folders[k] {
			sum += f.Unread
		}
		entries = append(entries, Entry{Kind: Folder, Label: names[k], Account: p.account, Folder: k,
			Unread: sum, Depth: p.depth, local: p.local})
		if p.collapsed[Group{Account: p.account, Folder: k}] {
			continue
		}
		for _, f := range folders[k] {
			entries = append(entries, Entry{Kind: Feed, Label: f.DisplayTitle(), Account: p.account, Folder: k,
				Feed: f, Unread: f.Unread, Depth: p.depth + 1, local: p.local})
		}
	}
	if p.account != "" {
		entries = p.appendLoose(entries, loose)
	}
	return entries
}

func (p place) appendLoose(entries []Entry, loose []model.Feed) []Entry {
	for _, f := range loose {
		entries = append(entries, Entry{Kind: Feed, Label: f.DisplayTitle(), Account: p.account,
			Feed: f, Unread: f.Unread, Depth: p.depth, local: p.local})
	}
	return entries
}

// FolderKey is the folder a tag names: trimmed, ASCII letters lower-cased.
func FolderKey(tag string) string {
	b := []byte(strings.TrimSpace(tag))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
