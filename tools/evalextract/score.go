package main

import (
	"strings"
	"unicode"
)

// The score of the Zyte article-extraction benchmark (its evaluate.py),
// written again: a text is its tokens (runs of Unicode letters, digits
// and "_", as Python's \w+ finds them), a page's score compares the
// 4-token shingles of the prediction with those of the truth, counted
// with their repeats, and the counts are normalised per page so that a
// long page weighs no more than a short one.

const shingleSize = 4

// counts is one page's true positives, false positives and false
// negatives, as shares of their sum.
type counts struct{ tp, fp, fn float64 }

// isWordRune is Python's \w: a letter, a number or "_". (Python counts no
// combining mark as a word character, and neither does this.)
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

func tokenize(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) })
}

// shingles counts the runs of shingleSize tokens; a text shorter than
// that is one shingle of all its tokens, and an empty one has none.
func shingles(text string) map[string]int {
	tokens := tokenize(text)
	out := map[string]int{}
	for i := 0; i < max(1, len(tokens)-shingleSize+1); i++ {
		end := min(i+shingleSize, len(tokens))
		if end > i {
			out[strings.Join(tokens[i:end], "\x00")]++
		}
	}
	return out
}

// match scores one page's prediction against its truth.
func match(truth, pred string) counts {
	t, p := shingles(truth), shingles(pred)
	var c counts
	for k, tc := range t {
		pc := p[k]
		c.tp += float64(min(tc, pc))
		c.fn += float64(max(0, tc-pc))
		c.fp += float64(max(0, pc-tc))
	}
	for k, pc := range p {
		if _, ok := t[k]; !ok {
			c.fp += float64(pc)
		}
	}
	if s := c.tp + c.fp + c.fn; s > 0 {
		c.tp, c.fp, c.fn = c.tp/s, c.fp/s, c.fn/s
	}
	return c
}

func (c counts) precision() float64 {
	switch {
	case c.fp == 0 && c.fn == 0:
		return 1
	case c.tp == 0 && c.fp == 0:
		return 0
	}
	return c.tp / (c.tp + c.fp)
}

func (c counts) recall() float64 {
	switch {
	case c.fp == 0 && c.fn == 0:
		return 1
	case c.tp == 0 && c.fn == 0:
		return 0
	}
	return c.tp / (c.tp + c.fn)
}

func (c counts) f1() float64 { return harmonic(c.precision(), c.recall()) }

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// summary is the benchmark's figure for a set of pages: precision is the
// mean over the pages that predicted something (or expected nothing),
// recall the mean over the pages that expected something, and F1 is made
// of the two means.
type summary struct{ precision, recall, f1 float64 }

func summarize(pages []counts) summary {
	var p, r float64
	var np, nr int
	for _, c := range pages {
		if c.tp+c.fp > 0 {
			p += c.precision()
			np++
		}
		if c.tp+c.fn > 0 {
			r += c.recall()
			nr++
		}
	}
	var s summary
	if np > 0 {
		s.precision = p / float64(np)
	}
	if nr > 0 {
		s.recall = r / float64(nr)
	}
	s.f1 = harmonic(s.precision, s.recall)
	return s
}
