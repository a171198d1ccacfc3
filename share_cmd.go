package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/byline-reader/byline/model/share"
)

func shareFlags(fs *flag.FlagSet, o *cmdOptions) {
	fs.StringVar(&o.target, "target", "", "print only the link of target `NAME`: link, markdown, quote, deeplink, open, email, bluesky, mastodon, x, reddit, hackernews, linkedin, facebook, telegram, whatsapp, or one of [share.targets]")
	fs.IntVar(&o.quote, "quote", 0, "share quote `N` (numbered as byline quotes lists them): the quote with its link, and a deep link to it")
}

func runShare(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("share needs one article id, URL or file")
	}
	if e.opts.quote < 0 {
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
	if e.opts.target != "" {
		_, link, err := lib.ShareLink(e.ctx, args[0], e.opts.quote, e.opts.target, cfg.Share)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.stdout, oneLine(link.Value))
		return err
	}
	_, links, err := lib.ShareLinks(e.ctx, args[0], e.opts.quote, cfg.Share)
	if err != nil {
		return err
	}
	if e.opts.quote > 0 {
		return printQuoteShare(e, links)
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

// printQuoteShare prints the quote with its link and the deep link to it;
// when no deep link can be made the plain link stands in, with a note on
// stderr saying why.
func printQuoteShare(e *env, links []share.ShareLink) error {
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
			e.opts.quote, oneLine(fmt.Sprint(deep.Err)))
	}
	_, err := fmt.Fprintf(e.stdout, "quote: %s\ndeep link: %s\n",
		oneLine(quote.Value), oneLine(deepValue))
	return err
}
