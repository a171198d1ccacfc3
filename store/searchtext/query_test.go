package searchtext

import (
	"strings"
	"testing"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"go", `"go"`},
		{"go lang", `"go" "lang"`},
		{`foo"bar AND (`, `"foo" "bar" "AND"`},
		{`"unclosed phrase`, `"unclosed" "phrase"`},
		{`say "hello world" now`, `"say" "hello world" "now"`},
		{`"hello world"*`, `"hello world"*`},
		{"pre*", `"pre"*`},
		{"a OR b", `"a" OR "b"`},
		{"OR a OR OR b OR", `"a" OR "b"`},
		{"( ) * - !", ""},
		{`it"s`, `"it" "s"`},
		{`x""y`, `"x" "y"`},
	}
	for _, tt := range tests {
		if got := FTSQuery(tt.in); got != tt.want {
			t.Errorf("FTSQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// FuzzFTSQuery: whatever is typed, the query is quoted terms, each
// perhaps a prefix, with OR only between two of them.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"", "go lang", `say "hello world"* now`, "OR a OR OR b OR", `x""y`, `"unclosed`, "( ) * - !"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got := FTSQuery(q)
		rest, prev := got, "OR"
		for rest != "" {
			if strings.HasPrefix(rest, "OR") {
				if prev == "OR" {
					t.Fatalf("FTSQuery(%q) = %s: OR not between two terms", q, got)
				}
				prev, rest = "OR", strings.TrimPrefix(rest[2:], " ")
				continue
			}
			end := quotedEnd(rest)
			if end < 0 {
				t.Fatalf("FTSQuery(%q) = %s: a term is not a quoted string", q, got)
			}
			rest = strings.TrimPrefix(rest[end:], "*")
			if rest != "" && !strings.HasPrefix(rest, " ") {
				t.Fatalf("FTSQuery(%q) = %s: terms not separated by a space", q, got)
			}
			prev, rest = "term", strings.TrimPrefix(rest, " ")
		}
		if got != "" && prev == "OR" {
			t.Fatalf("FTSQuery(%q) = %s ends in OR", q, got)
		}
	})
}

// quotedEnd is the end of the FTS5 string that s starts with (quotes in
// it doubled), -1 when s does not start with one.
func quotedEnd(s string) int {
	if !strings.HasPrefix(s, `"`) {
		return -1
	}
	for i := 1; i < len(s); i++ {
		if s[i] != '"' {
			continue
		}
		if i+1 < len(s) && s[i+1] == '"' {
			i++
			continue
		}
		return i + 1
	}
	return -1
}
