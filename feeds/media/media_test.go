package media

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestParseDuration(t *testing.T) {
	tests := map[string]time.Duration{
		"34:12":      34*time.Minute + 12*time.Second,
		"1:02:03":    time.Hour + 2*time.Minute + 3*time.Second,
		"2052":       2052 * time.Second,
		" 2052.75 ":  2052 * time.Second,
		"00:45":      45 * time.Second,
		"":           0,
		"1:75":       0,
		"1:2:3:4":    0,
		"-5":         0,
		"abc":        0,
		"12:ab":      0,
		"999999999":  0, // over 1000 hours
		"1000:00:00": 1000 * time.Hour,
		"1:":         0,
	}
	for in, want := range tests {
		if got := Duration(in); got != want {
			t.Errorf("Duration(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestMediaType(t *testing.T) {
	tests := map[string]string{
		"audio/mpeg":                   "audio/mpeg",
		" Audio/MPEG ; charset=x":      "audio/mpeg",
		"application/vnd.x+json":       "application/vnd.x+json",
		"audio":                        "",
		"audio/":                       "",
		"audio/mp3\x1b[31m":            "",
		"text/html<script>":            "",
		strings.Repeat("a", 99) + "/b": "",
	}
	for in, want := range tests {
		if got := Type(in); got != want {
			t.Errorf("Type(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFileName(t *testing.T) {
	long := strings.Repeat("é", 150) + ".mp3"
	tests := map[string]string{
		"https://x.example/show/ep%2012.mp3?token=1": "ep 12.mp3",
		"https://x.example/a/../../etc/passwd":       "passwd",
		"https://x.example/x/%2e%2e%2f%2e%2e%2fevil": "evil",
		"https://x.example/..%5c..%5cwin.ini":        "_.._win.ini",
		"https://x.example/.bashrc":                  "bashrc",
		"https://x.example/":                         "download",
		"https://x.example":                          "download",
		"https://x.example/..":                       "download",
		"https://x.example/ep%0a%1b[31m.mp3":         "ep .mp3",
		"https://x.example/c:evil.mp3":               "c_evil.mp3",
	}
	for in, want := range tests {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := FileName(u); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
	u, _ := url.Parse("https://x.example/" + url.PathEscape(long))
	if got := FileName(u); len(got) > maxNameBytes || !strings.HasSuffix(got, "é.mp3") {
		t.Errorf("a long name became %q (%d bytes)", got, len(got))
	}
}

func FuzzFileName(f *testing.F) {
	for _, s := range []string{"/ep.mp3", "/../../x", "/a%00b", "/.", "/x/.part"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		name := FileName(&url.URL{Path: p})
		if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\\\x00") ||
			strings.HasPrefix(name, ".") || len(name) > maxNameBytes {
			t.Fatalf("FileName(%q) = %q", p, name)
		}
		if model.Sanitize(name) != name {
			t.Fatalf("not sanitised: %q", name)
		}
	})
}

func TestContentRange(t *testing.T) {
	tests := map[string]struct {
		first, size int64
		ok          bool
	}{
		"bytes 100-199/200": {100, 200, true},
		"bytes 0-9/*":       {0, -1, true},
		"bytes */300":       {0, 300, true},
		"bytes 5-9":         {0, 0, false},
		"items 0-9/10":      {0, 0, false},
		"bytes x-9/10":      {0, 0, false},
		"bytes 0-9/0":       {0, 0, false},
		"":                  {0, 0, false},
	}
	for in, want := range tests {
		first, size, ok := ContentRange(in)
		if ok != want.ok || (ok && (first != want.first || size != want.size)) {
			t.Errorf("ContentRange(%q) = %d %d %v, want %+v", in, first, size, ok, want)
		}
	}
}
