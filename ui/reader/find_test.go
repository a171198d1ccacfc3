package reader

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

// renderedView is a View of body, rendered width wide, as the app sets it
// up.
func renderedView(t testing.TB, body string, width int) *View {
	t.Helper()
	doc := NewDoc(body, quote.FindQuotes(body), quote.Sentences(body), nil)
	st := testStyles()
	v := &View{}
	v.SetHeader(Header(&st, model.Article{Title: "The harbor"}, 2, WrapWidth(width, 0), nil))
	v.SetDoc(doc, nil)
	r, err := Render(doc, WrapWidth(width, 0), true)
	if err != nil {
		t.Fatal(err)
	}
	v.SetRender(r)
	return v
}

// TestFindPaintsEveryMatchAndMoves: a search counts its matches, paints
// those on the screen (the current one apart) without changing the text,
// moves round them both ways, and ends.
func TestFindPaintsEveryMatchAndMoves(t *testing.T) {
	const width, height = 60, 10
	st := testStyles()
	v := renderedView(t, testarticle.Long(), width)
	plain := ansi.Strip(v.Draw(&st, width, 0, height))
	n := v.Find("FERRY", height)
	if n != 12 || v.FindPosition() != "1/12" || !v.Finding() {
		t.Fatalf("found %d, at %q", n, v.FindPosition())
	}
	d := v.Draw(&st, width, 0, height)
	if ansi.Strip(d) == plain && v.Offset() == 0 {
		t.Fatal("the first match is scrolled to")
	}
	if !strings.Contains(d, currentLook) || !strings.Contains(d, matchLook) {
		t.Fatalf("the current match and the others are painted:\n%q", d)
	}
	for _, l := range strings.Split(d, "\n") {
		if strings.Contains(l, currentLook) && !strings.Contains(strings.ToLower(ansi.Strip(l)), "ferry") {
			t.Fatalf("the current match is painted on a line without it: %q", l)
		}
	}
	if v.FindNext(1, height); v.FindPosition() != "2/12" {
		t.Fatalf("next: %s", v.FindPosition())
	}
	v.FindNext(-1, height)
	if wrapped := v.FindNext(-1, height); !wrapped || v.FindPosition() != "12/12" {
		t.Fatalf("previous from the first goes round to the last: %v %s", wrapped, v.FindPosition())
	}
	if !strings.Contains(ansi.Strip(v.Draw(&st, width, 0, height)), "ferry") {
		t.Fatal("the last match is on the screen")
	}
	v.EndFind()
	if d := v.Draw(&st, width, 0, height); strings.Contains(d, matchLook) || strings.Contains(d, currentLook) || v.FindPosition() != "" {
		t.Fatalf("after the search ends nothing is painted: %q", v.FindPosition())
	}
	if v.Find("zanzibar", height) != 0 || v.Finding() || v.FindTerm() != "zanzibar" {
		t.Fatal("a term not found starts no search")
	}
}

// TestFindIgnoresCaseAndStyles: a term is found in the text as shown,
// across the styles it is drawn in, whatever its case, and painting it
// keeps the text.
func TestFindIgnoresCaseAndStyles(t *testing.T) {
	const width, height = 60, 10
	st := testStyles()
	v := renderedView(t, "The **Harbor** Master spoke to the harbor MASTER's crew.\n", width)
	if n := v.Find("harbor master", height); n != 2 {
		t.Fatalf("found %d", n)
	}
	d := v.Draw(&st, width, 0, height)
	if !strings.Contains(d, currentLook+"Harbor") || !strings.Contains(d, matchLook+"harbor MASTER\x1b[m") {
		t.Fatalf("painted:\n%q", d)
	}
	v.EndFind()
	if ansi.Strip(d) != ansi.Strip(v.Draw(&st, width, 0, height)) {
		t.Fatal("painting matches changed the text")
	}
}

// TestFindStartsAtTheTopOfTheScreen: the first match is the first at or
// below the top line, and a new render (another width) keeps the search.
func TestFindStartsAtTheTopOfTheScreen(t *testing.T) {
	const width, height = 60, 10
	v := renderedView(t, testarticle.Long(), width)
	v.ScrollTo(v.Len()/2, height)
	top := v.Offset()
	v.Find("moorings", height)
	m := v.find.matches[v.find.cur]
	if m.line < top || v.find.cur == 0 {
		t.Fatalf("the search starts at the top of the screen (line %d): match %d on line %d", top, v.find.cur, m.line)
	}
	r, err := Render(v.Doc(), WrapWidth(90, 0), true)
	if err != nil {
		t.Fatal(err)
	}
	v.SetRender(r)
	if !v.Finding() || !strings.HasSuffix(v.FindPosition(), "/12") {
		t.Fatalf("after a new render: %q", v.FindPosition())
	}
}

func TestPaintRunes(t *testing.T) {
	l := "ab\x1b[1mcd\x1b[mef"
	got := paintRunes(l, []match{{start: 1, end: 3}, {start: 4, end: 5}}, 1)
	want := "a" + matchLook + "b\x1b[1m" + matchLook + "c\x1b[m\x1b[1md\x1b[m" + currentLook + "e\x1b[mf"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("ab\x1b[1mcd\x1b[mef", "bc")
	f.Add("İstanbul \u00a0x", "i̇s")
	f.Add("\x1b]8;;http://x\x07link\x1b]8;;\x07", "lin")
	f.Fuzz(func(t *testing.T, l, term string) {
		rs := foldRunes([]rune(strings.ToLower(term)))
		if len(rs) == 0 {
			return
		}
		ms := appendMatches(nil, 0, l, rs)
		got := paintRunes(l, ms, 0)
		if string(visibleRunes(got)) != string(visibleRunes(l)) {
			t.Fatalf("painting changed the text of %q: %q", l, got)
		}
	})
}

// BenchmarkScrollWhileFinding is a key's work in the reader during a
// search of a 4,000-word article: scroll a line and draw the screen, its
// matches painted.
func BenchmarkScrollWhileFinding(b *testing.B) {
	const width, height = 120, 38
	st := testStyles()
	v := renderedView(b, testarticle.Words4000(), width)
	if v.Find("the", height) == 0 {
		b.Fatal("nothing to find")
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		v.ScrollTo(i%max(1, v.Len()-height), height)
		_ = v.Draw(&st, width, 0, height)
	}
}

// BenchmarkFind4000Words is starting a search: every line of a 4,000-word
// article searched.
func BenchmarkFind4000Words(b *testing.B) {
	v := renderedView(b, testarticle.Words4000(), 120)
	b.ReportAllocs()
	for b.Loop() {
		if v.Find("harbor", 38) == 0 {
			b.Fatal("nothing found")
		}
	}
}

// TestFindWhileRendering: while a render for another width is made, the
// search holds the header's matches, and the render brings the body's
// back.
func TestFindWhileRendering(t *testing.T) {
	const width, height = 60, 10
	v := renderedView(t, testarticle.Long(), width)
	n := v.Find("harbor", height)
	r := v.rendered
	v.ClearRender()
	if got := v.FindPosition(); n < 2 || !strings.HasSuffix(got, "/1") {
		t.Fatalf("%d matches; while rendering: %q", n, got)
	}
	v.SetRender(r)
	if got := v.FindPosition(); !strings.HasSuffix(got, "/"+strconv.Itoa(n)) {
		t.Fatalf("after the render: %q, want %d matches", got, n)
	}
}
