package extract

import (
	"regexp"
	"strings"
	"unicode"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An image becomes a line "[Image: its alt text]" only when the alt text
// tells the reader something the article's text does not already say. It
// is left out when the image has a caption (a <figcaption>, or text next
// to it that repeats the alt text), and when the alt text is no
// description at all: a file name, a URL, a bare "Photo", TeX source.

// nearbyLimit bounds how much text around an image is compared with its
// alt text; a container with more text than that is the article itself.
const nearbyLimit = 1000

// maxAltWords is as much of an alt text as is shown: a description longer
// than that is cut short ("…"), a line about an image rather than a
// paragraph of its own.
const maxAltWords = 16

// articleSaid is what a page says about its article outside its text.
type articleSaid struct {
	titles []string // the title, as each place on the page gives it
	names  []string // the author, as each place on the page gives it
}

// said gathers the titles and author names the page gives.
func (m pageMeta) said(art readability.Article) articleSaid {
	return articleSaid{
		titles: []string{art.Title(), m.title, m.h1, m.first("og:title", "twitter:title"), m.ld.headline},
		names: append([]string{art.Byline(), m.ld.author,
			m.first("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")}, m.bylines...),
	}
}

// imageAlts decides the alt text shown for the images of one article.
type imageAlts struct {
	titles []map[string]bool // the words of each form of the title
	names  []map[string]bool // the words of each form of the author's name
	seen   map[string]bool   // alt texts already shown
}

func newImageAlts(said articleSaid) *imageAlts {
	a := &imageAlts{seen: map[string]bool{}}
	for _, t := range said.titles {
		if words := tokenSet(t); len(words) >= 3 {
			a.titles = append(a.titles, words)
		}
	}
	for _, n := range said.names {
		if words := tokenSet(n); len(words) > 0 && len(words) <= 8 {
			a.names = append(a.names, words)
		}
	}
	return a
}

// text is the alt text to show for the image n, or "".
func (a *imageAlts) text(n *html.Node) string {
	alt := cleanAlt(htmlnode.Attr(n, "alt"))
	if alt == "" || a.seen[strings.ToLower(alt)] || !describes(alt) || a.isTitle(alt) || a.isAuthor(alt) ||
		hasCaption(n) || repeatsNearbyText(n, alt) {
		return ""
	}
	if f := strings.Fields(alt); len(f) > maxAltWords {
		alt = strings.Join(f[:maxAltWords], " ") + "…"
	}
	return alt
}

// shown notes an alt text as shown: the same text on another image is
// not repeated.
func (a *imageAlts) shown(alt string) {
	if alt != "" {
		a.seen[strings.ToLower(alt)] = true
	}
}

// isTitle reports alt text that holds the article's title, as the alt
// text of a lead image often does ("Illustration for article titled …").
func (a *imageAlts) isTitle(alt string) bool {
	words := tokenSet(alt)
	for _, title := range a.titles {
		if covered(title, words) && len(words) <= len(title)+6 {
			return true
		}
	}
	return false
}

// isAuthor reports alt text that is the author's name (or more of the
// byline): the alt text of the author's portrait.
func (a *imageAlts) isAuthor(alt string) bool {
	words := tokenSet(alt)
	for _, name := range a.names {
		if len(words) <= 8 && covered(words, name) {
			return true
		}
	}
	return false
}

// covered reports that four in five of words are in have.
func covered(words, have map[string]bool) bool {
	missing := 0
	for w := range words {
		if !have[w] {
			missing++
		}
	}
	return missing*5 <= len(words)
}

var rxAltTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)

// cleanAlt makes alt text one line of plain text, without markup or the
// characters that would read as markdown around it.
func cleanAlt(alt string) string {
	if strings.Contains(alt, "<") {
		alt = rxAltTag.ReplaceAllString(alt, " ")
	}
	alt = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00ad':
			return -1
		case strings.ContainsRune("[]`*_<>", r):
			return ' '
		}
		return r
	}, model.SanitizeLine(alt))
	return strings.Join(strings.Fields(alt), " ")
}

var (
	rxAltFile   = regexp.MustCompile(`(?i)^[^\s/]{1,200}( [^\s/]{1,200}){0,3}\.(jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic|ico)$`)
	rxAltSlug   = regexp.MustCompile(`^[\pL\d]*\d[\pL\d]*([-_.][\pL\d]+)+$|^[\pL\d]+([-_.][\pL\d]+)*[-_.][\pL\d]*\d[\pL\d]*$`)
	rxAltURL    = regexp.MustCompile(`(?i)^(https?:|www\.|/)\S*$`)
	rxAltCredit = regexp.MustCompile(`(?i)^[(\[]?\s*((photo|image|picture|video)\s*)?(credits?|courtesy|source|copyright|©)\b`)
	rxAltTeX    = regexp.MustCompile(`\\(displaystyle|textstyle|frac|mathrm|mathbf|mathsf|left|right|begin|sum|int|sqrt)\b|\{\\`)
)

// describes reports alt text that is a description of the image, not its
// file name or address, a word that only says it is an image, a credit,
// or the TeX source of a formula.
func describes(alt string) bool {
	return !rxAltFile.MatchString(alt) && !rxAltSlug.MatchString(alt) && !rxAltURL.MatchString(alt) &&
		!onlyGeneric(alt) && !rxAltCredit.MatchString(alt) && !rxAltTeX.MatchString(alt) &&
		strings.IndexFunc(alt, unicode.IsLetter) >= 0
}

// genericAlt are the words of alt text that only says there is an image:
// "Photo", "Image for post", "Featured image 3", "divider", "Refer to
// caption".
var genericAlt = wordSet("image images img photo photos photograph picture pic graphic graphics illustration " +
	"screenshot screen shot thumbnail thumb icon logo banner placeholder untitled figure fig avatar spacer " +
	"line divider separator rule bar arrow button loading blank transparent pixel dot bullet alt text null " +
	"undefined none for of the a an this my our post article story featured feature header hero cover main " +
	"lead inline default caption refer see to up down")

// onlyGeneric reports alt text made only of genericAlt words and numbers.
func onlyGeneric(alt string) bool {
	for w := range tokenSet(alt) {
		if !genericAlt[w] && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			return false
		}
	}
	return true
}

// hasCaption reports an image inside a <figure> that has a <figcaption>
// with text: the caption says what the image shows.
func hasCaption(n *html.Node) bool {
	for p, depth := n.Parent, 0; p != nil && depth < 6; p, depth = p.Parent, depth+1 {
		if p.Type != html.ElementNode || p.DataAtom != atom.Figure {
			continue
		}
		found := false
		htmlnode.Walk(p, func(c *html.Node) bool {
			if c.Type == html.ElementNode && c.DataAtom == atom.Figcaption && strings.TrimSpace(boundedText(c, 200)) != "" {
				found = true
			}
			return !found
		})
		return found
	}
	return false
}

// repeatsNearbyText reports alt text whose words all stand in the text
// around the image: the link it is in, its wrapper, a caption beside it.
func repeatsNearbyText(n *html.Node, alt string) bool {
	words := tokenSet(alt)
	if len(words) == 0 {
		return true
	}
	var near []string
	top := n
	for p, depth := n.Parent, 0; p != nil && depth < 4 && p.Type == html.ElementNode; p, depth = p.Parent, depth+1 {
		t := boundedText(p, nearbyLimit+1)
		if len(t) > nearbyLimit {
			break
		}
		near = append(near, t)
		top = p
	}
	for _, s := range []*html.Node{nextElement(top), prevElement(top)} {
		if s != nil {
			if t := boundedText(s, nearbyLimit+1); len(t) <= nearbyLimit {
				near = append(near, t)
			}
		}
	}
	return covered(words, tokenSet(strings.Join(near, " ")))
}

// tokenSet is the lower-cased words of s.
func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		set[w] = true
	}
	return set
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// boundedText is the text inside n, cut off once it is longer than limit.
func boundedText(n *html.Node, limit int) string {
	var b strings.Builder
	htmlnode.Walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return b.Len() <= limit
	})
	return b.String()
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
