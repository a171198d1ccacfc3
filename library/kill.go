package library

import (
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/filter"
	"github.com/byline-reader/byline/store"
	"github.com/byline-reader/byline/store/searchtext"
)

// killRule is an [[ignore]] rule, parsed.
type killRule struct {
	expr filter.Expr
	drop bool
}

func parseKillRules(rules []model.IgnoreRule) ([]killRule, error) {
	var out []killRule
	for i, r := range rules {
		e, err := r.Parse(i + 1)
		if err != nil {
			return nil, badInput("%w", err)
		}
		out = append(out, killRule{expr: e, drop: r.Mode == "drop"})
	}
	return out, nil
}

// killer decides, with the kill rules, what becomes of each article a
// fetch brings for the first time: shown, hidden, or dropped when any
// rule that selects it says so. The rules see the article as it arrives
// (unread unless the feed says otherwise, not starred, no highlights or
// quotes yet) with its feed's title, folders and account after this
// fetch. nil when there are no rules.
func (l *Library) killer(r model.FetchResult) func(model.Article) store.Visibility {
	if len(l.kill) == 0 {
		return nil
	}
	feed := r.Feed
	if r.Title != "" {
		feed.Title = r.Title
	}
	now := l.now()
	return func(a model.Article) store.Visibility {
		at := model.SortTime(a)
		rec := filter.Record{Title: a.Title, Author: a.Author, Content: searchtext.IndexText(a),
			FeedURL: feed.URL, FeedTitle: feed.DisplayTitle(), Folders: filter.FolderList(feed.Folder),
			Tags: feed.Tags, Account: feed.Account, Time: at, Unread: !a.Read, Starred: a.Starred, Now: now}
		v := store.Shown
		for _, k := range l.kill {
			if !filter.Eval(k.expr, rec) {
				continue
			}
			if k.drop {
				return store.Dropped
			}
			v = store.Hidden
		}
		return v
	}
}

// checkFilter says what is wrong with a filter expression, as bad input.
func checkFilter(expr string) error {
	if expr == "" {
		return nil
	}
	if _, err := filter.Parse(expr); err != nil {
		return badInput("filter: %w", err)
	}
	return nil
}
