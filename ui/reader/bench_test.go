package reader

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

// BenchmarkRender4000Words is the Glamour render the reader does off the
// event loop.
func BenchmarkRender4000Words(b *testing.B) {
	body := testarticle.Words4000()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := glamourLines(body, 100, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender4000WordsQuotedPlain is Glamour alone on the article with
// quotes: the base that drawing the highlight adds to.
func BenchmarkRender4000WordsQuotedPlain(b *testing.B) {
	body := testarticle.Quotes4000()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := glamourLines(body, 100, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderWithQuotes is what drawing the highlight adds to each
// render: rendering the marked source (the doc is built once per article,
// when it is opened: BenchmarkArticleDoc), taking the marks out of every
// line, and painting a screenful of lines in the looks of their regions.
func BenchmarkRenderWithQuotes(b *testing.B) {
	body := testarticle.Quotes4000()
	quotes := quote.FindQuotes(body)
	sentences := quote.Sentences(body)
	hls := []model.Highlight{{ID: 1, Text: body[sentences[3].Start:sentences[3].End], Start: sentences[3].Start, End: sentences[3].End}}
	st := testStyles()
	if len(quotes) < 50 {
		b.Fatalf("%d quotes", len(quotes))
	}
	doc := NewDoc(body, quotes, sentences, hls)
	bits := doc.regionBits(hls, model.Span{Start: quotes[5].Start, End: quotes[5].End})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		lines, marks, err := renderMarked(doc.source, 100, true, doc.nEvents)
		if err != nil {
			b.Fatal(err)
		}
		top := (i * 40) % max(1, len(lines)-40)
		for j := top; j < min(len(lines), top+40); j++ {
			_ = marks.paint(j, lines[j], bits, &st.spans)
		}
	}
}

// BenchmarkArticleDoc is marking an article's quotes, sentences, speaker
// labels and highlights, done once when the article is opened.
func BenchmarkArticleDoc(b *testing.B) {
	body := testarticle.Quotes4000()
	quotes := quote.FindQuotes(body)
	sentences := quote.Sentences(body)
	b.ReportAllocs()
	for b.Loop() {
		_ = NewDoc(body, quotes, sentences, nil)
	}
}

// BenchmarkRenderWithSpeakerLabels is BenchmarkRenderWithQuotes on an
// article whose every quote ends a sentence that does not name its
// speaker ("…,” she said.): a label after every one of them.
func BenchmarkRenderWithSpeakerLabels(b *testing.B) {
	body := strings.ReplaceAll(testarticle.Quotes4000(), "said the harbor master, Ana Lima.", "she said.")
	quotes := quote.FindQuotes(body)
	for i := range quotes {
		quotes[i].Speaker = "Ana Lima"
	}
	sentences := quote.Sentences(body)
	if n := len(quote.SpeakerLabels(body, quotes, sentences)); n != len(quotes) || n < 50 {
		b.Fatalf("%d labels for %d quotes", n, len(quotes))
	}
	st := testStyles()
	b.ReportAllocs()
	for b.Loop() {
		doc := NewDoc(body, quotes, sentences, nil)
		lines, marks, err := renderMarked(doc.source, 100, true, doc.nEvents)
		if err != nil {
			b.Fatal(err)
		}
		bits := doc.regionBits(nil, model.Span{Start: quotes[5].Start, End: quotes[5].End})
		for i, l := range lines {
			_ = marks.paint(i, l, bits, &st.spans)
		}
	}
}

// BenchmarkRenderTypeset renders an article of lists, quotes, code and
// tables (the typeset test article twenty times) at 80 columns: the
// layout passes over Glamour's lines cost what they add to its render.
func BenchmarkRenderTypeset(b *testing.B) {
	body := strings.Repeat(testarticle.Typeset()+"\n", 20)
	for b.Loop() {
		if _, err := glamourLines(body, 80, true); err != nil {
			b.Fatal(err)
		}
	}
}

// twentyPictures is a 4,000-word article with a captioned picture after
// every few paragraphs, 20 in all, and the same text without the
// pictures (their captions kept).
func twentyPictures() (with, without string) {
	paras := strings.Split(testarticle.Quotes4000(), "\n\n")
	var w, wo strings.Builder
	n := 0
	for i, p := range paras {
		w.WriteString(p + "\n\n")
		wo.WriteString(p + "\n\n")
		if n < 20 && i%max(1, len(paras)/20) == 0 {
			n++
			w.WriteString("![A picture of the harbour](https://img.example/" + strings.Repeat("p", n) + ".png)\n\n")
			w.WriteString("*A caption under the picture.*\n\n")
			wo.WriteString("*A caption under the picture.*\n\n")
		}
	}
	return w.String(), wo.String()
}

// BenchmarkOpenWith20Pictures is what opening an article costs before its
// text is drawn (the doc and its render, made off the event loop) with 20
// pictures in it: their boxes only, the pictures come later in their own
// commands. Compare BenchmarkOpenWithoutPictures.
func BenchmarkOpenWith20Pictures(b *testing.B) {
	body, _ := twentyPictures()
	benchOpen(b, body)
}

// BenchmarkOpenWithoutPictures is BenchmarkOpenWith20Pictures's article
// without its pictures.
func BenchmarkOpenWithoutPictures(b *testing.B) {
	_, body := twentyPictures()
	benchOpen(b, body)
}

func benchOpen(b *testing.B, body string) {
	r := quote.Prepare(model.Article{Markdown: body}, nil)
	b.ReportAllocs()
	for b.Loop() {
		if ready := MakeReady(r, 80, true, true); ready.Rendered == nil {
			b.Fatal("no render")
		}
	}
}

// BenchmarkArticleDocManyPictures is marking an article of 3,000
// pictures, each after a paragraph of three sentences: every mark is
// checked against the pictures' syntax.
func BenchmarkArticleDocManyPictures(b *testing.B) {
	body := strings.Repeat("One sentence here. Another one there. A third goes on.\n\n"+
		"![The alt text of a picture](https://img.example/p.png)\n\n", 3000)
	sentences := quote.Sentences(body)
	b.ReportAllocs()
	for b.Loop() {
		_ = NewDoc(body, nil, sentences, nil)
	}
}
