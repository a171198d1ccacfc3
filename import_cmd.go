package main

import (
	"fmt"
	"slices"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/library/paths"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/configedit"
	"github.com/byline-reader/byline/ui/termout"
	"github.com/spf13/cobra"
)

// importOptions are import's flags.
type importOptions struct {
	placeOptions
	newsboat newsboatOptions
	dryRun   bool
}

func importCommand(e *env) *cobra.Command {
	var o importOptions
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "subscribe to an OPML or newsboat urls file",
		Long: "Subscribe to every feed of an OPML file or a newsboat urls file, with its\n" +
			"title, folder and tags. Lines byline cannot use (exec: and filter: feeds,\n" +
			"URLs that are not http or https) are skipped and named; newsboat's query:\n" +
			"feeds become saved queries in the configuration. A file that is not an\n" +
			"import file, or past its limits, imports none of it. Importing the same\n" +
			"file again changes nothing. With --newsboat-cache, bring the read and\n" +
			"starred state of the articles newsboat's cache.db knows.",
		RunE: runs(e, func(args []string) error { return runImport(e, o, args) }),
	}
	o.register(e, c)
	o.newsboat.register(c)
	c.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "say what would be imported, and change nothing")
	return c
}

// importJSON is what `import --json` prints.
type importJSON struct {
	File     string      `json:"file"`
	DryRun   bool        `json:"dry_run"`
	Added    int         `json:"added"`
	Existing int         `json:"existing"` // already subscribed, left as they were
	Updated  int         `json:"updated"`  // already subscribed, given a title, folder or tags
	Skipped  []string    `json:"skipped"`  // one line each: the file's line and why
	Queries  []queryJSON `json:"queries"`  // saved queries added to the configuration
	Failed   []string    `json:"failed"`
	Config   string      `json:"config,omitempty"` // where the queries were kept
}

type queryJSON struct {
	Name   string `json:"name"`
	Filter string `json:"filter"`
}

func runImport(e *env, o importOptions, args []string) error {
	switch {
	case o.newsboat.cache != "":
		return runNewsboat(e, o, args)
	case o.newsboat.starFlags != "":
		return usagef("--star-flags goes with --newsboat-cache")
	case len(args) != 1:
		return usagef("import needs one file (OPML or a newsboat urls file)")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	var res library.ImportResult
	opts := library.ImportOptions{DryRun: o.dryRun, Folder: o.folder}
	if o.account != "" {
		res, err = lib.ImportTo(e.ctx, o.account, args[0], opts)
	} else {
		res, err = lib.Import(e.ctx, args[0], opts)
	}
	for _, f := range res.Failed {
		fmt.Fprintf(e.stderr, "byline import: %s\n", f)
	}
	if err != nil {
		return err
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(e.stderr, "byline import: %s\n", s)
	}
	added, where, err := e.keepQueries(res.Queries, o.dryRun)
	if err != nil {
		return err
	}
	if o.json {
		out := importJSON{File: args[0], DryRun: o.dryRun, Added: res.Added, Existing: res.Existing,
			Updated: res.Updated, Skipped: append([]string{}, res.Skipped...),
			Queries: []queryJSON{}, Failed: append([]string{}, res.Failed...), Config: where}
		for _, q := range added {
			out.Queries = append(out.Queries, queryJSON{Name: q.Name, Filter: q.Filter})
		}
		if err := termout.JSON(e.stdout, out); err != nil {
			return err
		}
	}
	e.say(o.json, "%s\n", importSummary(args[0], res, len(added), where, o.dryRun))
	if len(res.Failed) > 0 {
		return fmt.Errorf("%d of the file's feeds could not be subscribed", len(res.Failed))
	}
	return nil
}

// importSummary is import's one line: what it did, or would do.
func importSummary(file string, res library.ImportResult, queries int, config string, dryRun bool) string {
	verb, subs := "imported", plural(res.Added, "subscription", "subscriptions")
	if dryRun {
		verb = "would import"
	}
	line := fmt.Sprintf("%s %s: %d new %s, %d already subscribed", verb, file, res.Added, subs, res.Existing+res.Updated)
	if res.Updated > 0 {
		line += fmt.Sprintf(" (%d given a title, folder or tags)", res.Updated)
	}
	if n := len(res.Skipped); n > 0 {
		line += fmt.Sprintf(", %d %s skipped", n, plural(n, "line", "lines"))
	}
	if queries > 0 {
		added := "added to"
		if dryRun {
			added = "to add to"
		}
		line += fmt.Sprintf(", %d saved %s %s %s", queries, plural(queries, "query", "queries"), added, config)
	}
	return line
}

// keepQueries adds an import's saved queries to the configuration file,
// leaving alone a name it has; it returns those added (or that would be,
// on a dry run) and the file.
func (e *env) keepQueries(queries []model.SavedQuery, dryRun bool) ([]model.SavedQuery, string, error) {
	if len(queries) == 0 {
		return nil, "", nil
	}
	cfg, err := e.config()
	if err != nil {
		return nil, "", err
	}
	path, err := e.configPath()
	if err != nil {
		return nil, "", err
	}
	var added []model.SavedQuery
	edit := func(data []byte) []byte {
		out, names := configedit.AddQueries(data, cfg.Queries, queries)
		for _, q := range queries {
			if slices.Contains(names, q.Name) {
				added = append(added, q)
			}
		}
		return out
	}
	if dryRun {
		edit(e.cfgData)
		return added, path, nil
	}
	if err := paths.EditConfig(path, edit); err != nil {
		return nil, "", err
	}
	return added, path, nil
}
