package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/store"
)

const quotesPage = `<!doctype html><html><head><title>Harbor reopens – The Coast Times</title>
<meta property="og:site_name" content="The Coast Times"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbor reopens</h1>
<p>The harbor reopened to commercial traffic on Thursday after three weeks of repairs to the breakwater, which storms had cracked in two places.</p>
<p>“We are open for business,” said harbor master Ana Lopes, who oversaw the work. Fishing boats were the first to return, followed by two cargo ships.</p>
<p>The mayor, Tom Reyes, called the repairs “a small miracle” and thanked the crews. “Nobody thought we could finish before the season,” he said.</p>
<p>“The breakwater will hold for another fifty years, whatever the winter brings,” engineer Mei Chen told reporters on the quay.</p>
<p>The repairs cost less than expected, the port authority said, and finished a week ahead of schedule despite a second storm.</p>
</article><footer>© The Coast Times</footer></body></html>`

// quotesServer serves a feed whose one item links, with tracking
// parameters, to a page with four quotations.
func quotesServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Coast</title><link>http://%[1]s/</link>
<item><title>Harbor reopens</title><link>http://%[1]s/story?id=7&amp;utm_source=rss&amp;utm_medium=feed</link><guid>1</guid><description>The harbor reopened.</description></item>
</channel></rss>`, r.Host)
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, quotesPage)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// storyDB is a database subscribed to quotesServer's feed, refreshed; it
// gives the article's id.
func storyDB(t *testing.T, srv *httptest.Server) (db, id string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "b.db")
	if r := byline(t, db, "add", srv.URL+"/feed.xml"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if r := byline(t, db, "refresh"); r.code != 0 {
		t.Fatalf("refresh: %+v", r)
	}
	var arts []map[string]any
	r := byline(t, db, "list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) != 1 {
		t.Fatalf("list: %v %+v", err, r)
	}
	return db, fmt.Sprint(arts[0]["id"])
}

// bylineConfig is byline with a configuration file holding config.
func bylineConfig(t *testing.T, db, config string, args ...string) result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	full := append([]string{"--db", db, "--config", path}, args...)
	code := run(context.Background(), full, strings.NewReader(""), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func wantFail(t *testing.T, r result, code int, msg string) {
	t.Helper()
	if r.code != code || !strings.Contains(r.stderr, msg) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
		t.Errorf("want exit %d and one line on stderr with %q; got %d, stderr %q, stdout %q", code, msg, r.code, r.stderr, r.stdout)
	}
}

func TestHighlightCommands(t *testing.T) {
	srv := quotesServer(t)
	db, id := storyDB(t, srv)

	if r := byline(t, db, "highlights"); r.code != 0 || !strings.Contains(r.stdout, "no highlights yet") {
		t.Fatalf("no highlights: %+v", r)
	}
	r := byline(t, db, "highlight", id, "--quote", "3")
	if r.code != 0 || !strings.Contains(r.stdout, "kept highlight") || !strings.Contains(r.stdout, "Nobody thought") {
		t.Fatalf("highlight: %+v", r)
	}
	if r := byline(t, db, "highlight", srv.URL+"/story?id=7&utm_source=rss&utm_medium=feed", "--quote", "1"); r.code != 0 {
		t.Fatalf("highlight by link: %+v", r)
	}

	r = byline(t, db, "highlights")
	if r.code != 0 || !strings.Contains(r.stdout, "We are open for business") || !strings.Contains(r.stdout, "Harbor reopens") {
		t.Fatalf("highlights: %+v", r)
	}
	var hs []map[string]any
	r = byline(t, db, "highlights", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &hs); err != nil || len(hs) != 2 {
		t.Fatalf("highlights --json: %v %+v", err, r)
	}
	for _, k := range []string{"id", "article_id", "text", "title", "site", "url", "created"} {
		if _, ok := hs[0][k]; !ok {
			t.Errorf("highlights --json lacks %q: %v", k, hs[0])
		}
	}
	if hs[0]["url"] != srv.URL+"/story?id=7" {
		t.Errorf("the highlight's link should be the clean one: %v", hs[0]["url"])
	}
	if hs[0]["text"] != "We are open for business," || hs[0]["site"] != "The Coast Times" || fmt.Sprint(hs[0]["article_id"]) != id {
		t.Errorf("newest highlight: %v", hs[0])
	}

	r = byline(t, db, "highlights", "--markdown")
	for _, want := range []string{
		"> We are open for business,\n\n— [Harbor reopens](" + srv.URL + "/story?id=7#:~:text=We%20are%20open%20for%20business), The Coast Times\n",
		"> Nobody thought we could finish before the season,\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("highlights --markdown lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "utm_") {
		t.Errorf("tracking parameters in the markdown export:\n%s", r.stdout)
	}

	local := filepath.Join(t.TempDir(), "note.md")
	os.WriteFile(local, []byte("“Local words,” she said.\n"), 0o644)
	wantFail(t, byline(t, db, "highlight", id, "--quote", "9"), 2, "has 4 quotations")
	wantFail(t, byline(t, db, "highlight", id), 2, "needs --quote")
	wantFail(t, byline(t, db, "highlight", local, "--quote", "1"), 2, "kept for stored articles")
	wantFail(t, byline(t, db, "highlight", srv.URL+"/other", "--quote", "1"), 2, "kept for stored articles")
	wantFail(t, byline(t, db, "highlight", "4242", "--quote", "1"), 2, "no article with id 4242")
	wantFail(t, byline(t, db, "highlight", id, "--quote", "x"), 2, "invalid value")
	wantFail(t, byline(t, db, "highlights", "--json", "--markdown"), 2, "choose one")
	wantFail(t, byline(t, db, "highlights", "extra"), 2, "no arguments")
}

func TestShareCommand(t *testing.T) {
	srv := quotesServer(t)
	db, id := storyDB(t, srv)
	clean := srv.URL + "/story?id=7"

	r := byline(t, db, "share", id)
	if r.code != 0 || strings.Contains(r.stdout, "utm_") {
		t.Fatalf("share: %+v", r)
	}
	for _, name := range []string{"link", "markdown", "open", "email", "bluesky", "mastodon", "x", "reddit", "hackernews", "linkedin", "facebook", "telegram", "whatsapp"} {
		if !strings.Contains(r.stdout, "\n"+name+" ") {
			t.Errorf("share table lacks %s:\n%s", name, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "link        "+clean+"\n") || !strings.Contains(r.stdout, "mastodon    (no Mastodon server set") {
		t.Errorf("share table:\n%s", r.stdout)
	}

	r = byline(t, db, "share", id, "--target", "hn")
	if r.code != 0 || r.stdout != "https://news.ycombinator.com/submitlink?u="+url.QueryEscape(clean)+"&t=Harbor%20reopens\n" {
		t.Errorf("share --target hn: %+v", r)
	}
	wantFail(t, byline(t, db, "share", id, "--target", "myspace"), 2, "choose one of: link, markdown")
	wantFail(t, byline(t, db, "share", id, "--target", "mastodon"), 2, "no Mastodon server")
	wantFail(t, byline(t, db, "share", id, "--target", "deeplink"), 2, "shares a quote")
	wantFail(t, byline(t, db, "share", id, "--quote", "5"), 2, "has 4 quotations")
	wantFail(t, byline(t, db, "share"), 2, "needs one article")

	r = byline(t, db, "share", id, "--quote", "3")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "quote: “Nobody thought we could finish before the season.” — Tom Reyes, The Coast Times <"+clean+">") || !strings.HasPrefix(lines[1], "deep link: "+clean+"#:~:text=") {
		t.Fatalf("share --quote 3: %+v", r)
	}
	checkDeepLink(t, strings.TrimPrefix(lines[1], "deep link: "), "Nobody thought we could finish before the season,")

	r = byline(t, db, "share", id, "--quote", "3", "--target", "deep")
	if r.code != 0 || "deep link: "+r.stdout != lines[1]+"\n" {
		t.Errorf("share --quote 3 --target deep: %+v", r)
	}
}

// checkDeepLink decodes link's text fragment and checks that its terms are
// words of quote, in order.
func checkDeepLink(t *testing.T, link, quote string) {
	t.Helper()
	_, frag, _ := strings.Cut(link, "#:~:")
	prefix, start, end, suffix, err := share.ParseTextFragment(frag)
	if err != nil || start == "" {
		t.Fatalf("deep link %s: %v", link, err)
	}
	at := strings.Index(quote, start)
	if at < 0 || end != "" && !strings.Contains(quote[at+len(start):], end) {
		t.Errorf("deep link %s: terms %q…%q are not words of %q (prefix %q, suffix %q)", link, start, end, quote, prefix, suffix)
	}
}

func TestShareUsesTheConfig(t *testing.T) {
	srv := quotesServer(t)
	db, id := storyDB(t, srv)
	config := "[share]\nmastodon = \"mastodon.social\"\n\n[share.targets]\nlobsters = \"https://lobste.rs/stories/new?url={url}&title={title}\"\n"
	r := bylineConfig(t, db, config, "share", id)
	if r.code != 0 || !strings.Contains(r.stdout, "https://mastodon.social/share?text=") || !strings.Contains(r.stdout, "\nlobsters ") {
		t.Fatalf("share with a config: %+v", r)
	}
	r = bylineConfig(t, db, config, "share", id, "--target", "lobsters")
	if r.code != 0 || r.stdout != "https://lobste.rs/stories/new?url="+url.QueryEscape(srv.URL+"/story?id=7")+"&title=Harbor%20reopens\n" {
		t.Fatalf("custom target: %+v", r)
	}
	wantFail(t, bylineConfig(t, db, "[share]\nmastodn = \"x\"\n", "share", id), 2, "line 2")
}

func TestShareRefusesUnsafeLinks(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	ctx := context.Background()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.AddFeed(ctx, model.Feed{URL: "https://hostile.example/feed"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.InsertArticle(ctx, model.Article{FeedID: f.ID, Title: "Click me", URL: "javascript:alert(document.cookie)",
		Markdown: "“Trust me,” the stranger said.", ExtractedAt: time.Now()})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"share", fmt.Sprint(id)},
		{"share", fmt.Sprint(id), "--target", "open"},
		{"share", fmt.Sprint(id), "--quote", "1"},
		{"share", fmt.Sprint(id), "--quote", "1", "--target", "deeplink"},
	} {
		wantFail(t, byline(t, db, args...), 2, "unsafe link")
	}
	// It can still be highlighted: the words are the reader's.
	if r := byline(t, db, "highlight", fmt.Sprint(id), "--quote", "1"); r.code != 0 {
		t.Errorf("highlight: %+v", r)
	}
	if r := byline(t, db, "highlights", "--markdown"); r.code != 0 || strings.Contains(r.stdout, "javascript") || !strings.Contains(r.stdout, "— Click me\n") {
		t.Errorf("highlights --markdown must not link to javascript: %+v", r)
	}
}

func TestMarkCommand(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	byline(t, db, "add", srv.URL+"/tech.xml")
	byline(t, db, "refresh")
	state := func() map[string][2]bool {
		var arts []map[string]any
		r := byline(t, db, "list", "--json")
		if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) != 2 {
			t.Fatalf("list: %v %+v", err, r)
		}
		m := map[string][2]bool{}
		for _, a := range arts {
			m[fmt.Sprint(a["id"])] = [2]bool{a["read"].(bool), a["starred"].(bool)}
		}
		return m
	}
	var ids []string
	for id := range state() {
		ids = append(ids, id)
	}
	steps := []struct {
		args []string
		want [2]bool // of ids[0]
		out  string
	}{
		{[]string{"--star"}, [2]bool{false, true}, "marked 1 article"},
		{[]string{"--read"}, [2]bool{true, true}, "marked 1 article"},
		{[]string{"--read"}, [2]bool{true, true}, "marked 0 articles"},
		{[]string{"--unstar", "--unread"}, [2]bool{false, false}, "marked 1 article"},
	}
	for _, st := range steps {
		r := byline(t, db, append([]string{"mark", ids[0]}, st.args...)...)
		if r.code != 0 || !strings.Contains(r.stdout, st.out) {
			t.Fatalf("mark %v: %+v", st.args, r)
		}
		if got := state(); got[ids[0]] != st.want || got[ids[1]] != [2]bool{} {
			t.Fatalf("after mark %v: %v", st.args, got)
		}
	}
	if r := byline(t, db, "mark", ids[0], ids[1], "--read"); r.code != 0 || !strings.Contains(r.stdout, "marked 2 articles") {
		t.Fatalf("mark two: %+v", r)
	}
	wantFail(t, byline(t, db, "mark", ids[0], "--read", "--unread"), 2, "contradict")
	wantFail(t, byline(t, db, "mark", ids[0], "--star", "--unstar"), 2, "contradict")
}
