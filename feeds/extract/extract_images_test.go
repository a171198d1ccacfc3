package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// convert runs toMarkdown on an HTML fragment.
func convert(t *testing.T, fragment string, said articleSaid) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		t.Fatal(err)
	}
	md, err := toMarkdown(doc, &url.URL{}, said)
	if err != nil {
		t.Fatal(err)
	}
	return md
}

func TestImageAltLines(t *testing.T) {
	said := articleSaid{titles: []string{"The ferry that time forgot"}, names: []string{"Callum Rossiter"}}
	tests := []struct{ name, html, want string }{
		{"described", `<p>Text.</p><img src="a.jpg" alt="A blue ferry crossing grey water at dawn">`,
			"[Image: A blue ferry crossing grey water at dawn]"},
		{"captioned", `<figure><img src="a.jpg" alt="A blue ferry at dawn"><figcaption>The ferry on her first crossing.</figcaption></figure>`, ""},
		{"repeats its caption", `<div><img src="a.jpg" alt="The mill bridge in April"><p class="credit">The mill bridge in April. Photo: A. Smith</p></div>`, ""},
		{"file name", `<img src="a.jpg" alt="12-IMG 3886.jpg">`, ""},
		{"slug", `<img src="a.jpg" alt="0225-lupita-getty-01">`, ""},
		{"url", `<img src="a.jpg" alt="https://cdn.example/a.jpg">`, ""},
		{"generic", `<img src="a.jpg" alt="Image for post">`, ""},
		{"generic numbered", `<img src="a.jpg" alt="Photo 3">`, ""},
		{"credit", `<img src="a.jpg" alt="(Credit: Nasa)">`, ""},
		{"tex", `<img src="a.jpg" alt="{\displaystyle a_{ij}}">`, ""},
		{"title", `<img src="a.jpg" alt="Illustration for article titled The ferry that time forgot">`, ""},
		{"author", `<img src="a.jpg" alt="Callum Rossiter">`, ""},
		{"long", `<img src="a.jpg" alt="one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen">`,
			"[Image: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen…]"},
		{"markup in alt", `<img src="a.jpg" alt="A *bold* [claim] about &lt;b&gt;tags&lt;/b&gt; in alt text">`,
			"[Image: A bold claim about tags in alt text]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := convert(t, tt.html, said)
			line := ""
			for _, l := range strings.Split(md, "\n") {
				if strings.HasPrefix(l, "[Image:") {
					line = l
				}
			}
			if line != tt.want {
				t.Errorf("image line %q, want %q in:\n%s", line, tt.want, md)
			}
		})
	}
}

func TestImageAltOnce(t *testing.T) {
	md := convert(t, `<p>One.</p><img alt="A lighthouse on a rock"><p>Two.</p><img alt="A lighthouse on a rock">`, articleSaid{})
	if n := strings.Count(md, "[Image: A lighthouse on a rock]"); n != 1 {
		t.Errorf("alt shown %d times:\n%s", n, md)
	}
}

func TestReaderText(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"empty link", `<p>Read <a href="/x"><img alt="photo.jpg"></a>on.</p>`, "Read on."},
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
