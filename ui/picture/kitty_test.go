package picture

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// The protocol's own example: a 2×2 placeholder for image 42.
//
//	printf "\e[38;5;42m\U10EEEE\U0305\U0305\U10EEEE\U0305\U030D\e[39m\n"
//	printf "\e[38;5;42m\U10EEEE\U030D\U0305\U10EEEE\U030D\U030D\e[39m\n"
func TestKittyPlaceholderSpecExample(t *testing.T) {
	want := []string{
		"\x1b[38;5;42m\U0010EEEE\u0305\u0305\U0010EEEE\u0305\u030D\x1b[39m",
		"\x1b[38;5;42m\U0010EEEE\u030D\u0305\U0010EEEE\u030D\u030D\x1b[39m",
	}
	got := KittyPlaceholder(42, 2, 2)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// The protocol's example of an id with a top byte, 33554474 = 42 + (2 <<
// 24): its third diacritic is U+030E (2). Its colour here is the 24-bit
// form of the low bytes (0, 0, 42), where the example used 256 colours.
func TestKittyPlaceholderTopByte(t *testing.T) {
	got := KittyPlaceholder(33554474, 2, 2)
	want := "\x1b[38;2;0;0;42m\U0010EEEE\u0305\u0305\u030E\U0010EEEE\u0305\u030D\u030E\x1b[39m"
	if got[0] != want {
		t.Errorf("got %q\nwant %q", got[0], want)
	}
	if !strings.HasPrefix(KittyPlaceholder(0x123456, 1, 1)[0], "\x1b[38;2;18;52;86m") {
		t.Error("a 24-bit id is the colour of its three bytes")
	}
}

func TestKittyPlaceholderCells(t *testing.T) {
	lines := KittyPlaceholder(7, 30, 4)
	if len(lines) != 4 {
		t.Fatalf("%d lines", len(lines))
	}
	for r, l := range lines {
		if w := ansi.StringWidth(l); w != 30 {
			t.Errorf("line %d is %d cells wide, want 30", r, w)
		}
		cells := strings.Split(ansi.Strip(l), string(Placeholder))[1:]
		for c, cell := range cells {
			if cell != string(diacritics[r])+string(diacritics[c]) {
				t.Errorf("cell %d,%d is %q", r, c, cell)
			}
		}
	}
	if n := len(KittyPlaceholder(7, 1000, 1)[0]); n == 0 || len(KittyPlaceholder(7, 0, 3)) != 0 {
		t.Error("sizes past the table are cut; none is nothing")
	}
}

func TestDiacriticsTable(t *testing.T) {
	if len(diacritics) != 297 {
		t.Errorf("%d diacritics, the protocol lists 297", len(diacritics))
	}
	for i, r := range diacritics {
		if !unicode.Is(unicode.Mn, r) || (i > 0 && r <= diacritics[i-1]) {
			t.Errorf("diacritic %d (%U) is not a combining mark in order", i, r)
		}
	}
}

// The protocol's chunking: the base64 cut in chunks of at most 4096
// bytes (each but the last a multiple of 4), the first with every key and
// m=1, the middle ones m=1 only, the last m=0.
//
//	<ESC>_Gs=100,v=30,m=1;<first chunk><ESC>\
//	<ESC>_Gm=1;<second chunk><ESC>\
//	<ESC>_Gm=0;<last chunk><ESC>\
func TestKittyTransmitChunks(t *testing.T) {
	noise := image.NewNRGBA(image.Rect(0, 0, 64, 48))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(rng.IntN(256)) // does not compress: several chunks
	}
	seq := KittyTransmit(31, noise, 20, 8)
	parts := strings.SplitAfter(seq, "\x1b\\")
	parts = parts[:len(parts)-1] // after the last terminator: nothing
	if len(parts) < 3 {
		t.Fatalf("%d chunks, want 3 or more", len(parts))
	}
	var payload strings.Builder
	for i, p := range parts {
		keys, data, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(p, "\x1b_G"), "\x1b\\"), ";")
		if !ok || !strings.HasPrefix(p, "\x1b_G") {
			t.Fatalf("chunk %d is no graphics sequence: %.40q", i, p)
		}
		switch {
		case i == 0 && keys != "a=T,f=100,t=d,i=31,U=1,c=20,r=8,q=2,m=1":
			t.Errorf("first chunk's keys: %s", keys)
		case i > 0 && i < len(parts)-1 && keys != "m=1,q=2":
			t.Errorf("chunk %d's keys: %s", i, keys)
		case i == len(parts)-1 && keys != "m=0,q=2":
			t.Errorf("last chunk's keys: %s", keys)
		}
		if len(data) > 4096 || (i < len(parts)-1 && len(data)%4 != 0) {
			t.Errorf("chunk %d holds %d bytes", i, len(data))
		}
		payload.WriteString(data)
	}
	raw, err := base64.StdEncoding.DecodeString(payload.String())
	if err != nil {
		t.Fatal(err)
	}
	back, err := png.Decode(bytes.NewReader(raw))
	if err != nil || back.Bounds() != noise.Bounds() {
		t.Fatalf("the payload is no PNG of the picture: %v", err)
	}
}

func TestKittyTransmitOneChunk(t *testing.T) {
	seq := KittyTransmit(5, image.NewNRGBA(image.Rect(0, 0, 2, 2)), 1, 1)
	if strings.Count(seq, "\x1b_G") != 1 || !strings.HasPrefix(seq, "\x1b_Ga=T,f=100,t=d,i=5,U=1,c=1,r=1,q=2,m=0;") {
		t.Errorf("a small picture is one sequence with m=0: %.80q", seq)
	}
}

func TestPassthrough(t *testing.T) {
	seq := "\x1b_Ga=T,m=1;AAAA\x1b\\\x1b_Gm=0;BBBB\x1b\\"
	want := "\x1bPtmux;\x1b\x1b_Ga=T,m=1;AAAA\x1b\x1b\\\x1b\\" + "\x1bPtmux;\x1b\x1b_Gm=0;BBBB\x1b\x1b\\\x1b\\"
	if got := Passthrough(seq); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := Passthrough("\x1b[c"); got != "\x1bPtmux;\x1b\x1b[c\x1b\\" {
		t.Errorf("got %q", got)
	}
}

func TestKittyQuery(t *testing.T) {
	if got := KittyQuery(31); got != "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[c" {
		t.Errorf("got %q", got)
	}
}
