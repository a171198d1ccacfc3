package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/model"
)

// commands is the command line, in the order --help lists it.
var commands = []command{
	{name: "app", summary: "open the app (the default when no command is given)", run: runApp},
	{name: "read", args: "TARGET", summary: "an article (id, URL or .html/.md/.txt file), in the app or printed", flags: readFlags, run: runRead},
	{name: "quotes", args: "TARGET", summary: "the quotations of an article and who said them", flags: jsonFlag, run: runQuotes},
	{name: "add", args: "URL...", summary: "subscribe (a feed URL, or a site whose feed is discovered); --account NAME on a sync server", flags: placeFlags, run: runAdd},
	{name: "remove", args: "URL|ID", summary: "unsubscribe, deleting the feed's articles", run: runRemove},
	{name: "feeds", summary: "subscriptions with unread counts and last error", flags: jsonFlag, run: runFeeds},
	{name: "feed", args: "set URL|ID KEY=VALUE...|show URL|ID", summary: "a feed's settings: title, folder, interval, fetch, user_agent, keep_days, keep_items (an account's title and folder on its server)", flags: jsonFlag, run: runFeed},
	{name: "refresh", summary: "sync every account, then fetch every feed; progress on a terminal; --due: only what is due (for cron)", flags: refreshFlags, run: runRefresh},
	{name: "sync", args: "[NAME...]", summary: "sync accounts: send changes made here, take the server's feeds, articles and state", flags: jsonFlag, run: runSync},
	{name: "account", args: "add NAME|list|remove NAME", summary: "sync accounts on Google Reader API servers (Miniflux, FreshRSS…)", flags: accountCmdFlags, run: runAccount},
	{name: "list", summary: "headlines, newest first", flags: listFlags, run: runList},
	{name: "search", args: "QUERY", summary: "full-text search over stored articles", flags: searchFlags, run: runSearch},
	{name: "share", args: "TARGET", summary: "share links; --target NAME for one, --quote N for a quote", flags: shareFlags, run: runShare},
	{name: "highlights", summary: "every highlight kept, newest first (--json, --markdown)", flags: highlightsFlags, run: runHighlights},
	{name: "highlight", args: "TARGET --quote N", summary: "keep quote N of a stored article as a highlight", flags: highlightFlags, run: runHighlight},
	{name: "mark", args: "ID...", summary: "mark articles --read, --unread, --star or --unstar", flags: markFlags, run: runMark},
	{name: "import", args: "FILE", summary: "subscribe to every feed of an OPML or newsboat urls file; --account NAME on a sync server", flags: placeFlags, run: runImport},
	{name: "export", summary: "write the subscriptions as OPML on stdout", run: runExport},
}

func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func jsonFlag(fs *flag.FlagSet, o *cmdOptions) {
	fs.BoolVar(&o.json, "json", false, "print JSON")
}

func listFlags(fs *flag.FlagSet, o *cmdOptions) {
	jsonFlag(fs, o)
	fs.BoolVar(&o.unread, "unread", false, "only unread articles")
	fs.StringVar(&o.feed, "feed", "", "only the articles of this feed (URL or id)")
	fs.IntVar(&o.limit, "limit", 50, "at most this many (0: all)")
	filterFlag(fs, o)
	fs.StringVar(&o.query, "query", "", "only the articles of the saved query `NAME` ([queries] in the configuration)")
}

func filterFlag(fs *flag.FlagSet, o *cmdOptions) {
	fs.StringVar(&o.filter, "filter", "", "only the articles this `EXPR` selects (see README: Filters)")
}

func refreshFlags(fs *flag.FlagSet, o *cmdOptions) {
	fs.BoolVar(&o.due, "due", false, "only the feeds due by their schedule, and accounts not synced for 30 minutes")
}

func placeFlags(fs *flag.FlagSet, o *cmdOptions) {
	fs.StringVar(&o.account, "account", "", "subscribe through the server of the sync account `NAME`")
	fs.StringVar(&o.folder, "folder", "", "add: the `FOLDER` to put the feed in")
}

func searchFlags(fs *flag.FlagSet, o *cmdOptions) {
	jsonFlag(fs, o)
	fs.IntVar(&o.limit, "limit", 50, "at most this many")
	filterFlag(fs, o)
}

func markFlags(fs *flag.FlagSet, o *cmdOptions) {
	fs.BoolVar(&o.read, "read", false, "mark read")
	fs.BoolVar(&o.unreadMark, "unread", false, "mark unread")
	fs.BoolVar(&o.star, "star", false, "star")
	fs.BoolVar(&o.unstar, "unstar", false, "remove the star")
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "byline %s: a keyboard-driven news reader for the terminal\n\n", version)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  byline [--db PATH] [--config PATH]        open the app")
	fmt.Fprintln(w, "  byline COMMAND [ARGS] [FLAGS]")
	fmt.Fprintln(w, "\nCommands:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands[1:] {
		fmt.Fprintf(tw, "  %s %s\t%s\n", c.name, c.args, c.summary)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nGlobal flags:")
	fmt.Fprintln(w, "  --db PATH       the database (default: $XDG_DATA_HOME/byline/byline.db;")
	fmt.Fprintln(w, "                  a database named with --db starts empty)")
	fmt.Fprintln(w, "  --config PATH   the configuration file (default: $XDG_CONFIG_HOME/byline/config.toml)")
	fmt.Fprintln(w, "  --log FILE      append a log of fetches, syncs and timings (default: $BYLINE_LOG)")
	fmt.Fprintln(w, "  --help          help for byline or for a command")
	fmt.Fprintln(w, "  --version       print the version")
	fmt.Fprintln(w, "\nExit status: 0 success, 1 the work failed, 2 bad usage or input.")
}

func printCommandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	if c.name == "app" {
		printUsage(w)
		return
	}
	fmt.Fprintf(w, "Usage: byline %s %s\n\n%s.\n\nFlags:\n", c.name, strings.TrimSpace(c.args+" [FLAGS]"), capitalise(c.summary))
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		name := "--" + f.Name
		if arg != "" {
			name += " " + strings.ToUpper(arg)
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(w, "  %-16s %s%s\n", name, usage, def)
	})
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func runAdd(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("add needs at least one feed or site URL")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	var failed []string
	var lastErr error
	for _, a := range args {
		var f model.Feed
		var err error
		if e.opts.account != "" {
			f, err = lib.AddTo(e.ctx, e.opts.account, a, e.opts.folder)
		} else {
			f, err = lib.Add(e.ctx, a)
		}
		switch {
		case errors.Is(err, library.ErrExists):
			where := ""
			if f.Account != "" {
				where = ", in account " + f.Account
			}
			fmt.Fprintf(e.stdout, "already subscribed: %s (id %d%s)\n", f.URL, f.ID, where)
		case err != nil:
			failed = append(failed, a)
			lastErr = err
			if len(args) > 1 {
				fmt.Fprintf(e.stderr, "byline add: %s\n", oneLine(err.Error()))
			}
		default:
			fmt.Fprintf(e.stdout, "subscribed: %s (id %d)\n", f.URL, f.ID)
		}
	}
	if len(failed) == 1 {
		return lastErr
	}
	if len(failed) > 1 {
		return fmt.Errorf("%d of %d could not be added: %s", len(failed), len(args), strings.Join(failed, ", "))
	}
	return nil
}

func runRemove(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("remove needs one feed URL or id")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	f, err := lib.Remove(e.ctx, args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "unsubscribed: %s\n", f.URL)
	return nil
}

func runImport(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("import needs one file (OPML or a newsboat urls file)")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	var res library.ImportResult
	if e.opts.account != "" {
		res, err = lib.ImportTo(e.ctx, e.opts.account, args[0])
	} else {
		res, err = lib.Import(e.ctx, args[0])
	}
	for _, f := range res.Failed {
		fmt.Fprintf(e.stderr, "byline import: %s\n", f)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %s: %d new %s, %d already subscribed\n", args[0],
		res.Added, plural(res.Added, "subscription", "subscriptions"), res.Existing)
	if len(res.Failed) > 0 {
		return fmt.Errorf("%d of the file's feeds could not be subscribed", len(res.Failed))
	}
	return nil
}

func runExport(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("export takes no arguments; it writes OPML on stdout")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	return lib.Export(e.ctx, e.stdout)
}

func runMark(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("mark needs article ids")
	}
	ids, err := parseIDs(args)
	if err != nil {
		return err
	}
	o := e.opts
	var read, starred *bool
	if o.read && o.unreadMark || o.star && o.unstar {
		return usagef("mark: --read and --unread (or --star and --unstar) contradict each other")
	}
	if o.read || o.unreadMark {
		read = &o.read
	}
	if o.star || o.unstar {
		starred = &o.star
	}
	if read == nil && starred == nil {
		return usagef("mark needs --read, --unread, --star or --unstar")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	readIDs, starIDs, err := lib.MarkChanges(e.ctx, ids, read, starred)
	if err != nil {
		return err
	}
	n := len(union(readIDs, starIDs))
	fmt.Fprintf(e.stdout, "marked %d %s\n", n, plural(n, "article", "articles"))
	printMarkUndo(e, readIDs, starIDs, read, starred)
	return nil
}

func parseIDs(args []string) ([]int64, error) {
	ids := make([]int64, 0, len(args))
	for _, a := range args {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return nil, usagef("not an article id: %q", a)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
