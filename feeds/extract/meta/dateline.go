package meta

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ParseDateline reads a dateline as pages print it: "8:37 am – Friday,
// June 21, 2024", "June 21, 2024 at 8:37 p.m. ET", "Published 21 June
// 2024, 14:05", "2024-06-21". Every word of s must belong to the date, so
// a sentence that merely contains one is not a dateline.
//
// The clock is kept as printed. A dateline rarely names its zone, and a
// zone abbreviation such as "ET" is ambiguous, so the result is the local
// time as given, carried in time.UTC: read its fields, don't convert it.
func ParseDateline(s string) (time.Time, bool) {
	toks, ok := datelineTokens(strings.ToLower(strings.TrimSpace(s)))
	if !ok || len(toks) == 0 || len(toks) > 14 {
		return time.Time{}, false
	}
	var d dateParts
	for i := 0; i < len(toks); i++ {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		used, ok := d.take(toks[i], next)
		if !ok {
			return time.Time{}, false
		}
		i += used - 1
	}
	return d.time()
}

// dateParts collects the fields of a dateline; zero means not seen.
type dateParts struct {
	year, month, day     int
	hour, minute, second int
	clock                bool
}

// take consumes tok (and next, when it belongs to tok) and reports how
// many tokens it used.
func (d *dateParts) take(tok, next string) (int, bool) {
	switch {
	case datelineFiller[tok]:
		return 1, true
	case zoneWords[tok]:
		return 1, d.clock
	case weekday(tok):
		return 1, true
	case monthNumber(tok) > 0:
		if d.month != 0 {
			return 0, false
		}
		d.month = monthNumber(tok)
		return 1, true
	case strings.ContainsRune(tok, ':'):
		return d.takeClock(tok, next)
	case strings.Count(tok, "-") == 2 || strings.Count(tok, "/") == 2:
		return 1, d.takeNumericDate(tok)
	}
	n, err := strconv.Atoi(strings.TrimRight(tok, "stndrh"))
	if err != nil {
		return 0, false
	}
	switch {
	case next == "am" || next == "pm":
		return d.takeClock(tok+":00", next)
	case len(tok) == 4 && n >= 1900 && n <= 2200 && d.year == 0:
		d.year = n
	case n >= 1 && n <= 31 && d.day == 0 && len(tok) <= 4:
		d.day = n
	default:
		return 0, false
	}
	return 1, true
}

// takeClock reads "8:37" or "20:37:05", with "am"/"pm" in next.
func (d *dateParts) takeClock(tok, next string) (int, bool) {
	if d.clock {
		return 0, false
	}
	parts := strings.Split(tok, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return 0, false
		}
		v[i] = n
	}
	if v[0] > 23 || v[1] > 59 || v[2] > 59 {
		return 0, false
	}
	d.hour, d.minute, d.second, d.clock = v[0], v[1], v[2], true
	if next != "am" && next != "pm" {
		return 1, true
	}
	if d.hour < 1 || d.hour > 12 {
		return 0, false
	}
	if next == "pm" && d.hour != 12 {
		d.hour += 12
	}
	if next == "am" && d.hour == 12 {
		d.hour = 0
	}
	return 2, true
}

// takeNumericDate reads 2024-06-21, and 21/06/2024 or 6/21/2024 when the
// order is clear (one of the two numbers is above 12).
func (d *dateParts) takeNumericDate(tok string) bool {
	if d.year != 0 || d.month != 0 || d.day != 0 {
		return false
	}
	sep := "-"
	if strings.Contains(tok, "/") {
		sep = "/"
	}
	var v [3]int
	for i, p := range strings.Split(tok, sep) {
		n, err := strconv.Atoi(p)
		if err != nil {
			return false
		}
		v[i] = n
	}
	switch {
	case v[0] >= 1900:
		d.year, d.month, d.day = v[0], v[1], v[2]
	case v[2] < 1900:
		return false
	case v[0] > 12 && v[1] <= 12:
		d.day, d.month, d.year = v[0], v[1], v[2]
	case v[1] > 12 && v[0] <= 12:
		d.month, d.day, d.year = v[0], v[1], v[2]
	default:
		return false
	}
	return true
}

func (d dateParts) time() (time.Time, bool) {
	if d.year == 0 || d.month < 1 || d.month > 12 || d.day == 0 {
		return time.Time{}, false
	}
	t := time.Date(d.year, time.Month(d.month), d.day, d.hour, d.minute, d.second, 0, time.UTC)
	if t.Day() != d.day { // 31 June
		return time.Time{}, false
	}
	return t, true
}

// datelineTokens splits s into words and numbers, dropping the punctuation
// datelines use between them; any other character fails.
func datelineTokens(s string) ([]string, bool) {
	var toks []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || rs[j] == '.' && j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
				j++
			}
			w := strings.ReplaceAll(string(rs[i:j]), ".", "")
			if j < len(rs) && rs[j] == '.' {
				j++
			}
			toks = append(toks, w)
			i = j
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || strings.ContainsRune(":-/", rs[j]) && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
				j++
			}
			for j < len(rs) && unicode.IsLetter(rs[j]) && isOrdinalSuffix(string(rs[i:j+1])) {
				j++
			}
			toks = append(toks, string(rs[i:j]))
			i = j
		case unicode.IsSpace(r) || strings.ContainsRune(",|–—-·•/():", r):
			i++
		default:
			return nil, false
		}
	}
	return toks, true
}

// isOrdinalSuffix reports whether tok so far is a number followed by the
// start of st/nd/rd/th.
func isOrdinalSuffix(tok string) bool {
	i := strings.IndexFunc(tok, unicode.IsLetter)
	suffix := tok[i:]
	for _, s := range []string{"st", "nd", "rd", "th"} {
		if strings.HasPrefix(s, suffix) {
			return true
		}
	}
	return false
}

var datelineFiller = map[string]bool{
	"published": true, "updated": true, "posted": true, "on": true, "at": true,
	"last": true, "first": true, "date": true, "modified": true, "of": true,
	"the": true,
}

var zoneWords = map[string]bool{
	"utc": true, "gmt": true, "z": true, "et": true, "est": true, "edt": true,
	"ct": true, "cst": true, "cdt": true, "mt": true, "mst": true, "mdt": true,
	"pt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true,
	"eet": true, "eest": true, "ist": true, "jst": true, "kst": true, "aest": true,
	"aedt": true, "hkt": true, "sgt": true, "wib": true,
}

func weekday(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if w == name || w == name[:3] {
			return true
		}
	}
	switch w {
	case "tues", "thur", "thurs", "weds":
		return true
	}
	return false
}

func monthNumber(w string) int {
	if w == "sept" {
		return 9
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if w == name || len(w) == 3 && w == name[:3] {
			return int(m)
		}
	}
	return 0
}
