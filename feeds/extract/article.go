package extract

import (
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
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
// the page marks as furniture (see judgeFurniture). doc is changed.
func findArticle(doc *html.Node, base *url.URL) (found, error) {
	marks := markPage(doc)
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil || art.Node == nil {
		return found{art: art}, err
	}
	lead := leadingMeta(leadingText(art.Node))
	judgeFurniture(art.Node, marks, base.Host)
	unmarkPage(art.Node)
	return found{art.Node, art, lead}, nil
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
