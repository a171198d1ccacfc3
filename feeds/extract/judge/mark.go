package judge

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// judgeMark is the attribute that carries an element's number in the page
// through readability, which keeps data attributes.
const judgeMark = "data-byline-n"

// pageNode is what the page said of one of its elements.
type pageNode struct {
	parent int32 // its parent's number, -1 for none
	tag    atom.Atom
	cue    string     // the furniture its tag, class, id or role names, or ""
	text   int32      // bytes of text under it
	links  int32      // of which inside links
	label  *html.Node // the element, when it may head related stories (mayLabel)
}

// Marks is what a page said of its elements, by the number Mark gave
// each.
type Marks []pageNode

// Mark numbers the elements under root with an attribute that readability
// keeps, and records what each said of itself: the furniture its tag,
// class, id or role names, and how much of its text is in links. Run it
// before readability; Unmark takes the numbers off again.
func Mark(root *html.Node) Marks {
	var m Marks
	var visit func(n *html.Node, parent int32, inLink bool) (text, links int32)
	visit = func(n *html.Node, parent int32, inLink bool) (text, links int32) {
		switch n.Type {
		case html.TextNode:
			t := int32(len(strings.TrimSpace(n.Data)))
			if inLink {
				return t, t
			}
			return t, 0
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				t, l := visit(c, parent, inLink)
				text, links = text+t, links+l
			}
			return text, links
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head:
			return 0, 0
		}
		i := int32(len(m))
		m = append(m, pageNode{parent: parent, tag: n.DataAtom, cue: furnitureCue(n)})
		n.Attr = append(n.Attr, html.Attribute{Key: judgeMark, Val: strconv.Itoa(int(i))})
		inLink = inLink || n.DataAtom == atom.A
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t, l := visit(c, i, inLink)
			text, links = text+t, links+l
		}
		m[i].text, m[i].links = text, links
		if mayLabel(m[i]) {
			m[i].label = n
		}
		return text, links
	}
	visit(root, -1, false)
	return m
}

// Unmark takes Mark's numbers off the elements under root.
func Unmark(root *html.Node) {
	htmlnode.Walk(root, func(n *html.Node) bool {
		for i, a := range n.Attr {
			if a.Key == judgeMark {
				n.Attr = append(n.Attr[:i], n.Attr[i+1:]...)
				break
			}
		}
		return true
	})
}

// number is the page number judgeMark gives n, or -1.
func (m Marks) number(n *html.Node) int32 {
	if n.Type != html.ElementNode {
		return -1
	}
	for _, a := range n.Attr {
		if a.Key == judgeMark {
			i, err := strconv.Atoi(a.Val)
			if err != nil || i < 0 || i >= len(m) {
				return -1
			}
			return int32(i)
		}
	}
	return -1
}

// furnitureTags are the elements that hold a page's furniture, not its
// article.
var furnitureTags = map[atom.Atom]string{
	atom.Nav: "nav", atom.Aside: "aside", atom.Footer: "footer", atom.Header: "header",
	atom.Form: "form", atom.Menu: "menu", atom.Button: "button", atom.Select: "form",
}

// furnitureRoles are the ARIA roles of a page's furniture.
var furnitureRoles = map[string]string{
	"navigation": "nav", "complementary": "aside", "contentinfo": "footer", "banner": "header",
	"menu": "menu", "menubar": "menu", "toolbar": "share", "search": "form", "dialog": "dialog",
	"alertdialog": "dialog", "button": "button",
}

// furnitureWords are the words of class names and ids that name
// furniture, by the kind of furniture they name. A word is matched whole
// or, for the longer ones, as the start of a word ("recommendations").
var furnitureWords = map[string]string{
	"share": "share", "sharing": "share", "shares": "share", "sharebar": "share", "social": "share",
	"sociallinks": "share", "addthis": "share", "sharethis": "share",
	"related": "related", "recommend": "related", "recommended": "related", "recommendations": "related",
	"trending": "related", "popular": "related", "outbrain": "related", "taboola": "related",
	"readmore": "related", "teaser": "related", "teasers": "related",
	"promo": "promo", "promotion": "promo", "promoted": "promo", "cta": "promo", "banner": "promo",
	"newsletter": "newsletter", "newsletters": "newsletter", "subscribe": "newsletter",
	"subscription": "newsletter", "signup": "newsletter", "optin": "newsletter",
	"comment": "comment", "comments": "comment", "disqus": "comment",
	"footer": "footer", "sidebar": "aside", "widget": "aside", "widgets": "aside", "rail": "aside",
	"ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "advertising": "ad", "sponsor": "ad",
	"sponsored": "ad", "dfp": "ad", "adslot": "ad", "adunit": "ad",
	"breadcrumb": "nav", "breadcrumbs": "nav", "nav": "nav", "navigation": "nav", "menu": "nav",
	"pagination": "nav", "pager": "nav",
	"bio": "bio", "authorbio": "bio", "author": "bio", "byline": "bio", "contributor": "bio",
	"tags": "tags", "tag": "tags", "tagged": "tags", "topics": "tags", "keywords": "tags",
	"counter": "count",
}

// furnitureCue is the furniture n names by its tag, role, class or id, or
// "".
func furnitureCue(n *html.Node) string {
	if c, ok := furnitureTags[n.DataAtom]; ok {
		return c
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			if c := furnitureRoles[strings.ToLower(strings.TrimSpace(a.Val))]; c != "" {
				return c
			}
		case "class", "id":
			if c := furnitureInName(a.Val); c != "" {
				return c
			}
		}
	}
	return ""
}

// furnitureInName is the furniture a class list or id names, read word
// by word: "social-share-bar", "relatedArticles", "c-newsletter__box".
func furnitureInName(name string) string {
	for _, w := range nameWords(name) {
		if c, ok := furnitureWords[w]; ok {
			if c != "" {
				return c
			}
			continue
		}
		for _, s := range furnitureStems {
			if strings.HasPrefix(w, s.stem) {
				return s.cue
			}
		}
		if strings.HasSuffix(w, "count") || strings.HasSuffix(w, "counter") {
			return "count" // "slidecount", "sharecount": a number the page keeps
		}
	}
	return ""
}

// furnitureStems are the starts of words that name furniture in any
// form: "recommendations", "newsletterSignup", "subscribers".
var furnitureStems = []struct{ stem, cue string }{
	{"recommend", "related"}, {"newsletter", "newsletter"},
	{"advert", "ad"}, {"sponsor", "ad"}, {"breadcrumb", "nav"}, {"related", "related"},
	{"social", "share"}, {"comment", "comment"}, {"sidebar", "aside"}, {"promo", "promo"},
	{"pagination", "nav"},
}

// nameWords splits a class list or id into lower-case words, at
// punctuation and a lower-case letter followed by a capital. A word's
// trailing digits go ("box2"); a word with digits inside is a generated
// name, not a word ("e1ad", "x9share"), and is left out.
func nameWords(name string) []string {
	var words []string
	start := -1
	var prev rune
	flush := func(end int) {
		w := strings.TrimRight(name[start:end], "0123456789")
		if w != "" && !strings.ContainsAny(w, "0123456789") {
			words = append(words, strings.ToLower(w))
		}
		start = -1
	}
	for i, r := range name {
		alnum := r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if start >= 0 && (!alnum || unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev))) {
			flush(i)
		}
		if alnum && start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		flush(len(name))
	}
	return words
}

// blockOwner is the page number of the element that holds block b: the
// block's element, or the nearest numbered element around it.
func (m Marks) blockOwner(b []*html.Node) int32 {
	for _, n := range b {
		if i := m.number(n); i >= 0 {
			if len(b) == 1 || n.DataAtom != atom.A {
				return i
			}
		}
	}
	for n := b[0].Parent; n != nil; n = n.Parent {
		if i := m.number(n); i >= 0 {
			return i
		}
	}
	return -1
}

// cueOf is the furniture that element i or an element around it names,
// and that element; up to the first that holds at least half of the
// article's text: that one wraps the article, whatever its class says
// ("content-share-module"), and so does every element around it.
func (m Marks) cueOf(i int32, articleText int32) (string, int32) {
	for ; i >= 0; i = m[i].parent {
		if 2*m[i].text >= articleText {
			return "", -1
		}
		if m[i].cue != "" {
			return m[i].cue, i
		}
	}
	return "", -1
}

// linkText is the bytes of text under nodes, and of those inside links.
func linkText(nodes []*html.Node) (text, links int) {
	for _, n := range nodes {
		var visit func(n *html.Node, inLink bool)
		visit = func(n *html.Node, inLink bool) {
			if n.Type == html.TextNode {
				t := len(strings.TrimSpace(n.Data))
				text += t
				if inLink {
					links += t
				}
				return
			}
			inLink = inLink || n.Type == html.ElementNode && n.DataAtom == atom.A
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c, inLink)
			}
		}
		visit(n, false)
	}
	return text, links
}
