package hostile

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strings"
	"time"
)

// xmlText escapes s for XML text, leaving it to the XML parser to decode
// once: a payload's "&#27;" arrives in the feed's text as "&#27;", which
// the feed's HTML then decodes to ESC.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// bodyHTML is an item's HTML body: every payload, links to every bad
// scheme, script and style, and a link to the hostile page.
func bodyHTML(base, payload string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<p>“%s,” said Mallory %s. Then the council voted on it at length, and the room was quiet.</p>`, payload, payload)
	for _, l := range BadLinks {
		fmt.Fprintf(&b, `<p><a href="%s">bad link %s</a> <img src="%s" alt="img %s"></p>`, html.EscapeString(l), payload, html.EscapeString(l), payload)
	}
	for _, l := range ShellLinks {
		fmt.Fprintf(&b, `<p><a href="%s">shell link</a></p>`, html.EscapeString(l))
	}
	fmt.Fprintf(&b, `<script>document.write("%s")</script><style>body{}</style><iframe src="javascript:alert(1)"></iframe>`, payload)
	fmt.Fprintf(&b, `<p><a href="%s/page/hostile.html">the whole story</a></p>`, base)
	return b.String()
}

// itemLinks are the links the items of a hostile feed point at, in turn:
// the hostile pages (so reading an item fetches one) and every bad link.
func itemLinks(base string) []string {
	links := []string{base + "/page/hostile.html", base + "/page/charset.html", base + "/page/deep.html",
		base + "/page/big.html", base + "/page/bomb.html", base + "/page/slow.html", base + "/page/loop.html"}
	links = append(links, BadLinks...)
	return append(links, ShellLinks...)
}

func entitiesFeed(base string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>javascript:alert(1)</link>`, xmlText("Entities "+Payloads[10]))
	links := itemLinks(base)
	n := max(len(Payloads), len(links))
	for i := range n {
		p, link := Payloads[i%len(Payloads)], links[i%len(links)]
		fmt.Fprintf(&b, `<item><title>%s headline %d</title><link>%s</link><guid isPermaLink="false">e%d</guid><author>%s</author><description>%s</description></item>`,
			xmlText(p), i, xmlText(link), i, xmlText("m@evil.example (Mallory "+p+")"), xmlText(bodyHTML(base, p)))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func cdataFeed(base string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title><![CDATA[CDATA %s]]></title>`, Payloads[0])
	for i, p := range Payloads {
		fmt.Fprintf(&b, `<item><title><![CDATA[%s raw %d]]></title><link>%s/a/c%d</link><guid>c%d</guid><description><![CDATA[%s]]></description></item>`,
			p, i, base, i, i, bodyHTML(base, p))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func atomFeed(base string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="html">%s</title><link href="file:///etc/passwd"/><id>urn:x</id><updated>2024-06-21T12:00:00Z</updated>`, xmlText("Atom "+Payloads[13]))
	for i, p := range Payloads {
		fmt.Fprintf(&b, `<entry><title type="html">%s atom %d</title><link href="%s/a/t%d"/><id>t%d</id><updated>2024-06-21T12:00:00Z</updated><author><name>%s</name></author><content type="html">%s</content></entry>`,
			xmlText(p), i, base, i, i, xmlText(p), xmlText(bodyHTML(base, p)))
	}
	b.WriteString(`</feed>`)
	return b.String()
}

func jsonFeed(base string) string {
	type item struct {
		ID          string `json:"id"`
		URL         string `json:"url"`
		Title       string `json:"title"`
		ContentHTML string `json:"content_html"`
		Summary     string `json:"summary"`
		Authors     []struct {
			Name string `json:"name"`
		} `json:"authors"`
	}
	feed := struct {
		Version string `json:"version"`
		Title   string `json:"title"`
		Home    string `json:"home_page_url"`
		Items   []item `json:"items"`
	}{Version: "https://jsonfeed.org/version/1.1", Title: "JSON " + Payloads[1], Home: "data:text/html,x"}
	for i, p := range Payloads {
		it := item{ID: fmt.Sprint("j", i), URL: fmt.Sprintf("%s/a/j%d", base, i), Title: p + fmt.Sprint(" json ", i), ContentHTML: bodyHTML(base, p), Summary: p}
		it.Authors = append(it.Authors, struct {
			Name string `json:"name"`
		}{p})
		feed.Items = append(feed.Items, it)
	}
	data, _ := json.Marshal(feed) // JSON escapes the controls as \u001b: the parser decodes them
	return string(data)
}

// articlePage is an article page that attacks in its title, metadata,
// text and links.
func articlePage(base string) string {
	var b strings.Builder
	j := html.EscapeString(Joined())
	fmt.Fprintf(&b, `<!doctype html><html><head><meta charset="utf-8"><title>%s</title>
<meta property="og:title" content="%s"><meta property="og:site_name" content="%s"><meta name="author" content="%s">
<link rel="canonical" href="javascript:alert(1)"></head><body><article><h1>%s</h1>`, j, j, j, j, Joined())
	for _, p := range Payloads {
		b.WriteString(bodyHTML(base, p))
		fmt.Fprintf(&b, `<blockquote>“%s” said the mayor %s.</blockquote>`, p, html.EscapeString(p))
	}
	b.WriteString(`</article></body></html>`)
	return b.String()
}

func (s *Server) pageRoutes(mux *http.ServeMux) {
	mux.HandleFunc("/page/hostile.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage(base(r)))
	})
	mux.HandleFunc("/page/charset.html", func(w http.ResponseWriter, r *http.Request) {
		// UTF-7 spells ESC as "+ABs-"; the declared charset is bogus.
		w.Header().Set("Content-Type", "text/html; charset=x-evil-7")
		fmt.Fprint(w, `<html><head><meta charset="utf-7"><title>+ABs-]0;pwned+AAc-</title></head><body><article><h1>Seven +ABs-[2J</h1>`+
			strings.Repeat(`<p>The council voted on the matter +ABs-]52;c;eA==+AAc- at length, and the room was quiet for a while.</p>`, 8)+
			"<p>latin1 \x9b2J \xe9t\xe9</p></article></body></html>")
	})
	mux.HandleFunc("/page/deep.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><article><p>Deep page text that is long enough to be an article, more or less, and then some.</p>"+
			strings.Repeat("<div>", 100_000)+"deep &#27;[2J"+strings.Repeat("</div>", 100_000)+"</article></body></html>")
	})
	mux.HandleFunc("/page/big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		para := "<p>" + strings.Repeat("word ", 2000) + "</p>"
		for written := 0; written < 20<<20; written += len(para) {
			if _, err := fmt.Fprint(w, para); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/page/bomb.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/page/slow.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		s.trickle(w, r, "<html><body><p>slow</p></body></html>", 500*time.Millisecond)
	})
	mux.HandleFunc("/page/loop.html", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page/loop.html?"+r.URL.RawQuery+"x", http.StatusFound)
	})
	mux.HandleFunc("/site/", func(w http.ResponseWriter, r *http.Request) {
		// A site whose advertised feeds are not web links.
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
<link rel="alternate" type="application/atom+xml" href="exec:touch /tmp/byline-pwned"></head><body>hi</body></html>`)
	})
}
