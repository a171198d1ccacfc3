package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// convert runs toMarkdown on an HTML fragment of a page at
// https://news.example/world/story.
func convert(t *testing.T, fragment string, said articleSaid) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://news.example/world/story")
	md, err := toMarkdown(doc, base, said)
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// pictureLines are the lines of md that are pictures.
func pictureLines(md string) []string {
	var out []string
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "![") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

func TestPictureLines(t *testing.T) {
	said := articleSaid{titles: []string{"The ferry that time forgot"}, names: []string{"Callum Rossiter"}}
	tests := []struct{ name, html, want string }{
		{"described", `<p>Text.</p><img src="a.jpg" alt="A blue ferry crossing grey water at dawn">`,
			"![A blue ferry crossing grey water at dawn](https://news.example/world/a.jpg)"},
		{"captioned", `<figure><img src="/i/a.jpg" alt="A blue ferry at dawn"><figcaption>The ferry.</figcaption></figure>`,
			"![A blue ferry at dawn](https://news.example/i/a.jpg)"},
		{"file name", `<img src="a.jpg" alt="12-IMG 3886.jpg">`, "![](https://news.example/world/a.jpg)"},
		{"generic", `<img src="a.jpg" alt="Image for post">`, "![](https://news.example/world/a.jpg)"},
		{"labelled", `<img src="a.jpg" alt="Image: A flooded street">`, "![A flooded street](https://news.example/world/a.jpg)"},
		{"tex", `<img src="a.jpg" alt="{\displaystyle a_{ij}}">`, "![](https://news.example/world/a.jpg)"},
		{"title", `<img src="a.jpg" alt="Illustration for article titled The ferry that time forgot">`,
			"![](https://news.example/world/a.jpg)"},
		{"author's portrait", `<img src="a.jpg" alt="Callum Rossiter">`, ""},
		{"long", `<img src="a.jpg" alt="` + strings.Repeat("word ", 50) + `">`,
			"![" + strings.TrimSpace(strings.Repeat("word ", 40)) + "…](https://news.example/world/a.jpg)"},
		{"brackets escaped", `<img src="a.jpg" alt="A map [1] of the \ city">`,
			`![A map \[1\] of the \\ city](https://news.example/world/a.jpg)`},
		{"markup in alt", `<img src="a.jpg" alt="A *bold* claim about &lt;b&gt;tags&lt;/b&gt; in alt text">`,
			"![A bold claim about tags in alt text](https://news.example/world/a.jpg)"},
		{"alt over lines", "<img src=\"a.jpg\" alt=\"Two\n\nlines\">", "![Two lines](https://news.example/world/a.jpg)"},
		{"parentheses in the address", `<img src="/w/Foo_(bar).jpg" alt="Foo">`, "![Foo](https://news.example/w/Foo_%28bar%29.jpg)"},
		{"lazy", `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/big.jpg" alt="A dog">`,
			"![A dog](https://news.example/big.jpg)"},
		{"lazy original", `<img src="/spacer.gif" data-original="//cdn.example/dog.jpg" alt="A dog">`,
			"![A dog](https://cdn.example/dog.jpg)"},
		{"srcset", `<img srcset="/s.jpg 320w, /m.jpg 800w, /l.jpg 1600w, /xl.jpg 3200w" alt="A dog">`,
			"![A dog](https://news.example/l.jpg)"},
		{"srcset all wide", `<img srcset="/xl.jpg 3200w, /l.jpg 2000w" alt="A dog">`, "![A dog](https://news.example/l.jpg)"},
		{"srcset densities", `<img data-srcset="/a.jpg, /b.jpg 2x, /c.jpg 3x" alt="A dog">`, "![A dog](https://news.example/b.jpg)"},
		{"srcset with commas in addresses", `<img srcset="https://img.example/w_400,h_300/a.jpg 400w, https://img.example/w_800,h_600/a.jpg 800w">`,
			"![](https://img.example/w_800,h_600/a.jpg)"},
		{"picture sources", `<picture><source type="image/avif" srcset="/a.avif"><source srcset="/a.webp 800w"><img alt="A dog"></picture>`,
			"![A dog](https://news.example/a.webp)"},
		{"tracking pixel", `<img src="https://stats.example/p.gif?u=1" width="1" height="1">`, ""},
		{"tracker host", `<img src="https://pixel.wp.com/g.gif?v=1">`, ""},
		{"feedburner", `<img src="https://feeds.feedburner.com/~r/x/~4/abc">`, ""},
		{"ad server", `<img src="https://ads.example/www/delivery/avw.php?zoneid=9">`, ""},
		{"avatar", `<img src="https://secure.gravatar.com/avatar/feb2b1?s=128">`, ""},
		{"spacer", `<img src="/img/spacer.gif" alt="A dog">`, ""},
		{"data uri only", `<img src="data:image/png;base64,iVBORw0KGgo=" alt="A dog">`, ""},
		{"other scheme", `<img src="javascript:alert(1)" alt="A dog">`, ""},
		{"credentials", `<img src="https://user:pw@x.example/a.jpg" alt="A dog">`, ""},
		{"emoji", `<p>Great <img class="wp-smiley emoji" src="https://s.w.org/images/core/emoji/14.0.0/svg/1f600.svg" alt="😀"> news</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := convert(t, tt.html, said)
			lines := pictureLines(md)
			got := strings.Join(lines, "\n")
			if got != tt.want {
				t.Errorf("picture %q, want %q in:\n%s", got, tt.want, md)
			}
		})
	}
}

func TestPictureBlocks(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"in a paragraph", `<p>Before <img src="/a.jpg" alt="A dog"> after.</p>`,
			"Before\n\n![A dog](https://news.example/a.jpg)\n\nafter."},
		{"in a link", `<p><a href="/big.jpg"><img src="/a.jpg" alt="A dog"></a></p><p>Text.</p>`,
			"![A dog](https://news.example/a.jpg)\n\nText."},
		{"in a link with text", `<p>See <a href="/x"><img src="/a.jpg" alt="A dog"> the dog</a>.</p>`,
			"See\n\n![A dog](https://news.example/a.jpg)\n\n[the dog](https://news.example/x)."},
		{"caption under it", `<figure><figcaption>A dog in the snow.</figcaption><img src="/a.jpg"></figure>`,
			"![](https://news.example/a.jpg)\n\n_A dog in the snow._"},
		{"credit above it joins the caption under it", `<p>Image source, Getty Images</p><img src="/a.jpg"><p>Image caption, A dog in the snow</p>`,
			"![](https://news.example/a.jpg)\n\n_A dog in the snow — Getty Images_"},
		{"emoji stays in its line", `<p>Great <img class="emoji" src="/e/1f600.png" alt="😀"> news</p>`, "Great 😀 news"},
		{"in emphasis", `<p><strong><img src="/a.jpg" alt="A dog"></strong></p><p>Text.</p>`,
			"![A dog](https://news.example/a.jpg)\n\nText."},
		{"a heading of only a picture", `<h3><img src="/a.jpg" alt="A dog"></h3><p>Text.</p>`,
			"![A dog](https://news.example/a.jpg)\n\nText."},
		{"a heading with a picture", `<h3><img src="/a.jpg" alt="A dog">Dogs</h3><p>Text.</p>`,
			"![A dog](https://news.example/a.jpg)\n\n### Dogs\n\nText."},
		{"a heading with white space and a picture", "<h4>\n      <cite>Alan Goodale</cite> <span><img src=\"/a.jpg\" alt=\"Alan\"></span>\n</h4><p>Text.</p>",
			"![](https://news.example/a.jpg)\n\n#### Alan Goodale\n\nText."},
		{"deep in a link", `<a href="/story"><div><img src="/a.jpg" alt="A dog"></div><span>Dogs</span></a>`,
			"![A dog](https://news.example/a.jpg)\n\n[Dogs](https://news.example/story)"},
		{"in a table cell", `<table><tr><th>Dog</th></tr><tr><td><img src="/a.jpg" alt="A dog"></td></tr></table>`,
			"| ![A dog](https://news.example/a.jpg) |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := strings.TrimSpace(convert(t, tt.html, articleSaid{}))
			if md != tt.want && !(strings.HasPrefix(tt.want, "|") && strings.Contains(md, tt.want)) {
				t.Errorf("got\n%s\nwant\n%s", md, tt.want)
			}
		})
	}
}

func TestPictureOnce(t *testing.T) {
	md := convert(t, `<p>One.</p><img src="/a.jpg" alt="A lighthouse on a rock"><p>Two.</p><img src="/a.jpg" alt="A lighthouse on a rock"><img src="/b.jpg" alt="A lighthouse on a rock">`, articleSaid{})
	if got := pictureLines(md); len(got) != 2 {
		t.Errorf("pictures %q, want a.jpg once and b.jpg:\n%s", got, md)
	}
}

func TestFragmentKeepsPictures(t *testing.T) {
	md := FragmentToMarkdown(`<p>The storm came.</p><figure><img src="/i/storm.jpg" alt="Waves over the wall"><figcaption>Waves at dawn.</figcaption></figure><img src="https://t.example/p.gif" width="1" height="1">`,
		"https://news.example/2024/storm")
	want := "The storm came.\n\n![Waves over the wall](https://news.example/i/storm.jpg)\n\n_Waves at dawn._"
	if strings.TrimSpace(md) != want {
		t.Errorf("got\n%s\nwant\n%s", md, want)
	}
}

func TestReaderText(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"empty link", `<p>Read <a href="/x"><img alt="photo.jpg"></a>on.</p>`, "Read on."},
		{"link to an emoji", `<p>Read <a href="/x"><img class="emoji" src="/e.png" alt="👉"></a> on.</p>`, "Read [👉](https://news.example/x) on."},
		{"less than", `<p>when h &lt; λ/20 and x &gt; 2</p>`, `when h \< λ/20 and x > 2`},
		{"tag-like", `<p>the &lt;img&gt; element</p>`, `the \<img> element`},
		{"soft hyphen", "<p>Vladi\u00admir</p>", "Vladimir"},
		{"aria hidden", `<p>Seen<span aria-hidden="true"> hidden</span>.</p>`, "Seen."},
		{"two lists", `<ul><li>a</li></ul><ul><li>b</li></ul>`, "- a\n\n- b"},
		{"tex annotation", `<p>So <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></semantics></math> grows.</p>`,
			"So `$x^2$` grows."},
		{"mathml without tex", `<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, it works.</p>`, "When `a ≠ 0`, it works."},
		{"mathjax 2", `<p>Then <script type="math/tex">a_1</script> is small.</p>`, "Then `$a_1$` is small."},
		{"mathjax 2 block", `<div><script type="math/tex; mode=display">E = mc^2</script></div>`, "```\n$$\nE = mc^2\n$$\n```"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := convert(t, tt.html, articleSaid{})
			if strings.TrimSpace(md) != tt.want {
				t.Errorf("got %q, want %q", md, tt.want)
			}
		})
	}
}
