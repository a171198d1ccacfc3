package feeds

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/feeds/internal/fastxml"
	"github.com/byline-reader/byline/feeds/media"
	"github.com/byline-reader/byline/model"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// This file reads what podcasts and discussion sites add to an item: its
// files (RSS <enclosure>, media:content, Atom rel="enclosure" links, JSON
// Feed attachments) and the page where it is discussed (RSS <comments>,
// Atom rel="replies").

// maxEnclosures bounds the files kept of one item: a podcast has one, a
// feed with hundreds is a mistake or an attack.
const maxEnclosures = 8

// rawFile is an item's file as the feed had it, before it is checked.
type rawFile struct{ url, typ, length, duration string }

// rssFiles are an item's enclosures or, lacking any, its audio or video
// media:content; itunes:duration is the first one's playing time.
func rssFiles(it *rss.Item, r *fastxml.Restorer) []rawFile {
	var files []rawFile
	for _, enc := range it.Enclosures {
		if enc != nil && len(files) < maxEnclosures {
			files = append(files, rawFile{url: r.Plain(enc.URL), typ: r.Plain(enc.Type), length: r.Plain(enc.Length)})
		}
	}
	if len(files) == 0 && it.Extensions != nil {
		files = mediaFiles(it.Extensions["media"], r)
	}
	if len(files) > 0 && it.ITunesExt != nil && it.ITunesExt.Duration != "" {
		files[0].duration = r.Plain(it.ITunesExt.Duration)
	}
	return files
}

// mediaFiles are the audio and video media:content elements, at the top
// of the item or in a media:group. Pictures are left out: news feeds
// attach one to every story, and those are no files to play.
func mediaFiles(media map[string][]ext.Extension, r *fastxml.Restorer) []rawFile {
	contents := media["content"]
	for _, g := range media["group"] {
		contents = append(contents, g.Children["content"]...)
	}
	var files []rawFile
	for _, c := range contents {
		typ, medium := c.Attrs["type"], c.Attrs["medium"]
		playable := medium == "audio" || medium == "video" ||
			strings.HasPrefix(typ, "audio/") || strings.HasPrefix(typ, "video/")
		if playable && c.Attrs["url"] != "" && len(files) < maxEnclosures {
			files = append(files, rawFile{url: r.Plain(c.Attrs["url"]), typ: r.Plain(typ),
				length: r.Plain(c.Attrs["fileSize"]), duration: r.Plain(c.Attrs["duration"])})
		}
	}
	return files
}

// rssComments is the item's <comments> page, else the href of an
// atom:link rel="replies" to an HTML page.
func rssComments(it *rss.Item, r *fastxml.Restorer) string {
	if it.Comments != "" {
		return r.Plain(it.Comments)
	}
	return r.Plain(atomExtLink(it.Extensions, func(rel, typ string) bool { return rel == "replies" && htmlType(typ) }))
}

// atomExtras are an entry's rel="enclosure" links and its rel="replies"
// link to an HTML page (RFC 4685; one to a feed of comments is no page).
func atomExtras(links []*atom.Link, r *fastxml.Restorer) (comments string, files []rawFile) {
	for _, l := range links {
		switch r.Plain(l.Rel) {
		case "enclosure":
			if len(files) < maxEnclosures {
				files = append(files, rawFile{url: r.Plain(l.Href), typ: r.Plain(l.Type), length: r.Plain(l.Length)})
			}
		case "replies":
			if comments == "" && htmlType(r.Plain(l.Type)) {
				comments = r.Plain(l.Href)
			}
		}
	}
	return comments, files
}

// htmlType reports a link type that is a web page.
func htmlType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	return t == "text/html" || t == "application/xhtml+xml"
}

// jsonFiles are a JSON Feed item's attachments.
func jsonFiles(it *json.Item) []rawFile {
	if it.Attachments == nil {
		return nil
	}
	var files []rawFile
	for _, at := range *it.Attachments {
		if len(files) == maxEnclosures {
			break
		}
		f := rawFile{url: at.URL, typ: at.MimeType}
		if at.SizeInBytes > 0 {
			f.length = strconv.FormatInt(at.SizeInBytes, 10)
		}
		if at.DurationInSeconds > 0 {
			f.duration = strconv.FormatInt(at.DurationInSeconds, 10)
		}
		files = append(files, f)
	}
	return files
}

// enclosures checks an entry's files: each an http(s) link (resolved
// against base) with a media type, a size and a playing time that make
// sense, each dropped or zeroed when not.
func enclosures(base *url.URL, files []rawFile) []model.Enclosure {
	var out []model.Enclosure
	for _, f := range files {
		u := resolveLink(base, f.url)
		if u == "" {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(f.length), 10, 64)
		if err != nil || n < 0 {
			n = 0
		}
		out = append(out, model.Enclosure{URL: u, Type: media.Type(f.typ), Length: n, Duration: media.Duration(f.duration)})
	}
	return out
}
