package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/ui/termout"
)

// shareOptions are share's flags.
type shareOptions struct {
	json   bool
	target string
	quote  int
}

func shareCommand(e *env) *cobra.Command {
	var o shareOptions
	c := &cobra.Command{
		Use:   "share TARGET",
		Short: "an article's share links",
		Long: "Print an article's share links: every target's, or --target NAME's only.\n" +
			"--quote N shares quote N (as `byline quotes` numbers them): the quote\n" +
			"with its link, and a deep link that opens the page at its words.",
		RunE:              runs(e, func(args []string) error { return runShare(e, o, args) }),
		ValidArgsFunction: e.completeTargets,
	}
	f := c.Flags()
	f.BoolVar(&o.json, "json", false, "print {target,link,error} objects as JSON")
	f.StringVar(&o.target, "target", "", "only this target's link (link, markdown, …)")
	f.IntVar(&o.quote, "quote", 0, "share quote N, with a deep link to it")
	c.RegisterFlagCompletionFunc("target", e.completeShareTargets)
	return c
}

// shareJSON is one link of `share --json`.
type shareJSON struct {
	Target string `json:"target"`
	Link   string `json:"link"`
	Error  string `json:"error,omitempty"`
}

func runShare(e *env, o shareOptions, args []string) error {
	if len(args) != 1 {
		return usagef("share needs one article id, URL or file")
	}
	if o.quote < 0 {
		return usagef("--quote takes a quote's number, from 1")
	}
	cfg, err := e.config()
	if err != nil {
		return err
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	if o.target != "" {
		_, link, err := lib.ShareLink(e.ctx, args[0], o.quote, o.target, cfg.Share)
		if err != nil {
			return err
		}
		if o.json {
			return termout.JSON(e.stdout, []shareJSON{{Target: oneLine(link.Name), Link: oneLine(link.Value)}})
		}
		_, err = fmt.Fprintln(e.stdout, oneLine(link.Value))
		return err
	}
	_, links, err := lib.ShareLinks(e.ctx, args[0], o.quote, cfg.Share)
	if err != nil {
		return err
	}
	switch {
	case o.json:
		return termout.JSON(e.stdout, sharesJSON(links))
	case o.quote > 0:
		return printQuoteShare(e, o.quote, links)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TARGET\tLINK")
	for _, l := range links {
		value := oneLine(l.Value)
		if l.Err != nil {
			value = "(" + strings.TrimPrefix(oneLine(l.Err.Error()), l.Name+": ") + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\n", oneLine(l.Name), value)
	}
	return tw.Flush()
}

func sharesJSON(links []share.ShareLink) []shareJSON {
	out := make([]shareJSON, 0, len(links))
	for _, l := range links {
		j := shareJSON{Target: oneLine(l.Name), Link: oneLine(l.Value)}
		if l.Err != nil {
			j.Error = oneLine(l.Err.Error())
		}
		out = append(out, j)
	}
	return out
}

// printQuoteShare prints the quote with its link and the deep link to it;
// when no deep link can be made the plain link stands in, with a note on
// stderr saying why.
func printQuoteShare(e *env, n int, links []share.ShareLink) error {
	var quote, deep, plain share.ShareLink
	for _, l := range links {
		switch {
		case l.Custom:
		case l.Name == "quote":
			quote = l
		case l.Name == "deeplink":
			deep = l
		case l.Name == "link":
			plain = l
		}
	}
	if quote.Err != nil {
		return quote.Err
	}
	deepValue := deep.Value
	if deep.Err != nil || deepValue == "" {
		deepValue = plain.Value
		fmt.Fprintf(e.stderr, "byline share: no deep link to quote %d (%s); the plain link stands in\n",
			n, oneLine(fmt.Sprint(deep.Err)))
	}
	_, err := fmt.Fprintf(e.stdout, "quote: %s\ndeep link: %s\n",
		oneLine(quote.Value), oneLine(deepValue))
	return err
}
