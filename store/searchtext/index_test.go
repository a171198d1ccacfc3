package searchtext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"<p>a &amp; b</p>", " a & b "},
		{"<SCRIPT>x()</script>after", " after"},
		{"<style>p{}</STYLE >after", " after"},
		{"<script>never closed", " "},
		{"a < b", "a  "},
		{"<p>Café</p>", " Café "},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadOf(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three", 9, "one two"},
		{"one two three", 7, "one two"},
		{"abcdefghij", 5, "abcde"},
		{"ééééé", 5, "éé"}, // never half a character
	} {
		if got := headOf(tc.s, tc.n); got != tc.want {
			t.Errorf("headOf(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

// FuzzIndexText: the indexed text of any body is at most MaxIndexText
// bytes, valid UTF-8 when the body is, and text without markup is kept as
// it is.
func FuzzIndexText(f *testing.F) {
	for _, s := range []string{"plain", "<p>a &amp; b</p>", "<script>x()</SCRIPT >after", "a < b", "<style", strings.Repeat("word ", 3000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain := PlainText(s)
		if !strings.ContainsAny(s, "<&") && plain != s {
			t.Fatalf("PlainText(%q) = %q changed text without markup", s, plain)
		}
		got := IndexText(model.Article{Content: s})
		if len(got) > MaxIndexText {
			t.Fatalf("IndexText keeps %d bytes", len(got))
		}
		if utf8.ValidString(plain) && !utf8.ValidString(got) {
			t.Fatalf("IndexText cut a character: %q", got[max(0, len(got)-4):])
		}
		if !strings.HasPrefix(plain, got) {
			t.Fatalf("IndexText is not the head of the plain text")
		}
	})
}
