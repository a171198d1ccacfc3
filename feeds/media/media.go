// Package media reads what feeds and servers say about files: a playing
// time, a media type, the part of a file a response holds, and the name a
// file is saved under. Strings in, values out; no IO.
package media

import (
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// MaxDuration bounds a playing time a feed states; a longer one is
// taken for nonsense and dropped.
const MaxDuration = 1000 * time.Hour

// Type is t as a lower-case "type/subtype" with its parameters cut,
// or "" when it is not one.
func Type(t string) string {
	t, _, _ = strings.Cut(t, ";")
	t = strings.ToLower(strings.TrimSpace(t))
	main, sub, ok := strings.Cut(t, "/")
	if !ok || len(t) > 100 || !typeToken(main) || !typeToken(sub) {
		return ""
	}
	return t
}

// typeToken reports a non-empty token of the characters a media type's
// parts may hold (RFC 6838).
func typeToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&^_.+-", c) >= 0) {
			return false
		}
	}
	return true
}

// Duration reads a playing time as feeds write it: seconds ("2052"),
// minutes and seconds ("34:12") or hours, minutes and seconds
// ("1:02:03"), a fraction of a second allowed and ignored. Anything
// else, or over 1000 hours, is 0.
func Duration(s string) time.Duration {
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) > 3 {
		return 0
	}
	last := len(parts) - 1
	parts[last], _, _ = strings.Cut(parts[last], ".")
	var secs int64
	for i, p := range parts {
		if p == "" || len(p) > 9 || strings.Trim(p, "0123456789") != "" {
			return 0
		}
		n, _ := strconv.ParseInt(p, 10, 64)
		if i > 0 && n >= 60 {
			return 0 // "1:75" is no time
		}
		secs = secs*60 + n
	}
	if d := time.Duration(secs) * time.Second; d <= MaxDuration {
		return d
	}
	return 0
}

// ContentRange reads an HTTP Content-Range: "bytes FIRST-LAST/SIZE" or "bytes */SIZE"; size is
// -1 when "*".
func ContentRange(h string) (first, size int64, ok bool) {
	spec, found := strings.CutPrefix(strings.TrimSpace(h), "bytes ")
	if !found {
		return 0, 0, false
	}
	span, total, found := strings.Cut(spec, "/")
	if !found {
		return 0, 0, false
	}
	size = -1
	if total != "*" {
		if size, _ = strconv.ParseInt(total, 10, 64); size <= 0 {
			return 0, 0, false
		}
	}
	if span == "*" {
		return 0, size, true
	}
	from, _, found := strings.Cut(span, "-")
	first, err := strconv.ParseInt(from, 10, 64)
	return first, size, found && err == nil && first >= 0
}

// maxNameBytes bounds a downloaded file's name.
const maxNameBytes = 200

// FileName is the name a file at u is saved under: the last part of
// its path, decoded and made safe (no folders, no leading dot, no control
// or separator characters, at most 200 bytes, its extension kept), else
// "download".
func FileName(u *url.URL) string {
	name := path.Base(u.Path)
	if name == "/" || name == "." {
		name = ""
	}
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r == 0 || r == utf8.RuneError {
			return '_'
		}
		return r
	}, model.SanitizeLine(name))
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	if len(name) > maxNameBytes {
		ext := path.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		cut := maxNameBytes - len(ext)
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut] + ext
	}
	if name == "" {
		return "download"
	}
	return name
}
