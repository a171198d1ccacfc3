package corpus

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
)

const saltBody = 0x626f_6479

// body is the HTML of item j's article: paragraphs of MinWords..MaxWords
// words in all, a subheading now and then, and quoted speech attributed
// the ways news attributes it.
func (c Config) body(feed, j int) string {
	r := c.rng(feed, j, saltBody)
	target := c.MinWords + r.IntN(c.MaxWords-c.MinWords+1)
	var b strings.Builder
	b.Grow(target * 8)
	n, para := 0, 0
	for n < target {
		if para > 0 && para%6 == 0 {
			h := capitalise(strings.Join(words(r, 3+r.IntN(3)), " "))
			fmt.Fprintf(&b, "<h2>%s</h2>\n", h)
			n += strings.Count(h, " ") + 1
		}
		p, w := paragraph(r, para)
		b.WriteString(p)
		n += w
		para++
	}
	return b.String()
}

// paragraph is one paragraph of an article and its words; every third
// has a quotation in it.
func paragraph(r *rand.Rand, index int) (string, int) {
	var parts []string
	for range 2 + r.IntN(4) {
		parts = append(parts, sentence(r, 8, 22))
	}
	if index%3 == 1 {
		parts = append(parts, quotation(r))
	}
	text := strings.Join(parts, " ")
	return "<p>" + html.EscapeString(text) + "</p>\n", strings.Count(text, " ") + 1
}

// quotation is a sentence of quoted speech and who said it, in one of
// the shapes news writes it.
func quotation(r *rand.Rand) string {
	said := strings.TrimSuffix(sentence(r, 6, 16), ".")
	who := person(r)
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("“%s,” said %s, %s.", said, who, pick(r, roles))
	case 1:
		return fmt.Sprintf("“%s,” %s %s.", said, who, pick(r, saidForms))
	case 2:
		return fmt.Sprintf("%s, %s, said: “%s.”", who, pick(r, roles), said)
	default:
		return fmt.Sprintf("“%s,” the minister said.", said)
	}
}

// Page is item j's article page: the article among the furniture of a
// news site. Its links are on site.
func (c Config) Page(feed, j int, site string) []byte {
	it := c.item(feed, j, site)
	body := it.content
	if body == "" {
		body = c.body(feed, j)
	}
	esc := html.EscapeString
	var b strings.Builder
	b.Grow(len(body) + 4096)
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>%s | %s</title>
<meta name="author" content="%s">
<meta property="og:title" content="%s">
<meta property="article:published_time" content="%s">
</head><body>
`, esc(it.title), esc(c.FeedTitle(feed)), esc(it.author), esc(it.title), it.published.Format("2006-01-02T15:04:05Z"))
	furnitureTop(&b, site)
	fmt.Fprintf(&b, "<main>\n<article>\n<h1>%s</h1>\n<p class=\"byline\">By <a rel=\"author\" href=\"%s/people/%d\">%s</a></p>\n<time datetime=\"%s\">%s</time>\n",
		esc(it.title), site, feed, esc(it.author), it.published.Format("2006-01-02T15:04:05Z"), it.published.Format("2 January 2006"))
	shareBar(&b, it.link)
	half := strings.Index(body[len(body)/2:], "</p>\n")
	if half < 0 {
		b.WriteString(body)
	} else {
		cut := len(body)/2 + half + len("</p>\n")
		b.WriteString(body[:cut])
		fmt.Fprintf(&b, "<div class=\"ad ad-inline\"><span>Advertisement</span></div>\n<p class=\"read-more\"><strong>Read more:</strong> <a href=\"%s%s\">%s</a></p>\n",
			site, ArticlePath(feed, (j+1)%c.Items), esc(c.itemTitle(feed, (j+1)%c.Items)))
		b.WriteString(body[cut:])
	}
	b.WriteString("</article>\n")
	c.furnitureBottom(&b, feed, j, site)
	b.WriteString("</main>\n<footer class=\"site-footer\"><p>© 2024 Bench News. All rights reserved.</p><ul><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms\">Terms</a></li><li><a href=\"/contact\">Contact us</a></li></ul></footer>\n</body></html>\n")
	return []byte(b.String())
}

func furnitureTop(b *strings.Builder, site string) {
	fmt.Fprintf(b, `<header class="site-header"><a class="logo" href="%s/">Bench News</a>
<nav aria-label="Sections"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/science">Science</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>
<div class="cookie-banner" role="dialog"><p>This site uses cookies to measure its audience and to show you relevant advertising.</p><button>Accept all</button><button>Manage choices</button></div>
<div class="ad ad-leaderboard"><span>Advertisement</span></div>
<div class="newsletter-signup"><p>Get the morning briefing in your inbox.</p><a href="/newsletter">Subscribe</a></div>
`, site)
}

func shareBar(b *strings.Builder, link string) {
	fmt.Fprintf(b, "<div class=\"share-bar\"><span>Share this article</span> <a href=\"https://share.invalid/?u=%s\">Facebook</a> <a href=\"https://share.invalid/x?u=%s\">X</a> <a href=\"mailto:?body=%s\">Email</a></div>\n", link, link, link)
}

// furnitureBottom is what follows the article: a most-read sidebar,
// related stories (links to the feed's other items) and comments.
func (c Config) furnitureBottom(b *strings.Builder, feed, j int, site string) {
	b.WriteString("<aside class=\"sidebar\"><h3>Most read</h3><ol>\n")
	for k := 1; k <= 5; k++ {
		other := (j + 2*k) % c.Items
		fmt.Fprintf(b, "<li><a href=\"%s%s\">%s</a></li>\n", site, ArticlePath(feed, other), html.EscapeString(c.itemTitle(feed, other)))
	}
	b.WriteString("</ol></aside>\n<section class=\"related\"><h2>Related stories</h2><ul>\n")
	for k := 1; k <= 3; k++ {
		other := (j + 7*k) % c.Items
		fmt.Fprintf(b, "<li><a href=\"%s%s\">%s</a></li>\n", site, ArticlePath(feed, other), html.EscapeString(c.itemTitle(feed, other)))
	}
	b.WriteString("</ul></section>\n<section class=\"comments\"><h2>Comments (3)</h2>\n")
	r := c.rng(feed, j, saltBody^0xc0)
	for range 3 {
		fmt.Fprintf(b, "<div class=\"comment\"><p class=\"who\">%s</p><p>%s</p></div>\n", html.EscapeString(person(r)), html.EscapeString(sentence(r, 5, 15)))
	}
	b.WriteString("</section>\n")
}
