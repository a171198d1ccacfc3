package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
	"github.com/byline-reader/byline/ui/jsonout"
	"github.com/byline-reader/byline/ui/termout"
)

func feedCommand(e *env) *cobra.Command {
	var asJSON bool
	keys := strings.Join(feedset.FeedKeys, ", ")
	c := &cobra.Command{
		Use:   "feed",
		Short: "a feed's settings: show them, set them",
		Long: "A feed's settings (FEED: its id or URL):\n  " + keys + ".\n" +
			"An account's feed takes title and folder, changed on its server.",
		RunE:              runs(e, func(args []string) error { return runFeed(e, asJSON, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	c.PersistentFlags().BoolVar(&asJSON, "json", false, "print the feed's settings as JSON")
	sub := func(name, use, short string, complete cobra.CompletionFunc) *cobra.Command {
		return &cobra.Command{
			Use: use, Short: short, ValidArgsFunction: complete,
			RunE: runs(e, func(args []string) error { return runFeed(e, asJSON, append([]string{name}, args...)) }),
		}
	}
	c.AddCommand(
		sub("show", "show FEED", "a feed's settings, a default in words", e.completeFeeds),
		sub("set", "set FEED KEY=VALUE...", "change settings (KEY= resets one)", e.completeFeedSet),
	)
	return c
}

// runFeed shows or changes a feed: `feed set URL|ID KEY=VALUE...`,
// `feed show URL|ID`.
func runFeed(e *env, asJSON bool, args []string) error {
	keyList := strings.Join(feedset.FeedKeys, ", ")
	if len(args) < 2 || (args[0] != "set" && args[0] != "show") {
		return usagef("feed needs set URL|ID KEY=VALUE... or show URL|ID (keys: %s)", keyList)
	}
	if args[0] == "show" && len(args) != 2 {
		return usagef("feed show needs one feed URL or id")
	}
	if args[0] == "set" && len(args) < 3 {
		return usagef("feed set needs KEY=VALUE after the feed (keys: %s)", keyList)
	}
	var values []feedset.FeedValue
	for _, kv := range args[2:] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return usagef("feed set: %q is not KEY=VALUE (keys: %s)", kv, keyList)
		}
		values = append(values, feedset.FeedValue{Key: strings.TrimSpace(k), Value: v})
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	var f model.Feed
	if args[0] == "set" {
		f, err = lib.EditFeed(e.ctx, args[1], values)
	} else {
		f, err = lib.FindFeed(e.ctx, args[1])
	}
	if err != nil {
		return err
	}
	return e.printFeed(f, asJSON)
}

// printFeed prints a feed's settings, a default in words.
func (e *env) printFeed(f model.Feed, asJSON bool) error {
	if asJSON {
		out := jsonout.FeedShow{ID: f.ID, URL: f.URL, Title: oneLine(f.DisplayTitle()),
			Folder: f.Folder, Tags: append([]string{}, f.Tags...), Settings: jsonout.Settings(f, true)}
		if f.Account != "" {
			out.Account = &f.Account
		}
		return termout.JSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "feed %d: %s\n", f.ID, oneLine(f.DisplayTitle()))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  url\t%s\n", oneLine(f.URL))
	if f.Account != "" {
		fmt.Fprintf(tw, "  account\t%s\n", oneLine(f.Account))
	}
	for _, v := range feedset.FeedValues(f) {
		value := oneLine(v.Value)
		if value == "" {
			value = e.defaultWords(v.Key, f)
		}
		fmt.Fprintf(tw, "  %s\t%s\n", v.Key, value)
		if v.Key == "title" && v.Value != "" && f.Title != "" && f.Account == "" {
			fmt.Fprintf(tw, "  \t(the feed's own: %s)\n", oneLine(f.Title))
		}
	}
	return tw.Flush()
}

// defaultWords says what a setting left to its default does.
func (e *env) defaultWords(key string, f model.Feed) string {
	switch key {
	case "title":
		return "(the feed's own: " + oneLine(f.Title) + ")"
	case "folder", "tags":
		return "(none)"
	case "interval":
		return "auto (adaptive)"
	case "fetch":
		return "full (each article's page)"
	case "user_agent":
		return "(byline's own)"
	case "keep_days":
		cfg, err := e.config()
		switch {
		case f.Account != "":
			return "all (the server's to keep)"
		case err == nil && cfg.Retention.KeepDays > 0:
			return strconv.Itoa(cfg.Retention.KeepDays) + " (the [retention] default)"
		}
		return "all"
	}
	return "all"
}
