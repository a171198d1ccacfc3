package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"regexp"
	"strings"
	"testing"
)

const site = "http://127.0.0.2:8080"

func small() Config {
	c := Default()
	c.Feeds, c.Items, c.Formats = 6, 12, []string{"rss", "atom", "json"}
	c.ContentFrac = 0.5
	return c
}

// wellFormed decodes every token of an XML document.
func wellFormed(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%.300s", err, doc)
		}
	}
}

func TestDocumentsParse(t *testing.T) {
	c := small()
	for i := range c.Feeds {
		doc := c.Document(i, site)
		switch c.Format(i) {
		case "json":
			var f jsonFeedDoc
			if err := json.Unmarshal(doc, &f); err != nil {
				t.Fatalf("feed %d: %v", i, err)
			}
			if len(f.Items) != c.Items || f.Items[0].URL != site+ArticlePath(i, 0) {
				t.Errorf("feed %d: %d items, first %q", i, len(f.Items), f.Items[0].URL)
			}
		case "rss", "atom":
			wellFormed(t, doc)
			tag := map[string]string{"rss": "<item>", "atom": "<entry>"}[c.Format(i)]
			if n := bytes.Count(doc, []byte(tag)); n != c.Items {
				t.Errorf("feed %d: %d items, want %d", i, n, c.Items)
			}
		}
		if !bytes.Contains(doc, []byte(site+ArticlePath(i, 3))) {
			t.Errorf("feed %d does not link its item 3's page", i)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := small(), small()
	for i := range a.Feeds {
		if !bytes.Equal(a.Document(i, site), b.Document(i, site)) {
			t.Fatalf("feed %d differs between two makings", i)
		}
	}
	b.Seed = 2
	if bytes.Equal(a.Document(0, site), b.Document(0, site)) {
		t.Error("another seed made the same feed")
	}
}

func TestContentFraction(t *testing.T) {
	c := Default()
	c.Feeds = 1000
	n := 0
	for i := range c.Feeds {
		if c.HasContent(i) {
			n++
		}
	}
	if n < 150 || n > 250 {
		t.Errorf("%d of 1000 feeds carry content, want about 200", n)
	}
	c.ContentFrac = 0
	if c.HasContent(3) || strings.Contains(string(c.Document(3, site)), "content:encoded") {
		t.Error("content fraction 0 still carried content")
	}
}

var tags = regexp.MustCompile(`<[^>]*>`)

func TestPage(t *testing.T) {
	c := small()
	for _, j := range []int{0, 5, 11} {
		page := string(c.Page(2, j, site))
		start, end := strings.Index(page, "<article>"), strings.Index(page, "</article>")
		if start < 0 || end < start {
			t.Fatalf("page %d has no article", j)
		}
		text := html.UnescapeString(tags.ReplaceAllString(page[start:end], " "))
		n := len(strings.Fields(text))
		// The count includes the title, byline, share bar and the inline
		// advertisement: a little over the body's own words.
		if n < c.MinWords || n > c.MaxWords+200 {
			t.Errorf("page %d: %d words in the article, want %d..%d", j, n, c.MinWords, c.MaxWords)
		}
		for _, want := range []string{"“", "cookie-banner", "Advertisement", "Related stories", "Comments", "share-bar", "<nav"} {
			if !strings.Contains(page, want) {
				t.Errorf("page %d lacks %q", j, want)
			}
		}
	}
}

func TestPageMatchesContent(t *testing.T) {
	c := small()
	for i := range c.Feeds {
		if !c.HasContent(i) {
			continue
		}
		it := c.item(i, 4, site)
		first := it.content[:strings.Index(it.content, "</p>")]
		if !strings.Contains(string(c.Page(i, 4, site)), first) {
			t.Fatalf("feed %d: the page's article is not the feed's content", i)
		}
		return
	}
	t.Fatal("no feed carries content")
}

func TestValidate(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := Default()
	bad.Feeds, bad.Items, bad.Formats, bad.ContentFrac, bad.MinWords = 0, 5000, []string{"rdf"}, 2, 10
	err := bad.Validate()
	for _, want := range []string{"feeds 0", "items 5000", `format "rdf"`, "content fraction", "words"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not say %q", err, want)
		}
	}
	big := Default()
	big.Feeds, big.Items = MaxFeeds, MaxItems
	if big.Validate() == nil {
		t.Error("a corpus over the total limit was accepted")
	}
}

func TestLists(t *testing.T) {
	c := small()
	at := func(i int) string { return "http://127.0.0." + string(rune('1'+i%3)) + ":9" }
	var urls, opml bytes.Buffer
	if err := c.WriteURLs(&urls, at); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteOPML(&opml, at); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(urls.String()), "\n")
	if len(lines) != c.Feeds+1 || lines[2] != "http://127.0.0.2:9/feeds/1/atom.xml" {
		t.Errorf("urls file:\n%s", urls.String())
	}
	wellFormed(t, opml.Bytes())
	if n := strings.Count(opml.String(), "xmlUrl="); n != c.Feeds {
		t.Errorf("OPML has %d feeds, want %d", n, c.Feeds)
	}
}

// BenchmarkDocument makes one feed of 50 items whose items carry their
// whole article: the server makes 100 of these for README's corpus.
func BenchmarkDocument(b *testing.B) {
	c := Default()
	c.ContentFrac = 1
	for b.Loop() {
		b.SetBytes(int64(len(c.Document(7, site))))
	}
}
