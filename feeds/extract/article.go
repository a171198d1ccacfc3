package extract

import (
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/byline-reader/byline/feeds/extract/judge"
	"golang.org/x/net/html"
)

// found is the article found in a page: its content, readability's
// Article for the metadata readability read, and what the article's
// first blocks said of its author and date before the judge took its
// furniture out (a byline, a dateline may go with it).
type found struct {
	node *html.Node
	art  readability.Article
	lead leadMeta
}

// findArticle finds the article in doc: readability's, less the blocks
// the page shows to be furniture (package judge). doc is changed.
func findArticle(doc *html.Node, base *url.URL) (found, error) {
	judge.DropHoverCards(doc)
	marks := judge.Mark(doc)
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil || art.Node == nil {
		return found{art: art}, err
	}
	lead := leadingMeta(leadingText(art.Node))
	marks.Judge(art.Node, base.Host)
	judge.Unmark(art.Node)
	return found{art.Node, art, lead}, nil
}

// leadingText is the text of the first blocks of article, a block a
// paragraph, as leadingMeta reads them.
func leadingText(article *html.Node) string {
	var paras []string
	for _, b := range judge.Blocks(article) {
		if t := strings.Join(strings.Fields(judge.Text(b)), " "); t != "" {
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
