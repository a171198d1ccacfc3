package markdown

import "strings"

// An article's links and images, in the order they stand in its
// markdown: what the reader numbers like footnotes and lists under `l`,
// draws in place, and what `read --json` reports. Code (fenced or
// indented) holds none.

// Link is one inline link [text](url) of a body; its URL is read as
// CommonMark reads it (escapes and entities decoded). Links to the same URL
// share their number, N, counted from 1 in order of first appearance.
type Link struct {
	N    int
	Text string // the link's words, without inline syntax
	URL  string
	// Start and End bound the whole link's syntax in the body; TextStart
	// and TextEnd its text, inside the brackets.
	Start, End, TextStart, TextEnd int
}

// Picture is one image ![alt](url) of a body, with the caption the line
// after it gives (an emphasised line of its own: *…* or _…_), if any.
type Picture struct {
	URL, Alt, Caption string
	// Start and End bound the image's syntax in the body.
	Start, End int
}

// Refs finds a body's links and images. A link around an image counts as
// a link whose text is the image's alt text. Links within the page
// ("#section") and links with a script scheme are no links to follow and
// are left out.
func Refs(body string) (links []Link, images []Picture) {
	numbers := map[string]int{}
	var fence Fence
	for from := 0; from < len(body); {
		end, next := NextLine(body, from)
		line := body[from:end]
		l := LineOf(line)
		var code bool
		code, fence = fence.Step(line)
		switch {
		case code:
		case l.Kind == Blank || (l.Indented && l.Kind == Text && PrevBlank(body, from)):
		default:
			links, images = lineRefs(body, from, end, numbers, links, images)
		}
		from = next
	}
	return links, images
}

// PrevBlank says whether the line before the one starting at from is
// blank or absent: an indented line after it is code, not a paragraph's
// continuation, and an image line after it stands as a block.
func PrevBlank(body string, from int) bool {
	if from == 0 {
		return true
	}
	prev := strings.LastIndexByte(body[:from-1], '\n') + 1
	return strings.TrimSpace(body[prev:from-1]) == ""
}

// lineRefs adds the links and images of body[from:to], a line.
func lineRefs(body string, from, to int, numbers map[string]int, links []Link, images []Picture) ([]Link, []Picture) {
	for i := from; i < to; i++ {
		switch body[i] {
		case '\\':
			i++
		case '`':
			i = codeSpanEnd(body, i, to) - 1
		case '[':
			textEnd, end, ok := LinkSpan(body, i, to)
			if !ok || body[textEnd+1] != '(' {
				continue
			}
			image := i > from && body[i-1] == '!' && !escaped(body, i-1)
			url := Unescape(target(body[textEnd+2 : end-1]))
			text := inlineText(body[i+1 : textEnd])
			if image {
				images = append(images, Picture{URL: url, Alt: text, Caption: captionAfter(body, end), Start: i - 1, End: end})
				i = end - 1
				continue
			}
			if followable(url) {
				n, seen := numbers[url]
				if !seen {
					n = len(numbers) + 1
					numbers[url] = n
				}
				links = append(links, Link{N: n, Text: text, URL: url, Start: i, End: end, TextStart: i + 1, TextEnd: textEnd})
			}
			// The link's text may hold an image.
			links, images = lineRefs(body, i+1, textEnd, numbers, links, images)
			i = end - 1
		}
	}
	return links, images
}

// escaped says whether the byte at i is escaped by an odd run of
// backslashes before it.
func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// codeSpanEnd is where the code span opening at s[i] ends (past its
// closing run of backticks), or i+run when it is never closed.
func codeSpanEnd(s string, i, to int) int {
	run := 0
	for i+run < to && s[i+run] == '`' {
		run++
	}
	ticks := strings.Repeat("`", run)
	if j := strings.Index(s[i+run:to], ticks); j >= 0 {
		return i + run + j + run
	}
	return i + run
}

// target is a link's destination without its title ("url "title"") or
// angle brackets.
func target(dest string) string {
	dest = strings.TrimSpace(dest)
	if strings.HasPrefix(dest, "<") {
		if j := strings.IndexByte(dest, '>'); j > 0 {
			return dest[1:j]
		}
	}
	if j := strings.IndexAny(dest, " \t"); j >= 0 {
		dest = dest[:j]
	}
	return dest
}

// followable says whether a link leads somewhere a reader can go: not an
// anchor in the page, not a script.
func followable(url string) bool {
	if url == "" || strings.HasPrefix(url, "#") {
		return false
	}
	scheme, _, ok := strings.Cut(url, ":")
	return !ok || !strings.EqualFold(strings.TrimSpace(scheme), "javascript") && !strings.EqualFold(scheme, "data")
}

// captionAfter is the emphasised line that follows an image on the next
// line (or after one blank line), without its marks: the caption the
// extraction puts under a picture.
func captionAfter(body string, end int) string {
	lineEnd, next := NextLine(body, end)
	if strings.TrimSpace(body[end:lineEnd]) != "" {
		return "" // more on the image's own line
	}
	for tries := 0; tries < 2 && next < len(body); tries++ {
		lineEnd, after := NextLine(body, next)
		line := strings.TrimSpace(body[next:lineEnd])
		if line == "" {
			next = after
			continue
		}
		for _, m := range []string{"**", "*", "_"} {
			if len(line) > 2*len(m) && strings.HasPrefix(line, m) && strings.HasSuffix(line, m) {
				return inlineText(line[len(m) : len(line)-len(m)])
			}
		}
		return ""
	}
	return ""
}

// inlineText is what a reader sees of inline markdown: the text of links
// and images, no emphasis marks, escapes or code ticks, entities decoded,
// white space collapsed.
func inlineText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if n := unescapeAt(&b, s, i); n > 0 {
			i += n - 1
			continue
		}
		c := s[i]
		switch {
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
		case c == '[':
			if textEnd, end, ok := LinkSpan(s, i, len(s)); ok {
				b.WriteString(inlineText(s[i+1 : textEnd]))
				i = end - 1
			}
		case c == '*' || c == '`' || c == ']':
		case c == '_' && (i == 0 || i+1 == len(s) || s[i-1] == ' ' || s[i+1] == ' ' || s[i-1] == '_' || s[i+1] == '_'):
		default:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Numbered is each link once, by number, with the first text it has: the
// list the reader's `l`, `read --plain` and `read --json` give.
func Numbered(links []Link) []Link {
	var out []Link
	for _, l := range links {
		if l.N == len(out)+1 {
			out = append(out, l)
		}
	}
	return out
}
