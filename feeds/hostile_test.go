package feeds

import (
	"context"
	"strings"
	"testing"
	"time"

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
	if peak.Sys > 200<<20 {
		t.Errorf("peak memory %.0f MiB, want under 200 MiB", hostile.MiB(peak.Sys))
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
		md := FragmentToMarkdown(a.Content+a.Summary, a.URL)
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
