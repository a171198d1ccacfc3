package feeds

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// toMarkdown converts the article's HTML to markdown: headings, lists,
// links, emphasis, block quotes, tables and code are kept; an image
// becomes a line "[Image: its alt text]" (no URL), or nothing without alt.
func toMarkdown(n *html.Node, pageURL *url.URL) (string, error) {
	dropUnsafeLinks(n)
	conv := newMarkdownConverter()
	var opts []converter.ConvertOptionFunc
	if pageURL.Host != "" {
		opts = append(opts, converter.WithDomain(pageURL.String()))
	}
	out, err := conv.ConvertNode(n, opts...)
	return string(out), err
}

// dropUnsafeLinks takes the href off every link that is not http(s),
// mailto or relative (javascript:, file:, data:, a scheme hidden behind
// control characters…), so its text stays and no markdown link to it is
// made: markdown is printed and shown, and its links can end up clicked.
func dropUnsafeLinks(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		for i := 0; i < len(n.Attr); i++ {
			if a := n.Attr[i]; a.Namespace == "" && a.Key == "href" && !safeHref(a.Val) {
				n.Attr = append(n.Attr[:i], n.Attr[i+1:]...)
				i--
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		dropUnsafeLinks(c)
	}
}

// safeHref accepts a link that is relative or http(s) or mailto.
func safeHref(href string) bool {
	href = strings.TrimSpace(href)
	if model.Sanitize(href) != href {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

func newMarkdownConverter() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(),

		imageAlt{},
	))
}

// imageAlt is a converter plugin that renders <img> as its alt text.
type imageAlt struct{}

func (imageAlt) Name() string { return "image-alt" }

func (imageAlt) Init(conv *converter.Converter) error {
	conv.Register.RendererFor("img", converter.TagTypeInline, renderImageAlt, converter.PriorityEarly)
	return nil
}

func renderImageAlt(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	alt := strings.Map(func(r rune) rune {
		if strings.ContainsRune("[]`*_<>", r) {
			return -1
		}
		return r
	}, model.SanitizeLine(attr(n, "alt")))
	if alt == "" {
		return converter.RenderSuccess
	}
	if insideLink(n) {
		w.WriteString("[Image: " + alt + "]")
		return converter.RenderSuccess
	}
	w.WriteString("\n\n[Image: " + alt + "]\n\n")
	return converter.RenderSuccess
}

func insideLink(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.A {
			return true
		}
	}
	return false
}

// leadMeta is what the first blocks of an article's markdown say when
// they are a byline or a dateline rather than text.
type leadMeta struct {
	author, site string
	published    time.Time
	rest         string // the markdown after those blocks
	blocks       int    // how many blocks were metadata
}

// leadingMeta reads up to three leading blocks that are a byline, a
// dateline, or both on one line.
func leadingMeta(md string) leadMeta {
	var ex Extracted
	lead := leadMeta{rest: md}
	rest := strings.TrimLeft(md, "\n")
	for lead.blocks < 3 {
		head, tail, _ := strings.Cut(rest, "\n\n")
		if !takeMetaLine(&ex, plainLine(head)) {
			break
		}
		lead.blocks++
		rest = strings.TrimLeft(tail, "\n")
		lead.rest = rest
	}
	lead.author, lead.site, lead.published = ex.Author, ex.Site, ex.Published
	return lead
}

// matches reports whether the leading blocks only repeat what ex already
// says, so they can go without losing anything.
func (l leadMeta) matches(ex Extracted) bool {
	if l.blocks == 0 {
		return false
	}
	if l.author != "" && !strings.EqualFold(l.author, ex.Author) {
		return false
	}
	if !l.published.IsZero() {
		y1, m1, d1 := l.published.Date()
		y2, m2, d2 := ex.Published.Date()
		return y1 == y2 && m1 == m2 && d1 == d2
	}
	return true
}

var rxLinkText = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// plainLine strips links, emphasis and line breaks from a short block.
func plainLine(s string) string {
	if strings.Count(s, "\n") > 3 || len(s) > 400 {
		return ""
	}
	s = rxLinkText.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "__", "", "*", "", "\\", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
