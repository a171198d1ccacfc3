package furniture

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/byline-reader/byline/model/markdown"
)

// Clean removes the page furniture that article extraction keeps
// but a reader does not want: ad labels ("Advertisement"), newsletter and
// subscribe boxes, share bars, "Follow us on …" lines, "Read more:" and
// "Related:" lines, a "Related stories" heading with its list of links, a
// tail list of links to other stories, a bare URL standing next to one of
// those, a press release's closing description of its company, a closing
// wire credit ("Reporting by …; Editing by …"), a cookie notice, and the
// marked furniture of marks.go (stray photo credits,
// toolbar labels, gallery counters, timestamps…).
//
// Precision comes first: only a whole block (a paragraph, or a line that
// stands as a paragraph of its own in plain text) is removed, only when all
// of it is furniture, never text inside a real paragraph. Code blocks and
// tables are left alone. It works the same on markdown and on plain text.
func Clean(md string) string {
	md = strings.ReplaceAll(md, "\r\n", "\n")
	blocks := splitBlocks(strings.Split(md, "\n"))
	for i := range blocks {
		if !blocks[i].code {
			blocks[i].units = splitUnits(blocks[i].lines)
		}
	}
	markFurniture(blocks)
	markRepeatedCaptions(blocks)
	markRelatedLists(blocks)
	markTailLinkLists(blocks)
	markCompanyBoilerplate(blocks)
	markTailCredits(blocks)
	markBareURLs(blocks)
	return joinBlocks(blocks)
}

// block is a run of lines between blank lines (a fenced code block is one
// block, blank lines and all).
type block struct {
	lines []string
	code  bool
	units []unit
}

// unit is a stretch of a block's lines that stands on its own: the whole
// block, or, in plain text where each line is a paragraph, one line.
type unit struct {
	from, to int // lines[from:to]
	kind     furniture
	removed  bool
}

type furniture int

const (
	notFurniture   furniture = iota
	removable                // an ad label, a subscribe box, a share bar…
	relatedHeading           // removed only with the links under it
	bareURL                  // removed only next to removed furniture
)

func splitBlocks(lines []string) []block {
	var blocks []block
	var cur []string
	var fence markdown.Fence
	flush := func(code bool) {
		if len(cur) > 0 {
			blocks = append(blocks, block{lines: cur, code: code})
		}
		cur = nil
	}
	for _, l := range lines {
		if fence.Mark != 0 {
			cur = append(cur, l)
			if fence.ClosedBy(l) {
				fence = markdown.Fence{}
				flush(true)
			}
			continue
		}
		switch line := markdown.LineOf(l); line.Kind {
		case markdown.CodeFence:
			flush(false)
			// Cleaning closes a fence on any three of its marks, however
			// long the opener.
			fence = markdown.Fence{Mark: line.Mark, N: 3}
			cur = append(cur, l)
		case markdown.Blank:
			flush(false)
		default:
			cur = append(cur, l)
		}
	}
	flush(fence.Mark != 0)
	for i := range blocks {
		if !blocks[i].code && isVerbatim(blocks[i].lines) {
			blocks[i].code = true
		}
	}
	return blocks
}

// isVerbatim reports an indented code block, a table or an HTML block,
// which cleaning leaves as they are.
func isVerbatim(lines []string) bool {
	switch l := markdown.LineOf(lines[0]); l.Kind {
	case markdown.TableRow, markdown.TableRule, markdown.HTML:
		return true
	default:
		return l.Indented
	}
}

// splitUnits cuts a block into the parts judged alone. In plain text
// where each line is a paragraph (most lines end a sentence) every line is
// one; otherwise the block is cut only where a line ends a sentence, so a
// paragraph wrapped over several lines stays whole.
func splitUnits(lines []string) []unit {
	ends := 0
	for _, l := range lines[:len(lines)-1] {
		if endsSentence(l) {
			ends++
		}
	}
	perLine := len(lines) > 1 && 2*ends >= len(lines)-1
	var units []unit
	from := 0
	for i := 1; i <= len(lines); i++ {
		if i == len(lines) || perLine || endsSentence(lines[i-1]) || startsBlockMark(lines[i]) {
			units = append(units, unit{from: from, to: i})
			from = i
		}
	}
	return units
}

func endsSentence(line string) bool {
	t := strings.TrimRightFunc(line, func(r rune) bool { return r == '*' || r == '_' || unicode.IsSpace(r) })
	if strings.TrimSpace(t) == "" {
		return true
	}
	if f := strings.Fields(t); rxBareURL.MatchString(f[len(f)-1]) {
		return true
	}
	last := t[len(t)-1]
	return strings.ContainsRune(".!?:)]>\"'", rune(last)) || strings.HasSuffix(t, "”") ||
		strings.HasSuffix(t, "’") || strings.HasSuffix(t, "…")
}

// startsBlockMark reports a line that starts a unit of its own: a block
// quote, a list item, or any line that opens with '#' (a heading, or a
// hashtag line).
func startsBlockMark(line string) bool {
	l := markdown.LineOf(line)
	if l.Kind == markdown.Blank {
		return false
	}
	_, item := listMarker(line[l.Start:])
	return line[l.Start] == '#' || l.Kind == markdown.BlockQuote || item
}

// listMarker reads the list marker that opens t, if any, and where the
// item's text starts. Cleaning reads ordered markers of up to three digits.
func listMarker(t string) (int, bool) {
	m, ok := markdown.ListMarker(t)
	return m.End, ok && m.Digits <= 3
}

func markFurniture(blocks []block) {
	for bi := range blocks {
		b := &blocks[bi]
		for ui := range b.units {
			u := &b.units[ui]
			u.kind = classify(b.lines[u.from:u.to])
			u.removed = u.kind == removable
		}
	}
}

// markBareURLs removes a line that is only a URL when it stands next to
// furniture that was removed (the address a subscribe box repeats).
func markBareURLs(blocks []block) {
	var seq []*unit // nil where a code block breaks adjacency
	for bi := range blocks {
		for ui := range blocks[bi].units {
			seq = append(seq, &blocks[bi].units[ui])
		}
		if blocks[bi].code {
			seq = append(seq, nil)
		}
	}
	gone := func(i int) bool {
		return i >= 0 && i < len(seq) && seq[i] != nil && seq[i].removed && seq[i].kind != notFurniture
	}
	for changed := true; changed; {
		changed = false
		for i, u := range seq {
			if u != nil && u.kind == bareURL && !u.removed && (gone(i-1) || gone(i+1)) {
				u.removed, changed = true, true
			}
		}
	}
}

func joinBlocks(blocks []block) string {
	var out []string
	for _, b := range blocks {
		if b.code {
			out = append(out, strings.Join(b.lines, "\n"))
			continue
		}
		var kept []string
		for _, u := range b.units {
			if !u.removed {
				kept = append(kept, b.lines[u.from:u.to]...)
			}
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, "\n"))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n\n") + "\n"
}

// cutBlockMarks cuts the marks that open a unit: block quote marks (with
// any ASCII white space among them), then a heading's marks or a list
// marker with the white space after them.
func cutBlockMarks(s string) string {
	for i := 0; ; {
		i += markdown.QuoteEnd(s[i:])
		j := i
		for j < len(s) && strings.IndexByte("\t\n\f\r ", s[j]) >= 0 {
			j++
		}
		if j == i {
			s = s[i:]
			break
		}
		i = j
	}
	n := markdown.HeadingLevel(s)
	if n == len(s) {
		n = 0 // a heading's marks go only with the white space after them
	}
	if end, ok := listMarker(s); ok {
		n = end
	}
	return strings.TrimLeft(s[n:], "\t\n\f\r ")
}

var (
	rxLinkOnly = regexp.MustCompile(`^\[[^\]]+\]\([^)\s]+(\s+"[^"]*")?\)$`)
	rxBareURL  = regexp.MustCompile(`^<?(https?://|www\.)[^\s<>]+>?$`)
	rxMdLink   = regexp.MustCompile(`!?\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)`)
	rxAutoLink = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	rxAnyURL   = regexp.MustCompile(`(?:https?://|www\.)[^\s<>()]+`)
	rxEscape   = regexp.MustCompile(`\\([\\\x60*_{}\[\]()#+\-.!|<>~])`)
)

// plainText strips markdown from one unit: heading, quote and list marks,
// emphasis, escapes and links (keeping their text). It returns the text
// and the link destinations and bare URLs it saw.
func plainText(raw string) (string, []string) {
	var urls []string
	s := cutBlockMarks(raw)
	if strings.Contains(s, "](") {
		s = rxMdLink.ReplaceAllStringFunc(s, func(m string) string {
			sub := rxMdLink.FindStringSubmatch(m)
			urls = append(urls, sub[2])
			if strings.HasPrefix(m, "!") {
				return ""
			}
			return " " + sub[1] + " "
		})
	}
	if strings.Contains(s, "<") {
		s = rxAutoLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "http") || strings.Contains(s, "www.") {
		urls = append(urls, rxAnyURL.FindAllString(s, -1)...)
	}
	words := strings.Fields(s)
	for i, w := range words {
		w = strings.Trim(w, "*_")
		if n := len(w); n > 1 && strings.IndexByte(".,:;!?", w[n-1]) >= 0 && strings.ContainsAny(w[n-2:n-1], "*_") {
			w = strings.TrimRight(w[:n-1], "*_") + w[n-1:] // "**MORE**:"
		}
		if strings.Contains(w, "\\") {
			w = rxEscape.ReplaceAllString(w, "$1")
		}
		if i > 0 && len(w) == 1 && strings.Contains(".,!?:", w) {
			words[i-1] += w
			w = ""
		}
		words[i] = w
	}
	return strings.Join(strings.Fields(strings.Join(words, " ")), " "), urls
}
