package main

import (
	"image/color"
	"strings"
)

// cell is one terminal cell as it is drawn: its text, colours and font.
type cell struct {
	text   string // one grapheme; "" for the right half of a wide one
	width  int    // columns the grapheme takes: 1, or 2 for wide ones
	fg, bg color.RGBA

	bold, italic, underline, strike bool
}

// grid is a screenful of cells, row by row.
type grid struct {
	cols, rows int
	cells      []cell
}

func newGrid(cols, rows int, bg color.RGBA) grid {
	g := grid{cols: cols, rows: rows, cells: make([]cell, cols*rows)}
	for i := range g.cells {
		g.cells[i] = cell{text: " ", width: 1, bg: bg, fg: bg}
	}
	return g
}

func (g grid) at(x, y int) cell     { return g.cells[y*g.cols+x] }
func (g grid) set(x, y int, c cell) { g.cells[y*g.cols+x] = c }

// equal tells whether two screens look the same.
func (g grid) equal(o grid) bool {
	if g.cols != o.cols || g.rows != o.rows {
		return false
	}
	for i := range g.cells {
		if g.cells[i] != o.cells[i] {
			return false
		}
	}
	return true
}

// containsAll tells whether the screen shows every one of texts (each
// within one line).
func (g grid) containsAll(texts []string) bool {
	screen := g.text()
	for _, t := range texts {
		if !strings.Contains(screen, t) {
			return false
		}
	}
	return true
}

// line is row y as plain text.
func (g grid) line(y int) string {
	var b strings.Builder
	for _, c := range g.cells[y*g.cols : (y+1)*g.cols] {
		b.WriteString(c.text)
	}
	return b.String()
}

// text is the screen as plain text, one line per row, trailing spaces kept.
func (g grid) text() string {
	var b strings.Builder
	for y := 0; y < g.rows; y++ {
		b.WriteString(g.line(y))
		b.WriteByte('\n')
	}
	return b.String()
}
