package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quotePairResult says how the search for a closing mark ended.
type quotePairResult uint8

const (
	quoteClosed   quotePairResult = iota // k is the closing mark
	quoteAborted                         // k is an opener met first
	quoteCapped                          // the quote would be too long
	quoteUnclosed                        // the block ended first
)

// quotePending is a quote left open at the end of a paragraph, which the
// next paragraph may carry on by opening with a mark of the same kind.
type quotePending struct {
	op    quoteMark
	parts [][2]int
	first int // block index
	total int
}

type quotePairer struct {
	md     string
	blocks []quoteBlock
	hits   []quoteHit
	pend   *quotePending
}

// quotePairAll pairs opening and closing marks block by block.
func quotePairAll(md string, blocks []quoteBlock) []quoteHit {
	p := quotePairer{md: md, blocks: blocks}
	for bi, b := range blocks {
		if !b.prose {
			p.pend = nil
			continue
		}
		p.block(bi)
	}
	return p.hits
}

func (p *quotePairer) block(bi int) {
	b := p.blocks[bi]
	marks := quoteScanMarks(p.md, b.start, b.end)
	i := p.carryOn(bi, marks)
	for i < len(marks) {
		m := marks[i]
		if m.role != quoteRoleOpen {
			i++
			continue
		}
		k, res := p.findClose(marks, i, b.end)
		switch res {
		case quoteClosed:
			p.emit(m, marks[k], bi)
			i = k + 1
		case quoteAborted:
			i = k
		case quoteCapped:
			i++
		case quoteUnclosed:
			p.startPending(m, bi)
			i = len(marks)
			if m.single {
				i++ // a lone ‘ may be an apostrophe: look on from the next mark
			}
		}
	}
}

// carryOn continues a quote left open by the previous paragraph when this
// one opens with the same kind of mark. It returns the first mark still to
// be paired.
func (p *quotePairer) carryOn(bi int, marks []quoteMark) int {
	pend := p.pend
	p.pend = nil
	if pend == nil || len(marks) == 0 || len(pend.parts) >= quoteMaxParagraphs {
		return 0
	}
	b, m := p.blocks[bi], marks[0]
	if m.role != quoteRoleOpen || !quoteSameFamily(pend.op, m) || strings.TrimLeft(p.md[b.start:m.pos], " \t>*_") != "" {
		return 0
	}
	k, res := p.findClose(marks, 0, b.end)
	switch res {
	case quoteClosed:
		pend.parts = append(pend.parts, [2]int{m.end, marks[k].pos})
		pend.total += marks[k].pos - m.end
		if pend.total <= quoteMaxTotal {
			p.emitMulti(pend, bi, marks[k])
		}
		return k + 1
	case quoteUnclosed:
		end := quoteTrimEnd(p.md, m.end, b.end)
		pend.parts = append(pend.parts, [2]int{m.end, end})
		pend.total += end - m.end
		if pend.total <= quoteMaxTotal {
			p.pend = pend
		}
		return len(marks)
	}
	return 0
}

func (p *quotePairer) startPending(m quoteMark, bi int) {
	end := quoteTrimEnd(p.md, m.end, p.blocks[bi].end)
	if end-m.end > quoteMaxBytes || end <= m.end {
		return
	}
	p.pend = &quotePending{op: m, parts: [][2]int{{m.end, end}}, first: bi, total: end - m.end}
}

func (p *quotePairer) emit(op, cl quoteMark, bi int) {
	start, end := quoteTrimSpan(p.md, op.end, cl.pos)
	text := quoteVisibleSpan(p.md, start, end)
	if !quoteHasWord(text) {
		return
	}
	if p.pend != nil && p.pend.first == bi {
		p.pend = nil // a quote inside what looked like an open one
	}
	p.hits = append(p.hits, quoteHit{
		text: text, start: start, end: end,
		open: op.pos, close: cl.end, first: bi, last: bi,
	})
}

// emitMulti reports a quote that runs over paragraphs as one hit, to be
// attributed as one: its span runs from the first paragraph's text to the
// last closing mark, its text is the visible text of each paragraph's
// part, without the marks that reopen it, joined by a blank line, and its
// parts are where each paragraph's part lies (FindQuotes reports one
// quote for each).
func (p *quotePairer) emitMulti(pend *quotePending, bi int, cl quoteMark) {
	texts := make([]string, 0, len(pend.parts))
	parts := make([]quotePart, 0, len(pend.parts))
	for k, part := range pend.parts { // part k lies in block pend.first+k
		from, to := quoteTrimSpan(p.md, part[0], part[1])
		t := quoteVisibleSpan(p.md, from, to)
		if t != "" {
			texts = append(texts, t)
		}
		if quoteHasWord(p.md[from:to]) {
			parts = append(parts, quotePart{from, to, pend.first + k, t})
		}
	}
	text := strings.Join(texts, "\n\n")
	if !quoteHasWord(text) {
		return
	}
	start, _ := quoteTrimSpan(p.md, pend.parts[0][0], pend.parts[0][1])
	_, end := quoteTrimSpan(p.md, start, cl.pos)
	p.hits = append(p.hits, quoteHit{
		text: text, start: start, end: end,
		open: pend.op.pos, close: cl.end, first: pend.first, last: bi, parts: parts,
	})
}

// quoteTrimSpan drops the white space at the ends of md[from:to], such as
// the spaces French sets inside « ».
func quoteTrimSpan(md string, from, to int) (int, int) {
	s := md[from:to]
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	from += len(s) - len(t)
	return from, from + len(strings.TrimRightFunc(t, unicode.IsSpace))
}

func (p *quotePairer) findClose(marks []quoteMark, i, blockEnd int) (int, quotePairResult) {
	if marks[i].single {
		return p.findSingleClose(marks, i, blockEnd)
	}
	return quoteFindDoubleClose(marks, i)
}

// quoteFindDoubleClose looks for the mark closing the double quote opened
// by marks[i]; single marks in between are part of its text, as are
// quotes of another family (“…” inside «…», «…» inside “…”). Pairing
// decides two doubtful cases: a quote of the same kind opened inside it
// is nested when a second closing mark follows its own ("He said "no" to
// me," she said), and a straight mark after a digit, read as an inch mark,
// closes the quote when no other mark does before the next opener
// ("Fight for 15" protesters). Two openers side by side ("“) are one
// stray mark and the quote the second opens.
func quoteFindDoubleClose(marks []quoteMark, i int) (int, quotePairResult) {
	op := marks[i]
	fam := quoteFamily(op.r)
	inch := -1
	for k := i + 1; k < len(marks); k++ {
		t := marks[k]
		if t.pos-op.end > quoteMaxBytes || k-i > quoteMaxScan {
			return k, quoteCapped
		}
		tf := quoteFamily(t.r)
		if t.single || (tf != fam && (quoteBracket(fam) || quoteBracket(tf))) {
			continue
		}
		if quoteCloses(op, t) {
			return k, quoteClosed
		}
		if t.inch && inch < 0 {
			inch = k
		}
		if t.role == quoteRoleOpen {
			if n := quoteNestedEnd(marks, k, fam); n > 0 && t.pos > op.end {
				k = n
				continue
			}
			if inch >= 0 {
				return inch, quoteClosed
			}
			return k, quoteAborted
		}
	}
	if inch >= 0 {
		return inch, quoteClosed
	}
	return len(marks), quoteUnclosed
}

// quoteNestedEnd returns the index of the mark closing a quote of family
// fam opened at marks[k] inside another, when the mark after it closes
// too (so that the outer quote goes on); else 0.
func quoteNestedEnd(marks []quoteMark, k int, fam byte) int {
	inner := -1
	for j := k + 1; j < len(marks) && j-k < 16; j++ {
		t := marks[j]
		if t.single || quoteFamily(t.r) != fam {
			continue
		}
		if t.role == quoteRoleOpen {
			return 0
		}
		if inner >= 0 {
			return inner
		}
		if quoteCloses(marks[k], t) {
			inner = j
		}
	}
	return 0
}

// findSingleClose looks for the mark closing the single quote opened by
// marks[i]; double quotes in between are nested in it. A closing mark that
// looks like a plural possessive (the Koreas’ border) is taken only when
// no better one follows.
func (p *quotePairer) findSingleClose(marks []quoteMark, i, blockEnd int) (int, quotePairResult) {
	op := marks[i]
	depth, fallback := 0, -1
	for k := i + 1; k < len(marks); k++ {
		t := marks[k]
		if t.pos-op.end > quoteMaxBytes || k-i > quoteMaxScan {
			if fallback >= 0 {
				return fallback, quoteClosed
			}
			return k, quoteCapped
		}
		if !t.single {
			if t.role == quoteRoleOpen {
				depth++
				continue
			}
			if depth > 0 {
				depth--
				continue
			}
			return quoteAbortAt(k, fallback)
		}
		if depth > 0 {
			continue
		}
		if quoteCloses(op, t) {
			if fallback < 0 && quotePossessive(p.md, t, blockEnd) {
				fallback = k
				continue
			}
			return k, quoteClosed
		}
		if t.role == quoteRoleOpen {
			return quoteAbortAt(k, fallback)
		}
	}
	if fallback >= 0 {
		return fallback, quoteClosed
	}
	return len(marks), quoteUnclosed
}

func quoteAbortAt(k, fallback int) (int, quotePairResult) {
	if fallback >= 0 {
		return fallback, quoteClosed
	}
	return k, quoteAborted
}

// quotePossessive reports a closing single mark after an s and before a
// space and a lower-case word: more likely "the Koreas’ border" than the
// end of a quote.
func quotePossessive(md string, t quoteMark, blockEnd int) bool {
	if t.pos == 0 || (md[t.pos-1] != 's' && md[t.pos-1] != 'S') {
		return false
	}
	if t.end+1 >= blockEnd || md[t.end] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(md[t.end+1 : blockEnd])
	return unicode.IsLower(r)
}

func quoteHasWord(s string) bool { return strings.IndexFunc(s, quoteWordRune) >= 0 }

func quoteTrimEnd(md string, from, to int) int {
	return from + len(strings.TrimRight(md[from:to], " \t\r\n"))
}
