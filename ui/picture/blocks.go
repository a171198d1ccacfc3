package picture

import (
	"image"
	"strconv"
	"strings"
)

// Blocks draws img in at most cols×rows terminal cells with half blocks:
// each cell is '▀', its foreground the upper pixel and its background the
// lower, so a cell holds two square pixels (a cell is about twice as tall
// as wide). The picture is fitted, its aspect kept, never enlarged,
// averaged over the pixels each half cell covers. A transparent pixel
// shows the terminal's own background. Colours are 24-bit, or the nearest
// of the 256-colour palette's cube and greys when truecolor is false.
// Every line is as wide as the fitted picture; the caller centres them.
func Blocks(img image.Image, cols, rows int, truecolor bool) []string {
	if img == nil || cols <= 0 || rows <= 0 {
		return nil
	}
	b := img.Bounds()
	w, h := Fit(b.Dx(), b.Dy(), cols, 2*rows)
	px := Scale(img, w, h)
	lines := make([]string, 0, (h+1)/2)
	var sb strings.Builder
	for y := 0; y < h; y += 2 {
		sb.Reset()
		var pen cellPen
		for x := range w {
			up := pixelAt(px, x, y)
			down := pixel{}
			if y+1 < h {
				down = pixelAt(px, x, y+1)
			}
			pen.cell(&sb, up, down, truecolor)
		}
		sb.WriteString("\x1b[m")
		lines = append(lines, sb.String())
	}
	return lines
}

// pixel is an unpremultiplied colour, or no colour (transparent).
type pixel struct {
	r, g, b uint8
	opaque  bool
}

// pixelAt is the pixel at x, y: transparent under half opacity.
func pixelAt(m *image.RGBA, x, y int) pixel {
	p := m.Pix[m.PixOffset(x, y):]
	a := int(p[3])
	if a < 128 {
		return pixel{}
	}
	un := func(c uint8) uint8 { return uint8(min(255, (int(c)*255+a/2)/a)) }
	return pixel{un(p[0]), un(p[1]), un(p[2]), true}
}

// cellPen writes cells, setting a colour only when it changes.
type cellPen struct {
	fg, bg string
	begun  bool
}

func (p *cellPen) cell(sb *strings.Builder, up, down pixel, truecolor bool) {
	glyph, fg, bg := "▀", "", "49"
	switch {
	case up.opaque && down.opaque:
		fg, bg = colour(up, truecolor, 38), colour(down, truecolor, 48)
	case up.opaque:
		fg = colour(up, truecolor, 38)
	case down.opaque:
		glyph, fg = "▄", colour(down, truecolor, 38)
	default:
		glyph = " "
	}
	var params []string
	if fg != "" && (fg != p.fg || !p.begun) {
		params = append(params, fg)
		p.fg = fg
	}
	if bg != p.bg || !p.begun {
		params = append(params, bg)
		p.bg = bg
	}
	p.begun = true
	if len(params) > 0 {
		sb.WriteString("\x1b[" + strings.Join(params, ";") + "m")
	}
	sb.WriteString(glyph)
}

// colour is the SGR parameters of a foreground (38) or background (48)
// colour.
func colour(p pixel, truecolor bool, ground int) string {
	g := strconv.Itoa(ground)
	if truecolor {
		return g + ";2;" + strconv.Itoa(int(p.r)) + ";" + strconv.Itoa(int(p.g)) + ";" + strconv.Itoa(int(p.b))
	}
	return g + ";5;" + strconv.Itoa(Nearest256(p.r, p.g, p.b))
}

// cubeLevels are the 256-colour palette's six levels per channel
// (colours 16 to 231).
var cubeLevels = [6]int{0, 95, 135, 175, 215, 255}

// Nearest256 is the 256-colour palette's colour nearest r, g, b: of its
// 6×6×6 cube or of its 24 greys (232–255), whichever is closer.
func Nearest256(r, g, b uint8) int {
	ri, gi, bi := nearestLevel(int(r)), nearestLevel(int(g)), nearestLevel(int(b))
	cube := 16 + 36*ri + 6*gi + bi
	cubeDist := dist(int(r), int(g), int(b), cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
	avg := (int(r) + int(g) + int(b)) / 3
	grey := min(23, max(0, (avg-8+5)/10))
	lv := 8 + 10*grey
	if dist(int(r), int(g), int(b), lv, lv, lv) < cubeDist {
		return 232 + grey
	}
	return cube
}

func nearestLevel(v int) int {
	best := 0
	for i, l := range cubeLevels {
		if abs(v-l) < abs(v-cubeLevels[best]) {
			best = i
		}
	}
	return best
}

func dist(r1, g1, b1, r2, g2, b2 int) int {
	dr, dg, db := r1-r2, g1-g2, b1-b2
	return dr*dr + dg*dg + db*db
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
