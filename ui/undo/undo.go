// Package undo is the app's memory of the changes of state it made, so
// that u can reverse them: read and unread marks (the one opening an
// article makes too), stars, a view marked read (each article it changed)
// and a highlight removed (its text and place). A Stack keeps the last
// Depth changes; the app reverses one through the library, as it made it.
// It is its own package because it is plain data with rules of its own
// (how deep, which changes combine) and tests of its own: no Bubble
// Tea, no IO.
package undo

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// Kind is what a change changed.
type Kind int

// The kinds of change.
const (
	Read      Kind = iota // read or unread marks
	Star                  // stars
	Highlight             // a highlight removed
)

// Change is one change of state, as it was made.
type Change struct {
	Kind Kind
	// IDs are the articles whose state changed (Read, Star): the undo
	// changes these and no other.
	IDs []int64
	// FeedID is the feed of a single article, whose counts move with it;
	// 0 for many (the app reloads the counts).
	FeedID int64
	// To is the state set: read (Read) or starred (Star). The undo sets
	// the other.
	To bool
	// Highlight is the highlight removed, to be kept again.
	Highlight model.Highlight
	// What says what the change did, as the status line said it.
	What string
}

// single says whether c changed one article's mark.
func (c Change) single() bool { return c.Kind != Highlight && len(c.IDs) == 1 }

// Depth is how many changes a Stack keeps.
const Depth = 40

// Stack is the changes made, the last on top, at most Depth of them. The
// zero value is empty and ready.
type Stack struct{ changes []Change }

// Push keeps c on top, forgetting the oldest change past Depth. A change
// that sets back the top one (the same mark of the same single article:
// m pressed again, an article opened then marked unread) combines with
// it: c replaces it, so toggling a mark takes one level however often it
// is done, and u still reverses the last toggle.
func (s *Stack) Push(c Change) {
	if n := len(s.changes); n > 0 {
		top := s.changes[n-1]
		if c.single() && top.single() && top.Kind == c.Kind && top.IDs[0] == c.IDs[0] && top.To != c.To {
			s.changes[n-1] = c
			return
		}
	}
	if len(s.changes) == Depth {
		s.changes = append(s.changes[:0], s.changes[1:]...)
	}
	s.changes = append(s.changes, c)
}

// Pop takes the last change off the stack; false when there is none.
func (s *Stack) Pop() (Change, bool) {
	n := len(s.changes)
	if n == 0 {
		return Change{}, false
	}
	c := s.changes[n-1]
	s.changes[n-1] = Change{} // let its ids go
	s.changes = s.changes[:n-1]
	return c, true
}

// Len is how many changes can be undone.
func (s Stack) Len() int { return len(s.changes) }

// The words for each change, said when it is made and, after "undone: ",
// when it is reversed.

// MarkedOne says an article was marked read or unread.
func MarkedOne(title string, read bool) string {
	return fmt.Sprintf("marked %s %s", quote(title), map[bool]string{true: "read", false: "unread"}[read])
}

// StarredOne says an article was starred or its star taken off.
func StarredOne(title string, star bool) string {
	return fmt.Sprintf("%s %s", map[bool]string{true: "starred", false: "unstarred"}[star], quote(title))
}

// MarkedMany says n articles of a view (a feed's title, "folder Tech",
// "All articles"…) were marked read.
func MarkedMany(n int, where string) string {
	noun := "articles"
	if n == 1 {
		noun = "article"
	}
	return fmt.Sprintf("marked %d %s read in %s", n, noun, where)
}

// RemovedHighlight says a highlight was removed.
func RemovedHighlight(h model.Highlight) string {
	return "removed the highlight " + quote(h.Text)
}

// quoteLen is how many characters of a title or a highlight the status
// line quotes.
const quoteLen = 48

// quote is s in quotation marks on one line, cut to quoteLen characters.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > quoteLen {
		s = strings.TrimSpace(string([]rune(s)[:quoteLen-1])) + "…"
	}
	return "“" + s + "”"
}
