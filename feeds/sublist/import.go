package sublist

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/byline-reader/byline/model"
)

// Limits on an import file. Past any of them the whole file is refused:
// such a file is a mistake or an attack, and half of it is no import.
const (
	maxImportBytes = 32 << 20 // the file
	maxURLsLine    = 1 << 20  // one line of a urls file
	maxImportSubs  = 100_000  // feeds (urls lines or OPML outlines)
	maxOutlines    = 100_000  // OPML outlines of any kind
	maxFolderDepth = 32       // OPML outlines inside outlines
	maxXMLDepth    = 64       // OPML elements inside elements
	maxSkipped     = 1000     // skipped lines reported one by one; the rest counted
	maxTags        = 100      // tags of one feed; more are dropped
)

// ImportFile is what an import file holds: the feeds to subscribe to, the
// saved queries (newsboat's query: lines, in byline's filter language)
// and every entry skipped, each with its line and why.
type ImportFile struct {
	Subs    []model.Subscription
	Queries []SavedQuery
	Skipped []*LineError

	index   map[string]int // Subs by URL, to merge a URL given twice
	more    int            // skipped entries past maxSkipped
	moreAt  int            // the line of the first of them
	queryAt map[string]int // Queries by name
}

// SavedQuery is a newsboat query feed as an expression of byline's filter
// language (model/filter), named as the urls file named it.
type SavedQuery struct {
	Name, Expr string
	Line       int
}

// LineError is one entry of an import file that byline skipped.
type LineError struct {
	File string // "opml" or "urls"
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s line %d: %s", e.File, e.Line, e.Msg) }

// errTooBig is what capReader returns past maxImportBytes.
var errTooBig = fmt.Errorf("larger than %d MB", maxImportBytes>>20)

// capReader reads at most maxImportBytes, then fails with errTooBig.
type capReader struct {
	r    io.Reader
	left int64
}

func newCapReader(r io.Reader) *capReader { return &capReader{r: r, left: maxImportBytes} }

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Only a reader with more to give is too big: a file of exactly
		// the limit is read to its end.
		var one [1]byte
		if n, _ := io.ReadFull(c.r, one[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, errTooBig
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// skip records an entry skipped at line; past maxSkipped only a count is
// kept, reported by finish as one last entry.
func (f *ImportFile) skip(file string, line int, format string, args ...any) {
	if len(f.Skipped) >= maxSkipped {
		if f.more == 0 {
			f.moreAt = line
		}
		f.more++
		return
	}
	msg := model.SanitizeLine(fmt.Sprintf(format, args...))
	f.Skipped = append(f.Skipped, &LineError{File: file, Line: line, Msg: msg})
}

// finish closes the skipped list and drops the indexes.
func (f *ImportFile) finish(file string) {
	if f.more > 0 {
		f.Skipped = append(f.Skipped, &LineError{File: file, Line: f.moreAt,
			Msg: fmt.Sprintf("and %d more entries skipped", f.more)})
	}
	f.index, f.queryAt, f.more = nil, nil, 0
}

// add gathers a subscription. A URL seen before is merged into its first
// entry: the first title and folder given win, the tags are joined.
func (f *ImportFile) add(s model.Subscription) {
	if f.index == nil {
		f.index = map[string]int{}
	}
	i, ok := f.index[s.URL]
	if !ok {
		f.index[s.URL] = len(f.Subs)
		f.Subs = append(f.Subs, s)
		return
	}
	first := &f.Subs[i]
	if first.Title == "" {
		first.Title = s.Title
	}
	if first.Folder == "" {
		first.Folder = s.Folder
	}
	for _, t := range s.Tags {
		first.Tags = addTag(first.Tags, t)
	}
}

// full says whether the file holds as many feeds as an import takes.
func (f *ImportFile) full() bool { return len(f.Subs) >= maxImportSubs }

// addQuery keeps a saved query unless one of the same name came first.
func (f *ImportFile) addQuery(q SavedQuery) {
	if f.queryAt == nil {
		f.queryAt = map[string]int{}
	}
	if at, ok := f.queryAt[q.Name]; ok {
		f.skip("urls", q.Line, "query %q: a query of that name is on line %d; skipped", q.Name, at)
		return
	}
	f.queryAt[q.Name] = q.Line
	f.Queries = append(f.Queries, q)
}

// addTag appends a sanitised tag unless it is empty, already there, or
// one past maxTags.
func addTag(tags []string, tag string) []string {
	if len(tags) >= maxTags {
		return tags
	}
	tag = cleanField(tag)
	if tag == "" || slices.Contains(tags, tag) {
		return tags
	}
	return append(tags, tag)
}

// cleanField makes a name from an import file one clean line of at most
// maxLineField bytes; a huge one is cut before it is cleaned.
func cleanField(s string) string {
	if len(s) > 4*maxLineField {
		s = s[:4*maxLineField]
	}
	return model.Truncate(strings.TrimSpace(model.SanitizeLine(s)), maxLineField)
}

// checkFeedURL accepts an http(s) URL and refuses everything else, above
// all newsboat's command feeds: byline never runs what a file names.
func checkFeedURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	lower := strings.ToLower(s)
	shown := fmt.Sprintf("%q", model.Truncate(model.SanitizeLine(s), 80))
	switch {
	case s == "":
		return "", errors.New("no feed URL; skipped")
	case strings.HasPrefix(lower, "exec:"), strings.HasPrefix(lower, "filter:"), strings.HasPrefix(s, "|"):
		return "", fmt.Errorf("%s runs a command; skipped", shown)
	case model.Sanitize(s) != s || strings.ContainsAny(s, " \t\n"):
		return "", fmt.Errorf("%s: a URL cannot hold spaces or control characters; skipped", shown)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%s is not an http(s) URL; skipped", shown)
	}
	return u.Scheme + s[len(u.Scheme):], nil // "HTTPS://x" keeps its path, loses its shouting
}

// maxLineField bounds one-line fields (titles, folders, tags) taken from a
// file, as feeds bounds those it takes from a feed.
const maxLineField = 1000
