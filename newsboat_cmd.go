package main

import (
	"strings"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/ui/termout"
	"github.com/spf13/cobra"
)

// newsboatOptions are import's flags for newsboat's cache.
type newsboatOptions struct {
	cache, starFlags string
}

func (o *newsboatOptions) register(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&o.cache, "newsboat-cache", "", "read and starred state from newsboat's cache.db")
	f.StringVar(&o.starFlags, "star-flags", "", `newsboat's flags that mean starred (default "s")`)
}

// runNewsboat is import with --newsboat-cache: the cache's state brought
// to the articles byline has.
func runNewsboat(e *env, opts importOptions, args []string) error {
	o, place := opts.newsboat, opts.placeOptions
	if o.starFlags == "" {
		o.starFlags = "s"
	}
	switch {
	case len(args) > 0:
		return usagef("--newsboat-cache takes no FILE: import the subscriptions first, refresh, then the cache")
	case place.account != "" || place.folder != "":
		return usagef("--newsboat-cache takes neither --account nor --folder")
	case strings.Trim(o.starFlags, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "":
		return usagef("--star-flags takes newsboat's flag letters (A-Z, a-z), not %q", o.starFlags)
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	res, err := lib.ImportNewsboatState(e.ctx, o.cache, o.starFlags, opts.dryRun)
	if err != nil {
		return err
	}
	if place.json {
		return termout.JSON(e.stdout, struct {
			Cache string `json:"cache"`
			library.StateImport
		}{o.cache, res})
	}
	done, dry := "marked %d read, starred %d", ""
	if res.DryRun {
		done, dry = "would mark %d read, star %d", " (dry run: nothing changed)"
	}
	e.say(false, "%s: matched %d of %d items (%d unmatched); "+done+"%s\n",
		o.cache, res.Matched, res.Items, res.Unmatched, res.Read, res.Starred, dry)
	return nil
}
