package fastxml

import (
	"fmt"
	"html"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed/rss"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fullDoc is an RSS (or Atom) document of n items, each with two bodies
// worth lifting: a CDATA description and content:encoded (an escaped
// summary and content of type html).
func fullDoc(n int, atom bool) []byte {
	var b strings.Builder
	if atom {
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom"><title>Full</title>` + "\n")
	} else {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Full</title>` + "\n")
	}
	for i := range n {
		body := strings.Repeat(fmt.Sprintf(`<p>Story %d: the <a href="https://full.example/%d">council</a> said &amp; “we are not done” &mdash; <em>yet</em>.</p>`, i, i), 20)
		if atom {
			fmt.Fprintf(&b, "<entry><title>Story %d</title><id>urn:full:%d</id>\n<summary type=\"html\">%s</summary>\n<content type=\"html\">%s</content>\n</entry>\n",
				i, i, html.EscapeString(body[:300]), html.EscapeString(body))
		} else {
			fmt.Fprintf(&b, "<item><title>Story %d</title><link>https://full.example/%d</link>\n<description><![CDATA[%s]]></description>\n<content:encoded><![CDATA[%s]]></content:encoded>\n</item>\n",
				i, i, body[:300], body)
		}
	}
	if atom {
		b.WriteString("</feed>\n")
	} else {
		b.WriteString("</channel></rss>\n")
	}
	return []byte(b.String())
}

// TestLiftCounts checks that full-text documents have every body lifted,
// bodies nested in other markup (an xhtml div, a <title>) none, and that
// documents Lift must not touch keep every body.
func TestLiftCounts(t *testing.T) {
	tests := map[string]struct {
		data   []byte
		atom   bool
		bodies int
	}{
		"fullRSS":           {fullDoc(5, false), false, 10},
		"fullAtom":          {fullDoc(5, true), true, 10},
		"fastpath.rdf":      {readFixture(t, "fastpath.rdf"), false, 3},
		"fastpath.xml":      {readFixture(t, "fastpath.xml"), false, 11},
		"fastpath-atom.xml": {readFixture(t, "fastpath-atom.xml"), true, 5},
	}
	for name, tt := range tests {
		_, r := Lift(tt.data, tt.atom)
		if r == nil || len(r.bodies) != tt.bodies {
			n := 0
			if r != nil {
				n = len(r.bodies)
			}
			t.Errorf("%s: lifted %d bodies, want %d", name, n, tt.bodies)
		}
	}
	for _, name := range []string{"fastpath-base.xml", "fastpath-latin1.xml", "fastpath-badref.xml", "fastpath-badcdata.xml"} {
		if _, r := Lift(readFixture(t, name), strings.Contains(name, "base")); r != nil {
			t.Errorf("%s: lifted %d bodies, want none", name, len(r.bodies))
		}
	}
}

// TestRestorer checks that every lifted body comes back as gofeed reads
// it, and that a placeholder out of place is noticed.
func TestRestorer(t *testing.T) {
	data := fullDoc(3, false)
	doc, r := Lift(data, false)
	if r == nil {
		t.Fatal("nothing lifted")
	}
	want, err := (&rss.Parser{}).Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := (&rss.Parser{}).Parse(strings.NewReader(string(doc)))
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range got.Items {
		if d := r.Body(it.Description); d != want.Items[i].Description {
			t.Errorf("item %d: description %q, want %q", i, d, want.Items[i].Description)
		}
		if c := r.Body(it.Content); c != want.Items[i].Content {
			t.Errorf("item %d: content %q, want %q", i, c, want.Items[i].Content)
		}
		if r.Plain(it.Title) != want.Items[i].Title || r.Bad() {
			t.Errorf("item %d: title %q, bad %v", i, it.Title, r.Bad())
		}
	}
	if r.Plain(got.Items[0].Content); !r.Bad() {
		t.Error("a placeholder in a plain field went unnoticed")
	}
	var none *Restorer
	if none.Body("x") != "x" || none.Plain("y") != "y" || none.First([]string{"z"}) != "z" || none.Bad() {
		t.Error("a nil Restorer changes values")
	}
}

// pubDate is how gofeed's RSS parser reads s as an item's pubDate.
func pubDate(t *testing.T, s string) *time.Time {
	t.Helper()
	f, err := (&rss.Parser{}).Parse(strings.NewReader("<rss version=\"2.0\"><channel><item><pubDate>" +
		html.EscapeString(s) + "</pubDate></item></channel></rss>"))
	if err != nil || len(f.Items) != 1 {
		t.Fatalf("%q: %v", s, err)
	}
	return f.Items[0].PubDateParsed
}

// TestGMTDateRewrite checks that gofeed's RSS parser reads a rewritten
// GMT date as the same instant as the original.
func TestGMTDateRewrite(t *testing.T) {
	dates := []string{
		"Mon, 06 May 2024 07:30:00 GMT", "Sun, 31 Dec 2023 23:59:59 GMT", "Thu, 29 Feb 2024 12:00:00 GMT",
		"Fri, 01 Jan 1999 00:00:00 GMT", "Wed, 6 May 2024 07:30:00 GMT", "Mon, 31 Feb 2024 07:30:00 GMT",
		"Mon, 06 May 2024 24:30:00 GMT", "Tue, 07 May 2024 7:30:00 GMT", "Mon, 06 May 2024 07:30 GMT",
		"Monday, 06 May 2024 07:30:00 GMT", "Mon, 06 May 24 07:30:00 GMT", "  Mon, 06 May 2024 07:30:00 GMT\n",
	}
	for h := range 24 {
		dates = append(dates, fmt.Sprintf("Sat, %02d Jun 2024 %02d:%02d:%02d GMT", h+1, h, h*2, 59-h))
	}
	rewritten := 0
	for _, s := range dates {
		sc := scanner{data: []byte("<pubDate>" + s + "</pubDate>")}
		sp, ok := sc.gmtDate(len("<pubDate>"))
		if !ok {
			continue
		}
		rewritten++
		want, got := pubDate(t, s), pubDate(t, sp.repl)
		if want == nil || got == nil || !want.Equal(*got) {
			t.Errorf("%q read as %v, rewritten %q as %v", s, want, sp.repl, got)
		}
	}
	if rewritten < 24 {
		t.Errorf("only %d dates rewritten", rewritten)
	}
}

func TestHasControl(t *testing.T) {
	for n := range 20 {
		for _, c := range []byte{0, 1, 8, 9, 10, 11, 13, 27, 31, 32, 127, 128, 255} {
			b := []byte(strings.Repeat("a\nb\tc\r", 4))[:n+1]
			b[n] = c
			want := c < 0x20 && c != '\t' && c != '\n' && c != '\r'
			if got := hasControl(b); got != want {
				t.Errorf("hasControl(%q) = %v", b, got)
			}
		}
	}
}

func TestDecodeBody(t *testing.T) {
	for _, s := range []string{
		"&lt;p&gt;a &amp;amp; b&lt;/p&gt;", "&#39;&#34;&#x27;&#X41;&#65;&#0065;&#x7e;&#x7f;&#128;&#x80;&#0;&#9;",
		"&nbsp;&eacute;&copy;&apos;&quot;&Amp;&AMP;&notit;&notin;", "&#;&#x;&#12a;&#+1;", "plain",
	} {
		var want strings.Builder
		for rest := s; rest != ""; {
			i := strings.IndexByte(rest, '&')
			if i < 0 {
				want.WriteString(rest)
				break
			}
			want.WriteString(rest[:i])
			rest = rest[i:]
			end := strings.IndexByte(rest, ';') + 1
			if dec := html.UnescapeString(rest[:end]); dec != html.UnescapeString(rest[:end-1])+";" {
				want.WriteString(dec)
				rest = rest[end:]
			} else {
				want.WriteByte('&')
				rest = rest[1:]
			}
		}
		if got := decodeBody(s); got != want.String() {
			t.Errorf("decodeBody(%q) = %q, want %q", s, got, want.String())
		}
	}
}
