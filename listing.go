package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/jsonout"
	"github.com/byline-reader/byline/ui/progress"
	"github.com/byline-reader/byline/ui/termout"
	"github.com/spf13/cobra"
)

func feedsCommand(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:               "feeds",
		Short:             "subscriptions, unread counts, last errors",
		RunE:              runs(e, func(args []string) error { return runFeeds(e, asJSON, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print an array of {id,url,title,unread,total,error,…}")
	return c
}

func runFeeds(e *env, asJSON bool, args []string) error {
	if len(args) != 0 {
		return usagef("feeds takes no arguments")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	all, err := lib.Feeds(e.ctx)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]jsonout.Feed, len(all))
		for i, f := range all {
			out[i] = jsonout.Feed{ID: f.ID, URL: f.URL, Title: oneLine(f.Title), Unread: f.Unread, Total: f.Total,
				Folder: f.Folder, Tags: append([]string{}, f.Tags...), Settings: jsonout.Settings(f, false)}
			if f.Account != "" {
				out[i].Account = &f.Account
			}
			if f.LastError != "" {
				msg := oneLine(f.LastError)
				out[i].Error = &msg
			}
		}
		return termout.JSON(e.stdout, out)
	}
	if len(all) == 0 {
		fmt.Fprintln(e.stdout, "no subscriptions yet: add one with `byline add URL` or `byline import FILE`")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUNREAD\tTOTAL\tTITLE\tURL")
	for _, f := range all {
		url := oneLine(f.URL)
		if f.Account != "" {
			url += "  (account " + f.Account + ")"
		}
		fmt.Fprintf(tw, "%d\t%d\t%d\t%s\t%s\n", f.ID, f.Unread, f.Total,
			truncate(oneLine(f.DisplayTitle()), 40), url)
		if f.LastError != "" {
			fmt.Fprintf(tw, "\t\t\t  ! %s\t\n", oneLine(f.LastError))
		}
	}
	return tw.Flush()
}

// emptyList is what list says when q selects nothing: why, as far as it
// can tell from q.
func emptyList(q model.ArticleQuery) string {
	switch {
	case q.Filter != "":
		return "no article matches the filter"
	case q.Unread && q.FeedID != 0:
		return "nothing unread in this feed"
	case q.Unread:
		return "nothing unread"
	case q.FeedID != 0:
		return "no articles in this feed yet: run `byline refresh`"
	}
	return "no articles yet: run `byline refresh`"
}

// listOptions are list's flags.
type listOptions struct {
	json, unread        bool
	feed, filter, query string
	limit               int
}

func listCommand(e *env) *cobra.Command {
	var o listOptions
	c := &cobra.Command{
		Use:               "list",
		Short:             "headlines, newest first",
		Example:           "byline list --unread --limit 20\nbyline list --filter 'title =~ \"climate\" and age < 3'",
		RunE:              runs(e, func(args []string) error { return runList(e, o, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	f := c.Flags()
	f.BoolVar(&o.json, "json", false, "print an array of {id,title,url,site,feed,…}")
	f.BoolVar(&o.unread, "unread", false, "only unread articles")
	f.StringVar(&o.feed, "feed", "", "only this feed's articles: its URL or id")
	f.IntVar(&o.limit, "limit", 50, "at most this many articles; 0: all")
	filterFlag(c, &o.filter)
	f.StringVar(&o.query, "query", "", "only a saved query's articles: its name")
	c.RegisterFlagCompletionFunc("feed", e.completeFeeds)
	c.RegisterFlagCompletionFunc("query", e.completeQueries)
	return c
}

func runList(e *env, o listOptions, args []string) error {
	if len(args) != 0 {
		return usagef("list takes no arguments (did you mean --feed URL?)")
	}
	if o.limit < 0 {
		return usagef("--limit cannot be negative")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	q := model.ArticleQuery{Unread: o.unread, Limit: o.limit, Filter: o.filter}
	if q.Filter, err = withSavedQuery(e, o.query, q.Filter); err != nil {
		return err
	}
	if o.feed != "" {
		f, err := lib.FindFeed(e.ctx, o.feed)
		if err != nil {
			return err
		}
		q.FeedID = f.ID
	}
	arts, err := lib.Articles(e.ctx, q)
	if err != nil {
		return err
	}
	return printArticles(e, o.json, arts, emptyList(q))
}

// searchOptions are search's flags.
type searchOptions struct {
	json   bool
	limit  int
	filter string
}

func searchCommand(e *env) *cobra.Command {
	var o searchOptions
	c := &cobra.Command{
		Use:               "search QUERY",
		Short:             "search the stored articles' text",
		RunE:              runs(e, func(args []string) error { return runSearch(e, o, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	f := c.Flags()
	f.BoolVar(&o.json, "json", false, "print an array of {id,title,url,site,feed,…}")
	f.IntVar(&o.limit, "limit", 50, "at most this many articles")
	filterFlag(c, &o.filter)
	return c
}

// filterFlag is list's and search's --filter: an expression of the filter
// language (README: Filters), which completion leaves to the user.
func filterFlag(c *cobra.Command, expr *string) {
	c.Flags().StringVar(expr, "filter", "", "only the articles this expression selects")
	c.RegisterFlagCompletionFunc("filter", cobra.NoFileCompletions)
}

func runSearch(e *env, o searchOptions, args []string) error {
	if len(args) == 0 {
		return usagef("search needs words to look for")
	}
	if o.limit < 0 {
		return usagef("--limit cannot be negative")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	if isTerminal(e.rawErr) {
		fmt.Fprint(e.rawErr, "\r\x1b[Kindexing new articles for search…")
	}
	_, err = lib.IndexSearch(e.ctx)
	if isTerminal(e.rawErr) {
		fmt.Fprint(e.rawErr, "\r\x1b[K")
	}
	if err != nil {
		return err
	}
	arts, err := lib.SearchFilter(e.ctx, strings.Join(args, " "), o.filter, o.limit)
	if err != nil {
		return err
	}
	return printArticles(e, o.json, arts, "nothing found")
}

func printArticles(e *env, asJSON bool, arts []model.Article, empty string) error {
	if asJSON {
		out := make([]jsonout.Article, len(arts))
		for i, a := range arts {
			out[i] = jsonout.Article{
				ID: a.ID, Title: oneLine(a.Title), URL: oneLine(a.URL),
				Site: a.SiteName(), Feed: oneLine(a.FeedTitle), Author: oneLine(a.Author),
				Published: rfc3339(a.Published), Read: a.Read, Starred: a.Starred,
			}
		}
		return termout.JSON(e.stdout, out)
	}
	if len(arts) == 0 {
		fmt.Fprintln(e.stdout, empty)
		return nil
	}
	now := time.Now()
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, a := range arts {
		mark := " "
		if !a.Read {
			mark = "●"
		}
		if a.Starred {
			mark += "★"
		} else {
			mark += " "
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", a.ID, mark, model.HeadlineAge(now, a),
			truncate(oneLine(a.FeedTitle), 24), oneLine(a.Title))
	}
	return tw.Flush()
}

// oneLine is outside text flattened to one line (newlines and tabs become
// spaces) and sanitised, for a table cell or a one-line message.
func oneLine(s string) string { return model.SanitizeLine(s) }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// refreshOptions are refresh's flags.
type refreshOptions struct {
	json, due bool
}

func refreshCommand(e *env) *cobra.Command {
	var o refreshOptions
	c := &cobra.Command{
		Use:   "refresh",
		Short: "sync every account, then fetch every feed",
		Long: "Sync every account, then fetch every feed; progress on a terminal, a\n" +
			"summary at the end. It succeeds when at least one feed could be read.",
		RunE:              runs(e, func(args []string) error { return runRefresh(e, o, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	c.Flags().BoolVar(&o.json, "json", false, "print the summary as JSON")
	c.Flags().BoolVar(&o.due, "due", false, "only the feeds and accounts due (for cron)")
	return c
}

func runRefresh(e *env, o refreshOptions, args []string) error {
	if len(args) != 0 {
		return usagef("refresh takes no arguments")
	}
	limitHeap()
	lib, err := e.library()
	if err != nil {
		return err
	}
	var shown library.Progress
	line := progress.NewLine(e.rawErr)
	if isTerminal(e.rawErr) {
		shown = library.Progress{Feed: line.Feed, Sync: line.Sync}
	}
	var sum library.Summary
	if o.due {
		sum, err = lib.RefreshDue(e.ctx, shown)
	} else {
		sum, err = lib.Refresh(e.ctx, shown)
	}
	line.Clear() // before the summary, which would follow it on its line
	if err != nil {
		return fmt.Errorf("refresh stopped: %w", err)
	}
	if o.json {
		if err := termout.JSON(e.stdout, refreshJSON(sum)); err != nil {
			return err
		}
	}
	failedAccounts := printSyncResults(e, "refresh", sum.Accounts, o.json)
	if !o.json {
		switch {
		case sum.Feeds == 0 && len(sum.Accounts) == 0 && o.due:
			fmt.Fprintln(e.stdout, "nothing due")
		case sum.Feeds == 0 && len(sum.Accounts) == 0:
			fmt.Fprintln(e.stdout, "no feeds to refresh: add one with `byline add URL`")
		case sum.Feeds > 0:
			fmt.Fprintln(e.stdout, sum.String())
		}
	}
	if sum.Feeds > 0 && sum.OK == 0 {
		return fmt.Errorf("every feed failed (%d)", sum.Failures.Len())
	}
	if failedAccounts > 0 {
		return fmt.Errorf("%d %s failed to sync", failedAccounts, plural(failedAccounts, "account", "accounts"))
	}
	return nil
}

// refreshSummaryJSON is what `refresh --json` prints.
type refreshSummaryJSON struct {
	Feeds    int              `json:"feeds"`
	OK       int              `json:"ok"`
	New      int              `json:"new"`
	Failed   int              `json:"failed"`
	Causes   []causeJSON      `json:"failures"`
	Accounts []syncResultJSON `json:"accounts"`
}

// causeJSON is one cause of failure: its words, how many feeds, and a
// few of their hosts (`byline feeds` lists every feed's error).
type causeJSON struct {
	Cause    string   `json:"cause"`
	Feeds    int      `json:"feeds"`
	Examples []string `json:"examples"`
}

func refreshJSON(sum library.Summary) refreshSummaryJSON {
	out := refreshSummaryJSON{Feeds: sum.Feeds, OK: sum.OK, New: sum.New, Failed: sum.Failures.Len(),
		Causes: []causeJSON{}, Accounts: syncJSON(sum.Accounts)}
	for _, c := range sum.Failures.List() {
		out.Causes = append(out.Causes, causeJSON{Cause: c.Text, Feeds: c.N, Examples: append([]string{}, c.Examples...)})
	}
	return out
}

// refreshHeap is the soft limit of the Go heap while a refresh runs: as
// it nears it, the collector runs sooner rather than let the heap double
// (GOGC's default) while thousands of parsed articles pass through. It
// costs a few percent of CPU and keeps a refresh of 500 × 100 under 100 MiB
// (the SQLite engine's own memory comes on top). GOMEMLIMIT, when set, wins.
const refreshHeap = 60 << 20

func limitHeap() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(refreshHeap)
	}
}
