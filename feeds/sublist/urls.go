package sublist

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/byline-reader/byline/feeds/newsboat"
	"github.com/byline-reader/byline/model"
)

// ParseURLs reads a newsboat urls file, as newsboat reads it: a feed URL
// per line, then its tags, separated by blanks ("quoted" when they hold
// blanks; a backslash takes the next character as it is). A tag "~Name"
// is the user's title for the feed (the first one on the line), a tag
// starting "!" (newsboat's hidden feed) is dropped, and a word starting
// with # outside quotes begins a comment to the end of the line; a # inside
// a word ("https://x/feed#top", "c#") is part of it. Tags stay tags: a urls
// file has no folders.
//
// "query:Name:expression" lines become saved queries when their newsboat
// expression has an equivalent in byline's filter language. Every other
// line byline cannot take is skipped and named in Skipped: "exec:" and
// "filter:" lines (byline never runs a command a file names), URLs that
// are not http(s), unterminated quotes, queries without an equivalent. A
// URL given twice is one feed: the first title wins, the tags are joined.
//
// The error refuses the whole file: a line over 1 MB, a file over 32 MB or
// of more than 100,000 feeds, or a read that failed.
func ParseURLs(r io.Reader) (ImportFile, error) {
	sc := bufio.NewScanner(newCapReader(r))
	sc.Buffer(make([]byte, 0, 64<<10), maxURLsLine+2) // +2: the line break
	var f ImportFile
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if len(line) > maxURLsLine {
			return ImportFile{}, fmt.Errorf("urls line %d: longer than 1 MB", n)
		}
		f.urlsLine(line, n)
		if f.full() {
			return ImportFile{}, fmt.Errorf("urls line %d: more than %d feeds", n, maxImportSubs)
		}
	}
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		return ImportFile{}, fmt.Errorf("urls line %d: longer than 1 MB", n+1)
	case errors.Is(err, errTooBig):
		return ImportFile{}, fmt.Errorf("urls: %w", err)
	case err != nil:
		return ImportFile{}, fmt.Errorf("read urls file: %s", model.SanitizeLine(err.Error()))
	}
	f.finish("urls")
	return f, nil
}

// urlsLine reads line n of a urls file into f.
func (f *ImportFile) urlsLine(line string, n int) {
	words, err := splitURLsLine(line)
	switch {
	case err != nil:
		f.skip("urls", n, "%s; skipped", err)
		return
	case len(words) == 0: // blank, or a comment
		return
	}
	first, lower := words[0], strings.ToLower(words[0])
	switch {
	case strings.HasPrefix(lower, "query:"):
		f.queryLine(first[len("query:"):], n)
		return
	case strings.HasPrefix(lower, "exec:"):
		f.skip("urls", n, "exec: runs a command; skipped")
		return
	case strings.HasPrefix(lower, "filter:"):
		f.skip("urls", n, "filter: runs a command; skipped")
		return
	}
	u, err := checkFeedURL(first)
	if err != nil {
		f.skip("urls", n, "%s", err)
		return
	}
	sub := model.Subscription{URL: u, Line: n}
	for _, w := range words[1:] {
		switch {
		case strings.HasPrefix(w, "~"):
			if sub.Title == "" {
				sub.Title = cleanField(w[1:])
			}
		case strings.HasPrefix(w, "!"): // newsboat's hidden feed: byline hides none
		default:
			sub.Tags = addTag(sub.Tags, w)
		}
	}
	f.add(sub)
}

// queryLine reads the "Name:expression" of a query: line.
func (f *ImportFile) queryLine(spec string, n int) {
	name, expr, ok := strings.Cut(spec, ":")
	name = cleanField(name)
	switch {
	case !ok || strings.TrimSpace(expr) == "":
		f.skip("urls", n, "query: no expression (query:Name:expression); skipped")
		return
	case name == "":
		f.skip("urls", n, "query: no name (query:Name:expression); skipped")
		return
	}
	translated, err := newsboat.TranslateFilter(expr)
	if err != nil {
		f.skip("urls", n, "query %q: %s; skipped", name, err)
		return
	}
	f.addQuery(SavedQuery{Name: name, Expr: translated, Line: n})
}

// splitURLsLine splits a urls line into its words as newsboat does: blanks
// separate words, a "quoted word" may hold blanks and ends at its closing
// quote, a backslash in quotes takes the next character as it is (\t, \n
// and \r are blanks), and a word that starts with # begins a comment. It
// gives no words for a blank or comment line.
func splitURLsLine(line string) ([]string, error) {
	var words []string
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			return words, nil
		case c == '"':
			w, next, ok := quotedWord(line, i+1)
			if !ok {
				return nil, errors.New("unterminated quote")
			}
			words = append(words, w)
			i = next
		default:
			j := i
			for j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] != '\r' {
				j++
			}
			words = append(words, line[i:j])
			i = j
		}
	}
	return words, nil
}

// quotedWord reads the quoted word whose text starts at line[i], giving
// it, the index past its closing quote, and whether there was one.
func quotedWord(line string, i int) (string, int, bool) {
	var b strings.Builder
	for ; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '"':
			return b.String(), i + 1, true
		case c == '\\' && i+1 < len(line):
			i++
			switch c = line[i]; c {
			case 't', 'n', 'r':
				c = ' '
			}
		}
		b.WriteByte(c)
	}
	return "", i, false
}
