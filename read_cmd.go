package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
	"github.com/byline-reader/byline/ui"
	"github.com/byline-reader/byline/ui/jsonout"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/termout"
)

// readOptions are read's flags.
type readOptions struct {
	json, markdown, plain bool
	width                 int
}

func readCommand(e *env) *cobra.Command {
	var o readOptions
	c := &cobra.Command{
		Use:   "read TARGET",
		Short: "an article, in the app or printed",
		Long: "Read an article: TARGET is an article's id, a URL, or a .html, .htm, .md\n" +
			"or .txt file. On a terminal it opens in the app; otherwise, or with\n" +
			"--plain, --markdown or --json, it is printed.",
		RunE:              runs(e, func(args []string) error { return runRead(e, o, args) }),
		ValidArgsFunction: e.completeTargets,
	}
	f := c.Flags()
	f.BoolVar(&o.json, "json", false, "print an object {id,title,url,markdown,quotes,…}")
	f.BoolVar(&o.markdown, "markdown", false, "print the cleaned markdown")
	f.BoolVar(&o.plain, "plain", false, "print the text as the reader shows it")
	f.IntVar(&o.width, "width", 80, "the width --plain wraps to, in columns")
	return c
}

func quotesCommand(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:               "quotes TARGET",
		Short:             "an article's quotations and who said them",
		RunE:              runs(e, func(args []string) error { return runQuotes(e, asJSON, args) }),
		ValidArgsFunction: e.completeTargets,
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print an array of {n,text,speaker,paragraph}")
	return c
}

func runRead(e *env, o readOptions, args []string) error {
	if len(args) != 1 {
		return usagef("read needs one article id, URL or file")
	}
	if btoi(o.json)+btoi(o.markdown)+btoi(o.plain) > 1 {
		return usagef("choose one of --json, --markdown and --plain")
	}
	if o.width < 20 || o.width > 1000 {
		return usagef("--width must be between 20 and 1000")
	}
	inApp := !o.json && !o.markdown && !o.plain && isTerminal(e.rawOut) && isTerminal(e.stdin)
	var cfg model.Config
	if inApp {
		var err error
		if cfg, err = e.appConfig(); err != nil {
			return err
		}
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	r, err := lib.Read(e.ctx, args[0])
	if err != nil {
		return err
	}
	a := r.Article
	switch {
	case o.json:
		return termout.JSON(e.stdout, articleObject(r))
	case o.markdown:
		_, err := fmt.Fprintln(e.stdout, strings.TrimRight(a.Markdown, "\n"))
		return err
	case inApp:
		return ui.RunArticle(e.ctx, lib, cfg, r)
	}
	text, err := reader.Text(r, o.width)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(e.stdout, text)
	return err
}

func articleObject(r model.Reading) jsonout.Read {
	a := r.Article
	md := a.Markdown
	links, images := markdown.Refs(r.Body)
	return jsonout.Read{
		ID: a.ID, Title: oneLine(a.Title), URL: oneLine(a.URL),
		Site: a.SiteName(), Author: oneLine(a.Author), Published: rfc3339(a.Published),
		Notice: oneLine(a.Notice), Markdown: md, Quotes: jsonout.Quotes(r.Quotes),
		Images: jsonout.Images(images), Links: jsonout.Links(markdown.Numbered(links)),
		Comments: oneLine(a.Comments), Enclosures: jsonout.Enclosures(a.Enclosures),
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func runQuotes(e *env, asJSON bool, args []string) error {
	if len(args) != 1 {
		return usagef("quotes needs one article id, URL or file")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	r, err := lib.Read(e.ctx, args[0])
	if err != nil {
		return err
	}
	qs := jsonout.Quotes(r.Quotes)
	if asJSON {
		return termout.JSON(e.stdout, qs)
	}
	if len(qs) == 0 {
		fmt.Fprintln(e.stdout, "no quotations found")
		return nil
	}
	for _, q := range qs {
		speaker := "speaker unknown"
		if q.Speaker != nil {
			speaker = *q.Speaker
		}
		fmt.Fprintf(e.stdout, "%d. “%s” — %s (paragraph %d)\n", q.N, strings.TrimSpace(q.Text), speaker, q.Paragraph)
	}
	return nil
}
