package feedtree

import (
	"slices"
	"sort"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/filter"
)

// Build lays out the pane: the views; the saved queries, in the order
// given; the tags any feed carries; byline's own feeds in no folder, then
// its tree of folders; then, when feeds have accounts, each account (sorted
// by name) with its tree of folders and then its feeds in no folder.
//
// A feed sits once, in its one folder (model.Feed.Folder, a path): each
// folder row is followed by the folders inside it, one step further in,
// then by its own feeds, and counts the unread articles of everything
// inside it. Folders are sorted by name and matched without regard to
// ASCII case as the library does, each named as first spelled; so are
// tags, which are rows of their own ("#tag"), never places a feed sits in.
// A collapsed group shows only its own row.
func Build(feeds []model.Feed, collapsed map[Group]bool, queries ...SavedQuery) []Entry {
	total, starred := 0, 0
	byAccount := map[string][]*model.Feed{}
	var accounts []string
	for i := range feeds {
		f := &feeds[i]
		total += f.Unread
		starred += f.Starred
		if _, seen := byAccount[f.Account]; !seen && f.Account != "" {
			accounts = append(accounts, f.Account)
		}
		byAccount[f.Account] = append(byAccount[f.Account], f)
	}
	sort.Strings(accounts)
	own := place{local: len(accounts) > 0, collapsed: collapsed}
	own.plant(byAccount[""])
	places := make([]place, len(accounts))
	rows := 3 + len(queries) + len(feeds) + len(accounts) + own.folders
	for i, name := range accounts {
		places[i] = place{account: name, depth: 1, collapsed: collapsed}
		places[i].plant(byAccount[name])
		rows += places[i].folders
	}
	tags := tagRows(feeds)
	entries := make([]Entry, 0, rows+len(tags))
	entries = append(entries,
		Entry{Kind: All, Label: "All articles", Unread: total},
		Entry{Kind: Unread, Label: "Unread", Unread: total},
		Entry{Kind: Starred, Label: "Starred", Starred: starred})
	for _, q := range queries {
		entries = append(entries, Entry{Kind: Query, Label: q.Name, Filter: q.Filter, QueryErr: q.Err, Unread: q.Unread})
	}
	entries = append(entries, tags...)
	entries = own.appendFeeds(entries)
	for _, p := range places {
		sum := 0
		for _, f := range byAccount[p.account] {
			sum += f.Unread
		}
		entries = append(entries, Entry{Kind: Account, Label: p.account, Account: p.account, Unread: sum})
		if !collapsed[Group{Account: p.account}] {
			entries = p.appendFeeds(entries)
		}
	}
	return entries
}

// place is where feeds are laid out: byline's own or an account's, with
// its tree of folders and its feeds in no folder.
type place struct {
	account   string
	local     bool
	depth     int
	collapsed map[Group]bool

	root    folder
	loose   []*model.Feed
	folders int // how many folders the tree has
}

// folder is one folder of a place's tree while Build lays it out.
type folder struct {
	name, path, key string             // its own name and its path as first spelled; its path's key
	unread          int                // of every feed inside it, at any depth
	sub             map[string]*folder // by key, and by each spelling met
	subs            []*folder          // in the order first met; sorted when laid out
	feeds           []*model.Feed
}

// child is the folder named name inside f, made when first asked for; made
// says whether it was.
func (f *folder) child(name string) (c *folder, made bool) {
	if c, ok := f.sub[name]; ok { // spelled as before: no key to make
		return c, false
	}
	k := tagKey(name)
	if c, ok := f.sub[k]; ok {
		f.sub[name] = c
		return c, false
	}
	c = &folder{name: name, path: name, key: k}
	if f.key != "" {
		c.path, c.key = f.path+model.FolderSep+name, f.key+model.FolderSep+k
	}
	if f.sub == nil {
		f.sub = map[string]*folder{}
	}
	f.sub[k], f.sub[name] = c, c
	f.subs = append(f.subs, c)
	return c, true
}

// plant puts the place's feeds in its tree of folders, or among its loose
// feeds.
func (p *place) plant(feeds []*model.Feed) {
	for _, f := range feeds {
		if f.Folder == "" {
			p.loose = append(p.loose, f)
			continue
		}
		in := &p.root
		for name := range strings.SplitSeq(f.Folder, model.FolderSep) { // model.FolderNames, without a slice
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			var made bool
			if in, made = in.child(name); made {
				p.folders++
			}
			in.unread += f.Unread
		}
		if in == &p.root { // a path of blanks: no folder
			p.loose = append(p.loose, f)
			continue
		}
		in.feeds = append(in.feeds, f)
	}
}

// appendFeeds adds the place's tree of folders and its feeds in no folder:
// byline's own loose feeds come first (as they always have), an account's
// last.
func (p *place) appendFeeds(entries []Entry) []Entry {
	if p.account == "" {
		entries = p.appendLoose(entries)
	}
	entries = p.appendFolders(entries, &p.root, p.depth)
	if p.account != "" {
		entries = p.appendLoose(entries)
	}
	return entries
}

// appendFolders adds the folders inside in, sorted by name, at depth, each
// followed (unless folded) by its own folders and then its feeds.
func (p *place) appendFolders(entries []Entry, in *folder, depth int) []Entry {
	slices.SortFunc(in.subs, func(a, b *folder) int { return strings.Compare(a.key, b.key) })
	for _, f := range in.subs {
		entries = append(entries, Entry{Kind: Folder, Label: f.name, Account: p.account, Folder: f.key,
			Unread: f.unread, Depth: depth, local: p.local, path: f.path})
		if p.collapsed[Group{Account: p.account, Folder: f.key}] {
			continue
		}
		entries = p.appendFolders(entries, f, depth+1)
		for _, feed := range f.feeds {
			entries = append(entries, Entry{Kind: Feed, Label: feed.DisplayTitle(), Account: p.account, Folder: f.key,
				Feed: *feed, Unread: feed.Unread, Depth: depth + 1, local: p.local})
		}
	}
	return entries
}

func (p *place) appendLoose(entries []Entry) []Entry {
	for _, f := range p.loose {
		entries = append(entries, Entry{Kind: Feed, Label: f.DisplayTitle(), Account: p.account,
			Feed: *f, Unread: f.Unread, Depth: p.depth, local: p.local})
	}
	return entries
}

// tagRows are a row for each tag some feed carries, sorted, with the
// unread articles of the feeds that carry it (a feed counted once however
// often it spells the tag).
func tagRows(feeds []model.Feed) []Entry {
	type tag struct {
		name   string
		unread int
	}
	tags := map[string]*tag{}
	keyOf := map[string]string{} // each spelling's key, made once
	var keys, mine []string
	for _, f := range feeds {
		mine = mine[:0]
		for _, t := range f.Tags {
			k, ok := keyOf[t]
			if !ok {
				k = tagKey(t)
				keyOf[t] = k
			}
			if k == "" || slices.Contains(mine, k) {
				continue
			}
			mine = append(mine, k)
			if tags[k] == nil {
				tags[k] = &tag{name: strings.TrimSpace(t)}
				keys = append(keys, k)
			}
			tags[k].unread += f.Unread
		}
	}
	sort.Strings(keys)
	entries := make([]Entry, len(keys))
	for i, k := range keys {
		t := tags[k]
		entries[i] = Entry{Kind: Tag, Label: "#" + t.name, Tag: t.name, Unread: t.unread}
	}
	return entries
}

// FolderKey is a folder path's key, which names its folder across
// spellings: the path's names (model.FolderNames), trimmed, joined by "/",
// ASCII letters lower-cased, as the library matches folders.
func FolderKey(path string) string {
	return tagKey(strings.Join(model.FolderNames(path), model.FolderSep))
}

// Groups are the groups feed f sits in, outermost first: its account
// (none for byline's own), then each folder of its path; unfolding them
// all shows its row.
func Groups(f model.Feed) []Group {
	var gs []Group
	if f.Account != "" {
		gs = append(gs, Group{Account: f.Account})
	}
	key := ""
	for _, name := range model.FolderNames(f.Folder) {
		if key != "" {
			key += model.FolderSep
		}
		key += tagKey(name)
		gs = append(gs, Group{Account: f.Account, Folder: key})
	}
	return gs
}

// tagKey is a tag or a folder name as matched: trimmed, ASCII letters
// lower-cased (filter.LowerASCII, the store's and the filter's folding).
func tagKey(name string) string { return filter.LowerASCII(strings.TrimSpace(name)) }
