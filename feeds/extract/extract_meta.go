package extract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"github.com/byline-reader/byline/feeds/extract/meta"
	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about its article, read before readability
// rewrites the document.
type pageMeta struct {
	title     string            // <title>
	h1        string            // the first <h1>, inside <article> when there is one
	meta      map[string]string // <meta> by lowercased property, name or itemprop; first wins
	canonical string            // <link rel=canonical>
	times     []string          // <time datetime>, article ones first
	bylines   []string          // texts of elements marked as the author or byline
	ld        ldArticle
}

// ldArticle is the JSON-LD description of an article.
type ldArticle struct {
	headline, published, author, publisher string
	authorIsOrg                            bool // the author is given as an Organization
}

func readPageMeta(doc *html.Node, base *url.URL) pageMeta {
	m := pageMeta{meta: map[string]string{}}
	var articleTimes, otherTimes []string
	var h1Outside string
	walkElements(doc, func(n *html.Node, inArticle bool) {
		switch n.DataAtom {
		case atom.Title:
			if m.title == "" {
				m.title = nodeText(n)
			}
		case atom.Meta:
			m.addMeta(n)
		case atom.Link:
			if hasToken(htmlnode.Attr(n, "rel"), "canonical") && m.canonical == "" {
				m.canonical = absoluteHTTP(base, htmlnode.Attr(n, "href"))
			}
		case atom.H1:
			switch {
			case inArticle && m.h1 == "":
				m.h1 = nodeText(n)
			case h1Outside == "":
				h1Outside = nodeText(n)
			}
		case atom.Time:
			if dt := strings.TrimSpace(htmlnode.Attr(n, "datetime")); dt != "" {
				if inArticle {
					articleTimes = append(articleTimes, dt)
				} else {
					otherTimes = append(otherTimes, dt)
				}
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(htmlnode.Attr(n, "type")), "application/ld+json") && m.ld.published == "" {
				m.ld = parseLD(htmlnode.RawText(n))
			}
		}
		if isBylineElement(n) && len(m.bylines) < 4 {
			if t := nodeText(n); t != "" {
				m.bylines = append(m.bylines, t)
			}
		}
	})
	if m.h1 == "" {
		m.h1 = h1Outside
	}
	m.times = append(articleTimes, otherTimes...)
	return m
}

func (m *pageMeta) addMeta(n *html.Node) {
	content := strings.TrimSpace(htmlnode.Attr(n, "content"))
	if content == "" {
		return
	}
	for _, key := range []string{"property", "name", "itemprop"} {
		k := strings.ToLower(strings.TrimSpace(htmlnode.Attr(n, key)))
		if k != "" {
			if _, seen := m.meta[k]; !seen {
				m.meta[k] = content
			}
		}
	}
}

func (m pageMeta) first(keys ...string) string {
	for _, k := range keys {
		if v := model.SanitizeLine(m.meta[k]); v != "" {
			return v
		}
	}
	return ""
}

// extracted merges what the page's metadata, readability and the leading
// lines of the article say, best source first.
func (m pageMeta) extracted(art readability.Article, lead leadMeta) Extracted {
	var ex Extracted
	sites := []string{
		m.first("og:site_name", "application-name", "al:android:app_name", "citation_journal_title"),
		model.SanitizeLine(m.ld.publisher), model.SanitizeLine(art.SiteName()),
	}
	var bylineSite string
	ex.Author, bylineSite = meta.Author(m.authorCandidates(art), sites...)
	if ex.Author == "" {
		ex.Author, bylineSite = lead.author, lead.site
	}
	ex.Site = meta.Site(append(sites, bylineSite, lead.site)...)
	if ex.Author != "" && meta.Site(ex.Author) == ex.Site {
		ex.Author = ""
	}
	ogTitle := firstNonEmpty(m.first("og:title", "twitter:title", "citation_title"), model.SanitizeLine(m.ld.headline))
	ex.Title = meta.ArticleTitle(m.title, ogTitle, m.h1, ex.Site)
	if ex.Title == "" {
		ex.Title = model.SanitizeLine(art.Title())
	}
	ex.Published = m.published(art, lead)
	ex.Canonical = firstNonEmpty(m.canonical, absoluteHTTP(nil, m.first("og:url")))
	return ex
}

// authorCandidates are the author's names as the page gives them, the
// most deliberate first: JSON-LD (unless it names an organisation), the
// author meta tags, readability's byline, then elements marked as the
// byline.
func (m pageMeta) authorCandidates(art readability.Article) []string {
	var cands []string
	if !m.ld.authorIsOrg {
		cands = append(cands, m.ld.author)
	}
	cands = append(cands,
		m.first("author", "article:author", "citation_author", "dc.creator", "parsely-author", "sailthru.author", "twitter:creator"),
		art.Byline())
	cands = append(cands, m.bylines...)
	for i, c := range cands {
		cands[i] = model.SanitizeLine(c)
	}
	return cands
}

func (m pageMeta) published(art readability.Article, lead leadMeta) time.Time {
	candidates := []string{
		m.first("article:published_time", "og:article:published_time", "datepublished"),
		m.ld.published,
		m.first("publishdate", "pubdate", "publish-date", "parsely-pub-date", "sailthru.date",
			"dc.date.issued", "dc.date", "dcterms.created", "citation_publication_date", "citation_date",
			"citation_online_date", "date"),
	}
	candidates = append(candidates, m.times...)
	for _, c := range candidates {
		if t, ok := meta.ParseTimestamp(c); ok {
			return t
		}
	}
	if t, err := art.PublishedTime(); err == nil {
		return t
	}
	return lead.published
}

// parseLD reads the first article-like object of a JSON-LD script: its
// headline, datePublished, author's and publisher's names.
func parseLD(text string) ldArticle {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return ldArticle{}
	}
	var found ldArticle
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 || found.published != "" {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if p, ok := x["datePublished"].(string); ok && p != "" {
				found = ldArticle{
					headline:    ldString(x["headline"]),
					published:   p,
					author:      ldNames(x["author"]),
					authorIsOrg: ldType(x["author"]) == "Organization",
					publisher:   ldName(x["publisher"]),
				}
				return
			}
			visit(x["@graph"], depth+1)
		}
	}
	visit(v, 0)
	return found
}

// ldNames reads one name or a list of them, joined: "A", "A and B",
// "A, B and C".
func ldNames(v any) string {
	list, ok := v.([]any)
	if !ok {
		return ldName(v)
	}
	var names []string
	for _, e := range list {
		if n := strings.TrimSpace(ldName(e)); n != "" && len(names) < 6 {
			names = append(names, n)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// ldType is the @type of an object, or of the first of a list.
func ldType(v any) string {
	switch x := v.(type) {
	case map[string]any:
		return ldString(x["@type"])
	case []any:
		if len(x) > 0 {
			return ldType(x[0])
		}
	}
	return ""
}

func ldString(v any) string {
	s, _ := v.(string)
	return s
}

// ldName reads a name given as a string, an object with "name", or a list
// of those (the first is taken).
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return ldString(x["name"])
	case []any:
		if len(x) > 0 {
			return ldName(x[0])
		}
	}
	return ""
}

// isBylineElement: rel=author, itemprop=author, or a class or id naming the
// byline or author.
func isBylineElement(n *html.Node) bool {
	if n.DataAtom == atom.Meta || n.DataAtom == atom.Link || n.DataAtom == atom.Script {
		return false
	}
	if hasToken(htmlnode.Attr(n, "rel"), "author") || hasToken(htmlnode.Attr(n, "itemprop"), "author") {
		return true
	}
	for _, tok := range strings.Fields(strings.ToLower(htmlnode.Attr(n, "class") + " " + htmlnode.Attr(n, "id"))) {
		switch tok {
		case "byline", "author", "author-name", "post-author", "entry-author", "article-author",
			"byline__name", "byline-name", "authors":
			return true
		}
	}
	return false
}

// walkElements visits every element in document order, saying whether it
// is inside an <article>, without recursion.
func walkElements(root *html.Node, fn func(n *html.Node, inArticle bool)) {
	type item struct {
		n         *html.Node
		inArticle bool
	}
	stack := []item{{root, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		inArticle := it.inArticle
		if it.n.Type == html.ElementNode {
			fn(it.n, inArticle)
			inArticle = inArticle || it.n.DataAtom == atom.Article
		}
		for c := it.n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode || c.Type == html.DocumentNode {
				stack = append(stack, item{c, inArticle})
			}
		}
	}
}

// nodeText is the text inside n, spaces collapsed, sanitised.
func nodeText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 && b.Len() < 64<<10 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return model.SanitizeLine(b.String())
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

// absoluteHTTP resolves ref against base and keeps it only when it is an
// http(s) URL.
func absoluteHTTP(base *url.URL, ref string) string {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || ref == "" {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return model.SanitizeLine(u.String())
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
