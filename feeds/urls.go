package feeds

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/byline-reader/byline/model"
)

// maxImportErrors bounds how many bad entries one import reports.
const maxImportErrors = 100

// LineError is one entry of an import file that byline refused.
type LineError struct {
	File string // "opml" or "urls"
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s line %d: %s", e.File, e.Line, e.Msg) }

// ImportErrors are the refused entries of an import file. ParseOPML and
// ParseURLs return them together with the entries they accepted, so a
// caller can import the good ones and report the rest.
type ImportErrors []*LineError

func (e ImportErrors) Error() string {
	switch len(e) {
	case 0:
		return "no errors"
	case 1:
		return e[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", e[0].Error(), len(e)-1)
}

func (e *ImportErrors) add(file string, line int, msg string) {
	if len(*e) < maxImportErrors {
		*e = append(*e, &LineError{File: file, Line: line, Msg: msg})
	}
}

// result is subs with errs as an error, nil when there are none.
func (e ImportErrors) result(subs []model.Subscription) ([]model.Subscription, error) {
	if len(e) == 0 {
		return subs, nil
	}
	return subs, e
}

// checkFeedURL accepts an http(s) URL and refuses everything else, above
// all newsboat's command feeds: byline never runs what a file names.
func checkFeedURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	lower := strings.ToLower(s)
	shown := fmt.Sprintf("%q", truncate(model.SanitizeLine(s), 80))
	switch {
	case s == "":
		return "", errors.New("empty feed URL")
	case strings.HasPrefix(lower, "exec:"), strings.HasPrefix(lower, "filter:"), strings.HasPrefix(s, "|"):
		return "", fmt.Errorf("%s runs a command: refused", shown)
	case model.Sanitize(s) != s || strings.ContainsAny(s, " \t\n"):
		return "", fmt.Errorf("%s: a URL cannot hold spaces or control characters", shown)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%s is not an http(s) URL", shown)
	}
	return u.Scheme + s[len(u.Scheme):], nil // "HTTPS://x" keeps its path, loses its shouting
}

// subscriptionList gathers subscriptions, merging the tags of a URL that
// appears twice into its first entry.
type subscriptionList struct {
	subs  []model.Subscription
	index map[string]int
}

func (l *subscriptionList) add(s model.Subscription) {
	if l.index == nil {
		l.index = map[string]int{}
	}
	i, ok := l.index[s.URL]
	if !ok {
		l.index[s.URL] = len(l.subs)
		l.subs = append(l.subs, s)
		return
	}
	first := &l.subs[i]
	if first.Title == "" {
		first.Title = s.Title
	}
	for _, t := range s.Tags {
		first.Tags = addTag(first.Tags, t)
	}
}

// addTag appends a sanitised tag unless it is empty or already there.
func addTag(tags []string, tag string) []string {
	tag = truncate(model.SanitizeLine(tag), maxLineField)
	if tag == "" || slices.Contains(tags, tag) {
		return tags
	}
	return append(tags, tag)
}

// ParseURLs reads a newsboat urls file: a feed URL per line, then tags
// separated by spaces ("quoted" when they hold spaces); a tag "~Name" names
// the feed. Blank lines and # comments are skipped, and so are "query:"
// lines (newsboat's virtual feeds). "exec:" and "filter:" entries, which
// would run commands, and any URL that is not http(s) are refused with an
// error naming the line; the other lines are still returned.
func ParseURLs(r io.Reader) ([]model.Subscription, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var list subscriptionList
	var errs ImportErrors
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || line[0] == '#' {
			continue
		}
		toks, err := splitURLsLine(line)
		if err != nil {
			errs.add("urls", n, err.Error())
			continue
		}
		if strings.HasPrefix(strings.ToLower(toks[0]), "query:") {
			continue
		}
		u, err := checkFeedURL(toks[0])
		if err != nil {
			errs.add("urls", n, err.Error())
			continue
		}
		sub := model.Subscription{URL: u, Line: n}
		for _, t := range toks[1:] {
			switch {
			case strings.HasPrefix(t, "~"):
				sub.Title = truncate(model.SanitizeLine(t[1:]), maxLineField)
			case t == "!": // newsboat's "hide this feed" mark
			default:
				sub.Tags = addTag(sub.Tags, t)
			}
		}
		list.add(sub)
	}
	if err := sc.Err(); err != nil {
		if !errors.Is(err, bufio.ErrTooLong) {
			return list.subs, fmt.Errorf("read urls file: %w", err)
		}
		errs.add("urls", n+1, "line too long")
	}
	return errs.result(list.subs)
}

// splitURLsLine splits a urls line into its words; a "quoted word" may hold
// spaces, and \" or \\ inside quotes stand for " and \.
func splitURLsLine(line string) ([]string, error) {
	var toks []string
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(line) && line[j] != '"'; j++ {
				if line[j] == '\\' && j+1 < len(line) {
					j++
				}
				b.WriteByte(line[j])
			}
			if j >= len(line) {
				return nil, errors.New("unterminated quote")
			}
			toks = append(toks, b.String())
			i = j + 1
		default:
			j := i
			for j < len(line) && line[j] != ' ' && line[j] != '\t' {
				j++
			}
			toks = append(toks, line[i:j])
			i = j
		}
	}
	if len(toks) == 0 {
		return nil, errors.New("no URL")
	}
	return toks, nil
}
