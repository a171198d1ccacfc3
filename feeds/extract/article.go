package extract

import (
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// found is the article found in a page: its content, readability's
// Article for the metadata readability read, and what the article's
// first blocks said of its author and date before the blocks trafilatura
// did not find (a byline, a dateline: never text) were taken out.
type found struct {
	node *html.Node
	art  readability.Article
	lead leadMeta
}

// findArticle finds the article in doc: readability's, less the blocks
// trafilatura did not find (see keepAgreed). doc is changed.
func findArticle(doc *html.Node, base *url.URL) (found, error) {
	// The two run side by side, on a core each where there are two:
	// trafilatura on a copy of the page, since readability takes doc apart.
	copied := cloneTree(doc)
	otherText := make(chan string, 1)
	go func() {
		// A page trafilatura trips over leaves readability's article as it is.
		defer func() {
			if recover() != nil {
				otherText <- ""
			}
		}()
		otherText <- trafilaturaText(copied, base)
	}()
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	other := <-otherText
	if err != nil || art.Node == nil {
		return found{art: art}, err
	}
	lead := leadingMeta(leadingText(art.Node))
	keepAgreed(art.Node, other)
	return found{art.Node, art, lead}, nil
}

// trafilaturaText is the text trafilatura finds to be the article, or ""
// when it finds none. Only its judgement of which text is the article is
// used, so it runs without links and images (which make that judgement
// worse: links add to its link-density tests), comments, the slow date
// search, and its own fallback extractors; it favours recall, since
// readability's blocks are removed only where it disagrees.
func trafilaturaText(doc *html.Node, base *url.URL) string {
	opts := trafilatura.Options{
		Focus:           trafilatura.FavorRecall,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if base.Host != "" {
		opts.OriginalURL = base
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil {
		return ""
	}
	return res.ContentText
}

// leadingText is the text of the first blocks of article, a block a
// paragraph, as leadingMeta reads them.
func leadingText(article *html.Node) string {
	var paras []string
	for _, b := range textBlocks(article) {
		if t := strings.Join(strings.Fields(textOfAll(b)), " "); t != "" {
			paras = append(paras, t)
		}
		if len(paras) == 3 {
			break
		}
	}
	return strings.Join(paras, "\n\n")
}

// or fills what l lacks from m.
func (l leadMeta) or(m leadMeta) leadMeta {
	if l.author == "" && l.site == "" {
		l.author, l.site = m.author, m.site
	}
	if l.published.IsZero() {
		l.published = m.published
	}
	return l
}

// cloneTree copies a parsed page.
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}
