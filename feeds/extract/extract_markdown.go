package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/byline-reader/byline/feeds/extract/formula"
	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// toMarkdown converts the article's HTML to markdown: headings, lists,
// links, emphasis, block quotes, tables and code are kept; an image
// becomes a line "[Image: its alt text]" (no URL) when its alt text says
// something its caption and the text around it do not (see imageAlts.text).
// said is what the page already says about the article (its title as
// <title>, <h1>… give it; its author): an image whose alt text only
// repeats that is left out.
func toMarkdown(n *html.Node, pageURL *url.URL, said articleSaid) (string, error) {
	prepareForMarkdown(n)
	conv := newMarkdownConverter(newImageAlts(said))
	var opts []converter.ConvertOptionFunc
	if pageURL.Host != "" {
		opts = append(opts, converter.WithDomain(pageURL.String()))
	}
	out, err := conv.ConvertNode(n, opts...)
	return captionBlocks(string(out)), err
}

// prepareForMarkdown rewrites the article before conversion so that its
// markdown says what a reader of the page sees: links that are not
// http(s), mailto or relative lose their target (see dropUnsafeLink),
// elements hidden from readers (aria-hidden) go, and formulas become their
// TeX source (see mathTeX).
func prepareForMarkdown(root *html.Node) {
	htmlnode.Walk(root, func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch {
				case ariaHidden(c):
					n.RemoveChild(c)
				case formula.IsFormula(c):
					formula.ReplaceOne(c)
				case c.DataAtom == atom.A:
					dropUnsafeLink(c)
				}
			}
			c = next
		}
		return true
	})
}

// ariaHidden reports an element hidden from readers, as readability's own
// text leaves it out.
func ariaHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "aria-hidden" {
			return a.Val == "" || a.Val == "true"
		}
	}
	return false
}

// dropUnsafeLink takes the href off a link that is not http(s), mailto or
// relative (javascript:, file:, data:, a scheme hidden behind control
// characters…), so its text stays and no markdown link to it is made:
// markdown is printed and shown, and its links can end up clicked.
func dropUnsafeLink(n *html.Node) {
	for i := 0; i < len(n.Attr); i++ {
		if a := n.Attr[i]; a.Namespace == "" && a.Key == "href" && !safeHref(a.Val) {
			n.Attr = append(n.Attr[:i], n.Attr[i+1:]...)
			i--
		}
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

func newMarkdownConverter(alts *imageAlts) *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		// Two lists in a row are told apart by the markdown itself, not
		// by an HTML comment ("<!--THE END-->") that reads as text.
		commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
		// A table without a header row takes its first row as the header,
		// rather than an empty one.
		table.NewTablePlugin(table.WithHeaderPromotion(true)),

		readerText{alts},
		blockRules{},
	))
}

// readerText is a converter plugin for what the reader sees: an <img> is
// its alt text, a link to nothing visible is left out, and text is
// written without the entities and invisible characters a reader of the
// page never sees.
type readerText struct{ alts *imageAlts }

func (readerText) Name() string { return "reader-text" }

func (p readerText) Init(conv *converter.Converter) error {
	conv.Register.RendererFor("img", converter.TagTypeInline, p.renderImage, converter.PriorityEarly)
	conv.Register.RendererFor("figcaption", converter.TagTypeBlock, renderCaption, converter.PriorityEarly)
	conv.Register.Renderer(renderMarkedCaption, converter.PriorityEarly)
	conv.Register.Renderer(p.renderEmptyLink, converter.PriorityEarly)
	conv.Register.TextTransformer(readableText, converter.PriorityLate)
	return nil
}

func (p readerText) renderImage(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	alt := p.alts.text(n)
	p.alts.shown(alt)
	switch {
	case alt == "":
	case insideLink(n):
		w.WriteString("[Image: " + alt + "]")
	default:
		w.WriteString("\n\n[Image: " + alt + "]\n\n")
	}
	return converter.RenderSuccess
}

// renderCaption writes a caption as an italic line of its own.
func renderCaption(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if line := captionLine(n); line != "" {
		w.WriteString("\n\n" + line + "\n\n")
	}
	return converter.RenderSuccess
}

// renderMarkedCaption writes an element marked as a caption or a credit
// (see markCaptions) as an italic line; a credit inside a caption is the
// caption's to write.
func renderMarkedCaption(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if n.Type != html.ElementNode || htmlnode.Attr(n, captionMark) == "" || insideCaption(n) {
		return converter.RenderTryNext
	}
	return renderCaption(ctx, w, n)
}

// renderEmptyLink writes nothing for a link with nothing in it to show (an
// image whose alt text is left out, an icon): "[](url)" would be noise.
func (p readerText) renderEmptyLink(_ converter.Context, _ converter.Writer, n *html.Node) converter.RenderStatus {
	if n.Type != html.ElementNode || n.DataAtom != atom.A || p.hasVisibleContent(n) {
		return converter.RenderTryNext
	}
	return converter.RenderSuccess
}

// hasVisibleContent reports text, or an image shown by its alt text,
// inside n.
func (p readerText) hasVisibleContent(n *html.Node) bool {
	found := false
	htmlnode.Walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			found = strings.TrimSpace(c.Data) != ""
		case c.Type == html.ElementNode && c.DataAtom == atom.Img:
			found = p.alts.text(c) != ""
		}
		return !found
	})
	return found
}

// readableText undoes what the converter did to "<" and ">" in text where
// markdown does not need it: "&lt;" becomes "\<" (an escaped "<", which no
// renderer takes for a tag) and "&gt;" becomes ">", or "\>" at the
// start, where it could read as a quote. Soft hyphens go, as a reader never
// sees them.
func readableText(_ converter.Context, content string) string {
	if !strings.Contains(content, "&") && !strings.Contains(content, "\u00ad") {
		return content
	}
	content = strings.ReplaceAll(content, "\u00ad", "")
	content = strings.ReplaceAll(content, "&lt;", `\<`)
	keep := len(content) - len(strings.TrimLeft(content, " \t\n"))
	if strings.HasPrefix(content[keep:], "&gt;") {
		content = content[:keep] + `\>` + content[keep+len("&gt;"):]
	}
	return strings.ReplaceAll(content, "&gt;", ">")
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
}

// leadingMeta reads up to three leading blocks that are a byline, a
// dateline, or both on one line.
func leadingMeta(md string) leadMeta {
	var ex Extracted
	rest := strings.TrimLeft(md, "\n")
	for blocks := 0; blocks < 3; blocks++ {
		head, tail, _ := strings.Cut(rest, "\n\n")
		if !takeMetaLine(&ex, plainLine(head)) {
			break
		}
		rest = strings.TrimLeft(tail, "\n")
	}
	return leadMeta{author: ex.Author, site: ex.Site, published: ex.Published}
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
