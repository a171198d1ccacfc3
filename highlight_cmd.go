package main

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/byline-reader/byline/model/share"
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

func highlightsFlags(fs *flag.FlagSet, o *cmdOptions) {
	fs.BoolVar(&o.json, "json", false, "print an array of {id,article_id,text,title,site,url,created}")
	fs.BoolVar(&o.markdown, "markdown", false, "print each highlight as a markdown quote with its article's title, link and site")
}

func highlightFlags(fs *flag.FlagSet, o *cmdOptions) {
	fs.IntVar(&o.quote, "quote", 0, "keep quote `N`, numbered as byline quotes lists them")
}

func runHighlights(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("highlights takes no arguments")
	}
	if e.opts.json && e.opts.markdown {
		return usagef("choose one of --json and --markdown")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	if e.opts.markdown {
		return lib.WriteHighlightsMarkdown(e.ctx, e.stdout)
	}
	hs, err := lib.Highlights(e.ctx, 0)
	if err != nil {
		return err
	}
	if e.opts.json {
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
		return writeJSON(e.stdout, out)
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

func runHighlight(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("highlight needs one article (an id or the link of a stored article) and --quote N")
	}
	if e.opts.quote == 0 {
		return usagef("highlight needs --quote N (`byline quotes %s` numbers them)", args[0])
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	h, err := lib.HighlightQuote(e.ctx, args[0], e.opts.quote)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "kept highlight %d of article %d (%s): “%s”\n", h.ID, h.ArticleID,
		oneLine(h.ArticleTitle), oneLine(h.Text))
	return err
}
