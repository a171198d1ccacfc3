package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/byline-reader/byline/feeds/internal/fastxml"
	"github.com/byline-reader/byline/model"
	"github.com/mmcdole/gofeed"
)

// ErrParse is wrapped by every error that says a document is not a feed
// byline can read.
var ErrParse = errors.New("parse error")

// maxLineField bounds one-line fields (titles, authors) taken from a feed,
// in bytes: a headline longer than this is an attack or a mistake.
const maxLineField = 1000

// ParsedFeed is a feed document turned into byline's values, sanitised.
type ParsedFeed struct {
	Title    string
	SiteURL  string
	Articles []model.Article
}

// Parse reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document. feedURL
// is where it came from, used to resolve relative links; at most maxItems
// articles are kept (all of them when maxItems <= 0). Every text field is
// sanitised. Parse does no IO.
func Parse(data []byte, feedURL string, maxItems int) (ParsedFeed, error) {
	return parseDoc(data, feedURL, maxItems, true)
}

// detectPeek is how much of a document gofeed's universal parser looks at
// to tell the format; byline looks at as much, so that it accepts exactly
// the documents gofeed.Parser did.
const detectPeek = 4096

// parseDoc parses data with gofeed's RSS, Atom or JSON parser and converts
// the result straight to byline's values. With fast set, large text
// bodies skip the XML tokenizer (see package fastxml); whenever that path
// cannot vouch for its result, the document is parsed again as it is.
// BenchmarkParse measures what fast buys.
func parseDoc(data []byte, feedURL string, maxItems int, fast bool) (pf ParsedFeed, err error) {
	defer func() {
		// gofeed reads strangers' bytes; a bug there must cost one feed,
		// not the app.
		if r := recover(); r != nil {
			pf, err = ParsedFeed{}, fmt.Errorf("%w: parser failed: %v", ErrParse, r)
		}
	}()
	kind := gofeed.DetectFeedType(bytes.NewReader(data[:min(len(data), detectPeek)]))
	if kind != gofeed.FeedTypeUnknown {
		if data, err = fastxml.CapItems(data, kind == gofeed.FeedTypeJSON, maxItems); err != nil {
			return ParsedFeed{}, fmt.Errorf("%w: %v", ErrParse, err)
		}
	}
	var src feedSource
	switch kind {
	case gofeed.FeedTypeJSON:
		src, err = parseJSON(data)
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		atom := kind == gofeed.FeedTypeAtom
		if fast {
			if doc, r := fastxml.Lift(data, atom); r != nil {
				if src, err = parseXML(doc, atom, r, maxItems); err == nil && !r.Bad() {
					break
				}
			}
		}
		src, err = parseXML(data, atom, nil, maxItems)
	default:
		err = gofeed.ErrFeedTypeNotDetected
	}
	if err != nil {
		return ParsedFeed{}, parseError(err)
	}
	return src.convert(feedURL, maxItems), nil
}

// convert turns a parsed feed into byline's values, sanitised.
func (src feedSource) convert(feedURL string, maxItems int) ParsedFeed {
	// Relative item links mean the site more often than the feed's host
	// (think of a feed served by a feed proxy), so the site is the base.
	base := absoluteURL(feedURL)
	site := resolveLink(base, src.link)
	if s := absoluteURL(site); s != nil {
		base = s
	}
	entries := src.entries
	if maxItems > 0 && len(entries) > maxItems {
		entries = entries[:maxItems]
	}
	pf := ParsedFeed{
		Title:    CleanLine(src.title),
		SiteURL:  site,
		Articles: make([]model.Article, 0, len(entries)),
	}
	for i := range entries {
		pf.Articles = append(pf.Articles, entries[i].article(base))
	}
	return pf
}

// errNoFeedType is a document in none of the feed formats (a web page,
// a picture…), told from a feed that is broken.
var errNoFeedType = fmt.Errorf("%w: not an RSS, Atom or JSON feed", ErrParse)

// parseError makes gofeed's complaint a short one-line reason.
func parseError(err error) error {
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return errNoFeedType
	}
	msg := model.Truncate(model.SanitizeLine(err.Error()), 160)
	return fmt.Errorf("%w: %s", ErrParse, msg)
}

// article turns one entry into an Article, sanitised.
func (e *entry) article(base *url.URL) model.Article {
	a := model.Article{
		Title:   CleanLine(e.title),
		Author:  e.authorLine(),
		Summary: model.Sanitize(e.summary),
		Content: model.Sanitize(e.content),
	}
	a.URL = resolveLink(base, e.link)
	if e.published != nil {
		a.Published = e.published.UTC()
	}
	if e.updated != nil {
		a.Updated = e.updated.UTC()
	}
	if a.Published.IsZero() {
		a.Published = a.Updated // Atom entries often carry only <updated>
	}
	a.Comments = resolveLink(base, e.comments)
	a.Enclosures = enclosures(base, e.files)
	keyLink := a.URL
	if keyLink == "" {
		keyLink = model.SanitizeLine(e.link)
	}
	if keyLink == "" && len(a.Enclosures) > 0 {
		keyLink = a.Enclosures[0].URL // a podcast episode without a page
	}
	text := a.Summary
	if text == "" {
		text = a.Content
	}
	a.Key = model.ArticleKey(model.SanitizeLine(e.guid), keyLink, a.Title, text)
	return a
}

// authorLine joins the entry's author names (or, lacking a name, emails).
func (e *entry) authorLine() string {
	var names []string
	for _, p := range e.authors {
		name := p.name
		if name == "" {
			name = p.email
		}
		if name = CleanLine(name); name != "" {
			names = append(names, name)
		}
	}
	if len(names) == 0 && e.author != nil {
		return CleanLine(e.author.name)
	}
	return model.Truncate(strings.Join(names, ", "), maxLineField)
}

// CleanLine makes a feed's one-line text plain and safe: tags stripped,
// HTML entities decoded (feeds often escape twice), controls removed, cut
// to maxLineField bytes. Sanitising comes last so that no entity can bring
// back an ESC. Other readers of outside data (sync/*) use it for theirs.
func CleanLine(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return model.Truncate(model.SanitizeLine(s), maxLineField)
}

// stripTags removes what looks like markup (<a ...>, </b>, <!-- -->, <?x?>)
// and keeps a lone '<' that starts no tag, as in "x < y".
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		c := s[i+1]
		isTag := c == '/' || c == '!' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z')
		end := strings.IndexByte(s[i:], '>')
		if !isTag || end < 0 {
			b.WriteByte('<')
			s = s[i+1:]
			continue
		}
		s = s[i+end+1:]
	}
	return b.String()
}

// absoluteURL parses s when it is an absolute http(s) URL, else nil.
func absoluteURL(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// maxLinkBytes bounds a link taken from a feed: a longer one is dropped.
const maxLinkBytes = 8 << 10

// resolveLink resolves ref against base and keeps it only when the result
// is an http(s) URL free of control characters and at most maxLinkBytes
// long: a feed's javascript: or data: link is dropped, never stored.
func resolveLink(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > maxLinkBytes || model.Sanitize(ref) != ref {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.RawQuery = escapeQuery(u.RawQuery)
	if s := u.String(); len(s) <= maxLinkBytes {
		return s
	}
	return ""
}

// ResolveLink is resolveLink for other readers of outside data (sync/*):
// ref resolved against base (an absolute http(s) URL, or "" for none), kept
// only when the result is a clean http(s) link; else "".
func ResolveLink(base, ref string) string {
	return resolveLink(absoluteURL(base), ref)
}

// escapeQuery percent-encodes what a query may not hold as it is (spaces,
// quotes, angle brackets, backticks, |, {, }…), which Go's URL parser
// leaves in place: a link stays one word wherever it is printed.
func escapeQuery(q string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c > ' ' && c < 0x7f && !strings.ContainsRune("\"<>\\^`{|}", rune(c)) {
			if b.Len() > 0 {
				b.WriteByte(c)
			}
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(q) + 8)
			b.WriteString(q[:i])
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	if b.Len() == 0 {
		return q
	}
	return b.String()
}
