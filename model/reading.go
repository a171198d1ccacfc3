package model

import (
	"strings"
	"unicode"
)

// WordsPerMinute is the reading speed behind ReadingMinutes.
const WordsPerMinute = 230

// ReadingMinutes is how long text takes to read at WordsPerMinute,
// rounded, and at least one minute.
func ReadingMinutes(text string) int {
	n := (WordCount(text) + WordsPerMinute/2) / WordsPerMinute
	return max(n, 1)
}

// WordCount counts the words of text: runs of characters between spaces
// that hold at least one letter or digit (markdown marks are not words).
func WordCount(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}
