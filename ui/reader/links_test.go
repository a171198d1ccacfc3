package reader

import (
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

const linkedBody = "The council [published its report](https://council.example/reports/2024/harbour-plan-final-version.html?utm_source=feed&id=7) on Monday, " +
	"after [a long debate](/debates/41 \"The debate\") that ran late. \"We are ready,\" said Ana Lima.\n\n" +
	"See [the report again](https://council.example/reports/2024/harbour-plan-final-version.html?utm_source=feed&id=7), " +
	"[mail us](mailto:desk@council.example) or [![the logo](https://img.example/logo.png)](https://council.example/).\n"

func linkedDoc(t *testing.T, body string) *Doc {
	t.Helper()
	return NewDoc(body, quote.FindQuotes(body), quote.Sentences(body), nil).WithBase("https://news.example/story/1")
}

func TestLinksLeaveTheTextNumbered(t *testing.T) {
	body, _, _ := strings.Cut(linkedBody, " or [![")
	doc := linkedDoc(t, body+".\n")
	for _, width := range []int{30, 60, 100} {
		r, err := Render(doc, width, true)
		if err != nil {
			t.Fatal(err)
		}
		text := ansi.Strip(strings.Join(r.Lines, "\n"))
		for _, bad := range []string{"http", "council.example", "](", "mailto"} {
			if strings.Contains(text, bad) {
				t.Errorf("width %d: %q is in the render:\n%s", width, bad, text)
			}
		}
		flat := strings.Join(strings.Fields(text), " ")
		want := []string{"published its report [1]", "a long debate [2]", "the report again [1]", "mail us [3]"}
		at := 0
		for _, w := range want {
			i := strings.Index(flat[at:], w)
			if i < 0 {
				t.Fatalf("width %d: %q not found in order in:\n%s", width, w, flat)
			}
			at += i + len(w)
		}
	}
	// A link around an image alone: the image stays as the body writes it
	// (the reader's pictures take it from there), without a number.
	doc = linkedDoc(t, linkedBody)
	if !strings.Contains(doc.source, " or ![the logo](https://img.example/logo.png).") {
		t.Errorf("the image is not left alone: %q", doc.source)
	}
}

func TestDocLinks(t *testing.T) {
	doc := linkedDoc(t, linkedBody)
	got := doc.Links()
	want := []Link{
		{N: 1, Text: "published its report", Target: "https://council.example/reports/2024/harbour-plan-final-version.html?id=7"},
		{N: 2, Text: "a long debate", Target: "https://news.example/debates/41"},
		{N: 3, Text: "mail us", Target: ""},
		{N: 4, Text: "the logo", Target: "https://council.example/"},
	}
	if len(got) != len(want) {
		t.Fatalf("links: %+v", got)
	}
	for i := range want {
		if got[i].N != want[i].N || got[i].Text != want[i].Text || got[i].Target != want[i].Target {
			t.Errorf("link %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestLinksKeepTheSpans: quotes, sentences and highlights keep their
// offsets of the body; their marks fall where they did.
func TestLinksKeepTheSpans(t *testing.T) {
	body := linkedBody
	sentences := quote.Sentences(body)
	quotes := quote.FindQuotes(body)
	if len(quotes) != 1 || len(sentences) < 3 {
		t.Fatalf("quotes %v, sentences %v", quotes, sentences)
	}
	hl := model.Highlight{ID: 1, Start: sentences[0].Start, End: sentences[0].End}
	doc := NewDoc(body, quotes, sentences, []model.Highlight{hl})
	lines, marks, err := renderMarked(doc.source, 60, true, doc.nEvents)
	if err != nil {
		t.Fatal(err)
	}
	bits := doc.regionBits([]model.Highlight{hl}, noSpan)
	st := testStyles()
	var painted []string
	for i, l := range lines {
		painted = append(painted, marks.paint(i, l, bits, &st.spans))
	}
	all := strings.Join(painted, "\n")
	// The quote is painted, and only its words.
	q := st.spans.pre[bitQuote]
	i := strings.Index(all, q)
	if got := ansi.Strip(all[max(0, i):min(len(all), i+60)]); i < 0 || !strings.HasPrefix(got, body[quotes[0].Start:quotes[0].End]) {
		t.Errorf("the quote's look starts at %q, want %q", got, body[quotes[0].Start:quotes[0].End])
	}
	// The highlighted first sentence covers its link, text and number.
	ev := doc.spanEv[model.Span{Start: hl.Start, End: hl.End}]
	for _, p := range [][2]int32{doc.links.textEv[0], doc.links.numEv[0]} {
		if p[0] < ev[0] || p[1] > ev[1] {
			t.Errorf("link events %v outside the highlight's %v", p, ev)
		}
	}
	if !strings.Contains(all, st.spans.pre[bitHighlight|bitLink]) || !strings.Contains(all, st.spans.pre[bitHighlight|bitLinkNum]) {
		t.Errorf("the highlighted link and its number are not painted:\n%q", all)
	}
}

func TestLinksArePaintedWithHyperlinks(t *testing.T) {
	doc := linkedDoc(t, linkedBody)
	st := testStyles()
	st.Link = lipgloss.NewStyle().Underline(true).Foreground(lipgloss.Color("#5FAFFF"))
	st.LinkNum = lipgloss.NewStyle().Foreground(lipgloss.Color("#8A8A8A"))
	st = NewStyles(st)
	r, err := Render(doc, 40, true)
	if err != nil {
		t.Fatal(err)
	}
	var v View
	v.SetDoc(doc, nil)
	v.SetRender(r)
	plainDraw := v.Draw(&st, 40, 0, 50)
	if st.spans.pre[bitLink] == "" || !strings.Contains(plainDraw, st.spans.pre[bitLink]) || !strings.Contains(plainDraw, st.spans.pre[bitLinkNum]) {
		t.Fatalf("links are not painted:\n%q", plainDraw)
	}
	if strings.Contains(plainDraw, "\x1b]8;") {
		t.Fatalf("hyperlinks without Hyperlinks:\n%q", plainDraw)
	}
	st.Hyperlinks = true
	d := v.Draw(&st, 40, 0, 50)
	clean := osc8("https://council.example/reports/2024/harbour-plan-final-version.html?id=7")
	if !strings.Contains(d, clean) || !strings.Contains(d, osc8("https://news.example/debates/41")) {
		t.Fatalf("no hyperlink to the clean URLs:\n%q", d)
	}
	if strings.Contains(d, "utm_source") || strings.Contains(d, "mailto") {
		t.Errorf("a hyperlink that should not be there:\n%q", d)
	}
	for i, l := range strings.Split(d, "\n") {
		opened := strings.Count(l, "\x1b]8;;") - strings.Count(l, "\x1b]8;;\x1b\\")
		closed := strings.Count(l, "\x1b]8;;\x1b\\")
		if opened != closed {
			t.Errorf("line %d opens %d hyperlinks and closes %d: %q", i, opened, closed, l)
		}
	}
	if ansi.Strip(d) != ansi.Strip(plainDraw) {
		t.Errorf("hyperlinks changed the text")
	}
}

func TestLinkTarget(t *testing.T) {
	for _, c := range []struct{ base, raw, want string }{
		{"", "https://a.example/x?utm_medium=rss&q=1", "https://a.example/x?q=1"},
		{"https://a.example/news/1", "../b", "https://a.example/b"},
		{"https://a.example/news/1", "//cdn.example/p", "https://cdn.example/p"},
		{"", "/relative", ""},
		{"https://a.example/", "mailto:x@y.example", ""},
		{"https://a.example/", "javascript:alert(1)", ""},
		{"https://a.example/", "ftp://a.example/f", ""},
		{"", "https://a.example/a\x1b]8;;evil\x07", ""},
	} {
		if got := LinkTarget(c.base, c.raw); got != c.want {
			t.Errorf("LinkTarget(%q, %q) = %q, want %q", c.base, c.raw, got, c.want)
		}
	}
}

func TestHyperlinksFor(t *testing.T) {
	for term, want := range map[string]bool{"xterm-256color": true, "tmux-256color": true, "dumb": false, "linux": false, "": false, "vt100": false} {
		if HyperlinksFor(term) != want {
			t.Errorf("%q: %v", term, !want)
		}
	}
}

// FuzzDocLinks: whatever the body, the links' events are in order, every
// mark is taken out of the render again, and every target is a clean web
// link.
func FuzzDocLinks(f *testing.F) {
	f.Add(linkedBody)
	f.Add("[a](b) [[c](d)](e) ![f](g) [h](<i j>) \\[k](l)")
	f.Add("\"Quote [with a link](https://x.example) inside,\" she said.")
	f.Fuzz(func(t *testing.T, body string) {
		body = model.Sanitize(body)
		doc := NewDoc(body, quote.FindQuotes(body), quote.Sentences(body), nil).WithBase("https://base.example/a/")
		for i, p := range doc.links.textEv {
			if p[0] > p[1] || doc.links.numEv[i][0] < p[1] {
				t.Fatalf("link %d: text %v, number %v", i, p, doc.links.numEv[i])
			}
		}
		r, err := Render(doc, 40, true)
		if err != nil {
			t.Skip(err)
		}
		for _, l := range r.Lines {
			if strings.Contains(l, markPrefix) {
				t.Fatalf("a mark is left in %q", l)
			}
		}
		for _, l := range doc.Links() {
			if l.Target != "" && !strings.HasPrefix(l.Target, "http") {
				t.Fatalf("target %q", l.Target)
			}
			if strings.ContainsAny(l.Target, "\x1b\x07\n") {
				t.Fatalf("target %q", l.Target)
			}
		}
	})
}

// linked4000 is the 4,000-word article with every tenth word a link (a
// Wikipedia page's density), each to its own page.
func linked4000() string {
	words := strings.Split(testarticle.Words4000(), " ")
	for i := 5; i < len(words); i += 10 {
		w := words[i]
		if strings.ContainsAny(w, "[]()*_`#\n") || w == "" {
			continue
		}
		words[i] = "[" + w + "](https://wiki.example/wiki/Page_" + strconv.Itoa(i) + "?utm_source=x)"
	}
	return strings.Join(words, " ")
}

// BenchmarkLinkedDoc is marking the links (and sentences) of a page thick
// with them, done once when it is opened.
func BenchmarkLinkedDoc(b *testing.B) {
	body := linked4000()
	sentences := quote.Sentences(body)
	b.ReportAllocs()
	for b.Loop() {
		_ = NewDoc(body, nil, sentences, nil).WithBase("https://wiki.example/wiki/Harbor")
	}
}

// BenchmarkDrawLinks is one frame of a page thick with links, scrolled a
// line, with hyperlinks: the cost each key pays.
func BenchmarkDrawLinks(b *testing.B) {
	body := linked4000()
	doc := NewDoc(body, nil, quote.Sentences(body), nil).WithBase("https://wiki.example/wiki/Harbor")
	if n := len(doc.Links()); n < 300 {
		b.Fatalf("%d links", n)
	}
	r, err := Render(doc, 80, true)
	if err != nil {
		b.Fatal(err)
	}
	st := testStyles()
	st.Hyperlinks = true
	var v View
	v.SetDoc(doc, nil)
	v.SetRender(r)
	b.ReportAllocs()
	for b.Loop() {
		v.Scroll(1, 40)
		_ = v.Draw(&st, 120, 80, 40)
	}
}
