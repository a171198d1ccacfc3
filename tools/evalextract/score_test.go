package main

import (
	"math"
	"slices"
	"testing"
)

// The figures below are worked by hand the way the benchmark's
// evaluate.py works them.
func TestMatch(t *testing.T) {
	cases := []struct {
		name, truth, pred string
		p, r              float64
	}{
		{"same text", "one two three four five", "one two three four five", 1, 1},
		{"both empty", "", "", 1, 1},
		{"nothing predicted", "one two three four", "", 0, 0},
		// truth shingles: 1234 2345; prediction: 1234 2345 3456 -> tp 2, fp 1
		{"one shingle too many", "one two three four five", "one two three four five six", 2.0 / 3, 1},
		// a text shorter than a shingle is one shingle of all its tokens
		{"short texts", "yes no", "yes no", 1, 1},
		// punctuation never makes a token; case does count
		{"punctuation", "One, two; three four!", "One two three four", 1, 1},
	}
	for _, c := range cases {
		m := match(c.truth, c.pred)
		if math.Abs(m.precision()-c.p) > 1e-9 || math.Abs(m.recall()-c.r) > 1e-9 {
			t.Errorf("%s: precision %.3f recall %.3f, want %.3f %.3f", c.name, m.precision(), m.recall(), c.p, c.r)
		}
	}
}

func TestSummarize(t *testing.T) {
	pages := []counts{match("a b c d e", "a b c d e"), match("a b c d e", "a b c d e f")}
	s := summarize(pages)
	wantP, wantR := (1+2.0/3)/2, 1.0
	if math.Abs(s.precision-wantP) > 1e-9 || math.Abs(s.recall-wantR) > 1e-9 {
		t.Fatalf("summary %+v, want precision %.3f recall %.3f", s, wantP, wantR)
	}
	if want := 2 * wantP * wantR / (wantP + wantR); math.Abs(s.f1-want) > 1e-9 {
		t.Fatalf("F1 %.4f, want %.4f (made of the means)", s.f1, want)
	}
}

func TestPlainText(t *testing.T) {
	cases := map[string]string{
		"A [link](https://x.example/a) here.":                      "A link here.",
		"[Image: a map of the city]\n\nText.":                      "Text.",
		"![alt](https://x.example/i.png) Text":                     "Text",
		"![Image: a map \\[1\\]](https://x.example/i.png)\n\nText": "Text",
		"Some \\*escaped\\* marks":                                 "Some *escaped* marks",
		"_An italic caption_":                                      "An italic caption",
	}
	for in, want := range cases {
		if got := tokenize(plainText(in)); !slices.Equal(got, tokenize(want)) {
			t.Errorf("plainText(%q) = %q, want the words of %q", in, plainText(in), want)
		}
	}
}
