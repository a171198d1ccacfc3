package main

import (
	"bytes"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var (
	testFg = color.RGBA{0xee, 0xee, 0xee, 0xff}
	testBg = color.RGBA{0x10, 0x10, 0x20, 0xff}
	red    = color.RGBA{0xff, 0, 0, 0xff}
)

// TestDrawGrid draws a small known grid and checks the image's size, the
// background of each cell, a full block, a box line and some text.
func TestDrawGrid(t *testing.T) {
	r, err := newRasterizer(16)
	if err != nil {
		t.Fatal(err)
	}
	g := newGrid(4, 2, testBg)
	g.set(0, 0, cell{text: "A", width: 1, fg: testFg, bg: red, bold: true})
	g.set(1, 0, cell{text: "█", width: 1, fg: testFg, bg: testBg})
	g.set(2, 0, cell{text: "─", width: 1, fg: testFg, bg: testBg})
	g.set(3, 1, cell{text: "★", width: 1, fg: testFg, bg: testBg})
	img := r.draw(g, testBg)

	if got, want := img.Bounds().Size(), r.size(4, 2); got != want {
		t.Fatalf("image size %v, want %v", got, want)
	}
	if want := 4*r.cellW + 2*r.pad; img.Bounds().Dx() != want {
		t.Fatalf("width %d, want %d", img.Bounds().Dx(), want)
	}
	origin := func(x, y int) (int, int) { return r.pad + x*r.cellW, r.pad + y*r.cellH }

	x, y := origin(0, 0)
	if c := img.RGBAAt(x, y); c != red {
		t.Errorf("cell (0,0) corner is %v, want its red background", c)
	}
	if n := countColour(img, x, y, r.cellW, r.cellH, testFg); n == 0 {
		t.Error("the letter A left no pixels in its cell")
	}
	x, y = origin(1, 0)
	if n := countColour(img, x, y, r.cellW, r.cellH, testFg); n != r.cellW*r.cellH {
		t.Errorf("the full block filled %d of %d pixels", n, r.cellW*r.cellH)
	}
	x, y = origin(2, 0)
	if c := img.RGBAAt(x, y+r.cellH/2); c != testFg {
		t.Errorf("the box line does not reach the cell's left edge: %v", c)
	}
	if c := img.RGBAAt(x+r.cellW-1, y+r.cellH/2); c != testFg {
		t.Errorf("the box line does not reach the cell's right edge: %v", c)
	}
	x, y = origin(3, 1)
	if n := countColour(img, x, y, r.cellW, r.cellH, testFg); n == 0 {
		t.Error("the star was not drawn")
	}
	if len(r.missing) != 0 {
		t.Errorf("glyphs missing: %v", r.missing)
	}
	if c := img.RGBAAt(1, 1); c != testBg {
		t.Errorf("the margin is %v, want the background", c)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
}

func countColour(img interface{ RGBAAt(x, y int) color.RGBA }, x0, y0, w, h int, c color.RGBA) int {
	n := 0
	for y := y0; y < y0+h; y++ {
		for x := x0; x < x0+w; x++ {
			if img.RGBAAt(x, y) == c {
				n++
			}
		}
	}
	return n
}

func TestGridText(t *testing.T) {
	g := newGrid(3, 2, testBg)
	for i, ch := range "abcdef" {
		g.set(i%3, i/3, cell{text: string(ch), width: 1})
	}
	if got := g.text(); got != "abc\ndef\n" {
		t.Errorf("text %q", got)
	}
	if !g.containsAll([]string{"bc", "de"}) || g.containsAll([]string{"cd"}) {
		t.Error("containsAll matched across lines or missed a line")
	}
	h := newGrid(3, 2, testBg)
	copy(h.cells, g.cells)
	if !g.equal(h) {
		t.Error("equal grids differ")
	}
	h.set(0, 0, cell{text: "a", width: 1, bold: true})
	if g.equal(h) {
		t.Error("a bold cell went unnoticed")
	}
}

func TestEncodeKey(t *testing.T) {
	for name, want := range map[string]string{"j": "j", "enter": "\r", "esc": "\x1b", "ctrl+d": "\x04", "Q": "Q", "/": "/"} {
		if got, err := encodeKey(name); err != nil || got != want {
			t.Errorf("encodeKey(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := encodeKey("hyper+x"); err == nil {
		t.Error("an unknown key was accepted")
	}
}

// TestSite serves a fixture as the proxy would, with its dates filled in
// and its late items only once late.
func TestSite(t *testing.T) {
	files := fstest.MapFS{"sites/news.test/feed.rss": {Data: []byte(
		`<pubDate>{{rss "2h"}}</pubDate>{{if .Late}}<late/>{{end}}`)}}
	s := &site{files: files, start: time.Date(2030, 5, 6, 12, 0, 0, 0, time.UTC)}
	get := func(url string) (int, string) {
		rec := httptest.NewRecorder()
		s.serve(rec, httptest.NewRequest(http.MethodGet, url, nil))
		return rec.Code, rec.Body.String()
	}
	code, body := get("http://news.test/feed.rss")
	if code != http.StatusOK || body != "<pubDate>Mon, 06 May 2030 10:00:00 +0000</pubDate>" {
		t.Errorf("got %d %q", code, body)
	}
	s.setLate(map[string]time.Duration{})
	if _, body := get("http://news.test/feed.rss"); !strings.Contains(body, "<late/>") {
		t.Errorf("late items missing: %q", body)
	}
	for _, url := range []string{"http://news.test/nothing", "http://other.test/feed.rss", "http://news.test/../sites/news.test/feed.rss"} {
		if code, _ := get(url); code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", url, code)
		}
	}
}

func TestPickShots(t *testing.T) {
	got, err := pick(shots, []string{"reader.png", "list.png"})
	if err != nil || len(got) != 2 || got[0].file != "reader.png" {
		t.Fatalf("pick: %v, %v", got, err)
	}
	if _, err := pick(shots, []string{"nope.png"}); err == nil {
		t.Error("an unknown shot was accepted")
	}
	for _, sh := range shots {
		if _, ok := themes[sh.theme]; !ok || len(sh.steps) == 0 {
			t.Errorf("%s: theme %q, %d steps", sh.file, sh.theme, len(sh.steps))
		}
	}
}
