package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Document is feed i as its format writes it, its links on site
// ("http://127.0.0.3:8080", no slash at the end).
func (c Config) Document(feed int, site string) []byte {
	items := make([]item, c.Items)
	for j := range items {
		items[j] = c.item(feed, j, site)
	}
	var b strings.Builder
	switch c.Format(feed) {
	case "atom":
		c.atom(&b, feed, site, items)
	case "json":
		c.jsonFeed(&b, feed, site, items)
	default:
		c.rss(&b, feed, site, items)
	}
	return []byte(b.String())
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func x(s string) string { return xmlEscaper.Replace(s) }

func (c Config) rss(b *strings.Builder, feed int, site string, items []item) {
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>%s</title>
<link>%s/</link>
<description>Stories from %s</description>
<language>en</language>
<lastBuildDate>%s</lastBuildDate>
`, x(c.FeedTitle(feed)), site, x(c.FeedTitle(feed)), c.Updated(feed).Format(time.RFC1123Z))
	for _, it := range items {
		fmt.Fprintf(b, "<item>\n<title>%s</title>\n<link>%s</link>\n<guid isPermaLink=\"true\">%s</guid>\n<pubDate>%s</pubDate>\n<dc:creator>%s</dc:creator>\n<category>%s</category>\n<category>%s</category>\n<description>%s</description>\n",
			x(it.title), it.link, it.link, it.published.Format(time.RFC1123Z), x(it.author), x(it.categories[0]), x(it.categories[1]), x(it.summary))
		if it.content != "" {
			fmt.Fprintf(b, "<content:encoded>%s</content:encoded>\n", x(it.content))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
}

func (c Config) atom(b *strings.Builder, feed int, site string, items []item) {
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>%s</title>
<id>urn:byline-bench:feed:%d</id>
<updated>%s</updated>
<link rel="alternate" href="%s/"/>
<link rel="self" href="%s%s"/>
`, x(c.FeedTitle(feed)), feed, c.Updated(feed).Format(time.RFC3339), site, site, c.FeedPath(feed))
	for _, it := range items {
		date := it.published.Format(time.RFC3339)
		fmt.Fprintf(b, "<entry>\n<title type=\"text\">%s</title>\n<id>%s</id>\n<link rel=\"alternate\" href=\"%s\"/>\n<published>%s</published>\n<updated>%s</updated>\n<author><name>%s</name></author>\n<category term=\"%s\"/>\n<category term=\"%s\"/>\n<summary type=\"html\">%s</summary>\n",
			x(it.title), it.link, it.link, date, date, x(it.author), x(it.categories[0]), x(it.categories[1]), x(it.summary))
		if it.content != "" {
			fmt.Fprintf(b, "<content type=\"html\">%s</content>\n", x(it.content))
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
}

// JSON Feed 1.1, the fields the corpus uses.
type jsonFeedDoc struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	DatePublished string       `json:"date_published"`
	Authors       []jsonAuthor `json:"authors"`
	Tags          []string     `json:"tags"`
}

func (c Config) jsonFeed(b *strings.Builder, feed int, site string, items []item) {
	doc := jsonFeedDoc{Version: "https://jsonfeed.org/version/1.1", Title: c.FeedTitle(feed),
		HomePageURL: site + "/", FeedURL: site + c.FeedPath(feed)}
	for _, it := range items {
		ji := jsonFeedItem{ID: it.link, URL: it.link, Title: it.title, ContentHTML: it.summary,
			DatePublished: it.published.Format(time.RFC3339),
			Authors:       []jsonAuthor{{Name: it.author}}, Tags: it.categories[:]}
		if it.content != "" {
			ji.ContentHTML, ji.Summary = it.content, it.summary
		}
		doc.Items = append(doc.Items, ji)
	}
	enc := json.NewEncoder(b)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		panic(err) // strings and slices of strings always encode
	}
}

// WriteURLs writes a newsboat urls file of the feeds, feed i at site(i).
func (c Config) WriteURLs(w io.Writer, site func(int) string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# byline benchmark: %d feeds × %d items, seed %d\n", c.Feeds, c.Items, c.Seed)
	for i := range c.Feeds {
		b.WriteString(site(i) + c.FeedPath(i) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteOPML writes an OPML 2.0 file of the feeds, feed i at site(i).
func (c Config) WriteOPML(w io.Writer, site func(int) string) error {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head><title>byline benchmark</title></head>\n<body>\n")
	for i := range c.Feeds {
		fmt.Fprintf(&b, "<outline type=\"rss\" text=\"%s\" title=\"%s\" xmlUrl=\"%s\" htmlUrl=\"%s/\"/>\n",
			x(c.FeedTitle(i)), x(c.FeedTitle(i)), x(site(i)+c.FeedPath(i)), x(site(i)))
	}
	b.WriteString("</body>\n</opml>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
