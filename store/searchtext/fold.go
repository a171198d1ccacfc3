package searchtext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The `/` filter matches titles without regard to case or accents:
// "ecole" finds "École" and "ÉCOLE" finds "école". SQLite's LIKE folds
// ASCII letters only, so the store keeps each title folded (its
// title_folds table) and folds the filter's text the same way, with Fold.

// Fold is s in lower case without diacritics, compatibility forms
// decomposed ("ﬁ" is "fi"), and the letters that carry no separable mark
// spelled in plain letters ("ß" is "ss", "ø" is "o").
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if plain, ok := plainLetters[r]; ok {
			b.WriteString(plain)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plainLetters spells the lower-case letters that NFKD leaves whole.
var plainLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "n",
}
