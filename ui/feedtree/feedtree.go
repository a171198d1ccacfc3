// Package feedtree lays out the feeds pane's rows: the views, the saved
// queries, the tags, byline's own feeds and its tree of folders, then each
// sync account with its tree and feeds;
// each row with its unread count (the Starred row: its starred articles),
// the headlines it shows and the title the list gives them. It owns the layout and the queries, not the painting or
// the keys (ui does those). No Bubble Tea.
package feedtree

import (
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
	Tag   // a tag: the articles of every feed that carries it
)

// Entry is one row of the feeds pane.
type Entry struct {
	Kind  Kind
	Label string // as shown (outside text: the painter cleans it)
	// Account is the account of the row, or of the feeds under it; "" for
	// byline's own feeds and the views.
	Account string
	// Folder is the key (FolderKey) of a folder row's path, or of the
	// folder a feed sits in.
	Folder  string
	Tag     string // a tag row's tag, as first spelled (Label is "#" and it)
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
	path  string // a folder row's path as first spelled ("News/World")
}

// Group is what folds: an account (Folder ""), an account's folder, or one
// of byline's own folders (Account ""); a folder is its path's key
// (FolderKey), and folding it hides everything inside it.
type Group struct{ Account, Folder string }

// ID names the entry across reloads, so the cursor stays on it; the same
// folder name in two places makes two ids.
func (e Entry) ID() string {
	switch e.Kind {
	case Query:
		return "query/" + strconv.Quote(e.Label)
	case Tag:
		return "tag/" + strconv.Quote(tagKey(e.Tag))
	}
	return strconv.Itoa(int(e.Kind)) + "/" + strconv.Quote(e.Account) + "/" +
		strconv.FormatInt(e.Feed.ID, 10) + "/" + e.Folder
}

// Query is the headlines the entry shows: a folder (with the folders
// inside it) or an account shows every article of the feeds in it, a tag
// those of the feeds that carry it.
func (e Entry) Query() model.ArticleQuery {
	switch e.Kind {
	case Unread:
		return model.ArticleQuery{Unread: true}
	case Starred:
		return model.ArticleQuery{Starred: true}
	case Folder:
		q := model.ArticleQuery{Account: e.Account, Folder: e.path}
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
	case Tag:
		return model.ArticleQuery{Tag: e.Tag}
	}
	return model.ArticleQuery{}
}

// Title is what the list's title line calls the entry's headlines: a
// folder by its whole path ("folder News › World").
func (e Entry) Title() string {
	switch {
	case e.Kind == Account:
		return "account " + e.Label
	case e.Kind == Query:
		return "query " + e.Label
	case e.Kind == Folder && e.Account != "":
		return e.Account + " › folder " + strings.ReplaceAll(e.path, model.FolderSep, " › ")
	case e.Kind == Folder:
		return "folder " + strings.ReplaceAll(e.path, model.FolderSep, " › ")
	}
	return e.Label
}

// Holds says whether feed f is one of the feeds whose articles a folder
// row (with the folders inside it) or a tag row shows; false for any
// other row.
func (e Entry) Holds(f model.Feed) bool {
	switch e.Kind {
	case Folder:
		k := FolderKey(f.Folder)
		return f.Account == e.Account && (k == e.Folder || strings.HasPrefix(k, e.Folder+model.FolderSep))
	case Tag:
		want := tagKey(e.Tag)
		for _, t := range f.Tags {
			if tagKey(t) == want {
				return true
			}
		}
	}
	return false
}

// Group is the group the entry heads or sits in (a feed: its own folder);
// false for the views, the queries, the tags and byline's own feeds in no
// folder, which fold nothing.
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
