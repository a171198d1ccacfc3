package termout

import (
	"bytes"
	"strings"
	"testing"
)

func TestCleanWriterHoldsBackACutRune(t *testing.T) {
	var out bytes.Buffer
	w := NewClean(&out)
	text := []byte("é\u009b31m and \x1b[2J “quoted” ü")
	for i := range text { // one byte a Write: every sequence is cut
		if n, err := w.Write(text[i : i+1]); n != 1 || err != nil {
			t.Fatalf("write %d: %d %v", i, n, err)
		}
	}
	// A sequence cut by a Write loses its introducer, so what is left of
	// it is plain text; every multi-byte letter arrives whole.
	if got := out.String(); strings.ContainsAny(got, "\x1b\u009b") || !strings.HasPrefix(got, "é") || !strings.HasSuffix(got, "“quoted” ü") {
		t.Fatalf("got %q", got)
	}
}

func TestWriteJSONSanitisesEveryString(t *testing.T) {
	type inner struct{ Text string }
	type obj struct {
		Title  string
		Author *string
		Items  []inner
		Any    any
	}
	author := "A\x1b]0;pwned\x07 B"
	v := obj{Title: "T\x1b[2J", Author: &author, Items: []inner{{"\u202eevil"}}, Any: inner{"x\x9by"}}
	var out bytes.Buffer
	if err := JSON(&out, v); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); strings.ContainsAny(s, "\x1b\u009b\u202e") || strings.Contains(s, `\u001b`) || strings.Contains(s, "pwned") {
		t.Fatalf("JSON still carries controls: %s", s)
	}
	if author != "A\x1b]0;pwned\x07 B" || v.Items[0].Text != "\u202eevil" {
		t.Fatal("writeJSON changed the caller's value")
	}
}
