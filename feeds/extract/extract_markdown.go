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
// links, emphasis, block quotes, tables and code are kept; a picture
// becomes a block "![alt text](absolute address)" of its own, its caption
// under it (see pictures.markdown). said is what the page already says
// about the article (its title as <title>, <h1>… give it; its author): an
// alt text that only repeats the title is left out, and so is the
// author's portrait.
func toMarkdown(n *html.Node, pageURL *url.URL, said articleSaid) (string, error) {
	prepareForMarkdown(n)
	hoistPictures(n)
	captionsAfterPictures(n)
	conv := newMarkdownConverter(newPictures(said, pageURL))
	var opts []converter.ConvertOptionFunc
	if pageURL.Host != "" {
		opts = append(opts, converter.WithDomain(pageURL.String()))
	}
	out, err := conv.ConvertNode(n, opts...)
	return captionBlocks(trimAroundPictures(string(out))), err
}

// rxAroundPicture is a picture block cut out of a paragraph, with the
// spaces it leaves on the lines before and after it.
var rxAroundPicture = regexp.MustCompile(`[ \t]*\n\n(!\[[^\n]*\))\n\n[ \t]{0,3}([^ \t\n])`)

// trimAroundPictures takes out the spaces a picture taken out of a
// paragraph leaves at the end of the text before it and the start of
// the text after it.
func trimAroundPictures(md string) string {
	if !strings.Contains(md, "![") {
		return md
	}
	return rxAroundPicture.ReplaceAllString(md, "\n\n$1\n\n$2")
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

func newMarkdownConverter(pics *pictures) *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		// Two lists in a row are told apart by the markdown itself, not
		// by an HTML comment ("<!--THE END-->") that reads as text.
		commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
		// A table without a header row takes its first row as the header,
		// rather than an empty one.
		table.NewTablePlugin(table.WithHeaderPromotion(true)),

		readerText{pics},
		blockRules{},
	))
}

// readerText is a converter plugin for what the reader sees: an <img> is
// a picture line, a link to nothing visible is left out, and text is
// written without the entities and invisible characters a reader of the
// page never sees.
type readerText struct{ pics *pictures }

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
	md := p.pics.markdown(n)
	switch {
	case md == "":
	case !strings.HasPrefix(md, "!") || insideLine(n):
		w.WriteString(md) // an emoji, or a picture in a table cell or a heading
	default:
		w.WriteString("\n\n" + md + "\n\n")
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

// hasVisibleContent reports text, or an image shown, inside n.
func (p readerText) hasVisibleContent(n *html.Node) bool {
	found := false
	htmlnode.Walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			found = strings.TrimSpace(c.Data) != ""
		case isTag(c, "img"):
			found = p.pics.visible(c)
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

// insideLine reports an element that must stay on one line: in a table
// cell.
func insideLine(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if isTag(p, "td") || isTag(p, "th") {
			return true
		}
	}
	return false
}

// wrapsPicture are the elements a picture is moved out of: the inline
// ones (a link around a picture mostly opens it larger; emphasis around
// one means nothing) and headings, as a picture is a block of its own.
var wrapsPicture = wordSet("a strong b em i u span font small big mark s del ins sup sub abbr cite q label " +
	"h1 h2 h3 h4 h5 h6")

// hoistPictures moves each picture out of the link it is in and of the
// emphasis and headings around it, to just before the outermost of
// them, and drops a heading left with no text. An emoji stays where it is.
func hoistPictures(root *html.Node) {
	var imgs []*html.Node
	htmlnode.Walk(root, func(n *html.Node) bool {
		if isTag(n, "img") && !isEmoji(n) {
			imgs = append(imgs, n)
		}
		return true
	})
	for _, img := range imgs {
		n := img
		if isTag(n.Parent, "picture") {
			n = n.Parent // with its <source>s
		}
		var outer *html.Node
		inline := true
		for p := n.Parent; p != nil && p != root && p.Type == html.ElementNode; p = p.Parent {
			inline = inline && wrapsPicture[p.Data]
			if inline || p.Data == "a" { // a link, however deep the picture in it
				outer = p
			}
		}
		if outer == nil || outer.Parent == nil || n.Parent == nil {
			continue
		}
		n.Parent.RemoveChild(n)
		outer.Parent.InsertBefore(n, outer)
		if strings.HasPrefix(outer.Data, "h") && len(outer.Data) == 2 && !hasText(outer) && htmlnode.Find(outer, isImg) == nil {
			outer.Parent.RemoveChild(outer)
		}
	}
}

// captionsAfterPictures moves a figure's caption after its picture when
// the page put it before: the caption line is read under its picture.
func captionsAfterPictures(root *html.Node) {
	var figures []*html.Node
	htmlnode.Walk(root, func(n *html.Node) bool {
		if isTag(n, "figure") {
			figures = append(figures, n)
		}
		return true
	})
	for _, f := range figures {
		var caption *html.Node
		htmlnode.Walk(f, func(n *html.Node) bool {
			switch {
			case n.Type != html.ElementNode:
			case n.Data == "img":
				return false // the picture comes first
			case n.Data == "figcaption" && n.Parent == f:
				caption = n
				return false
			}
			return true
		})
		if caption != nil && htmlnode.Find(caption, isImg) == nil && htmlnode.Find(f, isImg) != nil {
			f.RemoveChild(caption)
			f.AppendChild(caption)
		}
	}
}

func isImg(n *html.Node) bool { return isTag(n, "img") }

// hasText reports text other than white space under n.
func hasText(n *html.Node) bool {
	found := false
	htmlnode.Walk(n, func(c *html.Node) bool {
		found = c.Type == html.TextNode && strings.TrimSpace(c.Data) != ""
		return !found
	})
	return found
}

// isTag reports an element by its name: readability makes elements
// without their atom.
func isTag(n *html.Node, name string) bool {
	return n != nil && n.Type == html.ElementNode && n.Data == name
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
