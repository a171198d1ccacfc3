package judge

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
)

// The article's paragraphs, long enough to read as prose, that every
// passage below wraps its furniture in.
const (
	para1 = `<p>The ferry has crossed the firth every half hour since 1962, and its skipper, who took the wheel from his father, knows each sandbank by the name the old fishermen gave it. On a calm morning the crossing takes eleven minutes; in a winter gale it can take forty.</p>`
	para2 = `<p>Last spring the council said the subsidy that keeps the fare at two pounds would end when the skipper retires next March, and that no operator had answered its call for tenders. Residents on the island side have started a petition, which had four thousand names by Friday.</p>`
	para3 = `<p>At the pier café, where the queue for the first boat forms before dawn, the owner said she would close if the service stopped. “Half my trade walks off that ramp,” she said. The council meets again in June to decide whether to extend the subsidy for another year.</p>`
)

// judged runs the judge over body as a page, with readability's part
// played by taking the <body> as the article, and gives the text kept
// and the verdicts.
func judged(t *testing.T, body string) (string, []Verdict) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	m := Mark(doc)
	// Readability drops class names and ids; the judge must not need them.
	htmlnode.Walk(doc, func(n *html.Node) bool {
		var kept []html.Attribute
		for _, a := range n.Attr {
			if a.Key != "class" && a.Key != "id" && a.Key != "role" {
				kept = append(kept, a)
			}
		}
		n.Attr = kept
		return true
	})
	v := m.Judge(doc, "news.example")
	Unmark(doc)
	htmlnode.Walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && htmlnode.Attr(n, judgeMark) != "" {
			t.Errorf("mark left on <%s>", n.Data)
		}
		return true
	})
	return strings.Join(strings.Fields(Text([]*html.Node{doc})), " "), v
}

// teaser is an excerpt of another story, as a related section shows it.
const teaser = `<div class="card"><p>The island's school has four pupils this year, and the teacher who crossed every morning for thirty years retired in June; the council has yet to find anyone willing to make the crossing in winter, when the boat is often late.</p></div>`

func TestJudge(t *testing.T) {
	tests := []struct {
		name, body string
		gone       []string
		rule       Rule
	}{
		{"a share bar", `<div class="article">` + para1 +
			`<div class="social-share-bar"><a href="https://x.example/share">Share on X</a> <a href="https://fb.example/s">Facebook</a> <span>Copy link</span></div>` +
			para2 + para3 + `</div>`,
			[]string{"Share on X", "Copy link"}, RuleMarked},
		{"a list of related stories", `<div>` + para1 + para2 + para3 +
			`<ul class="relatedArticles"><li><a href="/a">Council cuts bus routes in the north</a></li>` +
			`<li><a href="/b">Ten things to do this weekend in town</a></li></ul></div>`,
			[]string{"bus routes", "Ten things"}, RuleMarked},
		{"a newsletter box", `<div>` + para1 + para2 +
			`<div class="c-newsletter__box"><p>Get the Island Post in your inbox every morning.</p><p>Sign up now</p></div>` + para3 + `</div>`,
			[]string{"inbox every morning", "Sign up now"}, RuleMarked},
		{"an author's bio", `<div>` + para1 + para2 + para3 +
			`<div class="author-bio"><p>Morag Flett covers the islands for the Post. She lives on the north shore.</p></div></div>`,
			[]string{"Morag Flett"}, RuleMarked},
		{"a list of links after the article", `<div>` + para1 + para2 + para3 +
			`<p><a href="/tag/ferries">Ferries</a> <a href="/tag/council">Council</a> <a href="/tag/islands">Islands</a></p></div>`,
			[]string{"Ferries Council Islands"}, RuleLinksAfter},
		{"a teaser to another story of the site", `<div>` + para1 +
			`<p><a href="https://news.example/2024/05/ferry-fares-rise">Ferry fares to rise for the first time in a decade</a></p>` +
			para2 + para3 + `</div>`,
			[]string{"Ferry fares to rise"}, RuleTeaser},
		{"chrome before the article", `<div><div>Sign in</div><div>Image 1 of 9</div>` + para1 + para2 + para3 + `</div>`,
			[]string{"Sign in", "Image 1 of 9"}, RuleChromeBefore},
		{"what follows the author's bio", `<div>` + para1 + para2 + para3 +
			`<div class="bio"><p>Morag Flett covers the islands.</p></div><h3>Elsewhere</h3><p>Why puffins came back</p></div>`,
			[]string{"Morag Flett", "Elsewhere", "puffins"}, RuleAfterEnd},
		{"a related section of teasers, longer than the article", `<div><div class="post">` + para1 + para2 + para3 + `</div>` +
			`<section><h3 class="relatedpoststitle">Você pode gostar...</h3>` + strings.Repeat(``+teaser+``, 4) + `</section></div>`,
			[]string{"Você pode gostar", "four pupils"}, RuleRelatedSection},
		{"a related section headed in words", `<div><div class="post">` + para1 + para2 + para3 + `</div>` +
			`<div><div class="heading"><h2>You may also like</h2></div>` + strings.Repeat(``+teaser+``, 2) + `</div></div>`,
			[]string{"also like", "four pupils"}, RuleRelatedSection},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, verdicts := judged(t, tt.body)
			for _, want := range []string{"since 1962", "four thousand names", "extend the subsidy"} {
				if !strings.Contains(text, want) {
					t.Errorf("lost the article's %q: %s", want, text)
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(text, g) {
					t.Errorf("kept %q: %s", g, text)
				}
			}
			ruled := false
			for _, v := range verdicts {
				ruled = ruled || v.Rule == tt.rule
			}
			if !ruled {
				t.Errorf("no verdict by %s: %+v", tt.rule, verdicts)
			}
		})
	}
}

// TestJudgeKeeps holds passages the judge must leave whole: evidence must
// be about the block, not a wrapper of the article, and without clear
// evidence a block stays.
func TestJudgeKeeps(t *testing.T) {
	tests := []struct{ name, body string }{
		{"paragraphs inside a wrapper named for sharing", `<div class="content-share-module">` + para1 + para2 + para3 + `</div>`},
		{"paragraphs inside an article named for its comments", `<article id="comments-enabled-story"><div class="post-body">` +
			para1 + para2 + `</div>` + para3 + `</article>`},
		{"short paragraphs and a list in the body", `<div>` + para1 + `<p>Timetable changes:</p><ul><li>First boat 6.10</li><li>Last boat 22.40</li></ul>` +
			`<h2>The vote</h2>` + para2 + para3 + `</div>`},
		{"a link in a sentence", `<div>` + para1 + `<p>Read <a href="https://council.example/report.pdf">the council's report</a> for the figures.</p>` + para2 + para3 + `</div>`},
		{"a caption in a figure", `<div>` + para1 + `<figure class="related-image"><img src="a.jpg" alt=""><figcaption>The ferry at the pier.</figcaption></figure>` + para2 + para3 + `</div>`},
		{"a list of sources under a heading after the last paragraph", `<div>` + para1 + para2 + para3 +
			`<h2>Further reading</h2><ul><li><a href="https://ferries.example/history">A history of the island ferries</a></li>` +
			`<li><a href="https://council.example/transport">The council's transport plan</a></li></ul></div>`},
		{"links under a term of a definition list", `<div>` + para1 + para2 + para3 +
			`<h2>Links</h2><dl><dt>Council</dt><dd><ul><li><a href="/plan">Transport plan</a></li></ul></dd></dl></div>`},
		{"links after a line that introduces them", `<div>` + para1 + para2 + para3 +
			`<p>The petition and the timetable are online:</p><p><a href="https://petition.example/ferry">Save the ferry</a></p>` +
			`<p><a href="/timetable">Winter timetable</a></p></div>`},
		{"links in a table's cells", `<div><table><tr><td>Departs</td><td>Arrives</td></tr></table>` + para1 + para2 + para3 +
			`<table><tr><td><a href="/timetable">Summer timetable</a></td><td><a href="/fares">Fares</a></td></tr></table></div>`},
		{"an article of short blocks, without a paragraph", `<div><header><h2>Timetables</h2></header>` +
			`<p><a href="/winter">Winter timetable</a></p><p>First boat 6.10, last boat 22.40</p>` +
			`<nav><a href="/fares">Fares</a></nav><p><a href="/contact">Contact the harbour office</a></p></div>`},
		{"a card named related that holds a paragraph", `<div>` + para1 + para2 + `<div class="related-story">` +
			`<h4><a href="/ferry-history">Sixty years of the crossing</a></h4><p>The first boat to cross the firth in 1962 carried ` +
			`twelve passengers and a bicycle, and its skipper kept a log of every crossing, which the island's museum still shows ` +
			`beside the brass bell he rang at the pier before each departure, and the timetable pinned by the door.</p></div>` + para3 + `</div>`},
		{"a section's header inside the article", `<div>` + para1 + `<section><header><h3>The vote</h3>` +
			`<p><a href="/council">More on the council</a></p></header>` + para2 + `</section>` + para3 + `</div>`},
		{"readers' comments after the article", `<div>` + para1 + para2 + para3 +
			`<ol class="comment-list"><li><p>Lovely piece, thank you.</p><p>— Bob</p></li></ol></div>`},
		{"a related heading in the article's body, the article going on", `<div>` + para1 + para2 + para3 +
			`<h3>Related</h3><p><a href="/fares">Fares rise</a></p>` + para1 + `</div>`},
		{"a related section after a short article", `<div><div class="post">` + para1 + para2 + `</div>` +
			`<section><h3>Related</h3>` + teaser + `</section></div>`},
		{"a button that shows the rest of the article", `<div><div class="post">` + para1 + para2 + para3 + `</div>` +
			`<div><h3>Read more</h3>` + para2 + `</div></div>`},
		{"a heading that only mentions related things", `<div><div class="post">` + para1 + para2 + para3 + `</div>` +
			`<div><h3>Related parties and the council</h3>` + para2 + `</div></div>`},
		{"a standfirst in the header", `<div><header><p>An island's only link to the mainland may stop running next spring, when its skipper retires.</p></header>` + para1 + para2 + para3 + `</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := html.Parse(strings.NewReader(tt.body))
			want := strings.Join(strings.Fields(Text([]*html.Node{doc})), " ")
			got, verdicts := judged(t, tt.body)
			if got != want {
				t.Errorf("removed %+v:\n got %s\nwant %s", verdicts, got, want)
			}
		})
	}
}

// TestJudgeShortParagraphs: an article of short paragraphs, none as long
// as prose() asks, is judged by its marks all the same.
func TestJudgeShortParagraphs(t *testing.T) {
	body := `<div><p>The ferry that has crossed the firth since 1962 will stop running next March, when its skipper retires.</p>` +
		`<div class="share-tools"><a href="https://x.example/share">Share</a></div>` +
		`<p>The council said on Friday that no operator had answered its call for tenders to run the service.</p></div>`
	text, verdicts := judged(t, body)
	if strings.Contains(text, "Share") || !strings.Contains(text, "call for tenders") || len(verdicts) != 1 {
		t.Errorf("got %q, verdicts %+v", text, verdicts)
	}
}

// TestJudgeTakesNoMoreThanHalf: evidence against most of the article is
// evidence against the evidence.
func TestJudgeTakesNoMoreThanHalf(t *testing.T) {
	body := `<div>` + para1 + `<div class="sidebar">` + para2 + `</div><div class="sidebar">` + para3 +
		`</div><div class="sidebar">` + para1 + `</div></div>`
	text, verdicts := judged(t, body)
	if !strings.Contains(text, "four thousand names") || verdicts != nil {
		t.Errorf("removed more than half: %+v", verdicts)
	}
}

func TestNameWords(t *testing.T) {
	for in, want := range map[string]string{
		"social-share-bar":   "social share bar",
		"relatedArticles":    "related articles",
		"c-newsletter__box2": "c newsletter box",
		"AUTHOR_BIO":         "author bio",
		"e1ad go gp":         "go gp",
		"ad2Slot":            "ad slot",
	} {
		if got := strings.Join(nameWords(in), " "); got != want {
			t.Errorf("nameWords(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"social-share-bar": "share", "relatedArticles": "related", "recommendations": "related",
		"post-body": "", "headline": "", "shadow": "", "adjacent": "", "article-content": "",
		"e1ad": "", "x9share": "", "ad-slot-2": "ad", "sidebar3": "aside",
	} {
		if got := furnitureInName(in); got != want {
			t.Errorf("furnitureInName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLinksTo: a block's links go to the site only when every one does,
// in whichever of its nodes it stands.
func TestLinksTo(t *testing.T) {
	nodes := func(frags ...string) []*html.Node {
		var out []*html.Node
		for _, f := range frags {
			doc, err := html.Parse(strings.NewReader(f))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, doc)
		}
		return out
	}
	cases := []struct {
		name  string
		nodes []*html.Node
		want  bool
	}{
		{"own links", nodes(`<a href="https://www.news.example/a">a</a>`, `<a href="/b">b</a>`), true},
		{"another site's link first", nodes(`<a href="https://other.example/a">a</a>`, `<a href="/b">b</a>`), false},
		{"another site's link after", nodes(`<a href="/b">b</a>`, `<a href="https://other.example/a">a</a>`), false},
		{"no links", nodes(`<p>text</p>`), false},
	}
	for _, c := range cases {
		if got := linksTo(c.nodes, "news.example"); got != c.want {
			t.Errorf("%s: linksTo = %v, want %v", c.name, got, c.want)
		}
	}
}
