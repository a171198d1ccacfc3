package main

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// goldQuote is a direct quotation of the annotation: text between quote
// marks inside the Content of an attribution, said by its Source.
type goldQuote struct {
	inner  span // the text between the outer marks
	text   string
	source string // the Source's text, "" when none was annotated
	srcPos int    // where the Source starts, -1 when none
	attr   int    // index of the attribution
}

type markPair struct {
	open, close int // byte offsets of the opening and closing marks
	openEnd     int // end of the opening mark
}

// pairMarks pairs the double quote marks of text (“…”, "…"). A quote
// may run over several paragraphs when each new paragraph opens with a
// mark again; other marks left open at a paragraph's end are dropped.
// Only the outermost pairs are returned.
func pairMarks(text string) []markPair {
	type open struct {
		pos, end int
		curly    bool
	}
	var stack []open
	var pairs []markPair

	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && strings.HasPrefix(text[i+1:], "\n") {
			// A paragraph break: keep a pending quote only if the next
			// paragraph opens with a mark.
			j := i
			for j < len(text) && unicode.IsSpace(rune(text[j])) {
				j++
			}
			nr, nn := utf8.DecodeRuneInString(text[j:])
			if len(stack) > 0 && (nr == '“' || nr == '"') {
				stack = stack[:1] // the outer quote goes on
				i = j + nn
				continue
			}
			stack = stack[:0]
			i = j
			continue
		}
		switch {
		case r == '“' || (r == '"' && straightOpens(text, i)):
			stack = append(stack, open{pos: i, end: i + n, curly: r == '“'})
		case r == '”' || r == '"':
			curly := r == '”'
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].curly == curly {
					pairs = append(pairs, markPair{open: stack[k].pos, openEnd: stack[k].end, close: i})
					stack = stack[:k]
					break
				}
			}
		}
		i += n
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a].open < pairs[b].open })
	var out []markPair
	for _, p := range pairs {
		if len(out) > 0 && p.open < out[len(out)-1].close {
			continue // nested in the one before
		}
		out = append(out, p)
	}
	return out
}

// straightOpens says whether the straight mark at i opens a quote: it
// follows a space, the start or an opening bracket or dash, and a
// non-space follows it.
func straightOpens(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	if i > 0 && !unicode.IsSpace(prev) && !strings.ContainsRune("([{—–-/", prev) {
		return false
	}
	return i+1 < len(text) && !unicode.IsSpace(next)
}

// goldQuotes finds the direct quotations of an article: each outermost
// pair of marks (cut into one part per paragraph when it runs over
// paragraphs) whose text lies inside the Content of an attribution
// (the marks themselves may lie just outside it). A pair inside the
// contents of several attributions goes to the narrowest.
func goldQuotes(a article) []goldQuote {
	var out []goldQuote
	for _, p := range pairMarks(a.text) {
		in := span{p.openEnd, p.close}
		best, bestLen := -1, 0
		for ai, at := range a.attrs {
			h := hull(at.content)
			if in.start >= h.start-3 && in.end <= h.end+3 && (best < 0 || h.end-h.start < bestLen) {
				best, bestLen = ai, h.end-h.start
			}
		}
		if best < 0 || strings.TrimSpace(a.text[in.start:in.end]) == "" {
			continue
		}
		g := goldQuote{attr: best, srcPos: -1}
		if src := a.attrs[best].source; len(src) > 0 {
			g.source = joinSpans(a.text, src)
			g.srcPos = src[0].start
		}
		for _, part := range paragraphParts(a.text, in) {
			g.inner, g.text = part, a.text[part.start:part.end]
			out = append(out, g)
		}
	}
	return out
}

// paragraphParts cuts a quote that runs over paragraphs into one part per
// paragraph, without the mark that reopens it, as byline reports such a
// quote (and as a reader highlights it); a quote within one paragraph is
// one part.
func paragraphParts(text string, in span) []span {
	var parts []span
	from := in.start
	for {
		i := strings.Index(text[from:in.end], "\n\n")
		if i < 0 {
			break
		}
		if strings.TrimSpace(text[from:from+i]) != "" {
			parts = append(parts, span{from, from + i})
		}
		from += i
		for from < in.end && (text[from] == '\n' || text[from] == ' ') {
			from++
		}
		for _, mark := range []string{"“", "\""} {
			if strings.HasPrefix(text[from:in.end], mark) {
				from += len(mark)
				break
			}
		}
	}
	if strings.TrimSpace(text[from:in.end]) != "" {
		parts = append(parts, span{from, in.end})
	}
	return parts
}
