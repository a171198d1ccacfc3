package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
	"github.com/byline-reader/byline/model/quote"
)

// pictured is an article with two pictures: one a paragraph of its own
// with its caption after a blank line, one pressed between a paragraph
// and its caption, and an inline one that gets no box.
const pictured = `The boats came in at dawn. “We waited all night,” said Ana Lima.

![A harbour at dawn, boats tied up](https://example.com/harbour.png)

*The harbour at six.*

An icon ![x](https://example.com/i.png) sits in this line.
The second picture follows this line.
![The market “in the rain”](https://example.com/market.jpg)
*The market, later.*

“It was worth it,” she said.
`

func renderPictured(t *testing.T, width int, off bool) (*Doc, *Rendered) {
	t.Helper()
	doc := NewDoc(pictured, quote.FindQuotes(pictured), quote.Sentences(pictured), nil)
	if off {
		doc = doc.WithoutImages()
	}
	r, err := Render(doc, width, true)
	if err != nil {
		t.Fatal(err)
	}
	return doc, r
}

func TestPicturesGetBoxesWhereTheyStand(t *testing.T) {
	doc, r := renderPictured(t, 60, false)
	pics := doc.Pictures()
	if len(pics) != 2 || pics[0].Alt != "A harbour at dawn, boats tied up" || pics[1].URL != "https://example.com/market.jpg" {
		t.Fatalf("pictures with a box: %+v", pics)
	}
	boxes := r.boxes
	if len(boxes) != 2 {
		t.Fatalf("boxes: %+v", boxes)
	}
	for k, b := range boxes {
		if b.Image != k || b.Rows != BoxRows(60) || b.Cols != 60 {
			t.Errorf("box %d: %+v", k, b)
		}
		for l := b.Line; l < b.Line+b.Rows; l++ {
			if strings.TrimSpace(ansi.Strip(r.Lines[l])) != "" {
				t.Errorf("box %d line %d holds %q", k, l, r.Lines[l])
			}
		}
		// The caption comes next, after at most a blank line.
		after := strings.Join(r.Lines[b.Line+b.Rows:min(len(r.Lines), b.Line+b.Rows+2)], " ")
		if want := []string{"The harbour at six.", "The market, later."}[k]; !strings.Contains(ansi.Strip(after), want) {
			t.Errorf("box %d is not followed by its caption %q: %q", k, want, ansi.Strip(after))
		}
	}
	text := ansi.Strip(strings.Join(r.Lines, "\n"))
	for _, gone := range []string{"harbour.png", "market.jpg", string(imageToken)} {
		if strings.Contains(text, gone) {
			t.Errorf("%q left in the render", gone)
		}
	}
	if flat := strings.Join(strings.Fields(text), " "); !strings.Contains(flat, "The second picture follows this line.") || !strings.Contains(flat, "sits in this line") {
		t.Errorf("the text around the pictures is lost:\n%s", text)
	}
}

func TestBoxesKeepTheMarksAligned(t *testing.T) {
	doc, r := renderPictured(t, 60, false)
	st := testStyles()
	var v View
	v.SetDoc(doc, nil)
	v.SetRender(r)
	const height = 60
	for i := range doc.Quotes() {
		got, ok := v.Move(Quote, 1, height)
		if !ok {
			t.Fatalf("quote %d: %s", i, got)
		}
		q := doc.Quotes()[i]
		painted := ""
		for _, l := range strings.Split(v.Draw(&st, 60, 0, height), "\n") {
			if strings.Contains(l, st.spans.pre[bitQuote|bitFocus]) {
				painted += ansi.Strip(l)
			}
		}
		words := strings.Fields(strings.Trim(q.Text, "“”"))
		if len(words) == 0 || !strings.Contains(painted, words[len(words)-1]) {
			t.Errorf("quote %d (%q) is not painted where it stands: %q", i, q.Text, painted)
		}
	}
}

func TestBoxesDrawLabelThenPicture(t *testing.T) {
	doc, r := renderPictured(t, 60, false)
	st := testStyles()
	var v View
	v.SetDoc(doc, nil)
	v.SetRender(r)
	const height = 80
	before := v.Len()
	if d := ansi.Strip(v.Draw(&st, 60, 0, height)); !strings.Contains(d, "▣ A harbour at dawn, boats tied up · loading…") {
		t.Fatalf("a box waiting for its picture shows its alt text:\n%s", d)
	}
	if got := v.BoxesNear(height, 0); len(got) != 2 {
		t.Fatalf("boxes in view: %+v", got)
	}
	v.SetPicture(0, 40, []string{"too narrow"}) // made for another width: not shown
	v.SetPicture(1, 60, []string{"\x1b[38;2;1;2;3m▀▀▀▀\x1b[m", "\x1b[38;2;1;2;3m▀▀▀▀\x1b[m"})
	v.SetPictureNote(0, "image too large")
	d := ansi.Strip(v.Draw(&st, 60, 0, height))
	if !strings.Contains(d, strings.Repeat(" ", 28)+"▀▀▀▀") || strings.Contains(d, "The market “in the rain” · loading") {
		t.Errorf("the arrived picture is drawn, centred, in its box:\n%s", d)
	}
	if !strings.Contains(d, "▣ A harbour at dawn, boats tied up · image too large") {
		t.Errorf("a failed picture says why:\n%s", d)
	}
	if v.Len() != before || !v.PictureShown(1, 60) || v.PictureShown(1, 40) || !v.PictureShown(0, 80) {
		t.Errorf("the layout moved (%d → %d) or the shown state is wrong", before, v.Len())
	}
}

func TestImagesOffIsOneLineOfAltText(t *testing.T) {
	doc, r := renderPictured(t, 60, true)
	boxes := r.boxes
	if len(boxes) != 2 || boxes[0].Rows != 1 {
		t.Fatalf("boxes with images off: %+v", boxes)
	}
	st := testStyles()
	var v View
	v.SetDoc(doc, nil)
	v.SetRender(r)
	d := ansi.Strip(v.Draw(&st, 60, 0, 80))
	if !strings.Contains(d, "▣ A harbour at dawn, boats tied up\n") || strings.Contains(d, "loading") {
		t.Errorf("images off: the alt text alone:\n%s", d)
	}
	if len(v.BoxesNear(80, 0)) != 0 {
		t.Error("with images off nothing is fetched")
	}
	on, _ := renderPictured(t, 60, false)
	if on.Signature() == doc.Signature() {
		t.Error("the two docs must not share renders")
	}
}

func TestTokensKeepBodyOffsets(t *testing.T) {
	_, pics := markdown.Refs(pictured)
	tokenized, images := tokenizeImages(pictured, pics)
	if len(tokenized) != len(pictured) || len(images) != 2 {
		t.Fatalf("tokenizing changed the length (%d → %d) or found %d images", len(pictured), len(tokenized), len(images))
	}
	for i := range pictured {
		inImage := false
		for _, im := range images {
			inImage = inImage || (i >= im.Start && i < im.End)
		}
		if !inImage && tokenized[i] != pictured[i] {
			t.Fatalf("byte %d outside the images changed", i)
		}
	}
	// A highlight after a picture keeps its text.
	start := strings.Index(pictured, "It was worth it")
	doc := NewDoc(pictured, nil, nil, []model.Highlight{{Start: start, End: start + 15}})
	if got := doc.SpanText(model.Span{Start: start, End: start + 15}); got != "It was worth it" {
		t.Errorf("span text %q", got)
	}
}

func TestBoxRows(t *testing.T) {
	for w, want := range map[int]int{80: 18, 60: 17, 40: 11, 10: 4, 200: 18} {
		if got := BoxRows(w); got != want {
			t.Errorf("BoxRows(%d) = %d, want %d", w, got, want)
		}
	}
}
