package main

import (
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
	"github.com/byline-reader/byline/model/share"
)

// Completions offer what the database holds: article ids with their
// titles, feeds, accounts, share targets. They never create a database:
// with none yet there is nothing to offer.

// noFiles is the completion directive of a list that is the whole answer.
const noFiles = cobra.ShellCompDirectiveNoFileComp

// completionArticles is how many of the newest articles an id completion
// offers when nothing is typed yet.
const completionArticles = 40

// completionLibrary opens the database for a completion, or says there is
// none to open.
func (e *env) completionLibrary() (*library.Library, bool) {
	path, err := e.dbPath()
	if err != nil {
		return nil, false
	}
	if _, err := os.Stat(path); err != nil {
		return nil, false
	}
	e.noPrompt = true
	lib, err := e.library()
	return lib, err == nil
}

// completionFeeds are the database's feeds, none when there is no
// database yet.
func (e *env) completionFeeds() []model.Feed {
	lib, ok := e.completionLibrary()
	if !ok {
		return nil
	}
	feeds, _ := lib.Feeds(e.ctx)
	return feeds
}

// completeArticles offers article ids, newest first, each with its title;
// typed digits narrow them.
func (e *env) completeArticles(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	lib, ok := e.completionLibrary()
	if !ok {
		return nil, noFiles
	}
	limit := completionArticles
	if typed != "" {
		limit *= 25 // the newest whose ids begin with the digits typed
	}
	arts, err := lib.Articles(e.ctx, model.ArticleQuery{Limit: limit})
	if err != nil {
		return nil, noFiles
	}
	var out []cobra.Completion
	for _, a := range arts {
		if id := strconv.FormatInt(a.ID, 10); strings.HasPrefix(id, typed) {
			out = append(out, cobra.CompletionWithDesc(id, completionText(a.Title)))
			if len(out) == completionArticles {
				break
			}
		}
	}
	return out, noFiles
}

// completeTargets offers article ids, and files too: read, quotes and
// share take a local .html, .md or .txt file as well.
func (e *env) completeTargets(c *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	if typed != "" && strings.Trim(typed, "0123456789") != "" {
		return nil, cobra.ShellCompDirectiveDefault // a path or a URL
	}
	out, _ := e.completeArticles(c, args, typed)
	return out, cobra.ShellCompDirectiveDefault
}

// completeFeeds offers feed ids with their titles, and their URLs.
func (e *env) completeFeeds(_ *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	var out []cobra.Completion
	for _, f := range e.completionFeeds() {
		title := completionText(f.DisplayTitle())
		if id := strconv.FormatInt(f.ID, 10); strings.HasPrefix(id, typed) {
			out = append(out, cobra.CompletionWithDesc(id, title))
		}
		if typed != "" && strings.HasPrefix(f.URL, typed) {
			out = append(out, cobra.CompletionWithDesc(f.URL, title))
		}
	}
	return out, noFiles
}

// completeFeedSet offers a feed, then the keys of feed set.
func (e *env) completeFeedSet(c *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return e.completeFeeds(c, args, typed)
	}
	var out []cobra.Completion
	for _, k := range feedset.FeedKeys {
		if strings.HasPrefix(k+"=", typed) {
			out = append(out, k+"=")
		}
	}
	return out, noFiles | cobra.ShellCompDirectiveNoSpace
}

// completeAccounts offers the accounts of the database and the
// configuration.
func (e *env) completeAccounts(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var names []string
	if cfg, err := e.config(); err == nil {
		for name := range cfg.Accounts {
			names = append(names, name)
		}
	}
	if lib, ok := e.completionLibrary(); ok {
		if accts, err := lib.Accounts(e.ctx); err == nil {
			for _, a := range accts {
				names = append(names, a.Name)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names), noFiles
}

// completeFolders offers the folders feeds are in.
func (e *env) completeFolders(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var names []string
	for _, f := range e.completionFeeds() {
		if f.Folder != "" {
			names = append(names, f.Folder)
		}
	}
	slices.Sort(names)
	return slices.Compact(names), noFiles
}

// completeShareTargets offers the share targets, the configuration's too.
func (e *env) completeShareTargets(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cfg, err := e.config()
	if err != nil {
		cfg = model.DefaultConfig()
	}
	var out []cobra.Completion
	for _, t := range share.ShareTargets(cfg.Share) {
		out = append(out, cobra.CompletionWithDesc(t.Name, t.Label))
	}
	return out, noFiles
}

// completeQueries offers the configuration's saved queries.
func (e *env) completeQueries(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cfg, err := e.config()
	if err != nil {
		return nil, noFiles
	}
	var out []cobra.Completion
	for _, q := range cfg.SavedQueries() {
		out = append(out, cobra.CompletionWithDesc(q.Name, completionText(q.Filter)))
	}
	return out, noFiles
}

// completionText is a title fit for a completion's description: one line,
// no tabs, at most 60 characters.
func completionText(s string) string {
	s = strings.ReplaceAll(oneLine(s), "\t", " ")
	return truncate(s, 60)
}
