package share

import (
	"errors"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

// fragCheck decodes the directive of link and checks, independently of
// how it was chosen, that its terms stand in order in the rendered
// article around the passage text[a:b], and that a browser following it
// (every matcher variant) lands on exactly that passage.
func fragCheck(t *testing.T, link string, md string, a, b int) (prefix, start, end, suffix string) {
	t.Helper()
	_, frag, ok := strings.Cut(link, "#")
	if !ok {
		t.Fatalf("no fragment in %q", link)
	}
	prefix, start, end, suffix, err := ParseTextFragment(frag)
	if err != nil {
		t.Fatalf("ParseTextFragment(%q): %v", frag, err)
	}
	text := fragRender(md).text
	passage := string(text[a:b])
	if !strings.HasPrefix(passage, start) {
		t.Errorf("start %q does not open the passage %q", start, passage)
	}
	if end != "" && (!strings.HasSuffix(passage, end) || len(start)+len(end) > len(passage)) {
		t.Errorf("end %q does not close the passage %q", end, passage)
	}
	if end == "" && start != passage {
		t.Errorf("exact term %q is not the passage %q", start, passage)
	}
	if before := strings.TrimSpace(string(text[:a])); prefix != "" && !strings.HasSuffix(before, prefix) {
		t.Errorf("prefix %q does not stand before the passage", prefix)
	}
	if after := strings.TrimSpace(string(text[b:])); suffix != "" && !strings.HasPrefix(after, suffix) {
		t.Errorf("suffix %q does not follow the passage", suffix)
	}
	d := fragTerms{prefix, start, end, suffix}
	for i, m := range fragMatchers(text) {
		if from, to, ok := m.locate(d); !ok || from != a || to != b {
			t.Errorf("matcher %d highlights %d–%d (%v), want %d–%d %q", i, from, to, ok, a, b, passage)
		}
	}
	return prefix, start, end, suffix
}

// fragPassage finds the rendered range of the n-th (from 1) occurrence of
// s in the rendered article.
func fragPassage(t *testing.T, md, s string, n int) (int, int) {
	t.Helper()
	text := string(fragRender(md).text)
	off := 0
	for ; n > 0; n-- {
		i := strings.Index(text[off:], s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, text)
		}
		off += i
		if n > 1 {
			off += len(s)
		}
	}
	a := len([]rune(text[:off]))
	return a, a + len([]rune(s))
}

func TestDeepLinkRoundTrip(t *testing.T) {
	tests := []struct {
		name, md, passage string
		quote, n          int // quote number in FindQuotes, occurrence of passage
	}{
		{"short quote", "Officials said it was “a very big mistake” on Friday.\n", "a very big mistake", 1, 1},
		{"long quote", "The minister spoke at length. “We will build three new bridges over the river before the end of the decade, and we will pay for them without new taxes,” she said.\n",
			"We will build three new bridges over the river before the end of the decade, and we will pay for them without new taxes", 1, 1},
		{"same short quote twice", "Officials said “we will not back down” on Monday.\n\nLater, the mayor repeated “we will not back down” to reporters.\n",
			"we will not back down", 2, 2},
		{"first words occur twice", "The plan will cost more than expected, the report said.\n\nShe said “The plan will cost more than expected and take longer than anyone in the council had hoped,” adding nothing.\n",
			"The plan will cost more than expected and take longer than anyone in the council had hoped", 1, 1},
		{"end words occur inside", "“Supply weapons to other regions of the world and to regions of the world that need them and to the world,” he said.\n",
			"Supply weapons to other regions of the world and to regions of the world that need them and to the world", 1, 1},
		{"markdown syntax stripped", "He said “the *only* way is [forward](https://x.example/a-b,c) and __up__” today.\n",
			"the only way is forward and up", 1, 1},
		{"multi-paragraph, its first part", "Intro.\n\n“It was long, she recalled.\n\n“And it went on, and on, and on until the end of the day,” she said.\n",
			"It was long, she recalled.", 1, 1},
		{"multi-paragraph, its last part", "Intro.\n\n“It was long, she recalled.\n\n“And it went on, and on, and on until the end of the day,” she said.\n",
			"And it went on, and on, and on until the end of the day", 2, 1},
		{"accents fold", "Il a dit « résumé » puis il a dit « resume » encore.\n", "resume", 2, 1},
		{"plain text lines", "Putin said “no” today.\nThen “no” again, he said “no” once more.\nEnd.\n", "no", 3, 3},
		{"at paragraph start", "“Stop it now,” he said.\n\n“Stop it now,” she said too, and left.\n", "Stop it now", 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := quote.FindQuotes(tt.md)
			if len(qs) < tt.quote {
				t.Fatalf("FindQuotes found %d quotes", len(qs))
			}
			link, err := DeepLink("https://news.example/story?id=4&utm_source=x", tt.md, qs[tt.quote-1])
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(link, "https://news.example/story?id=4#:~:text=") {
				t.Errorf("link %q", link)
			}
			a, b := fragPassage(t, tt.md, tt.passage, tt.n)
			p, s, e, x := fragCheck(t, link, tt.md, a, b)
			t.Logf("%s  →  prefix %q start %q end %q suffix %q", link, p, s, e, x)
		})
	}
}

func TestDeepLinkPicksSecondOccurrence(t *testing.T) {
	md := "Officials said “we will not back down” on Monday.\n\nLater, the mayor repeated “we will not back down” to reporters.\n"
	q := quote.FindQuotes(md)[1]
	link, err := DeepLink("https://news.example/a", md, q)
	if err != nil {
		t.Fatal(err)
	}
	prefix, start, _, suffix, err := ParseTextFragment(link)
	if err != nil {
		t.Fatal(err)
	}
	if prefix == "" && suffix == "" {
		t.Errorf("no context to pick the second occurrence: %s", link)
	}
	if start != "we will not back down" {
		t.Errorf("start %q", start)
	}
}

func TestDeepLinkFragments(t *testing.T) {
	md := "He said “hello world” twice.\n"
	q := quote.FindQuotes(md)[0]
	tests := []struct{ url, want string }{
		{"https://n.example/a", "https://n.example/a#:~:text=hello%20world"},
		{"https://n.example/a?utm_source=x#sec-2", "https://n.example/a#sec-2:~:text=hello%20world"},
		{"https://n.example/a#sec:~:text=old", "https://n.example/a#sec:~:text=hello%20world"},
		{"https://n.example/a#", "https://n.example/a#:~:text=hello%20world"},
	}
	for _, tt := range tests {
		if got, err := DeepLink(tt.url, md, q); err != nil || got != tt.want {
			t.Errorf("DeepLink(%q) = %q, %v; want %q", tt.url, got, err, tt.want)
		}
	}
	if _, err := DeepLink("javascript:alert(1)", md, q); !errors.Is(err, ErrUnsafeURL) {
		t.Errorf("unsafe link: %v", err)
	}
	if _, err := DeepLinkSpan("https://n.example/a", "[](https://x.example)", 3, 20); !errors.Is(err, ErrNoTextFragment) {
		t.Errorf("passage inside a link target: %v", err)
	}
	if _, err := TextDirective(md, 5, 500); !errors.Is(err, ErrNoTextFragment) {
		t.Errorf("span outside the article: %v", err)
	}
}

// TestDeepLinkQuoteWithMarkup: a quote whose text is what a reader sees
// (link syntax, escapes, emphasis removed) is still linked by its span,
// so the second of two occurrences is the one named.
func TestDeepLinkQuoteWithMarkup(t *testing.T) {
	md := "Jo Hart said [our plan](https://x.example/p) will work.\n\n" +
		"Later: “\\[Our] [plan](https://x.example/p) will *work*,” Jo Hart said again.\n"
	qs := quote.FindQuotes(md)
	if len(qs) != 1 || qs[0].Text != "[Our] plan will work," {
		t.Fatalf("quotes %+v", qs)
	}
	if !fragSpanFits(md, qs[0]) {
		t.Fatal("the quote's span should fit its visible text")
	}
	link, err := DeepLink("https://n.example/a", md, qs[0])
	if err != nil {
		t.Fatal(err)
	}
	_, start, _, _, err := ParseTextFragment(link)
	if err != nil || start != "[Our] plan will work" {
		t.Errorf("link %s: start %q, %v", link, start, err)
	}
}

func TestDeepLinkByText(t *testing.T) {
	md := "Some *said* “we act now” first.\n\nThen **we** act now, again.\n"
	// A highlight kept as text, without a span: found by its text.
	link, err := DeepLink("https://n.example/a", md, model.Quote{Text: "we act now, again"})
	if err != nil {
		t.Fatal(err)
	}
	a, b := fragPassage(t, md, "we act now, again", 1)
	fragCheck(t, link, md, a, b)
	// Text the article does not hold still gives a directive of its words.
	link, err = DeepLink("https://n.example/a", md, model.Quote{Text: "never said, ever"})
	if err != nil || link != "https://n.example/a#:~:text=never%20said%2C%20ever" {
		t.Errorf("got %q, %v", link, err)
	}
}

func TestTextDirectiveEncoding(t *testing.T) {
	md := "Prices rose “50% - a record, & #1 in Zürich” today.\n"
	q := quote.FindQuotes(md)[0]
	d, err := TextDirective(md, q.Start, q.End)
	if err != nil {
		t.Fatal(err)
	}
	want := "text=50%25%20%2D%20a%20record%2C%20%26%20%231%20in%20Z%C3%BCrich"
	if d != want {
		t.Errorf("directive\n got %s\nwant %s", d, want)
	}
	if body := strings.TrimPrefix(d, "text="); strings.ContainsAny(body, "-,& #") {
		t.Errorf("a raw -, comma, & or space in %s", d)
	}
	_, start, _, _, err := ParseTextFragment(d)
	if err != nil || start != "50% - a record, & #1 in Zürich" {
		t.Errorf("round trip: %q, %v", start, err)
	}
}

func TestParseTextFragment(t *testing.T) {
	tests := []struct{ in, prefix, start, end, suffix string }{
		{"#:~:text=a%20b", "", "a b", "", ""},
		{":~:text=a,b", "", "a", "b", ""},
		{"text=p-,a,b,-s", "p", "a", "b", "s"},
		{"https://x.example/#top:~:text=p%2D-,a", "p-", "a", "", ""},
		{"#:~:foo=1&text=a,-s&text=z", "", "a", "", "s"},
		{"#:~:text=%E2%80%9C-,We", "“", "We", "", ""},
	}
	for _, tt := range tests {
		p, s, e, x, err := ParseTextFragment(tt.in)
		if err != nil || p != tt.prefix || s != tt.start || e != tt.end || x != tt.suffix {
			t.Errorf("ParseTextFragment(%q) = %q %q %q %q, %v", tt.in, p, s, e, x, err)
		}
	}
	for _, bad := range []string{"", "#top", "#:~:text=", "#:~:text=a,b,c", "#:~:text=%ZZ", "#:~:text=p-,-s", "#:~:text=a,", "#:~:text=a-b"} {
		if p, s, e, x, err := ParseTextFragment(bad); err == nil {
			t.Errorf("ParseTextFragment(%q) = %q %q %q %q; want an error", bad, p, s, e, x)
		}
	}
}

func TestFragRender(t *testing.T) {
	md := "# Title here #\n\nA *b* __c__ `d` [e](http://x.example/f) ![g](h.png) <span>i</span> \\*j\\* ~~k~~ a_b_c 5 * 3 &amp; <https://l.example>\nsoft  wrap.\n\n" +
		"> quoted\n> more\n\n- item one\n- item two\n\n| c1 | c2 |\n|---|---|\n| v1 | v2 |\n\n```\ncode *x*\n```\n\n[ref]: http://x.example\n"
	want := "Title here\nA b c d e i *j* k a_b_c 5 * 3 & https://l.example soft wrap.\nquoted\nmore\nitem one\nitem two\nc1\nc2\nv1\nv2\ncode *x*\n"
	if got := string(fragRender(md).text); got != want {
		t.Errorf("fragRender\n got %q\nwant %q", got, want)
	}
	plain := "Line one.\nLine two.\n"
	if got := string(fragRender(plain).text); got != "Line one.\nLine two.\n" {
		t.Errorf("plain text: %q", got)
	}
}

func FuzzTextFragment(f *testing.F) {
	f.Add("He said “we will not back down” and “we will not back down” again.", 10, 40)
	f.Add("# T\n\nA *b* [c](http://d) “e, f - g & h”\n\n> “i\n\n> “j k,” l", 0, 60)
	f.Add("a a a a a a a a a a a a a a a a a a a a a a a a a", 3, 30)
	f.Add("Il a dit « résumé » puis « resume ».", 12, 30)
	f.Fuzz(func(t *testing.T, md string, start, end int) {
		if len(md) > 4000 || len(md) == 0 {
			return
		}
		start, end = fragAbs(start)%len(md), fragAbs(end)%(len(md)+1)
		d, err := TextDirective(md, start, end)
		if err != nil {
			return
		}
		p, s, e, x, err := ParseTextFragment(d)
		if err != nil {
			t.Fatalf("directive %q does not parse: %v", d, err)
		}
		if again := (fragTerms{p, s, e, x}).String(); again != d {
			t.Fatalf("round trip: %q became %q", d, again)
		}
		t2 := fragRender(md)
		a, b, ok := t2.span(start, end)
		if !ok {
			t.Fatalf("directive %q for an empty passage", d)
		}
		if terms, verified := fragChoose(t2.text, a, b); verified && !fragAllLand(fragMatchers(t2.text), terms, a, b) {
			t.Fatalf("verified directive %q does not land", d)
		}
		if !strings.HasPrefix(string(t2.text[a:b]), s) {
			t.Fatalf("start %q does not open the passage %q", s, string(t2.text[a:b]))
		}
		for i, q := range quote.FindQuotes(md) {
			if i == 3 {
				break
			}
			if _, err := DeepLink("https://n.example/", md, q); err != nil && !errors.Is(err, ErrNoTextFragment) {
				t.Fatal(err)
			}
		}
	})
}

func fragAbs(n int) int {
	if n < 0 {
		if n = -n; n < 0 {
			return 0
		}
	}
	return n
}

// fragBenchBlocks holds every kind of block fragRender reads.
const fragBenchBlocks = `# A heading with *emphasis*

A paragraph with a [link](https://example.com/a) and ` + "`code`" + `, “quoted words” and an &amp; entity.
It wraps onto a second line.

> A block quote
> > nested, with a - list marker

- one item
- two items with **bold**
  1. nested ordered
  2) another

~~~go
func main() {}
~~~~
~~~

| a | b |
|---|:-:|
| 1 | 2 |

* * *

Setext heading
---

[ref]: https://example.com/ref

![an image](https://example.com/i.png)

<div>html</div>

`

// BenchmarkFragRender renders about 100 KB of markdown to the text a page
// shows.
func BenchmarkFragRender(b *testing.B) {
	md := strings.Repeat(fragBenchBlocks, 100<<10/len(fragBenchBlocks))
	b.SetBytes(int64(len(md)))
	b.ReportAllocs()
	for b.Loop() {
		fragRender(md)
	}
}
