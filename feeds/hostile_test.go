package feeds

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/feeds/extract"
	"github.com/byline-reader/byline/internal/hostile"
	"github.com/byline-reader/byline/model"
)

// hostileLimits are the default limits with a short whole-request timeout,
// so the slow loris is cut off quickly.
func hostileLimits() Limits {
	l := DefaultLimits()
	l.RequestTimeout = 1500 * time.Millisecond
	l.HeaderTimeout = 1500 * time.Millisecond
	return l
}

// TestFetchAllHostileFeeds fetches every feed of the hostile server at
// once: each limit hit is that feed's error with a clear reason, the rest
// are read, every text is clean and every link is http(s), in bounded
// time and memory.
func TestFetchAllHostileFeeds(t *testing.T) {
	srv := hostile.New(t)
	c := NewClient(Options{Limits: hostileLimits()})
	var list []model.Feed
	byURL := map[string]hostile.Feed{}
	for i, f := range hostile.Feeds {
		list = append(list, model.Feed{ID: int64(i + 1), URL: srv.At(f.Path)})
		byURL[srv.At(f.Path)] = f
	}
	runtime.GC()
	stop := hostile.SampleMemory()
	start := time.Now()
	got := 0
	for r := range c.FetchAll(context.Background(), list, time.Now()) {
		got++
		f := byURL[r.Feed.URL]
		t.Logf("%-18s %-55s → %v, %d articles", f.Path, f.Attack, r.Err, len(r.Articles))
		switch {
		case f.Err == "" && r.Err != nil:
			t.Errorf("%s (%s): want it read, got %v", f.Path, f.Attack, r.Err)
		case f.Err != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), f.Err)):
			t.Errorf("%s (%s): want an error with %q, got %v", f.Path, f.Attack, f.Err, r.Err)
		}
		if r.Err != nil && (len(r.Err.Error()) > 200 || hostile.Unsafe(r.Err.Error()) != "") {
			t.Errorf("%s: the error is not a short clean reason: %q", f.Path, r.Err)
		}
		if len(r.Articles) > f.MaxArticles {
			t.Errorf("%s: %d articles, want at most %d", f.Path, len(r.Articles), f.MaxArticles)
		}
		if !r.RetryAfter.IsZero() && time.Until(r.RetryAfter) > 25*time.Hour {
			t.Errorf("%s: benched until %v", f.Path, r.RetryAfter)
		}
		checkHostileArticles(t, f.Path, r)
	}
	elapsed := time.Since(start)
	peak := stop()
	t.Logf("%d feeds in %v; peak Sys %.0f MiB, peak heap %.0f MiB", got, elapsed.Round(time.Millisecond), hostile.MiB(peak.Sys), hostile.MiB(peak.HeapAlloc))
	if got != len(hostile.Feeds) {
		t.Errorf("%d results for %d feeds", got, len(hostile.Feeds))
	}
	if elapsed > 10*time.Second {
		t.Errorf("the refresh took %v: a limit is not holding", elapsed)
	}
	// The live heap, not Sys: Sys keeps what earlier tests in this process
	// (and the in-process hostile server's payloads) ever reserved.
	if peak.HeapAlloc > 200<<20 {
		t.Errorf("peak heap %.0f MiB, want under 200 MiB", hostile.MiB(peak.HeapAlloc))
	}
}

// checkHostileArticles asserts that what a fetch kept is clean: no
// unsafe text in any field, links http(s) or nothing.
func checkHostileArticles(t *testing.T, path string, r model.FetchResult) {
	t.Helper()
	if bad := hostile.Unsafe(r.Title); bad != "" {
		t.Errorf("%s: feed title: %s", path, bad)
	}
	if r.SiteURL != "" && !isWebLink(r.SiteURL) {
		t.Errorf("%s: site URL %q", path, r.SiteURL)
	}
	for _, a := range r.Articles {
		for name, v := range map[string]string{"title": a.Title, "author": a.Author, "summary": a.Summary, "content": a.Content, "key": a.Key} {
			if bad := hostile.Unsafe(v); bad != "" {
				t.Errorf("%s: article %q: %s: %s", path, a.Title, name, bad)
			}
		}
		if len(a.Title) > 1100 || strings.Contains(a.Title, "\n") {
			t.Errorf("%s: title of %d bytes or with a newline", path, len(a.Title))
		}
		if a.URL != "" && !isWebLink(a.URL) {
			t.Errorf("%s: article link %q", path, a.URL)
		}
		md := extract.FragmentToMarkdown(a.Content+a.Summary, a.URL)
		checkMarkdown(t, path+" "+a.Title, md)
	}
}

func isWebLink(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && !strings.ContainsAny(s, " `'")
}

// checkMarkdown asserts that markdown made from hostile HTML is clean and
// links nowhere but to http(s) and mailto.
func checkMarkdown(t *testing.T, what, md string) {
	t.Helper()
	if bad := hostile.Unsafe(md); bad != "" {
		t.Errorf("%s: markdown: %s", what, bad)
	}
	lower := strings.ToLower(md)
	for _, scheme := range []string{"](javascript:", "](java", "](file:", "](data:", "](vbscript:", "](exec:", "<script", "<iframe"} {
		if strings.Contains(lower, scheme) {
			i := strings.Index(lower, scheme)
			t.Errorf("%s: markdown links to %s: …%s…", what, scheme, md[max(i-20, 0):min(i+60, len(md))])
		}
	}
}

// TestFetchHostilePages fetches and extracts each hostile page: clean
// markdown with only web links, or an error with a clear reason.
func TestFetchHostilePages(t *testing.T) {
	srv := hostile.New(t)
	c := NewClient(Options{Limits: hostileLimits()})
	cases := []struct{ path, err string }{
		{"/page/hostile.html", ""},
		{"/page/charset.html", ""},
		{"/page/deep.html", "open stack of elements exceeds"},
		{"/page/big.html", "the page is larger than 5 MiB"},
		{"/page/bomb.html", "the page is larger than 5 MiB"},
		{"/page/slow.html", "timeout"},
		{"/page/loop.html", "too many redirects"},
	}
	for _, tc := range cases {
		start := time.Now()
		ex, err := c.FetchArticle(context.Background(), srv.At(tc.path))
		t.Logf("%-20s → %v in %v", tc.path, err, time.Since(start).Round(time.Millisecond))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.path, err)
			continue
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: want an error with %q, got %v", tc.path, tc.err, err)
			}
			continue
		}
		for name, v := range map[string]string{"title": ex.Title, "site": ex.Site, "author": ex.Author} {
			if bad := hostile.Unsafe(v); bad != "" || strings.Contains(v, "\n") {
				t.Errorf("%s: %s: %q %s", tc.path, name, v, bad)
			}
		}
		if ex.Canonical != "" && !isWebLink(ex.Canonical) {
			t.Errorf("%s: canonical %q", tc.path, ex.Canonical)
		}
		if strings.TrimSpace(ex.Markdown) == "" {
			t.Errorf("%s: no text extracted", tc.path)
		}
		checkMarkdown(t, tc.path, ex.Markdown)
	}
}

// TestParseMemoryIsBoundByItems parses 10 MiB documents of tiny items or
// elements, which gofeed would turn into gigabytes: the item cap is
// applied before parsing and an XML document of too many elements is
// refused, so the heap stays small.
func TestParseMemoryIsBoundByItems(t *testing.T) {
	const size = 10<<20 - 200
	rss := func(el string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>` + strings.Repeat(el, size/len(el)) + `</channel></rss>`
	}
	cases := []struct {
		name, doc string
		items     int
		err       string
	}{
		{"empty RSS items", rss("<item/>"), 2000, ""},
		{"tiny RSS items", rss("<item><title>n</title></item>"), 2000, ""},
		{"empty Atom entries", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>` + strings.Repeat("<entry/>", size/8) + `</feed>`, 2000, ""},
		{"empty RSS 1.0 items", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>x</title></channel>` + strings.Repeat("<item/>", size/7) + `</rdf:RDF>`, 2000, ""},
		{"empty JSON items", `{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[` + strings.Repeat(`{},`, size/3) + `{}]}`, 2000, ""},
		{"elements outside items", rss("<x/>"), 0, "more than 200000 XML elements"},
		{"categories in one item", rss("<item>")[:60] + strings.Repeat("<category>c</category>", size/22) + "</item></channel></rss>", 0, "more than 200000 XML elements"},
	}
	for _, c := range cases {
		runtime.GC()
		runtime.GC()
		stop := hostile.SampleMemory()
		pf, err := Parse([]byte(c.doc), "https://x.example/", 2000)
		peak := stop()
		t.Logf("%s: %d items, %v; peak heap %.0f MiB", c.name, len(pf.Articles), err, hostile.MiB(peak.HeapAlloc))
		if c.err == "" && (err != nil || len(pf.Articles) != c.items) {
			t.Errorf("%s: %d items, %v; want %d", c.name, len(pf.Articles), err, c.items)
		}
		if c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, ErrParse)) {
			t.Errorf("%s: want a parse error with %q, got %v", c.name, c.err, err)
		}
		if peak.HeapAlloc > 120<<20 {
			t.Errorf("%s: peak heap %.0f MiB", c.name, hostile.MiB(peak.HeapAlloc))
		}
	}
}

// TestCapItemsKeepsTheRest: a capped document parses to the same first
// items, with the feed's title, as the whole one.
func TestCapItemsKeepsTheRest(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Capped</title><link>https://x.example/</link>`)
	for i := range 70_000 {
		fmt.Fprintf(&b, `<item><title a='x>y'>n%d</title><guid>g%d</guid><description><![CDATA[<item> inside </channel> cdata]]></description><!-- <item> --></item>`, i, i)
	}
	b.WriteString(`</channel></rss>`)
	pf, err := Parse([]byte(b.String()), "https://x.example/feed", 5)
	if err != nil || pf.Title != "Capped" || len(pf.Articles) != 5 || pf.Articles[4].Title != "n4" {
		t.Fatalf("capped parse: %v %q %d", err, pf.Title, len(pf.Articles))
	}
}
