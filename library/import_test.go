package library

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/feeds/sublist"
	"github.com/byline-reader/byline/model"
)

// feedsServer serves a small RSS feed, titled after its path, at every path.
func feedsServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Own title of %s</title>
<item><title>One</title><link>http://%s%s/1</link><guid>1</guid></item></channel></rss>`, r.URL.Path, r.Host, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportURLsKeepsTitlesTagsAndSkipsCommands(t *testing.T) {
	srv := feedsServer(t)
	l := open(t, false)
	ctx := context.Background()
	path := writeFile(t, "urls", fmt.Sprintf(`# my feeds
%[1]s/a "~Alpha desk" tech "long reads" # a comment
exec:~/bin/weather
%[1]s/b news
"filter:~/bin/clean:%[1]s/c" news
"query:Unread tech:unread = \"yes\" and tags # \"tech\""
`, srv.URL))
	res, err := l.Import(ctx, path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || len(res.Skipped) != 2 || !strings.Contains(res.Skipped[0], "line 3") ||
		!strings.Contains(res.Skipped[1], "line 5") || len(res.Queries) != 1 {
		t.Fatalf("import = %+v", res)
	}
	for range 2 { // the user's title stays through refreshes
		if _, err := l.Refresh(ctx, Progress{}); err != nil {
			t.Fatal(err)
		}
	}
	a, err := l.FindFeed(ctx, srv.URL+"/a")
	if err != nil || a.DisplayTitle() != "Alpha desk" || a.Title != "Own title of /a" || a.Folder != "" ||
		strings.Join(a.Tags, "|") != "tech|long reads" {
		t.Errorf("feed a after two refreshes: %+v %v", a, err)
	}
}

func TestImportAgainChangesNothingAndFillsWhatIsMissing(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	if _, err := l.store.AddFeed(ctx, model.Feed{URL: "https://old.example/feed"}); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "subs.opml", `<opml version="2.0"><body>
<outline text="News"><outline text="World">
  <outline type="rss" text="Old one" xmlUrl="https://old.example/feed"/>
  <outline type="rss" text="New one" xmlUrl="https://new.example/feed" category="daily"/>
</outline></outline></body></opml>`)
	first, err := l.Import(ctx, path, ImportOptions{})
	if err != nil || first.Added != 1 || first.Updated != 1 || first.Existing != 0 {
		t.Fatalf("first import = %+v, %v", first, err)
	}
	before, _ := l.Feeds(ctx)
	again, err := l.Import(ctx, path, ImportOptions{})
	if err != nil || again.Added != 0 || again.Updated != 0 || again.Existing != 2 {
		t.Fatalf("second import = %+v, %v", again, err)
	}
	after, _ := l.Feeds(ctx)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("importing again changed the feeds:\n%v\n%v", before, after)
	}
	old, _ := l.FindFeed(ctx, "https://old.example/feed")
	if old.Folder != "News/World" || old.Settings.Title != "Old one" {
		t.Errorf("the subscribed feed did not take its folder and title: %+v", old)
	}
}

func TestImportDryRunKeepsNothing(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	path := writeFile(t, "urls", "https://a.example/feed\nhttps://b.example/feed\nexec:x\n")
	res, err := l.Import(ctx, path, ImportOptions{DryRun: true})
	if err != nil || res.Added != 2 || len(res.Skipped) != 1 {
		t.Fatalf("dry run = %+v, %v", res, err)
	}
	if fs, _ := l.Feeds(ctx); len(fs) != 0 {
		t.Fatalf("a dry run subscribed %d feeds", len(fs))
	}
}

func TestImportRefusesAWholeBadFile(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	for name, text := range map[string]string{
		"long line": "https://a.example/feed\nhttps://b.example/" + strings.Repeat("x", 1<<20+10) + "\n",
		"bomb": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>` +
			`<opml><body><outline text="&lol2;" xmlUrl="https://c.example/feed"/></body></opml>`,
		"deep":   "<opml><body>" + strings.Repeat(`<outline text="f">`, 200) + `<outline xmlUrl="https://d.example/f"/>` + "</body></opml>",
		"broken": "<opml><body><outline text='x' xmlUrl='https://e.example/f'></body>",
	} {
		_, err := l.Import(ctx, writeFile(t, "f", text), ImportOptions{})
		if !errors.Is(err, ErrBadInput) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: want one line of bad input, got %v", name, err)
		}
	}
	if fs, _ := l.Feeds(ctx); len(fs) != 0 {
		t.Fatalf("half-imported: %d feeds", len(fs))
	}
}

// outlines is an OPML document's outlines as lines: depth, text, URL,
// category.
func outlines(t *testing.T, doc []byte) string {
	t.Helper()
	f, err := sublist.ParseOPML(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, s := range f.Subs {
		fmt.Fprintf(&b, "%s | %s | %s | %v\n", s.Folder, s.Title, s.URL, s.Tags)
	}
	return b.String()
}

func TestOPMLRoundTripsThroughImportAndExport(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	doc := `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Tech">
  <outline text="Go"><outline text="Go blog" type="rss" xmlUrl="https://go.example/feed" category="lang"/></outline>
  <outline text="Rust"><outline text="Deep"><outline text="TWiR" type="rss" xmlUrl="https://rust.example/feed"/></outline></outline>
  <outline text="Hacker News" type="rss" xmlUrl="https://hn.example/rss" category="daily,links"/>
</outline>
<outline text="Loose" type="rss" xmlUrl="https://loose.example/feed"/>
<outline text="News"><outline text="Wire" type="rss" xmlUrl="https://wire.example/feed"/></outline>
</body></opml>`
	if _, err := l.Import(ctx, writeFile(t, "in.opml", doc), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := l.Export(ctx, &out); err != nil {
		t.Fatal(err)
	}
	if want, got := outlines(t, []byte(doc)), outlines(t, out.Bytes()); got != want {
		t.Errorf("round trip:\n%s\nwant\n%s\nexported:\n%s", got, want, out.String())
	}
}

func TestImportRefusesAFileWithNoFeedAtAll(t *testing.T) {
	l := open(t, false)
	path := writeFile(t, "go.sum", "golang.org/x/net v0.1.0 h1:abc=\nexec:x\n")
	_, err := l.Import(context.Background(), path, ImportOptions{})
	if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "no feed byline can read in it (2 lines skipped; urls line 1:") {
		t.Errorf("got %v", err)
	}
}

func TestImportIntoAFolder(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	path := writeFile(t, "subs.opml", `<opml version="2.0"><body>
<outline text="News"><outline text="Wire" xmlUrl="https://wire.example/feed"/></outline>
<outline text="Loose" xmlUrl="https://loose.example/feed"/></body></opml>`)
	if _, err := l.Import(ctx, path, ImportOptions{Folder: " Old reader / 2026 "}); err != nil {
		t.Fatal(err)
	}
	for u, want := range map[string]string{"https://wire.example/feed": "Old reader/2026/News", "https://loose.example/feed": "Old reader/2026"} {
		if f, err := l.FindFeed(ctx, u); err != nil || f.Folder != want {
			t.Errorf("%s: folder %q, %v; want %q", u, f.Folder, err, want)
		}
	}
}
