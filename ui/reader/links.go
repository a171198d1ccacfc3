package reader

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
	"github.com/byline-reader/byline/model/share"
)

// Links in the reader. Each inline link's text is marked in the body and
// painted as a link (a region of its own, like a quote's), its syntax and
// URL are cut from the source Glamour lays out (it printed every URL
// inline, broken across lines), and its number follows the text like a
// footnote, "[3]", numbered by markdown.Refs, as the link list and `read
// --plain/--json` number them. Where the terminal shows them, the link's
// text is an OSC 8 hyperlink to its clean URL.

// Link is one link of an article, as the reader numbers it.
type Link struct {
	N    int
	Text string // the link's words
	URL  string // as the body writes it
	// Target is the link to open or copy: absolute (resolved against the
	// article's URL), http or https, tracking parameters stripped, no
	// control character. "" for a link that is none of these (mailto:…).
	Target string
}

// maxLinks is the most links a doc marks: each takes four events.
const maxLinks = maxDocEvents / 16

// docLinks is what a doc knows of its links.
type docLinks struct {
	refs    []markdown.Link  // every link, in the body's order
	textEv  []evPair         // per link: the events around its text ({-1, -1}: an image's)
	numEv   []evPair         // per link: around its number
	targets []string         // per link: its Target
	hrefs   map[int32]string // per region inside a link's text: its Target
}

// markLinks marks the links of the body in the builder: each link's text
// as a span, its number as a label after it, and its syntax ("[" and
// "](url)") as edits that take it out. A link around an image alone loses
// its syntax but is neither marked nor numbered in the text, so the image
// stays as the body writes it.
func markLinks(db *docBuilder, refs []markdown.Link, images []markdown.Picture) (kept []markdown.Link, textIDs, numIDs []int32) {
	imageAt := make(map[[2]int]bool, len(images))
	for _, im := range images {
		imageAt[[2]int{im.Start, im.End}] = true
	}
	end := 0
	for _, l := range refs {
		if l.Start < end || len(kept) >= maxLinks {
			continue // inside a link already marked (links do not nest)
		}
		end = l.End
		db.edits = append(db.edits, edit{start: l.Start, end: l.TextStart}, edit{start: l.TextEnd, end: l.End})
		kept = append(kept, l)
		if imageAt[[2]int{l.TextStart, l.TextEnd}] {
			textIDs, numIDs = append(textIDs, -1), append(numIDs, -1)
			continue
		}
		text := model.Span{Start: l.TextStart, End: l.TextEnd}
		if openAt(db.body, text) < closeAt(db.body, text) {
			textIDs = append(textIDs, db.span(text, true))
		} else {
			textIDs = append(textIDs, -1) // no words to mark: "[](url)"
		}
		numIDs = append(numIDs, db.label(l.TextEnd, linkNumber(l.N)))
	}
	return kept, textIDs, numIDs
}

// linkNumber is link n's number as markdown to follow its words, "[3]":
// after a no-break space, so that it stays with them.
func linkNumber(n int) string { return "\u00a0\\[" + strconv.Itoa(n) + "\\]" }

// Links are the article's links, each number once, in order; none for a
// nil Doc.
func (d *Doc) Links() []Link {
	if d == nil {
		return nil
	}
	var out []Link
	seen := map[int]bool{}
	for i, l := range d.links.refs {
		if seen[l.N] {
			continue
		}
		seen[l.N] = true
		out = append(out, Link{N: l.N, Text: l.Text, URL: l.URL, Target: d.links.targets[i]})
	}
	return out
}

// WithBase is the doc with its links resolved against base, the URL of
// the article (relative links lead where the page meant them to). It
// renders the same: only the links' targets change.
func (d *Doc) WithBase(base string) *Doc {
	if d == nil || len(d.links.refs) == 0 {
		return d
	}
	c := *d
	c.links.resolve(base)
	return &c
}

// resolve works out every link's target against base, and the target of
// each region inside a link's text.
func (l *docLinks) resolve(base string) {
	l.targets = make([]string, len(l.refs))
	l.hrefs = map[int32]string{}
	for i, ref := range l.refs {
		t := LinkTarget(base, ref.URL)
		l.targets[i] = t
		if t == "" {
			continue
		}
		for r := max(l.textEv[i][0], 0); r < l.textEv[i][1]; r++ {
			l.hrefs[r] = t
		}
	}
}

// LinkTarget is the link a body's URL (as markdown.Refs reads it) leads
// to, as it may be opened, copied or put in a hyperlink:
// resolved against base when relative, http or https with a host,
// tracking parameters stripped (share.CleanURL), no control character.
// It is "" for anything else.
func LinkTarget(base, raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return ""
		}
		u = b.ResolveReference(u)
	}
	clean, err := share.CleanURL(u.String())
	if err != nil {
		return ""
	}
	return clean
}

// HyperlinksFor says whether a terminal of type term (its $TERM) is sent
// OSC 8 hyperlinks: not the Linux console, not a dumb terminal, not an
// unknown one.
func HyperlinksFor(term string) bool {
	switch term = strings.ToLower(strings.TrimSpace(term)); {
	case term == "", term == "dumb", strings.HasPrefix(term, "linux"), strings.HasPrefix(term, "vt"):
		return false
	}
	return true
}

// osc8 opens a hyperlink to target, or closes the one open ("").
func osc8(target string) string { return "\x1b]8;;" + target + "\x1b\\" }
