package feeds

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParseCorpus parses every document in the directory named by
// BYLINE_PARSE_CORPUS (saved feeds, e.g. from the bench feed server); it
// is skipped when the variable is unset.
func BenchmarkParseCorpus(b *testing.B) {
	dir := os.Getenv("BYLINE_PARSE_CORPUS")
	if dir == "" {
		b.Skip("BYLINE_PARSE_CORPUS not set")
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no corpus in %s: %v", dir, err)
	}
	var docs [][]byte
	var size int64
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range docs {
			if _, err := Parse(d, "https://bench.example/feed", 0); err != nil {
				b.Fatalf("%s: %v", names[i], err)
			}
		}
	}
}

// articleHTML is about size bytes of article HTML, different for each n.
func articleHTML(n, size int) string {
	var b strings.Builder
	for p := 0; b.Len() < size; p++ {
		fmt.Fprintf(&b, `<p>Paragraph %d of story %d: the <a href="https://bench.example/topic/%d">committee</a> said on Tuesday that “we are not done yet,” adding that costs rose 4%% &amp; more &mdash; <em>critics</em> disagreed.</p>
<blockquote>“This is a quote from a named person,” said Ann Smith, a spokeswoman.</blockquote>
<p><img src="https://bench.example/img/%d-%d.jpg" alt="photo"> Officials expect a vote next week; the plan <strong>goes too far</strong>, opponents say.</p>
`, p, n, p%17, n, p)
	}
	return b.String()
}

// fullRSS is an RSS 2.0 document of n items, each with a summary and
// about contentSize bytes of article HTML in content:encoded (CDATA).
func fullRSS(n, contentSize int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Bench Full</title><link>https://bench.example/</link><description>full text</description>
`)
	for i := range n {
		fmt.Fprintf(&b, `<item>
<title>Full story %d</title>
<link>https://bench.example/full/%d</link>
<guid isPermaLink="true">https://bench.example/full/%d</guid>
<pubDate>Mon, 06 May 2024 %02d:%02d:00 +0000</pubDate>
<dc:creator>Reporter %d</dc:creator>
<category>Politics</category><category>World</category>
<description><![CDATA[<p>The council met on Monday to discuss the budget, story %d.</p>]]></description>
<content:encoded><![CDATA[%s]]></content:encoded>
</item>
`, i, i, i, i%24, i%60, i%7, i, articleHTML(i, contentSize))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// fullAtom is an Atom document of n entries, each with an escaped HTML
// summary and about contentSize bytes of article HTML in
// <content type="html">, entity-escaped.
func fullAtom(n, contentSize int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Bench Atom</title><id>urn:bench</id><updated>2024-06-01T12:00:00Z</updated>
<link rel="alternate" href="https://bench.example/"/>
`)
	for i := range n {
		fmt.Fprintf(&b, `<entry>
<title type="text">Atom story %d</title>
<id>urn:bench:%d</id>
<link rel="alternate" type="text/html" href="https://bench.example/atom/%d"/>
<published>2024-06-01T%02d:%02d:00Z</published>
<updated>2024-06-01T%02d:%02d:00Z</updated>
<author><name>Reporter %d</name></author>
<category term="world"/>
<summary type="html">%s</summary>
<content type="html">%s</content>
</entry>
`, i, i, i, i%24, i%60, i%24, i%60, i%7, html.EscapeString(articleHTML(i, 400)), html.EscapeString(articleHTML(i, contentSize)))
	}
	b.WriteString("</feed>\n")
	return []byte(b.String())
}

// newsRSS is an RSS 2.0 document of n items, each with about descSize
// bytes of entity-escaped HTML in <description> and, when contentSize is
// positive, 1–1.6 times contentSize bytes of article HTML in
// content:encoded: CDATA in even items, entity-escaped in odd ones.
// Dates are in GMT when gmt is set (as many news sites write them), else
// in +0000 (as WordPress does).
func newsRSS(n, descSize, contentSize int, gmt bool) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Bench &amp; Co. News</title><link>https://bench.example/</link>
<atom:link href="https://bench.example/feed" rel="self" type="application/rss+xml"/>
<description>Latest stories</description><language>en-us</language>
`)
	zone := "+0000"
	if gmt {
		zone = "GMT"
	}
	for i := range n {
		fmt.Fprintf(&b, `<item>
<title>Story %d: council &amp; mayor &#8220;agree&#8221; on budget</title>
<link>https://bench.example/%d/story-%d/</link>
<comments>https://bench.example/%d/story-%d/#comments</comments>
<dc:creator><![CDATA[Reporter %d]]></dc:creator>
<pubDate>%s, %02d May 2024 %02d:%02d:%02d %s</pubDate>
<category><![CDATA[Politics]]></category><category><![CDATA[Local]]></category>
<guid isPermaLink="false">https://bench.example/?p=%d</guid>
<description>%s</description>
`, i, i, i, i, i, i%7, [...]string{"Mon", "Tue", "Wed"}[i%3], 1+i%28, i%24, i%60, (i*7)%60, zone,
			1000+i, html.EscapeString(articleHTML(i, descSize)))
		if contentSize > 0 {
			body := articleHTML(i, contentSize+(i*271)%(contentSize*3/5))
			if i%2 == 0 {
				fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", body)
			} else {
				fmt.Fprintf(&b, "<content:encoded>%s</content:encoded>\n", html.EscapeString(body))
			}
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// benchFeeds are the documents BenchmarkParse parses, with their items.
var benchFeeds = []struct {
	name  string
	items int
	doc   func() []byte
}{
	// A full-text blog feed: 3–5 KB of HTML per item.
	{"rss-full-50", 50, func() []byte { return newsRSS(50, 300, 3000, false) }},
	{"atom-full-50", 50, func() []byte { return fullAtom(50, 3500) }},
	// A headline feed: short descriptions, GMT dates.
	{"rss-small-20", 20, func() []byte { return newsRSS(20, 150, 0, true) }},
	// A long archive: 500 items of summaries, GMT dates.
	{"rss-large-500", 500, func() []byte { return newsRSS(500, 800, 0, true) }},
}

// BenchmarkParse parses each of benchFeeds with the fast path
// (path=fast, what Parse does: package fastxml lifts large bodies past
// encoding/xml and rewrites GMT pubDates) and with gofeed's parsers alone
// (path=gofeed). Medians of 8 runs on 2 cores (go1.26, linux/amd64, Xeon):
//
//	go test -run '^$' -bench 'BenchmarkParse$' -count 8 ./feeds/ > out.txt
//	go run golang.org/x/perf/cmd/benchstat@latest -col /path out.txt
//
//	feed           fast: time  memory   gofeed: time  memory   gain: time  memory
//	rss-full-50       2.0 ms   1.1 MiB       6.0 ms    2.5 MiB        3.0×    2.3×
//	atom-full-50      1.9 ms   1.2 MiB       8.3 ms    4.5 MiB        4.4×    3.9×
//	rss-small-20      0.54 ms  0.31 MiB      1.14 ms   0.67 MiB       2.1×    2.1×
//	rss-large-500    15.4 ms   7.9 MiB      34.6 ms   18.3 MiB        2.2×    2.3×
//
// With +0000 dates instead of GMT the last two gain 1.4× and 1.8× in
// time: the rest is the date rewrite.
func BenchmarkParse(b *testing.B) {
	for _, f := range benchFeeds {
		data := f.doc()
		for _, path := range []string{"fast", "gofeed"} {
			b.Run("feed="+f.name+"/path="+path, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					pf, err := parseDoc(data, "https://bench.example/feed", 0, path == "fast")
					if err != nil || len(pf.Articles) != f.items {
						b.Fatalf("%v, %d articles", err, len(pf.Articles))
					}
				}
			})
		}
	}
}
