package library

import (
	"bufio"
	"bytes"
	"context"
	"os"

	"github.com/byline-reader/byline/feeds/sublist"
	"github.com/byline-reader/byline/model"
)

// ImportResult says what an import did, or would do (a dry run).
type ImportResult struct {
	Added    int // feeds subscribed
	Existing int // feeds already subscribed, left as they were
	Updated  int // feeds already subscribed that took a title, folder or tags they lacked
	// Skipped are the file's lines left out, one line each naming its
	// line and why (a command feed, a URL that is not http(s)…).
	Skipped []string
	// Queries are the file's saved queries (newsboat's query: feeds) in
	// the filter language, for the caller to keep in the configuration.
	Queries []model.SavedQuery
	Failed  []string // feeds an account's server refused, one line each
}

// ImportOptions are how an import goes: only counted (DryRun), every feed
// put inside a folder (its own folder path under Folder).
type ImportOptions struct {
	DryRun bool
	Folder string
}

// Import subscribes to every feed of an OPML file or a newsboat-style urls
// file: its titles kept as the user's, its folders and tags. A file past
// the import limits, or that is no import file, imports none of it;
// lines it cannot use are skipped and named. Importing the same file again
// changes nothing. A dry run counts the same and keeps nothing.
func (l *Library) Import(ctx context.Context, path string, o ImportOptions) (ImportResult, error) {
	file, err := readImportFile(path, o.Folder)
	if err != nil {
		return ImportResult{}, err
	}
	res := importResult(file)
	c, err := l.store.ImportFeeds(ctx, file.Subs, o.DryRun)
	res.Added, res.Existing, res.Updated = c.Added, c.Existing, c.Updated
	return res, err
}

// importResult is what a read import file says before anything is
// subscribed: its skipped lines and its saved queries.
func importResult(file sublist.ImportFile) ImportResult {
	var res ImportResult
	for _, s := range file.Skipped {
		res.Skipped = append(res.Skipped, s.Error())
	}
	for _, q := range file.Queries {
		res.Queries = append(res.Queries, model.SavedQuery{Name: q.Name, Filter: q.Expr})
	}
	return res
}

// readImportFile reads an OPML document or a newsboat urls file, telling
// them apart by their first character past blanks and a BOM, its URLs in
// the form byline stores; a URL that cannot be is skipped with its line;
// every folder goes under the folder path under ("" for none).
// The file is read through the parsers, whose limits refuse a file too
// large without reading all of it.
func readImportFile(path, under string) (sublist.ImportFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return sublist.ImportFile{}, badInput("read %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	r := bufio.NewReader(f)
	kind := "urls"
	head, _ := r.Peek(4096) // what it has, if less
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("<")) {
		kind = "opml"
	}
	var file sublist.ImportFile
	if kind == "opml" {
		file, err = sublist.ParseOPML(r)
	} else {
		file, err = sublist.ParseURLs(r)
	}
	if err != nil {
		return sublist.ImportFile{}, badInput("%s: %w", path, unwrapPathError(err))
	}
	kept := file.Subs[:0]
	for _, sub := range file.Subs {
		u, err := normaliseURL(sub.URL)
		if err != nil {
			file.Skipped = append(file.Skipped, &sublist.LineError{File: kind, Line: sub.Line,
				Msg: model.SanitizeLine(err.Error()) + "; skipped"})
			continue
		}
		sub.URL = u
		if under != "" {
			sub.Folder = model.FolderPath(append(model.FolderNames(under), model.FolderNames(sub.Folder)...)...)
		}
		kept = append(kept, sub)
	}
	file.Subs = kept
	if len(file.Subs) == 0 && len(file.Queries) == 0 && len(file.Skipped) > 0 {
		// nothing usable at all: not an import file (a go.sum, a binary)
		return sublist.ImportFile{}, badInput("%s: no feed byline can read in it (%d %s skipped; %v)",
			path, len(file.Skipped), plural(len(file.Skipped), "line", "lines"), file.Skipped[0])
	}
	return file, nil
}
