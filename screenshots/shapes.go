package main

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Line weights of a box-drawing character's arms.
const (
	none = iota
	light
	heavy
	double
)

// boxArms are the box-drawing characters drawn as shapes: the weight of
// each arm, in the order up, right, down, left.
var boxArms = map[rune][4]uint8{
	'─': {0, 1, 0, 1}, '│': {1, 0, 1, 0}, '┌': {0, 1, 1, 0}, '┐': {0, 0, 1, 1},
	'└': {1, 1, 0, 0}, '┘': {1, 0, 0, 1}, '├': {1, 1, 1, 0}, '┤': {1, 0, 1, 1},
	'┬': {0, 1, 1, 1}, '┴': {1, 1, 0, 1}, '┼': {1, 1, 1, 1},
	'━': {0, 2, 0, 2}, '┃': {2, 0, 2, 0}, '┏': {0, 2, 2, 0}, '┓': {0, 0, 2, 2},
	'┗': {2, 2, 0, 0}, '┛': {2, 0, 0, 2}, '┣': {2, 2, 2, 0}, '┫': {2, 0, 2, 2},
	'┳': {0, 2, 2, 2}, '┻': {2, 2, 0, 2}, '╋': {2, 2, 2, 2},
	'═': {0, 3, 0, 3}, '║': {3, 0, 3, 0}, '╔': {0, 3, 3, 0}, '╗': {0, 0, 3, 3},
	'╚': {3, 3, 0, 0}, '╝': {3, 0, 0, 3}, '╠': {3, 3, 3, 0}, '╣': {3, 0, 3, 3},
	'╦': {0, 3, 3, 3}, '╩': {3, 3, 0, 3}, '╬': {3, 3, 3, 3},
	'╴': {0, 0, 0, 1}, '╵': {1, 0, 0, 0}, '╶': {0, 1, 0, 0}, '╷': {0, 0, 1, 0},
	'╸': {0, 0, 0, 2}, '╹': {2, 0, 0, 0}, '╺': {0, 2, 0, 0}, '╻': {0, 0, 2, 0},
	'┄': {0, 1, 0, 1}, '┈': {0, 1, 0, 1}, '╌': {0, 1, 0, 1}, '┅': {0, 2, 0, 2},
	'┆': {1, 0, 1, 0}, '┊': {1, 0, 1, 0}, '╎': {1, 0, 1, 0}, '┇': {2, 0, 2, 0},
}

// roundCorners are the rounded corners, by the quadrant their arc bends
// towards: the signs of the arc's centre from the cell's centre.
var roundCorners = map[rune][2]int{'╭': {1, 1}, '╮': {-1, 1}, '╯': {-1, -1}, '╰': {1, -1}}

// quadrants are the block characters made of quarter cells: upper left 1,
// upper right 2, lower left 4, lower right 8.
var quadrants = map[rune]uint8{
	'▖': 4, '▗': 8, '▘': 1, '▙': 1 | 4 | 8, '▚': 1 | 8, '▛': 1 | 2 | 4,
	'▜': 1 | 2 | 8, '▝': 2, '▞': 2 | 4, '▟': 2 | 4 | 8,
}

// drawShape draws r as a shape filling box, when it is a box-drawing,
// block or braille character; it reports whether it did.
func drawShape(img *image.RGBA, box image.Rectangle, r rune, c cell) bool {
	fg := image.NewUniform(c.fg)
	fill := func(rect image.Rectangle) { draw.Draw(img, rect.Intersect(box), fg, image.Point{}, draw.Src) }
	w, h := box.Dx(), box.Dy()
	x0, y0 := box.Min.X, box.Min.Y
	switch {
	case boxArms[r] != [4]uint8{}:
		drawArms(box, boxArms[r], fill)
	case roundCorners[r] != [2]int{}:
		drawArc(img, box, roundCorners[r], c.fg)
	case r == '█':
		fill(box)
	case r == '▀':
		fill(image.Rect(x0, y0, x0+w, y0+h/2))
	case r == '▐':
		fill(image.Rect(x0+w/2, y0, x0+w, y0+h))
	case r == '▔':
		fill(image.Rect(x0, y0, x0+w, y0+h/8))
	case r == '▕':
		fill(image.Rect(x0+w-w/8, y0, x0+w, y0+h))
	case r >= '▁' && r <= '▇': // lower eighths
		fill(image.Rect(x0, y0+h-h*int(r-'▁'+1)/8, x0+w, y0+h))
	case r >= '▉' && r <= '▏': // left eighths, 7/8 down to 1/8
		fill(image.Rect(x0, y0, x0+w*int('▏'-r+1)/8, y0+h))
	case r == '▌':
		fill(image.Rect(x0, y0, x0+w/2, y0+h))
	case r >= '░' && r <= '▓':
		share := float64(r-'░'+1) / 4
		draw.Draw(img, box, image.NewUniform(blend(c.fg, c.bg, share)), image.Point{}, draw.Src)
	case quadrants[r] != 0:
		q := quadrants[r]
		for i, rect := range []image.Rectangle{
			image.Rect(x0, y0, x0+w/2, y0+h/2), image.Rect(x0+w/2, y0, x0+w, y0+h/2),
			image.Rect(x0, y0+h/2, x0+w/2, y0+h), image.Rect(x0+w/2, y0+h/2, x0+w, y0+h),
		} {
			if q&(1<<i) != 0 {
				fill(rect)
			}
		}
	case r >= 0x2800 && r <= 0x28ff:
		drawBraille(box, uint8(r-0x2800), fill)
	default:
		return false
	}
	return true
}

// lineWidth is the thickness of a line of the given weight in a cell w
// pixels wide.
func lineWidth(w int, weight uint8) int {
	t := max(1, int(math.Round(float64(w)*0.12)))
	if weight == heavy {
		return 2*t + 1
	}
	return t
}

// drawArms draws the arms of a box-drawing character from the cell's
// centre to its edges; double lines are two thin lines.
func drawArms(box image.Rectangle, arms [4]uint8, fill func(image.Rectangle)) {
	cx, cy := box.Min.X+box.Dx()/2, box.Min.Y+box.Dy()/2
	t := lineWidth(box.Dx(), light)
	// ext is how far past the centre each arm runs, so that corners close
	// over the widest line that meets there.
	ext := 0
	for _, weight := range arms {
		switch wt := lineWidth(box.Dx(), weight); weight {
		case light, heavy:
			ext = max(ext, wt-wt/2)
		case double:
			ext = max(ext, t-t/2+t+1)
		}
	}
	for i, weight := range arms {
		if weight == none {
			continue
		}
		wt := lineWidth(box.Dx(), weight)
		starts := []int{-wt / 2}
		if weight == double {
			starts = []int{-t/2 - t - 1, -t/2 + t + 1}
		}
		for _, a := range starts {
			switch i {
			case 0: // up
				fill(image.Rect(cx+a, box.Min.Y, cx+a+wt, cy+ext))
			case 1: // right
				fill(image.Rect(cx-ext, cy+a, box.Max.X, cy+a+wt))
			case 2: // down
				fill(image.Rect(cx+a, cy-ext, cx+a+wt, box.Max.Y))
			case 3: // left
				fill(image.Rect(box.Min.X, cy+a, cx+ext, cy+a+wt))
			}
		}
	}
}

// drawArc draws a rounded corner: a quarter circle whose ends meet the
// middle of two of the cell's edges, and straight lines on from there.
func drawArc(img *image.RGBA, box image.Rectangle, dir [2]int, fg color.RGBA) {
	t := float64(lineWidth(box.Dx(), light))
	w, h := float64(box.Dx()), float64(box.Dy())
	// Line centres, as drawArms places them.
	lx := float64(box.Dx()/2) - float64(int(t)/2) + t/2
	ly := float64(box.Dy()/2) - float64(int(t)/2) + t/2
	rad := math.Min(w/2, h/2)
	// The arc's centre, towards the quadrant the corner opens to.
	ax, ay := lx+float64(dir[0])*rad, ly+float64(dir[1])*rad
	for py := 0; py < box.Dy(); py++ {
		for px := 0; px < box.Dx(); px++ {
			x, y := float64(px)+0.5, float64(py)+0.5
			var d float64
			inX := (x-ax)*float64(dir[0]) <= 0 // on the cell's side of the arc centre
			inY := (y-ay)*float64(dir[1]) <= 0
			switch {
			case inX && inY: // the quarter circle
				d = math.Abs(math.Hypot(x-ax, y-ay) - rad)
			case !inX && inY: // past the arc along x: the horizontal line
				d = math.Abs(y - ly)
			case inX && !inY: // past the arc along y: the vertical line
				d = math.Abs(x - lx)
			default:
				d = math.Inf(1)
			}
			if a := t/2 + 0.5 - d; a > 0 {
				bg := img.RGBAAt(box.Min.X+px, box.Min.Y+py)
				img.SetRGBA(box.Min.X+px, box.Min.Y+py, blend(fg, bg, math.Min(a, 1)))
			}
		}
	}
}

// drawBraille draws the raised dots of a braille pattern: two columns of
// four dots, numbered down the left column then the right, with dots 7
// and 8 at the bottom.
func drawBraille(box image.Rectangle, bits uint8, fill func(image.Rectangle)) {
	pos := [8][2]int{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {0, 3}, {1, 3}}
	dot := max(2, box.Dx()/5)
	for i, p := range pos {
		if bits&(1<<i) == 0 {
			continue
		}
		x := box.Min.X + box.Dx()*(1+2*p[0])/4 - dot/2
		y := box.Min.Y + box.Dy()*(1+2*p[1])/8 - dot/2
		fill(image.Rect(x, y, x+dot, y+dot))
	}
}
