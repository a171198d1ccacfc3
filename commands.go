package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/model"
	"github.com/spf13/cobra"
)

// A command is made by a function beside its body (fooCommand, runFoo),
// with its own options and flags; cli.go puts them together.

func addCommand(e *env) *cobra.Command {
	var o placeOptions
	c := &cobra.Command{
		Use:   "add URL...",
		Short: "subscribe to feeds, or to sites' feeds",
		Long: "Subscribe to feeds: a feed's URL, or a site's, whose feed is found in its\n" +
			"page. With --account, the feed is added on that sync account's server.",
		RunE:              runs(e, func(args []string) error { return runAdd(e, o, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	o.register(e, c)
	return c
}

// placeOptions are add's and import's flags: where the feeds go.
type placeOptions struct {
	json            bool
	account, folder string
}

func (o *placeOptions) register(e *env, c *cobra.Command) {
	f := c.Flags()
	f.BoolVar(&o.json, "json", false, "print what was done as JSON")
	f.StringVar(&o.account, "account", "", "subscribe on a sync account's server: its name")
	f.StringVar(&o.folder, "folder", "", "the folder to put the feeds in: its name")
	c.RegisterFlagCompletionFunc("account", e.completeAccounts)
	c.RegisterFlagCompletionFunc("folder", e.completeFolders)
}

func removeCommand(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:               "remove URL|ID",
		Short:             "unsubscribe, deleting the feed's articles",
		RunE:              runs(e, func(args []string) error { return runRemove(e, asJSON, args) }),
		ValidArgsFunction: e.completeFeeds,
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the feed removed as JSON")
	return c
}

func importCommand(e *env) *cobra.Command {
	var o placeOptions
	var nb newsboatOptions
	c := &cobra.Command{
		Use:   "import [FILE]",
		Short: "subscribe to the feeds of an OPML file",
		Long: "Subscribe to every feed of an OPML file or a newsboat urls file, all or\n" +
			"nothing: a malformed file imports none of it. With --newsboat-cache, bring\n" +
			"the read and starred state of the articles newsboat's cache.db knows.",
		RunE: runs(e, func(args []string) error { return nb.runImport(e, o, args) }),
	}
	o.register(e, c)
	nb.register(c)
	return c
}

func exportCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use:               "export",
		Short:             "write the subscriptions as OPML on stdout",
		RunE:              runs(e, func(args []string) error { return runExport(e, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
}

// markOptions are mark's flags.
type markOptions struct {
	json, read, unread, star, unstar bool
}

func markCommand(e *env) *cobra.Command {
	var o markOptions
	c := &cobra.Command{
		Use:               "mark ID...",
		Short:             "mark articles read, unread, starred or not",
		Long:              "Mark articles --read, --unread, --star or --unstar. Every id must exist,\nor nothing changes.",
		RunE:              runs(e, func(args []string) error { return runMark(e, o, args) }),
		ValidArgsFunction: e.completeArticles,
	}
	f := c.Flags()
	f.BoolVar(&o.json, "json", false, "print the articles changed as JSON")
	f.BoolVar(&o.read, "read", false, "mark read")
	f.BoolVar(&o.unread, "unread", false, "mark unread")
	f.BoolVar(&o.star, "star", false, "star")
	f.BoolVar(&o.unstar, "unstar", false, "remove the star")
	return c
}

// addJSON is one line of `add --json`: what became of one argument.
type addJSON struct {
	Input   string  `json:"input"`
	Status  string  `json:"status"` // subscribed, exists or failed
	ID      int64   `json:"id,omitempty"`
	URL     string  `json:"url,omitempty"`
	Account *string `json:"account"`
	Error   string  `json:"error,omitempty"`
}

func runAdd(e *env, o placeOptions, args []string) error {
	if len(args) == 0 {
		return usagef("add needs at least one feed or site URL")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	var failed []string
	var lastErr error
	out := make([]addJSON, 0, len(args))
	for _, a := range args {
		var f model.Feed
		var err error
		if o.account != "" {
			f, err = lib.AddTo(e.ctx, o.account, a, o.folder)
		} else {
			f, err = lib.Add(e.ctx, a)
		}
		r := addJSON{Input: a, Status: "subscribed", ID: f.ID, URL: f.URL}
		if f.Account != "" {
			r.Account = &f.Account
		}
		switch {
		case errors.Is(err, library.ErrExists):
			r.Status = "exists"
			where := ""
			if f.Account != "" {
				where = ", in account " + f.Account
			}
			e.say(o.json, "already subscribed: %s (id %d%s)\n", f.URL, f.ID, where)
		case err != nil:
			r = addJSON{Input: a, Status: "failed", Error: oneLine(err.Error())}
			failed = append(failed, a)
			lastErr = err
			if len(args) > 1 {
				fmt.Fprintf(e.stderr, "byline add: %s\n", oneLine(err.Error()))
			}
		default:
			e.say(o.json, "subscribed: %s (id %d)\n", f.URL, f.ID)
		}
		out = append(out, r)
	}
	if o.json {
		if err := writeJSON(e.stdout, out); err != nil {
			return err
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

// say prints a line of a command's words, unless it prints JSON instead.
func (e *env) say(asJSON bool, format string, args ...any) {
	if !asJSON {
		fmt.Fprintf(e.stdout, format, args...)
	}
}

// removedJSON is what `remove --json` prints: the feed removed.
type removedJSON struct {
	ID      int64   `json:"id"`
	URL     string  `json:"url"`
	Title   string  `json:"title"`
	Account *string `json:"account"`
}

func runRemove(e *env, asJSON bool, args []string) error {
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
	if asJSON {
		out := removedJSON{ID: f.ID, URL: f.URL, Title: oneLine(f.DisplayTitle())}
		if f.Account != "" {
			out.Account = &f.Account
		}
		return writeJSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "unsubscribed: %s\n", f.URL)
	return nil
}

// importJSON is what `import --json` prints.
type importJSON struct {
	File     string   `json:"file"`
	Added    int      `json:"added"`
	Existing int      `json:"existing"`
	Failed   []string `json:"failed"`
}

func runImport(e *env, o placeOptions, args []string) error {
	if len(args) != 1 {
		return usagef("import needs one file (OPML or a newsboat urls file)")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	var res library.ImportResult
	if o.account != "" {
		res, err = lib.ImportTo(e.ctx, o.account, args[0])
	} else {
		res, err = lib.Import(e.ctx, args[0])
	}
	for _, f := range res.Failed {
		fmt.Fprintf(e.stderr, "byline import: %s\n", f)
	}
	if err != nil {
		return err
	}
	if o.json {
		failed := append([]string{}, res.Failed...)
		if err := writeJSON(e.stdout, importJSON{File: args[0], Added: res.Added, Existing: res.Existing, Failed: failed}); err != nil {
			return err
		}
	}
	e.say(o.json, "imported %s: %d new %s, %d already subscribed\n", args[0],
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

// markJSON is what `mark --json` prints: the articles whose read state
// and whose star changed, and the commands that undo it.
type markJSON struct {
	Read    []int64  `json:"read_changed"`
	Starred []int64  `json:"star_changed"`
	Undo    []string `json:"undo"`
}

func runMark(e *env, o markOptions, args []string) error {
	if len(args) == 0 {
		return usagef("mark needs article ids")
	}
	ids, err := parseIDs(args)
	if err != nil {
		return err
	}
	var read, starred *bool
	if o.read && o.unread || o.star && o.unstar {
		return usagef("--read and --unread (or --star and --unstar) contradict each other")
	}
	if o.read || o.unread {
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
	undo := markUndo(e, readIDs, starIDs, read, starred)
	if o.json {
		return writeJSON(e.stdout, markJSON{Read: union(readIDs), Starred: union(starIDs), Undo: undo})
	}
	n := len(union(readIDs, starIDs))
	fmt.Fprintf(e.stdout, "marked %d %s\n", n, plural(n, "article", "articles"))
	for _, u := range undo {
		fmt.Fprintln(e.stderr, "to undo: "+u)
	}
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
