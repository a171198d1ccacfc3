package formula

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// replaced is the page's body after Replace, as HTML.
func replaced(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	Replace(doc)
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	return out[strings.Index(out, "<body>")+len("<body>") : strings.Index(out, "</body>")]
}

func TestReplace(t *testing.T) {
	cases := []struct{ name, page, want string }{
		{"MathML with a TeX annotation",
			`<p>If <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></semantics></math>is odd</p>`,
			`<p>If <code>$x^2$</code> is odd</p>`},
		{"MathML with alttext only",
			`<p>So <math alttext="a+b"><mi>a</mi><mo>+</mo><mi>b</mi></math>.</p>`,
			`<p>So <code>$a+b$</code>.</p>`},
		{"MathML with neither: a linear form",
			`<p>Then <math><mfrac><mn>1</mn><mi>n</mi></mfrac></math>.</p>`,
			`<p>Then <code>1/n</code>.</p>`},
		{"MathJax 2 display script",
			`<div><script type="math/tex; mode=display">E = mc^2</script></div>`,
			"<div><pre><code>$$\nE = mc^2\n$$</code></pre></div>"},
		{"a formula image",
			`<p>Area <img class="tex" alt="\pi r^2" src="a.png"> in all.</p>`,
			`<p>Area <code>$\pi r^2$</code> in all.</p>`},
		{"an ordinary script stays",
			`<p>Text</p><script>var x = 1;</script>`,
			`<p>Text</p><script>var x = 1;</script>`},
	}
	for _, c := range cases {
		if got := replaced(t, c.page); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
