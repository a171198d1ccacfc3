package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Hello, world", "Hello, world"},
		{"unicode kept", "café “quoted” — 東京 🙂", "café “quoted” — 東京 🙂"},
		{"newline and tab kept", "a\n\tb", "a\n\tb"},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"C0 and DEL", "a\x00b\x07c\x7fd\x08e", "abcde"},
		{"CSI clear screen", "before\x1b[2J\x1b[Hafter", "beforeafter"},
		{"SGR colour", "\x1b[31mred\x1b[0m", "red"},
		{"OSC 52 clipboard, BEL", "x\x1b]52;c;ZXZpbA==\x07y", "xy"},
		{"OSC 0 title, ST", "x\x1b]0;pwned\x1b\\y", "xy"},
		{"OSC 8 link", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"unterminated OSC ends at newline", "a\x1b]52;c;xxx\nb", "a\nb"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"charset designation", "a\x1b(Bb", "ab"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"C1 CSI", "a\u009b2Jb", "ab"},
		{"C1 OSC", "a\u009d52;c;eA==\u009cb", "ab"},
		{"C1 other", "a\u0085b", "ab"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolates and marks", "\u2066x\u2069\u200ey\u200f\u061c", "xy"},
		{"invalid UTF-8 repaired", "a\xffb", "a\ufffdb"},
		{"zero width joiner kept", "👩\u200d💻", "👩\u200d💻"},
		{"ESC as decimal reference", "a&#27;[2Jb", "a[2Jb"},
		{"ESC as hex reference, no semicolon", "a&#x1B]0;t&#7;b", "a]0;tb"},
		{"ESC with leading zeros", "a&#0000027;b", "ab"},
		{"C1 CSI as reference", "a&#155;31mb&#x9b;", "a31mb"},
		{"bidi as references", "&#8238;x&#x2066;&lrm;y&rlm;", "xy"},
		{"wrapping number", "a&#4294967323;b&#x10000001b;c", "abc"},
		{"ordinary references kept", "&amp; &#8217; &#10; &#x20; &lt; &#13;", "&amp; &#8217; &#10; &#x20; &lt; &#13;"},
		{"double escaped kept", "&amp;#27;", "&amp;#27;"},
		{"removal cannot join", "&lr&#27;m;", "&lr\ufffdm;"},
		{"a reference without semicolon", "&#2&#27;7;", "7;"},
		{"what removing ESC joins is removed too", "&#2\x1b[m7;", ""},
	}
	for _, c := range cases {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("%s: Sanitize(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestSanitizeLine(t *testing.T) {
	if got := SanitizeLine("  Breaking:\n\tnews \x1b[5m now  "); got != "Breaking: news now" {
		t.Errorf("got %q", got)
	}
}

// isSafe is the property every sanitised string must have.
func isSafe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if (isControl(r) && r != '\n' && r != '\t') || isBidiControl(r) {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if badRefLen(s[i:]) > 0 {
			return false
		}
	}
	return true
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]52;c;x\x07", "\u202e", "a\xffb", "\u009b31m", "\x1b[", "\r\n",
		"&#27;[2J", "&#x1b;]52;c;eA==&#7;", "&#2&#27;7;", "&#4294967323;", "&amp;#155;", "&lrm;&#x202E;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !isSafe(out) {
			t.Fatalf("Sanitize(%q) = %q still holds controls", s, out)
		}
		if Sanitize(out) != out {
			t.Fatalf("Sanitize is not idempotent on %q", s)
		}
		if line := SanitizeLine(s); !isSafe(line) || strings.ContainsAny(line, "\n\t") {
			t.Fatalf("SanitizeLine(%q) = %q", s, line)
		}
	})
}

func BenchmarkSanitizeClean(b *testing.B) {
	s := strings.Repeat("<p>Caf\u00e9 society \u201cquoted\u201d \u2014 a long paragraph of ordinary text.</p>\n", 500)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sanitize(s)
	}
}
