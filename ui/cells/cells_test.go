package cells

import (
	"strings"
	"testing"
)

func TestPadAndCut(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"abc", 5, "abc  "},
		{"abcdef", 4, "abc…"},
		{"日本語", 5, "日本…"},
		{"日本", 4, "日本"},
		{"\x1b[1mbold\x1b[m", 6, "\x1b[1mbold\x1b[m  "},
		{"x", 0, ""},
	} {
		if got := Pad(c.in, c.w); got != c.want {
			t.Errorf("Pad(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
	if Width("日本") != 4 || Width("abc") != 3 || len(Spaces(300)) != 300 || Spaces(-1) != "" {
		t.Error("Width or Spaces")
	}
}

func TestFit(t *testing.T) {
	got := Fit("one\ntoo wide a line\nthree\nfour", 5, 3)
	if got != "one\ntoo w\nthree" {
		t.Errorf("Fit cuts: %q", got)
	}
	if got := Fit("a", 3, 3); got != "a\n\n" {
		t.Errorf("Fit adds lines: %q", got)
	}
	if got := PadLines("a\nbb", 3); got != "a  \nbb " {
		t.Errorf("PadLines: %q", got)
	}
	if got := Wrap("one two three", 7); !strings.Contains(got, "\n") {
		t.Errorf("Wrap: %q", got)
	}
}

func TestBesideFillsBlankLeftRows(t *testing.T) {
	got := Beside("ab\n", "x\ny", "|", 2, 2)
	if got != "ab|x\n  |y" {
		t.Errorf("Beside = %q", got)
	}
}
