package picture

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/name, the escape character shown as
// ␛ so the file reads; -update rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	got = strings.ReplaceAll(got, "\x1b", "␛")
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

// picturePNG is the test's picture as it arrives: PNG bytes, decoded.
func picturePNG(t *testing.T) []byte { return encodePNG(t, drawn(32, 20)) }

func TestBlocksGolden(t *testing.T) {
	img, err := Decode(picturePNG(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		cols, rows int
		truecolor  bool
	}{
		{"blocks-16.golden", 16, 10, true},
		{"blocks-8.golden", 8, 10, true},
		{"blocks-16-256.golden", 16, 10, false},
	} {
		lines := Blocks(img, c.cols, c.rows, c.truecolor)
		golden(t, c.name, strings.Join(lines, "\n")+"\n")
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != c.cols {
				t.Errorf("%s line %d is %d cells, want %d", c.name, i, w, c.cols)
			}
		}
	}
}

func TestBlocksFitsTheBox(t *testing.T) {
	img := Scale(drawn(400, 100), 400, 100) // 4:1
	lines := Blocks(img, 40, 18, true)
	// 40 columns of 2 pixels a row: 40×10 pixels, 5 rows.
	if len(lines) != 5 || ansi.StringWidth(lines[0]) != 40 {
		t.Errorf("4:1 in 40×18: %d lines of %d cells", len(lines), ansi.StringWidth(lines[0]))
	}
	tall := Blocks(Scale(drawn(100, 400), 100, 400), 40, 10, true)
	// 20 pixels high at most: 5 wide.
	if len(tall) != 10 || ansi.StringWidth(tall[0]) != 5 {
		t.Errorf("1:4 in 40×10: %d lines of %d cells", len(tall), ansi.StringWidth(tall[0]))
	}
	if Blocks(img, 0, 5, true) != nil || Blocks(nil, 5, 5, true) != nil {
		t.Error("nothing to draw should draw nothing")
	}
}

func TestBlocksTransparentIsTheTerminalsBackground(t *testing.T) {
	img := Scale(drawn(8, 8), 8, 8) // its top-left 2×2 is transparent
	first := Blocks(img, 8, 4, true)[0]
	if !strings.HasPrefix(first, "\x1b[49m ") {
		t.Errorf("a transparent cell should be a space on the default background: %q", first)
	}
}

func TestBlocksAveragesArea(t *testing.T) {
	// Black and white columns, two pixels each, drawn one cell per four
	// pixels: grey, not one of the two.
	img := Scale(drawn(4, 4), 4, 4)
	for y := range 4 {
		for x := range 4 {
			v := uint8(0)
			if x%2 == 1 {
				v = 255
			}
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = v, v, v, 255
		}
	}
	got := Blocks(img, 2, 1, true)[0]
	if !strings.Contains(got, "38;2;128;128;128") {
		t.Errorf("area average of black and white should be mid grey: %q", got)
	}
}

func TestNearest256(t *testing.T) {
	for _, c := range []struct {
		r, g, b uint8
		want    int
	}{
		{0, 0, 0, 16}, {255, 255, 255, 231}, {255, 0, 0, 196}, {0, 255, 0, 46},
		{0, 0, 255, 21}, {128, 128, 128, 244}, {95, 135, 175, 67}, {8, 8, 8, 232},
	} {
		if got := Nearest256(c.r, c.g, c.b); got != c.want {
			t.Errorf("Nearest256(%d,%d,%d) = %d, want %d", c.r, c.g, c.b, got, c.want)
		}
	}
}
