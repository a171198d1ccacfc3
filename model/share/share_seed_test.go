package share

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model/quote"
)

// TestShareSeed checks sharing on the real article kept outside the
// repository; it runs only when BYLINE_SEED names its directory (holding
// article.txt and feed.xml.tmpl).
func TestShareSeed(t *testing.T) {
	article := testarticle.SeedFile(t, "article.txt")
	md := string(article)
	quotes := quote.FindQuotes(md)
	if len(quotes) < 3 {
		t.Fatalf("%d quotes in the seed article", len(quotes))
	}
	q := quotes[2]
	link, err := DeepLink("http://127.0.0.1:8080/article.html?utm_source=rss&utm_medium=rss", md, q)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("quote 3: %q\ndeep link: %s", q.Text, link)
	prefix, start, end, suffix, err := ParseTextFragment(link)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("decoded: prefix %q start %q end %q suffix %q", prefix, start, end, suffix)
	words := strings.Join(strings.Fields(q.Text), " ")
	if !strings.HasPrefix(words, start) || end != "" && !strings.Contains(words[len(start):], end) {
		t.Errorf("the terms %q … %q are not words of quote 3 %q", start, end, words)
	}
	t2 := fragRender(md)
	a, b, _ := t2.span(q.Start, q.End)
	fragCheck(t, link, md, a, b)

	feed := testarticle.SeedFile(t, "feed.xml.tmpl")
	first := regexp.MustCompile(`<link>([^<]*)</link>`).FindAllStringSubmatch(string(feed), -1)
	if len(first) < 2 {
		t.Fatal("no item link in the seed feed")
	}
	itemURL := html.UnescapeString(strings.ReplaceAll(first[1][1], "{{BASE}}", "http://127.0.0.1:8080"))
	clean, err := CleanURL(itemURL)
	if err != nil || strings.Contains(clean, "utm_") || !strings.HasSuffix(clean, "/article.html") {
		t.Errorf("CleanURL(%q) = %q, %v", itemURL, clean, err)
	}
	t.Logf("first item: %s → %s", itemURL, clean)
}
