package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// DecodePage turns body into UTF-8. The Content-Type charset wins, then a
// byte-order mark or <meta charset>; a page that declares Latin-1 or
// Windows-1252 but is valid UTF-8 full of multi-byte letters is taken as
// the UTF-8 it is. An undeclared page is UTF-8 when it mostly reads as
// such, else Windows-1252, as browsers guess. Invalid bytes become U+FFFD.
func DecodePage(body []byte, declared string) ([]byte, string) {
	var enc encoding.Encoding
	var name string
	if declared != "" {
		enc, name = charset.Lookup(declared)
	}
	if enc == nil {
		var certain bool
		enc, name, certain = charset.DetermineEncoding(body, "")
		if !certain && name == "windows-1252" && looksUTF8(body) {
			enc, name = encoding.Nop, "utf-8"
		}
	}
	if (name == "windows-1252" || name == "iso-8859-1") && utf8.Valid(body) && hasMultiByte(body) {
		enc, name = encoding.Nop, "utf-8"
	}
	if enc == encoding.Nop || name == "utf-8" {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), name
}

// looksUTF8 reports text that is valid UTF-8, or that holds multi-byte
// sequences and at most a few broken bytes (a damaged UTF-8 page).
func looksUTF8(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	good, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good > 0 && bad*10 <= good
}

func hasMultiByte(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
