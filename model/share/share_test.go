package share

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

func shareTestArticle() model.Article {
	return model.Article{
		Title:    "Putin [warns] South Korea",
		URL:      "https://news.example/world/putin.html?utm_source=rss&id=42&fbclid=x#top",
		Site:     "Newsroom",
		Markdown: "Putin warned on Friday.\n\n“We reserve our right to supply weapons to other regions of the world,” he added.\n",
	}
}

func shareByName(t *testing.T, links []ShareLink) map[string]ShareLink {
	t.Helper()
	m := map[string]ShareLink{}
	for _, l := range links {
		m[l.Name] = l
	}
	return m
}

func TestShareLinksArticle(t *testing.T) {
	cfg := model.ShareConfig{Mastodon: "mastodon.social", Targets: map[string]string{
		"kagi": "https://kagi.com/summarizer?url={url}&t={title}",
	}}
	links, err := ShareLinks(shareTestArticle(), nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	const link = "https://news.example/world/putin.html?id=42#top"
	const enc = "https%3A%2F%2Fnews.example%2Fworld%2Fputin.html%3Fid%3D42%23top"
	const title = "Putin%20%5Bwarns%5D%20South%20Korea"
	want := []struct {
		name   string
		action ShareAction
		value  string
	}{
		{"link", ShareCopy, link},
		{"markdown", ShareCopy, `[Putin \[warns\] South Korea](` + link + `)`},
		{"open", ShareOpen, link},
		{"email", ShareMail, "mailto:?subject=" + title + "&body=" + title + "%0D%0A%0D%0A" + enc},
		{"bluesky", ShareOpen, "https://bsky.app/intent/compose?text=" + title + "%20" + enc},
		{"mastodon", ShareOpen, "https://mastodon.social/share?text=" + title + "%20" + enc},
		{"x", ShareOpen, "https://x.com/intent/tweet?text=" + title + "&url=" + enc},
		{"reddit", ShareOpen, "https://www.reddit.com/submit?url=" + enc + "&title=" + title},
		{"hackernews", ShareOpen, "https://news.ycombinator.com/submitlink?u=" + enc + "&t=" + title},
		{"linkedin", ShareOpen, "https://www.linkedin.com/sharing/share-offsite/?url=" + enc},
		{"facebook", ShareOpen, "https://www.facebook.com/sharer/sharer.php?u=" + enc},
		{"telegram", ShareOpen, "https://t.me/share/url?url=" + enc + "&text=" + title},
		{"whatsapp", ShareOpen, "https://wa.me/?text=" + title + "%20" + enc},
		{"kagi", ShareOpen, "https://kagi.com/summarizer?url=" + enc + "&t=" + title},
	}
	if len(links) != len(want) {
		t.Errorf("%d links, want %d", len(links), len(want))
	}
	for i, w := range want {
		if i >= len(links) {
			break
		}
		l := links[i]
		if l.Name != w.name || l.Action != w.action || l.Value != w.value || l.Err != nil {
			t.Errorf("link %d:\n got %s %v %q %v\nwant %s %v %q", i, l.Name, l.Action, l.Value, l.Err, w.name, w.action, w.value)
		}
		if l.Action == ShareOpen && !strings.HasPrefix(l.Value, "https://") {
			t.Errorf("%s: not an https link: %q", l.Name, l.Value)
		}
	}
	if strings.Contains(links[3].Value, "+") {
		t.Errorf("email encodes spaces as +: %s", links[3].Value)
	}
}

func TestShareLinksQuote(t *testing.T) {
	a := shareTestArticle()
	q := quote.FindQuotes(a.Markdown)[0]
	q.Speaker = "Vladimir Putin"
	links, err := ShareLinks(a, &q, model.ShareConfig{Targets: map[string]string{"q": "https://q.example/?q={quote}&x={text}&u={url}"}})
	if err != nil {
		t.Fatal(err)
	}
	by := shareByName(t, links)
	const link = "https://news.example/world/putin.html?id=42#top"
	line := "“We reserve our right to supply weapons to other regions of the world.” — Vladimir Putin, Newsroom"
	if got := by["quote"].Value; got != line+" <"+link+">" {
		t.Errorf("quote: %q", got)
	}
	deep := by["deeplink"].Value
	if !strings.HasPrefix(deep, link+":~:text=We%20reserve%20our") {
		t.Errorf("deeplink: %q", deep)
	}
	a0, b0 := fragPassage(t, a.Markdown, "We reserve our right to supply weapons to other regions of the world", 1)
	fragCheck(t, deep, a.Markdown, a0, b0)
	// Posts carry the quote line and the deep link; submissions the clean link.
	checks := map[string]map[string]string{
		"x":          {"text": line, "url": deep},
		"telegram":   {"text": line, "url": deep},
		"bluesky":    {"text": line + " " + deep},
		"whatsapp":   {"text": line + " " + deep},
		"reddit":     {"url": link, "title": a.Title},
		"hackernews": {"u": link, "t": a.Title},
		"q":          {"q": "We reserve our right to supply weapons to other regions of the world.", "x": line, "u": deep},
	}
	for name, params := range checks {
		u, err := url.Parse(by[name].Value)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for k, want := range params {
			if got := u.Query().Get(k); got != want {
				t.Errorf("%s %s=%q, want %q", name, k, got, want)
			}
		}
	}
	if m := by["mastodon"]; m.Value != "" || !errors.Is(m.Err, ErrNoMastodonInstance) {
		t.Errorf("mastodon without a server: %q, %v", m.Value, m.Err)
	}
	body, _ := url.PathUnescape(strings.SplitN(by["email"].Value, "&body=", 2)[1])
	if body != line+"\r\n\r\n"+deep {
		t.Errorf("email body %q", body)
	}
}

func TestShareQuoteLine(t *testing.T) {
	tests := []struct{ text, speaker, site, want string }{
		{"We act now,", "Ana Ruiz", "City News", "“We act now.” — Ana Ruiz, City News"},
		{"We act now", "", "City News", "“We act now” — City News"},
		{"We act now;", "Ana Ruiz", "", "“We act now.” — Ana Ruiz"},
		{"Why now?,", "", "", "“Why now?”"},
		{"Done.", "", "", "“Done.”"},
		{"First.\n\nSecond,", "X", "", "“First. Second.” — X"},
		{"bad\x1b[31m\u202e text,", "Eve\x07", "Site\x1b]0;pwned\x07", "“bad text.” — Eve, Site"},
	}
	for _, tt := range tests {
		if got := ShareQuoteLine(tt.text, tt.speaker, tt.site); got != tt.want {
			t.Errorf("ShareQuoteLine(%q, %q, %q) = %q, want %q", tt.text, tt.speaker, tt.site, got, tt.want)
		}
	}
}

func TestShareLinksHostile(t *testing.T) {
	a := model.Article{
		Title:     "Evil\x1b[2J\x1b]52;c;cHduZWQ=\x07 title\u202e [x](javascript:alert(1))",
		URL:       "https://news.example/a?q=(1)",
		FeedTitle: "Feed\x1b[31m",
		Markdown:  "He said “it is \x1b[31mfine\u202e, really” today.\n",
	}
	q := quote.FindQuotes(a.Markdown)[0]
	q.Speaker = "Mallory\x1b[0m"
	links, err := ShareLinks(a, &q, model.ShareConfig{Mastodon: "mastodon.social"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if l.Err != nil {
			t.Errorf("%s: %v", l.Name, l.Err)
		}
		if model.Sanitize(l.Value) != l.Value || strings.ContainsAny(l.Value, "\x1b\x07\n") {
			t.Errorf("%s carries control characters: %q", l.Name, l.Value)
		}
	}
	by := shareByName(t, links)
	if got := by["markdown"].Value; got != `[Evil title \[x\](javascript:alert(1))](https://news.example/a?q=%281%29)` {
		t.Errorf("markdown: %q", got)
	}
	if got := by["quote"].Value; got != "“it is fine, really” — Mallory, Feed <https://news.example/a?q=(1)>" {
		t.Errorf("quote: %q", got)
	}
	for _, bad := range []string{"javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", ""} {
		a.URL = bad
		if _, err := ShareLinks(a, nil, model.ShareConfig{}); !errors.Is(err, ErrUnsafeURL) {
			t.Errorf("ShareLinks with URL %q: %v", bad, err)
		}
	}
}

func TestShareCustomTargets(t *testing.T) {
	cfg := model.ShareConfig{Targets: map[string]string{
		"evil":    "javascript:alert('{url}')",
		"inject":  "{url}",
		"host":    "https://{title}/x",
		"x":       "https://x.example/?u={url}",
		"Archive": "https://web.archive.org/save/{url}",
	}}
	links, err := ShareLinks(shareTestArticle(), nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var custom []string
	for _, l := range links {
		if l.Custom {
			custom = append(custom, l.Name)
		}
	}
	if strings.Join(custom, " ") != "Archive evil host inject x" {
		t.Errorf("custom targets in order: %v", custom)
	}
	for _, l := range links {
		switch {
		case !l.Custom:
		case l.Name == "Archive":
			if l.Err != nil || l.Value != "https://web.archive.org/save/https%3A%2F%2Fnews.example%2Fworld%2Fputin.html%3Fid%3D42%23top" {
				t.Errorf("Archive: %q, %v", l.Value, l.Err)
			}
		case l.Name == "x":
			if l.Err == nil || l.Value != "" {
				t.Errorf("a custom target named like a built-in: %q, %v", l.Value, l.Err)
			}
		default:
			if !errors.Is(l.Err, ErrUnsafeURL) || l.Value != "" {
				t.Errorf("%s: %q, %v; want ErrUnsafeURL", l.Name, l.Value, l.Err)
			}
		}
	}
	if l, err := ShareLinkFor("x", shareTestArticle(), nil, cfg); err != nil || !strings.HasPrefix(l.Value, "https://x.com/intent/tweet?") {
		t.Errorf("--target x: %q, %v", l.Value, err)
	}
	if l, err := ShareLinkFor("archive", shareTestArticle(), nil, cfg); err != nil || l.Name != "Archive" {
		t.Errorf("--target archive: %q, %v", l.Name, err)
	}
}

func TestShareLinkFor(t *testing.T) {
	a := shareTestArticle()
	q := quote.FindQuotes(a.Markdown)[0]
	tests := []struct {
		name    string
		quote   *model.Quote
		cfg     model.ShareConfig
		want    string // the link's target name
		wantErr error
	}{
		{"link", nil, model.ShareConfig{}, "link", nil},
		{" HN ", nil, model.ShareConfig{}, "hackernews", nil},
		{"twitter", nil, model.ShareConfig{}, "x", nil},
		{"deeplink", &q, model.ShareConfig{}, "deeplink", nil},
		{"deep", nil, model.ShareConfig{}, "deeplink", ErrShareNeedsQuote},
		{"quote", nil, model.ShareConfig{}, "quote", ErrShareNeedsQuote},
		{"mastodon", nil, model.ShareConfig{}, "mastodon", ErrNoMastodonInstance},
		{"mastodon", nil, model.ShareConfig{Mastodon: "https://hachyderm.io/"}, "mastodon", nil},
		{"myspace", nil, model.ShareConfig{}, "", ErrUnknownShareTarget},
	}
	for _, tt := range tests {
		l, err := ShareLinkFor(tt.name, a, tt.quote, tt.cfg)
		if l.Name != tt.want || !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
			t.Errorf("ShareLinkFor(%q) = %s %q, %v; want %s, %v", tt.name, l.Name, l.Value, err, tt.want, tt.wantErr)
		}
	}
	_, err := ShareLinkFor("myspace", a, nil, model.ShareConfig{})
	if !strings.Contains(err.Error(), "bluesky") {
		t.Errorf("unknown target error does not list the targets: %v", err)
	}
}

func TestShareTargets(t *testing.T) {
	got := ShareTargets(model.ShareConfig{Targets: map[string]string{"b": "https://b", "a": "https://a"}})
	var names []string
	for _, t := range got {
		names = append(names, t.Name)
	}
	want := "link markdown quote deeplink open email bluesky mastodon x reddit hackernews linkedin facebook telegram whatsapp a b"
	if strings.Join(names, " ") != want {
		t.Errorf("targets: %s", strings.Join(names, " "))
	}
}

func TestShareTrimLongQuote(t *testing.T) {
	a := shareTestArticle()
	long := strings.Repeat("word ", 120) + "end"
	a.Markdown = "He said “" + long + "” today.\n"
	q := quote.FindQuotes(a.Markdown)[0]
	l, err := ShareLinkFor("x", a, &q, model.ShareConfig{})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(l.Value)
	text := u.Query().Get("text")
	if n := len([]rune(text)); n > 256 || !strings.HasSuffix(text, "…") {
		t.Errorf("X text is %d characters: %q", n, text)
	}
	if deep := u.Query().Get("url"); !strings.Contains(deep, ":~:text=") {
		t.Errorf("X url is not the deep link: %q", deep)
	}
}
