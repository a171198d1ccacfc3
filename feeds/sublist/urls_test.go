package sublist

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/filter"
)

func TestParseURLs(t *testing.T) {
	f, err := ParseURLs(bytes.NewReader(readFixture(t, "urls.txt")))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Subscription{
		{URL: "https://one.example/feed.xml", Tags: []string{"extra"}, Line: 2},
		{URL: "https://two.example/rss", Title: "Two Things", Tags: []string{"news", "tech stuff"}, Line: 3},
		{URL: "https://three.example/atom", Title: "Three", Tags: []string{"world"}, Line: 6},
		{URL: "http://four.example/feed", Tags: []string{"hidden-ok"}, Line: 9},
	}
	if !reflect.DeepEqual(f.Subs, want) {
		t.Errorf("got\n%+v\nwant\n%+v", f.Subs, want)
	}
	wantQ := []SavedQuery{{Name: "Unread Articles", Expr: "unread = yes", Line: 7}}
	if !reflect.DeepEqual(f.Queries, wantQ) || len(f.Skipped) != 0 {
		t.Errorf("queries %+v, skipped %v", f.Queries, f.Skipped)
	}
}

// TestURLsGrammar holds ParseURLs to newsboat's reading of a line, as
// newsboat 2.21 shows it (tags in its tag list, titles in its feed list).
func TestURLsGrammar(t *testing.T) {
	tests := []struct {
		name, line string
		title      string
		tags       []string
		url        string // "" for https://x.example/feed
	}{
		{"bare", "https://x.example/feed", "", nil, ""},
		{"tags", "https://x.example/feed news tech", "", []string{"news", "tech"}, ""},
		{"tabs and blanks", "  https://x.example/feed\tnews \t tech  ", "", []string{"news", "tech"}, ""},
		{"quoted tag", `https://x.example/feed "tech stuff" plain`, "", []string{"tech stuff", "plain"}, ""},
		{"title", `https://x.example/feed "~My Name" news`, "My Name", []string{"news"}, ""},
		{"title unquoted", `https://x.example/feed ~Short`, "Short", nil, ""},
		{"first title wins", `https://x.example/feed "~T1" "~T2"`, "T1", nil, ""},
		{"empty title", `https://x.example/feed "~" a`, "", []string{"a"}, ""},
		{"hidden", `https://x.example/feed ! "!hidden name" ok`, "", []string{"ok"}, ""},
		{"comment", `https://x.example/feed "tech" # my comment`, "", []string{"tech"}, ""},
		{"comment glued", `https://x.example/feed tech #comment`, "", []string{"tech"}, ""},
		{"comment hides a title", `https://x.example/feed "~T" # "~Ignored" more`, "T", nil, ""},
		{"hash inside a word", `https://x.example/feed c# tag#b #c d`, "", []string{"c#", "tag#b"}, ""},
		{"hash in quotes", `https://x.example/feed "quoted # hash" after`, "", []string{"quoted # hash", "after"}, ""},
		{"fragment", `https://x.example/feed#a tagA`, "", []string{"tagA"}, "https://x.example/feed#a"},
		{"fragments", `https://x.example/feed#frag#more x`, "", []string{"x"}, "https://x.example/feed#frag#more"},
		{"quote ends a word", `https://x.example/feed "~x"y z`, "x", []string{"y", "z"}, ""},
		{"quote inside a word", `https://x.example/feed g"h i"j`, "", []string{`g"h`, `i"j`}, ""},
		{"escapes", `https://x.example/feed "a\"b" "c\\d" "e\tf" "\d"`, "", []string{`a"b`, `c\d`, "e f", "d"}, ""},
		{"quoted URL", `"https://x.example/feed" a`, "", []string{"a"}, ""},
		{"duplicate tag", `https://x.example/feed a a "a"`, "", []string{"a"}, ""},
		{"CRLF", "https://x.example/feed news\r", "", []string{"news"}, ""},
		{"control characters", "https://x.example/feed \"~Evil\x1b]0;t\x07 \u202eName\"", "Evil Name", nil, ""},
		{"upper-case scheme", "HTTPS://x.example/feed", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseURLs(strings.NewReader(tt.line + "\n"))
			if err != nil || len(f.Skipped) != 0 || len(f.Subs) != 1 {
				t.Fatalf("got %+v, %v", f, err)
			}
			s, want := f.Subs[0], tt.url
			if want == "" {
				want = "https://x.example/feed"
			}
			if s.URL != want || s.Title != tt.title || !reflect.DeepEqual(s.Tags, tt.tags) || s.Folder != "" {
				t.Errorf("got %q %q %q folder %q; want %q %q %q", s.URL, s.Title, s.Tags, s.Folder, want, tt.title, tt.tags)
			}
		})
	}
}

func TestURLsSkipped(t *testing.T) {
	in := strings.Join([]string{
		"https://good.example/feed",                    // 1
		`"exec:~/bin/news.sh" scripts`,                 // 2
		"exec:~/bin/other.sh",                          // 3
		"filter:~/bin/clean.sh:https://x.example/feed", // 4
		"ftp://files.example/feed",                     // 5
		`https://quote.example/feed "unterminated`,     // 6
		"file:///var/log/feed.xml",                     // 7
		`"query:No expression"`,                        // 8
		`"query::unread = \"yes\""`,                    // 9
		`"query:Links:link =~ \"x\""`,                  // 10
		"# a comment", "", "   ", "\t# indented",       // 11-14
		"not-a-url tag",                   // 15
		`"query:Unread:unread = \"yes\""`, // 16
		`"query:Unread:unread = \"no\""`,  // 17
	}, "\n")
	f, err := ParseURLs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Subs) != 1 || f.Subs[0].URL != "https://good.example/feed" || len(f.Queries) != 1 {
		t.Errorf("accepted %+v, queries %+v", f.Subs, f.Queries)
	}
	want := []string{
		"urls line 2: exec: runs a command; skipped",
		"urls line 3: exec: runs a command; skipped",
		"urls line 4: filter: runs a command; skipped",
		`urls line 5: "ftp://files.example/feed" is not an http(s) URL; skipped`,
		"urls line 6: unterminated quote; skipped",
		`urls line 7: "file:///var/log/feed.xml" is not an http(s) URL; skipped`,
		"urls line 8: query: no expression (query:Name:expression); skipped",
		"urls line 9: query: no name (query:Name:expression); skipped",
		`urls line 10: query "Links": newsboat's link has no equivalent in byline; skipped`,
		`urls line 15: "not-a-url" is not an http(s) URL; skipped`,
		`urls line 17: query "Unread": a query of that name is on line 16; skipped`,
	}
	var got []string
	for _, e := range f.Skipped {
		got = append(got, e.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestURLsDuplicatesMerge(t *testing.T) {
	in := "https://a.example/feed one \"~First\"\n" +
		"https://b.example/feed\n" +
		"https://a.example/feed two one \"~Second\"\n"
	f, err := ParseURLs(strings.NewReader(in))
	if err != nil || len(f.Subs) != 2 {
		t.Fatalf("got %+v, %v", f.Subs, err)
	}
	if s := f.Subs[0]; s.Title != "First" || !reflect.DeepEqual(s.Tags, []string{"one", "two"}) || s.Line != 1 {
		t.Errorf("merged into %+v", s)
	}
}

func TestURLsQueries(t *testing.T) {
	_, tagsErr := filter.Parse(`tag = "t"`) // the tag field may not be in this build yet
	in := `"query:Unread:unread = \"yes\""` + "\n" +
		`"query:Tagged:tags # \"tech\" and unread = \"yes\""` + "\n" +
		`query:Short:age<3` + "\n"
	f, err := ParseURLs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []SavedQuery{{Name: "Unread", Expr: "unread = yes", Line: 1}}
	if tagsErr == nil {
		want = append(want, SavedQuery{Name: "Tagged", Expr: `tag = "tech" and unread = yes`, Line: 2})
	} else if len(f.Skipped) != 1 || f.Skipped[0].Line != 2 || !strings.Contains(f.Skipped[0].Msg, "byline cannot read it") {
		t.Errorf("skipped %v", f.Skipped)
	}
	want = append(want, SavedQuery{Name: "Short", Expr: "age < 3", Line: 3})
	if !reflect.DeepEqual(f.Queries, want) {
		t.Errorf("queries %+v, want %+v", f.Queries, want)
	}
}

func TestURLsBOM(t *testing.T) {
	f, err := ParseURLs(strings.NewReader("\ufeffhttps://bom.example/feed\r\nhttps://crlf.example/feed a\r\n"))
	if err != nil || len(f.Subs) != 2 || f.Subs[0].URL != "https://bom.example/feed" ||
		!reflect.DeepEqual(f.Subs[1].Tags, []string{"a"}) {
		t.Fatalf("got %+v, %v", f.Subs, err)
	}
}

func TestURLsRefusedWhole(t *testing.T) {
	long := "https://a.example/feed\n" + "https://b.example/feed " + strings.Repeat("x", 1<<20) + "\nhttps://c.example/feed\n"
	f, err := ParseURLs(strings.NewReader(long))
	if err == nil || err.Error() != "urls line 2: longer than 1 MB" || f.Subs != nil {
		t.Errorf("1 MB line: %v, %+v", err, len(f.Subs))
	}
	big := strings.Repeat("# "+strings.Repeat("x", 1000)+"\n", (maxImportBytes/1003)+2)
	if _, err := ParseURLs(strings.NewReader(big)); err == nil || err.Error() != "urls: larger than 32 MB" {
		t.Errorf("33 MB: %v", err)
	}
	var many strings.Builder
	for i := range maxImportSubs + 1 {
		fmt.Fprintf(&many, "https://f%d.example/\n", i)
	}
	if _, err := ParseURLs(strings.NewReader(many.String())); err == nil || !strings.Contains(err.Error(), "more than 100000 feeds") {
		t.Errorf("too many: %v", err)
	}
}

func TestURLsManySkipped(t *testing.T) {
	in := strings.Repeat("exec:x\n", maxSkipped+5)
	f, err := ParseURLs(strings.NewReader(in))
	if err != nil || len(f.Skipped) != maxSkipped+1 {
		t.Fatalf("%d skipped, %v", len(f.Skipped), err)
	}
	if last := f.Skipped[maxSkipped].Error(); last != "urls line 1001: and 5 more entries skipped" {
		t.Errorf("last = %q", last)
	}
}

// BenchmarkParseURLs500 reads a urls file of 500 feeds with titles, tags,
// comments and exec: lines.
func BenchmarkParseURLs500(b *testing.B) {
	var in strings.Builder
	for i := range 500 {
		fmt.Fprintf(&in, "# feed %d\n", i)
		fmt.Fprintf(&in, "https://site%d.example/feed.xml?page=%d#top \"~Site number %d\" news tech%d \"long tag %d\" # comment %d\n", i, i, i, i%7, i%13, i)
		if i%10 == 0 {
			fmt.Fprintf(&in, "\"exec:~/bin/feed%d.sh --flag\" scripts\n", i)
		}
	}
	data := []byte(in.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := ParseURLs(bytes.NewReader(data))
		if err != nil || len(f.Subs) != 500 || len(f.Skipped) != 50 {
			b.Fatalf("%d subs, %d skipped, %v", len(f.Subs), len(f.Skipped), err)
		}
	}
}

func FuzzParseURLs(f *testing.F) {
	f.Add(readFixture(f, "urls.txt"))
	f.Add(readFixture(f, "badurls.txt"))
	f.Add([]byte("https://a.example/ \"~\x1b[1mT\" \"unterminated\n"))
	f.Add([]byte("https://a.example/#x \"~T\" a # c\nexec:x\n\"query:Q:tags # \\\"a\\\" or (age between 1:3 and flags # \\\"s\\\")\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseURLs(bytes.NewReader(data))
		checkImport(t, file, err)
	})
}

// checkImport fails unless every part of an import is clean: URLs
// http(s), titles, folders and tags one clean line, queries byline's,
// errors one clean line.
func checkImport(t *testing.T, f ImportFile, err error) {
	t.Helper()
	if err != nil {
		checkLine(t, err.Error())
		if f.Subs != nil || f.Queries != nil || f.Skipped != nil {
			t.Fatal("a refused file gave entries")
		}
	}
	for _, s := range f.Subs {
		checkSubscription(t, s)
	}
	for _, q := range f.Queries {
		checkLine(t, q.Name)
		if _, err := filter.Parse(q.Expr); err != nil || q.Name == "" {
			t.Fatalf("query %+v: %v", q, err)
		}
	}
	for _, e := range f.Skipped {
		checkLine(t, e.Error())
	}
}

func checkLine(t *testing.T, s string) {
	t.Helper()
	assertClean(t, s)
	if strings.ContainsAny(s, "\n\r") {
		t.Fatalf("not one line: %q", s)
	}
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// assertClean fails t when s holds a control character or a bidi
// override: what a parser hands on must be one clean text.
func assertClean(t testing.TB, s string) {
	t.Helper()
	if model.Sanitize(s) != s {
		t.Errorf("not sanitised: %q", s)
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("control %U in %q", r, s)
		}
	}
}
