package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
	"golang.org/x/net/html"
)

// Each picture of the article becomes a block of its own, a line
// "![its alt text](its absolute address)", where it stands in the text;
// its caption (an italic line, see extract_captions.go) follows. Which
// address is the picture's is image_source.go's to say. The alt text is
// kept when it describes the picture and says what the caption and the
// text around it do not: not a file name, an address, a bare "Photo", a
// credit, TeX source or the article's title. An image that is
// the author's portrait is left out, as is the same picture a second time;
// an emoji drawn as an image is its own character.

// maxAltWords and maxAltBytes bound an alt text: a longer description is
// cut short ("…").
const (
	maxAltWords = 40
	maxAltBytes = 300
)

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

// pictures decides what the images of one article become.
type pictures struct {
	base   *url.URL
	titles []map[string]bool // the words of each form of the title
	names  []map[string]bool // the words of each form of the author's name
	shown  map[string]bool   // addresses of the pictures already shown
}

func newPictures(said articleSaid, base *url.URL) *pictures {
	p := &pictures{base: base, shown: map[string]bool{}}
	for _, t := range said.titles {
		if words := tokenSet(t); len(words) >= 3 {
			p.titles = append(p.titles, words)
		}
	}
	for _, n := range said.names {
		if words := tokenSet(n); len(words) > 0 && len(words) <= 8 {
			p.names = append(p.names, words)
		}
	}
	return p
}

// markdown is what the image n becomes, "" for nothing, and notes a
// picture as shown.
func (p *pictures) markdown(n *html.Node) string {
	if isEmoji(n) {
		return emojiText(n)
	}
	src := imageSource(n, p.base)
	alt := pictureAlt(htmlnode.Attr(n, "alt"))
	if loc := rxAltLabel.FindStringIndex(alt); loc != nil && loc[1] < len(alt) {
		alt = alt[loc[1]:] // "Image: A flooded street"
	}
	if src == "" || p.shown[src] || alt != "" && p.isAuthor(alt) {
		return ""
	}
	p.shown[src] = true
	if !describes(alt) || p.isTitle(alt) || repeatsNearbyText(n, alt) {
		alt = ""
	}
	return "![" + escapeAlt(capAlt(alt)) + "](" + markdown.Destination(src) + ")"
}

// visible reports an image that shows as something: a picture or an emoji.
func (p *pictures) visible(n *html.Node) bool {
	if isEmoji(n) {
		return emojiText(n) != ""
	}
	return imageSource(n, p.base) != ""
}

// isEmoji reports an emoji or a smiley drawn as an image, as WordPress
// and others draw them.
func isEmoji(n *html.Node) bool {
	class := strings.ToLower(htmlnode.Attr(n, "class"))
	src := strings.ToLower(htmlnode.Attr(n, "src"))
	return strings.Contains(class, "emoji") || strings.Contains(class, "smiley") ||
		strings.Contains(src, "/emoji/") || strings.Contains(src, "/emojis/")
}

// emojiText is an emoji image's alt text when that is the emoji itself: a
// few characters, no word.
func emojiText(n *html.Node) string {
	alt := strings.TrimSpace(model.SanitizeLine(htmlnode.Attr(n, "alt")))
	if alt == "" || utf8.RuneCountInString(alt) > 8 || strings.IndexFunc(alt, unicode.IsLetter) >= 0 ||
		strings.ContainsAny(alt, "[]()<>`*_\\") {
		return ""
	}
	return alt
}

// capAlt cuts an alt text to maxAltWords words and maxAltBytes bytes.
func capAlt(alt string) string {
	cut := false
	if f := strings.Fields(alt); len(f) > maxAltWords {
		alt, cut = strings.Join(f[:maxAltWords], " "), true
	}
	if len(alt) > maxAltBytes {
		i := maxAltBytes
		for i > 0 && !utf8.RuneStart(alt[i]) {
			i--
		}
		if j := strings.LastIndexByte(alt[:i], ' '); j > maxAltBytes/2 {
			i = j
		}
		alt, cut = strings.TrimSpace(alt[:i]), true
	}
	if cut {
		alt += "…"
	}
	return alt
}

// escapeAlt escapes what would end an image's alt text early.
func escapeAlt(alt string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(alt)
}

// isTitle reports alt text that holds the article's title, as the alt
// text of a lead image often does ("Illustration for article titled …").
func (p *pictures) isTitle(alt string) bool {
	words := tokenSet(alt)
	for _, title := range p.titles {
		if covered(title, words) && len(words) <= len(title)+6 {
			return true
		}
	}
	return false
}

// isAuthor reports alt text that is the author's name (or more of the
// byline): the alt text of the author's portrait.
func (p *pictures) isAuthor(alt string) bool {
	words := tokenSet(alt)
	for _, name := range p.names {
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

var (
	rxAltTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	// rxAltLabel is a label before an alt text's description.
	rxAltLabel = regexp.MustCompile(`^(?i:image|photo|photograph|picture|illustration)\s*:\s*`)
)

// cleanAlt makes alt text one line of plain text, without markup or the
// characters that would read as markdown around it.
func cleanAlt(alt string) string { return cleanLine(alt, "[]`*_<>") }

// pictureAlt is cleanAlt for a picture's alt text, which keeps its
// brackets (escaped where it is written, see escapeAlt).
func pictureAlt(alt string) string { return cleanLine(alt, "`*_<>") }

// cleanLine makes s one line of plain text, without markup, soft hyphens
// or the characters of drop.
func cleanLine(s, drop string) string {
	if strings.Contains(s, "<") {
		s = rxAltTag.ReplaceAllString(s, " ")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00ad':
			return -1
		case strings.ContainsRune(drop, r):
			return ' '
		}
		return r
	}, model.SanitizeLine(s))
	return strings.Join(strings.Fields(s), " ")
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

// nearbyLimit bounds how much text around an image is compared with its
// alt text; a container with more text than that is the article itself.
const nearbyLimit = 1000

// repeatsNearbyText reports alt text whose words all stand in the text
// around the image: the link beside it, its wrapper, a caption beside it.
// Said there, it is not said again as the picture's alt text.
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
