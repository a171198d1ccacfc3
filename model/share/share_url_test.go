package share

import (
	"errors"
	"strings"
	"testing"
)

func TestCleanURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"nothing to remove", "https://news.example/a?id=7&page=2#top", "https://news.example/a?id=7&page=2#top"},
		{"utm only", "https://news.example/a?utm_source=rss&utm_medium=rss&utm_campaign=x", "https://news.example/a"},
		{"order kept", "https://n.example/a?b=2&utm_source=x&a=1&fbclid=abc&c=3", "https://n.example/a?b=2&a=1&c=3"},
		{"fragment kept", "https://n.example/a?utm_term=x&id=1#section-2", "https://n.example/a?id=1#section-2"},
		{"fragment kept, all removed", "https://n.example/a?gclid=1#frag", "https://n.example/a#frag"},
		{"encoding kept", "https://n.example/s?q=caf%C3%A9+au%20lait&utm_source=x&tag=a%2Cb", "https://n.example/s?q=caf%C3%A9+au%20lait&tag=a%2Cb"},
		{"case-insensitive names", "https://n.example/a?UTM_Source=x&FbClid=y&Keep=Z", "https://n.example/a?Keep=Z"},
		{"encoded name", "https://n.example/a?utm%5Fsource=x&id=1", "https://n.example/a?id=1"},
		{"any utm_ suffix", "https://n.example/a?utm_id=1&utm_whatever=2&x=3", "https://n.example/a?x=3"},
		{"well-known trackers", "https://n.example/a?mc_cid=1&mc_eid=2&msclkid=3&igshid=4&_hsenc=5&_hsmi=6&dclid=7&yclid=8&twclid=9&ttclid=10&li_fat_id=11&mkt_tok=12&_ga=13&_gl=14&ref_src=twsrc&s_cid=15&id=ok",
			"https://n.example/a?id=ok"},
		{"content params kept", "https://n.example/a?ref=home&source=rss&utm=1&s=shoes&id=3", "https://n.example/a?ref=home&source=rss&utm=1&s=shoes&id=3"},
		{"tracking-like value kept", "https://n.example/a?q=utm_source", "https://n.example/a?q=utm_source"},
		{"empty query kept", "https://n.example/a?", "https://n.example/a?"},
		{"param without value", "https://n.example/a?amp&fbclid&x", "https://n.example/a?amp&x"},
		{"utm in fragment untouched", "https://n.example/a#utm_source=x", "https://n.example/a#utm_source=x"},
		{"http and spaces", "  http://n.example/a b?utm_source=1  ", "http://n.example/a%20b"},
		{"upper-case scheme", "HTTPS://N.example/a?fbclid=1", "HTTPS://N.example/a"},
		{"non-ASCII path", "https://n.example/café?utm_source=1&x=é", "https://n.example/café?x=é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CleanURL(tt.in)
			if err != nil {
				t.Fatalf("CleanURL(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("CleanURL(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanURLRefuses(t *testing.T) {
	for _, in := range []string{
		"javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
		"file:///etc/passwd", "data:text/html,<script>alert(1)</script>", "mailto:a@example.com",
		"ftp://example.com/x", "vbscript:msgbox", "//example.com/x", "example.com/x", "/local/path",
		"", "   ", "http://", "https:///path", "http:example.com", "https://exa\x1b[31mmple.com/",
		"https://example.com/\u202egnp.exe", "https://example.com/a\nb", "https://example.com/\x00",
	} {
		got, err := CleanURL(in)
		if err == nil || !errors.Is(err, ErrUnsafeURL) {
			t.Errorf("CleanURL(%q) = %q, %v; want ErrUnsafeURL", in, got, err)
			continue
		}
		if msg := err.Error(); strings.ContainsAny(msg, "\x1b\n\x00\u202e") {
			t.Errorf("CleanURL(%q): the message carries the control characters: %q", in, msg)
		}
	}
	_, err := CleanURL("javascript:alert(1)")
	if !strings.Contains(err.Error(), "only http and https") {
		t.Errorf("message does not say why: %v", err)
	}
}

func TestShareEscape(t *testing.T) {
	in := "a b+c&d=e/f?g#h%i-j,k~l.m_n“é”\r\n"
	want := "a%20b%2Bc%26d%3De%2Ff%3Fg%23h%25i-j%2Ck~l.m_n%E2%80%9C%C3%A9%E2%80%9D%0D%0A"
	if got := shareEscape(in); got != want {
		t.Errorf("shareEscape\n got %s\nwant %s", got, want)
	}
}

func TestShareFillTemplate(t *testing.T) {
	vars := map[string]string{"url": "https://n.example/a?x=1&y=2", "title": "A & B {url}", "text": "t", "quote": "“q”"}
	tests := []struct{ name, tmpl, want string }{
		{"all placeholders", "https://share.example/p?u={url}&t={title}&x={text}&q={quote}",
			"https://share.example/p?u=https%3A%2F%2Fn.example%2Fa%3Fx%3D1%26y%3D2&t=A%20%26%20B%20%7Burl%7D&x=t&q=%E2%80%9Cq%E2%80%9D"},
		{"placeholder in path", "https://share.example/{title}", "https://share.example/A%20%26%20B%20%7Burl%7D"},
		{"unknown braces kept", "https://share.example/?a={nope}&b={url", "https://share.example/?a={nope}&b={url"},
		{"case of placeholder", "http://share.example/?u={URL}", "http://share.example/?u=https%3A%2F%2Fn.example%2Fa%3Fx%3D1%26y%3D2"},
	}
	for _, tt := range tests {
		got, err := shareFillTemplate(tt.tmpl, vars)
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v\nwant %q", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []string{
		"javascript:alert('{url}')", "{url}", "file:///tmp/{title}", "data:text/html,{quote}",
		"//evil.example/{url}", "https://{url}", "mailto:{url}", "  ",
	} {
		if got, err := shareFillTemplate(bad, vars); !errors.Is(err, ErrUnsafeURL) {
			t.Errorf("template %q = %q, %v; want ErrUnsafeURL", bad, got, err)
		}
	}
}

func TestMastodonInstance(t *testing.T) {
	good := map[string]string{
		"mastodon.social": "mastodon.social", "https://Mastodon.Social/": "mastodon.social",
		"@me@hachyderm.io": "hachyderm.io", " fosstodon.org ": "fosstodon.org", "local.example:8443": "local.example:8443",
	}
	for in, want := range good {
		if got, err := MastodonInstance(in); err != nil || got != want {
			t.Errorf("MastodonInstance(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "  ", "localhost", "evil.example/path?x", "a b.example", "javascript:alert(1)", ".example", "-x.example"} {
		if got, err := MastodonInstance(in); !errors.Is(err, ErrNoMastodonInstance) {
			t.Errorf("MastodonInstance(%q) = %q, %v; want ErrNoMastodonInstance", in, got, err)
		}
	}
}

func TestCheckShareTemplate(t *testing.T) {
	if err := CheckShareTemplate("https://web.archive.org/save/{url}"); err != nil {
		t.Error(err)
	}
	if err := CheckShareTemplate("javascript:{url}"); !errors.Is(err, ErrUnsafeURL) {
		t.Errorf("javascript template: %v", err)
	}
}
