package furniture

import "strings"

// The rules that judge a block by its neighbours: a related heading and
// the links under it, a tail list of links, a caption repeated.

// markRepeatedCaptions removes an italic caption or credit line that
// repeats the line kept before it, with only removed furniture between, as
// a gallery's caption and its expanded copy do ("_Jane Doe, AP_",
// "_Caption Close_", "_Jane Doe, AP_").
func markRepeatedCaptions(blocks []block) {
	prev, between := "", false
	for bi := range blocks {
		b := &blocks[bi]
		if b.code {
			prev = ""
			continue
		}
		for ui := range b.units {
			u := &b.units[ui]
			if u.removed {
				between = true
				continue
			}
			raw := strings.TrimSpace(strings.Join(b.lines[u.from:u.to], " "))
			if between && raw == prev && isItalicLine(raw) && len(raw) <= 200 {
				u.kind, u.removed = removable, true
				continue
			}
			prev, between = raw, false
		}
	}
}

// markRelatedLists removes a "Related stories" heading (or a lone
// "Related:" line) together with the lists of bare links under it. A
// heading followed by anything else stays.
func markRelatedLists(blocks []block) {
	for bi := range blocks {
		b := &blocks[bi]
		if b.code || len(b.units) == 0 {
			continue
		}
		if len(b.lines) > 1 && classify(b.lines[:1]) == relatedHeading && isLinkList(block{lines: b.lines[1:]}) {
			// "**DON'T MISS**" and its links, a line each, in one block.
			for ui := range b.units {
				b.units[ui].kind, b.units[ui].removed = removable, true
			}
			continue
		}
		last := &b.units[len(b.units)-1]
		if last.kind != relatedHeading {
			continue
		}
		j := bi + 1
		for j < len(blocks) && isLinkList(blocks[j]) {
			j++
		}
		if j == bi+1 && j < len(blocks) {
			continue // not followed by links: a real heading
		}
		last.removed = true
		for k := bi + 1; k < j; k++ {
			for ui := range blocks[k].units {
				blocks[k].units[ui].removed = true
			}
		}
	}
}

// markTailLinkLists removes a list of bare links to other stories set
// after the article's last paragraphs, with no heading or lead-in: a list
// whose items are each only a link, followed by at most two blocks of
// text, and not after a line that ends with a colon (the article's own
// list of sources).
func markTailLinkLists(blocks []block) {
	after := 0 // blocks of text kept after the one looked at
	for bi := len(blocks) - 1; bi > 0; bi-- {
		b := blocks[bi]
		if after > 2 {
			return
		}
		if !isBareLinkList(b) {
			if kept(b) {
				after++
			}
			continue
		}
		prev := blocks[bi-1]
		last := strings.TrimRight(strings.TrimSpace(prev.lines[len(prev.lines)-1]), "*_ ")
		if prev.code || strings.HasSuffix(last, ":") || strings.HasPrefix(strings.TrimSpace(prev.lines[0]), "#") {
			continue
		}
		for ui := range b.units {
			b.units[ui].removed = true
		}
	}
}

// isBareLinkList reports a list of two items or more, each only a link.
func isBareLinkList(b block) bool {
	if b.code || len(b.lines) < 2 {
		return false
	}
	for _, l := range b.lines {
		t := strings.TrimSpace(l)
		end, ok := listMarker(t)
		if !ok || !rxLinkOnly.MatchString(strings.Trim(strings.TrimSpace(t[end:]), "*_ ")) {
			return false
		}
	}
	return true
}

func kept(b block) bool {
	for _, u := range b.units {
		if !u.removed {
			return true
		}
	}
	return b.code
}

// isLinkList reports a list, or a run of lines, whose every item is a
// link, as a heading or not: only a link, or a short line that holds one ("Headline [VIDEO]";
// "A teaser, [and its link](…)" as a list's item). Under a related heading that is a list
// of other stories.
func isLinkList(b block) bool {
	if b.code {
		return false
	}
	for _, l := range b.lines {
		t := strings.TrimSpace(l)
		end, listed := listMarker(t)
		if listed {
			t = strings.TrimSpace(t[end:])
		}
		item := strings.Trim(strings.TrimLeft(t, "# "), "*_ ") // "- ### [A headline](…)"
		if rxLinkOnly.MatchString(item) {
			continue
		}
		if !isLinkDense(item, listed) {
			return false
		}
	}
	return true
}

// isLinkDense reports a short line with a link, a third of whose words,
// at least, are the text of its links (any share, for a list's item).
func isLinkDense(line string, listed bool) bool {
	text, urls := plainText(line)
	n := len(strings.Fields(text))
	if len(urls) == 0 || n > 30 {
		return false
	}
	if listed {
		return true
	}
	linked := 0
	for _, m := range rxMdLink.FindAllStringSubmatch(line, -1) {
		linked += len(strings.Fields(m[1]))
	}
	return 3*linked >= n
}
