package main

import (
	"slices"
	"strconv"
	"strings"
)

// A change made on the command line says, on stderr (stdout stays the
// result), the command that reverses it, naming only the articles it
// changed: "to undo: byline mark 2 3 --unread".

// markUndo is the commands that reverse a mark: one for the articles
// whose read state changed and one for those whose star did, or one for
// both when they are the same articles.
func markUndo(e *env, readIDs, starIDs []int64, read, starred *bool) []string {
	var readFlag, starFlag string
	if read != nil {
		readFlag = map[bool]string{true: "--unread", false: "--read"}[*read]
	}
	if starred != nil {
		starFlag = map[bool]string{true: "--unstar", false: "--star"}[*starred]
	}
	a, b := union(readIDs), union(starIDs)
	var out []string
	switch {
	case len(a) > 0 && slices.Equal(a, b):
		out = append(out, markLine(e, a, readFlag, starFlag))
	default:
		if len(a) > 0 {
			out = append(out, markLine(e, a, readFlag))
		}
		if len(b) > 0 {
			out = append(out, markLine(e, b, starFlag))
		}
	}
	return out
}

// markLine is `byline mark IDS FLAGS`, with the database and the
// configuration named when they were named.
func markLine(e *env, ids []int64, flags ...string) string {
	words := []string{"byline"}
	if e.opts.db != "" {
		words = append(words, "--db", shellQuote(e.opts.db))
	}
	words = append(words, "mark")
	for _, id := range ids {
		words = append(words, strconv.FormatInt(id, 10))
	}
	words = append(words, flags...)
	if e.opts.config != "" {
		words = append(words, "--config", shellQuote(e.opts.config))
	}
	return strings.Join(words, " ")
}

// union is the ids of the lists, sorted, each once.
func union(lists ...[]int64) []int64 {
	var all []int64
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// shellQuote makes s one word for a POSIX shell.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r == '/' || r == '.' || r == '-' || r == '_' || r == '+' || r == ':' ||
			'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			safe = false
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
