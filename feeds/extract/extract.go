package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/byline-reader/byline/feeds/extract/furniture"
	"github.com/byline-reader/byline/feeds/extract/meta"
	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html"
)

// Extracted is an article as byline shows it: what the page says about it
// and its text as clean markdown. Every string is sanitised.
type Extracted struct {
	Title  string
	Site   string // the publication's name, when the page gives it
	Author string
	// Published keeps the zone the page gave. A time printed without one
	// (a dateline such as "8:37 am – Friday, June 21, 2024") is the local
	// time as given, carried in time.UTC. Zero when unknown.
	Published      time.Time
	Markdown       string
	Canonical      string // the page's canonical URL, else the URL it was read from
	ReadingMinutes int    // at model.WordsPerMinute, at least 1
}

// Version is the version of what Extract and FragmentToMarkdown make:
// raised when an article extracted before reads worse than the same page
// extracted again, so that its stored body is made anew (library). 2:
// pictures are kept.
const Version = 2

// ErrNoArticle is returned when a page holds no article text to show.
var ErrNoArticle = errors.New("no article found on the page")

// maxDepth bounds how deeply nested the elements of a page may be; deeper
// ones are dropped before extraction, so a page of nested <div>s can't
// make it slow.
const maxDepth = 200

// Extract finds the article in a web page (UTF-8, as FetchPage returns it)
// and turns it into clean markdown with its metadata. pageURL resolves
// relative links and is the canonical URL when the page names none.
func Extract(page []byte, pageURL string) (Extracted, error) {
	base := baseURL(pageURL)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Extracted{}, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	limitDepth(doc, maxDepth)
	pm := readPageMeta(doc, base)
	prepareForReadability(doc)

	f, err := findArticle(doc, base)
	if err != nil {
		return Extracted{}, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	if f.node == nil {
		return Extracted{}, ErrNoArticle
	}
	md, err := toMarkdown(f.node, base, pm.said(f.art))
	if err != nil {
		return Extracted{}, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	md = tidyBody(furniture.Clean(model.Sanitize(md)), base)
	// A leading byline or dateline paragraph that readability kept tells
	// the author or the time when the page's markup does not; shown in
	// the header, it leaves the text (see dropHeaderRepeats).
	ex := pm.extracted(f.art, f.lead.or(leadingMeta(md)))
	ex.Markdown = strings.TrimSpace(dropHeaderRepeats(md, ex))
	if ex.Markdown == "" {
		return Extracted{}, ErrNoArticle
	}
	ex.Markdown += "\n"
	if ex.Canonical == "" && base.Host != "" {
		ex.Canonical = model.SanitizeLine(pageURL)
	}
	ex.ReadingMinutes = model.ReadingMinutes(ex.Markdown)
	return ex, nil
}

// baseURL parses pageURL, or gives an empty URL that leaves links as they are.
func baseURL(pageURL string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return &url.URL{}
	}
	return u
}

// limitDepth removes the elements nested deeper than max, walking without
// recursion so that depth itself costs nothing.
func limitDepth(root *html.Node, max int) {
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := it.n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && it.depth+1 > max {
				it.n.RemoveChild(c)
			} else {
				stack = append(stack, item{c, it.depth + 1})
			}
			c = next
		}
	}
}

// ExtractText makes an article of a local text or markdown file. name is
// the file's name: a ".md" or ".markdown" file is kept as markdown, other
// text becomes paragraphs (one per line when the file has no blank lines,
// else one per block). A leading "# Title" gives the title, else the name
// does; leading byline and dateline lines ("By Jane Doe", "June 21, 2024")
// become Author, Site and Published instead of body text.
func ExtractText(text, name string) Extracted {
	text = strings.ReplaceAll(model.Sanitize(text), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\uFEFF")
	isMarkdown := hasSuffixFold(name, ".md") || hasSuffixFold(name, ".markdown")
	var ex Extracted
	lines := strings.Split(text, "\n")
	i := skipBlank(lines, 0)
	if i < len(lines) && strings.HasPrefix(lines[i], "# ") {
		ex.Title = model.SanitizeLine(strings.TrimPrefix(lines[i], "# "))
		i = skipBlank(lines, i+1)
	}
	for n := 0; n < 3 && i < len(lines); n++ {
		if !takeMetaLine(&ex, lines[i]) {
			break
		}
		i = skipBlank(lines, i+1)
	}
	body := strings.Join(lines[i:], "\n")
	if !isMarkdown {
		body = textParagraphs(body)
	}
	ex.Markdown = strings.TrimSpace(furniture.Clean(body))
	if ex.Markdown != "" {
		ex.Markdown += "\n"
	}
	if ex.Title == "" {
		ex.Title = titleFromName(name)
	}
	ex.ReadingMinutes = model.ReadingMinutes(ex.Markdown)
	return ex
}

// takeMetaLine fills author, site or published time from a byline or
// dateline line and reports whether the line was one.
func takeMetaLine(ex *Extracted, line string) bool {
	line = strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "*_"))
	if line == "" {
		return false
	}
	if ex.Author == "" {
		if a, site, ok := meta.ParseBylineMarked(line); ok {
			ex.Author, ex.Site = a, site
			return true
		}
	}
	if ex.Published.IsZero() {
		if t, ok := meta.ParseDateline(line); ok {
			ex.Published = t
			return true
		}
	}
	if ex.Author == "" && ex.Published.IsZero() {
		if a, site, t, ok := splitBylineDateline(line); ok {
			ex.Author, ex.Site, ex.Published = a, site, t
			return true
		}
	}
	return false
}

// splitBylineDateline reads one line holding a byline and then a dateline:
// "James Meyers of the OAN 8:37 am – Friday, June 21, 2024".
func splitBylineDateline(line string) (author, site string, t time.Time, ok bool) {
	words := strings.Fields(line)
	if len(words) > 24 {
		return "", "", time.Time{}, false
	}
	for i := 1; i < len(words); i++ {
		head := strings.TrimRight(strings.Join(words[:i], " "), " ,|–—-·")
		a, s, ok1 := meta.ParseBylineMarked(head)
		if !ok1 {
			continue
		}
		if d, ok2 := meta.ParseDateline(strings.Join(words[i:], " ")); ok2 {
			return a, s, d, true
		}
	}
	return "", "", time.Time{}, false
}

// textParagraphs turns plain text into markdown paragraphs: blocks between
// blank lines, or single lines when the text has no blank line at all.
func textParagraphs(body string) string {
	body = strings.TrimSpace(body)
	if strings.Contains(body, "\n\n") {
		return body
	}
	return strings.ReplaceAll(body, "\n", "\n\n")
}

func skipBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// titleFromName makes "putin-warns_korea.txt" read "putin warns korea".
func titleFromName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndex(name, "."); i > 0 {
		name = name[:i]
	}
	name = strings.NewReplacer("-", " ", "_", " ").Replace(name)
	return model.SanitizeLine(name)
}
