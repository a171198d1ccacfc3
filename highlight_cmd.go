package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/ui/termout"
)

// highlightJSON is the shape `highlights --json` prints.
type highlightJSON struct {
	ID        int64   `json:"id"`
	ArticleID int64   `json:"article_id"`
	Text      string  `json:"text"`
	Title     string  `json:"title"`
	Site      string  `json:"site"`
	URL       string  `json:"url"`
	Created   *string `json:"created"`
}

// highlightsOptions are highlights' flags.
type highlightsOptions struct {
	json, markdown bool
}

func highlightsCommand(e *env) *cobra.Command {
	var o highlightsOptions
	c := &cobra.Command{
		Use:               "highlights",
		Short:             "every highlight kept, newest first",
		RunE:              runs(e, func(args []string) error { return runHighlights(e, o, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	c.Flags().BoolVar(&o.json, "json", false, "print an array of {id,article_id,text,title,…}")
	c.Flags().BoolVar(&o.markdown, "markdown", false, "print each as a markdown quote with its source")
	return c
}

func highlightCommand(e *env) *cobra.Command {
	var quote int
	c := &cobra.Command{
		Use:               "highlight TARGET",
		Short:             "keep an article's quote N as a highlight",
		RunE:              runs(e, func(args []string) error { return runHighlight(e, quote, args) }),
		ValidArgsFunction: e.completeArticles,
	}
	c.Flags().IntVar(&quote, "quote", 0, "keep quote N, as `byline quotes` numbers them")
	return c
}

func runHighlights(e *env, o highlightsOptions, args []string) error {
	if len(args) != 0 {
		return usagef("highlights takes no arguments")
	}
	if o.json && o.markdown {
		return usagef("choose one of --json and --markdown")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	if o.markdown {
		return lib.WriteHighlightsMarkdown(e.ctx, e.stdout)
	}
	hs, err := lib.Highlights(e.ctx, 0)
	if err != nil {
		return err
	}
	if o.json {
		out := make([]highlightJSON, len(hs))
		for i, h := range hs {
			link, err := share.CleanURL(h.ArticleURL)
			if err != nil {
				link = oneLine(h.ArticleURL)
			}
			out[i] = highlightJSON{
				ID: h.ID, ArticleID: h.ArticleID, Text: h.Text,
				Title: oneLine(h.ArticleTitle), Site: oneLine(h.Site),
				URL: link, Created: rfc3339(h.Created),
			}
		}
		return termout.JSON(e.stdout, out)
	}
	if len(hs) == 0 {
		fmt.Fprintln(e.stdout, "no highlights yet: keep one with `byline highlight ID --quote N`, or with h in the reader")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKEPT\tARTICLE\tTEXT")
	for _, h := range hs {
		article := fmt.Sprintf("%d %s", h.ArticleID, oneLine(h.ArticleTitle))
		if site := oneLine(h.Site); site != "" {
			article += " · " + site
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t“%s”\n", h.ID, h.Created.Format("2006-01-02"),
			truncate(article, 40), truncate(oneLine(h.Text), 60))
	}
	return tw.Flush()
}

func runHighlight(e *env, quote int, args []string) error {
	if len(args) != 1 {
		return usagef("highlight needs one article (an id or the link of a stored article) and --quote N")
	}
	if quote == 0 {
		return usagef("highlight needs --quote N (`byline quotes %s` numbers them)", args[0])
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	h, err := lib.HighlightQuote(e.ctx, args[0], quote)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "kept highlight %d of article %d (%s): “%s”\n", h.ID, h.ArticleID,
		oneLine(h.ArticleTitle), oneLine(h.Text))
	return err
}
