package extract

import (
	"strings"
	"testing"
)

// mathPage is a page whose article holds body in its third paragraph.
func mathPage(body string) []byte {
	filler := `<p>Quadratic equations turn up everywhere in physics and engineering, from the flight of a ball to the shape of a satellite dish, and every student meets them early on.</p>`
	return []byte(`<!doctype html><html><head><title>Solving quadratics – Notes</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Solving quadratics</h1>` + filler + filler + body + filler + `
<p>The same method works for any equation of the second degree, whatever its coefficients, as long as the leading one is not zero.</p></article>
<footer>© Notes</footer></body></html>`)
}

// TestExtractKeepsFormulas: each kind of formula markup survives the whole
// extraction as code, and its sentence keeps its words around it.
func TestExtractKeepsFormulas(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"mathml tex annotation",
			`<p>When <math><semantics><mrow><mi>a</mi><mo>≠</mo><mn>0</mn></mrow><annotation encoding="application/x-tex">a \neq 0</annotation></semantics></math>, there are two solutions.</p>`,
			"When `$a \\neq 0$`, there are two solutions."},
		{"mathml alttext",
			`<p>When <math alttext="a \neq 0"><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions.</p>`,
			"When `$a \\neq 0$`, there are two solutions."},
		{"mathml without tex",
			`<p>When <math><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn></math> is zero, there is no real solution.</p>`,
			"When `x^2 + 1` is zero, there is no real solution."},
		{"mathml fraction and root",
			`<p>The roots are <math><mfrac><mrow><mo>−</mo><mi>b</mi><mo>±</mo><msqrt><mi>D</mi></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></math> in general.</p>`,
			"The roots are `(− b ± √D)/(2a)` in general."},
		{"mathjax 2 script",
			`<p>When <span class="MathJax_Preview">a≠0</span><span class="MathJax" id="MathJax-Element-1-Frame"><span class="math">a≠0</span></span><script type="math/tex" id="MathJax-Element-1">a \neq 0</script>, there are two solutions.</p>`,
			"When `$a \\neq 0$`, there are two solutions."},
		{"mathjax 2 display",
			`<div class="MathJax_Display"><span class="MathJax">x=…</span></div><script type="math/tex; mode=display">x = \frac{-b \pm \sqrt{D}}{2a}</script>`,
			"$$\nx = \\frac{-b \\pm \\sqrt{D}}{2a}\n$$"},
		{"mathjax 2 data-mathml",
			`<p>When <span class="MathJax" data-mathml="&lt;math&gt;&lt;mi&gt;a&lt;/mi&gt;&lt;mo&gt;≠&lt;/mo&gt;&lt;mn&gt;0&lt;/mn&gt;&lt;/math&gt;">a≠0</span>, there are two solutions.</p>`,
			"When `a ≠ 0`, there are two solutions."},
		{"mathjax 3 assistive mml",
			`<p>When <mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi>a</mjx-mi></mjx-math><mjx-assistive-mml display="inline"><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>, there are two solutions.</p>`,
			"When `a ≠ 0`, there are two solutions."},
		{"katex",
			`<p>When <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>a</mi></mrow><annotation encoding="application/x-tex">a \neq 0</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base">a≠0</span></span></span>, there are two solutions.</p>`,
			"When `$a \\neq 0$`, there are two solutions."},
		{"formula image",
			`<p>When <img class="latex" src="/f.png" alt="a \neq 0">, there are two solutions.</p>`,
			"When `$a \\neq 0$`, there are two solutions."},
		{"wikipedia math element",
			`<p>When <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math alttext="{\displaystyle a\neq 0}"><semantics><mrow><mi>a</mi></mrow></semantics></math></span><img src="/f.svg" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="{\displaystyle a\neq 0}"></span>, there are two solutions.</p>`,
			"When `$a\\neq 0$`, there are two solutions."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := Extract(mathPage(tt.html), "https://notes.example/quadratics")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ex.Markdown, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, ex.Markdown)
			}
		})
	}
}
