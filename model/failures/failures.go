// Package failures says what went wrong in a refresh in one line: the
// feeds that failed grouped by cause, with counts and a few examples
// ("412 failed: 400 connection refused (e.g. a.example, b.example, …),
// 12 HTTP 404 Not Found (c.example)"), never a list of every address (the
// feeds list shows each feed's error). The command line's summary and the
// app's status line both say it this way. It keeps counts and a few names,
// not the failures themselves.
package failures

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

const (
	shownCauses   = 3 // causes named; the rest are counted together
	shownExamples = 3 // examples named for each cause
)

// Groups counts failures by cause. The zero value is empty and ready.
type Groups struct {
	total  int
	causes []group // in the order each cause first came
}

type group struct {
	cause    string
	n        int
	examples []string
}

// Add counts one feed that failed with the error text cause; feedURL
// names it (by its host) among the examples.
func (g *Groups) Add(cause, feedURL string) {
	g.total++
	cause = oneLine(cause)
	i := 0
	for i < len(g.causes) && g.causes[i].cause != cause {
		i++
	}
	if i == len(g.causes) {
		g.causes = append(g.causes, group{cause: cause})
	}
	c := &g.causes[i]
	c.n++
	name := hostOf(feedURL)
	if len(c.examples) < shownExamples && name != "" && !slices.Contains(c.examples, name) {
		c.examples = append(c.examples, name)
	}
}

// Cause is one cause of failure: its text, how many feeds failed with
// it, and a few of their hosts.
type Cause struct {
	Text     string
	N        int
	Examples []string
}

// List is every cause, in the order each first came.
func (g Groups) List() []Cause {
	out := make([]Cause, len(g.causes))
	for i, c := range g.causes {
		out[i] = Cause{Text: c.cause, N: c.n, Examples: slices.Clone(c.examples)}
	}
	return out
}

// Len is how many failures were counted.
func (g Groups) Len() int { return g.total }

// String is "N failed: " and the Causes; "" when nothing failed.
func (g Groups) String() string {
	if g.total == 0 {
		return ""
	}
	return fmt.Sprintf("%d failed: %s", g.total, g.Causes())
}

// Causes are the causes, the most common first, each with its count
// (unless it is every failure's) and examples.
func (g Groups) Causes() string {
	// Most common first; a stable sort keeps the order of arrival among
	// equals.
	causes := slices.Clone(g.causes)
	slices.SortStableFunc(causes, func(a, b group) int { return cmp.Compare(b.n, a.n) })
	parts := make([]string, 0, shownCauses+1)
	for i, c := range causes {
		if i == shownCauses {
			rest := 0
			for _, o := range causes[i:] {
				rest += o.n
			}
			if others := len(causes) - i; others == 1 {
				parts = append(parts, fmt.Sprintf("%d for another reason", rest))
			} else {
				parts = append(parts, fmt.Sprintf("%d for %d other reasons", rest, others))
			}
			break
		}
		parts = append(parts, c.describe(g.total))
	}
	return strings.Join(parts, ", ")
}

// describe is the cause with its count (unless it is every failure) and
// its examples, "…" when there were more.
func (c group) describe(total int) string {
	s := c.cause
	if c.n != total {
		s = fmt.Sprintf("%d %s", c.n, c.cause)
	}
	if len(c.examples) == 0 {
		return s
	}
	list := strings.Join(c.examples, ", ")
	if c.n > len(c.examples) {
		list = "e.g. " + list + ", …"
	}
	return s + " (" + list + ")"
}

// hostOf names a feed by its host, or by its address when it has none.
func hostOf(feedURL string) string {
	if u, err := url.Parse(feedURL); err == nil && u.Host != "" {
		return u.Host
	}
	return oneLine(feedURL)
}

// oneLine keeps s on one line: line breaks and tabs become spaces. The
// text is the store's and the feeds', already sanitised coming in; what
// shows it sanitises it going out.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
