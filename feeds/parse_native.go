package feeds

import (
	"bytes"
	"strings"
	"time"

	"github.com/byline-reader/byline/feeds/internal/fastxml"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// This file turns gofeed's native RSS, Atom and JSON Feed values into
// entries, following the rules of gofeed's default translators (which
// byline used until they proved costly: they parse every item's HTML to
// look for an image byline never shows), so that the articles come out
// the same.

// feedSource is a parsed feed before it becomes byline's values.
type feedSource struct {
	title, link string
	entries     []entry
}

// entry is the part of an item byline keeps, as the feed had it.
type entry struct {
	title, summary, content string
	link, guid              string
	published, updated      *time.Time
	authors                 []person
	author                  *person // the one author, kept when authors name nobody
	comments                string  // the page where the item is discussed
	files                   []rawFile
}

type person struct{ name, email string }

// parseXML parses an RSS or Atom document. r restores the bodies
// fastxml.Lift took out of doc (nil when it took none); only the first
// maxItems entries are converted when maxItems > 0.
func parseXML(doc []byte, isAtom bool, r *fastxml.Restorer, maxItems int) (feedSource, error) {
	if isAtom {
		f, err := (&atom.Parser{}).Parse(bytes.NewReader(doc))
		if err != nil {
			return feedSource{}, err
		}
		return fromAtom(f, r, maxItems), nil
	}
	f, err := (&rss.Parser{}).Parse(bytes.NewReader(doc))
	if err != nil {
		return feedSource{}, err
	}
	return fromRSS(f, r, maxItems), nil
}

func parseJSON(data []byte) (feedSource, error) {
	f, err := (&json.Parser{}).Parse(bytes.NewReader(data))
	if err != nil {
		return feedSource{}, err
	}
	return fromJSON(f), nil
}

// capped is n, or maxItems when that is smaller and positive.
func capped(n, maxItems int) int {
	if maxItems > 0 && n > maxItems {
		return maxItems
	}
	return n
}

func fromRSS(f *rss.Feed, r *fastxml.Restorer, maxItems int) feedSource {
	src := feedSource{title: r.Plain(f.Title), link: r.Plain(f.Link)}
	if src.title == "" && f.DublinCoreExt != nil {
		src.title = r.First(f.DublinCoreExt.Title)
	}
	if src.link == "" {
		// An atom:link with rel="alternate" (or none) points at the site
		// the way <link> does.
		src.link = r.Plain(atomSiteLink(f.Extensions))
	}
	src.entries = make([]entry, 0, capped(len(f.Items), maxItems))
	for _, it := range f.Items[:capped(len(f.Items), maxItems)] {
		src.entries = append(src.entries, rssEntry(it, r))
	}
	return src
}

func rssEntry(it *rss.Item, r *fastxml.Restorer) entry {
	dc := it.DublinCoreExt
	e := entry{title: r.Plain(it.Title), link: r.Plain(it.Link)}
	if e.title == "" && dc != nil {
		e.title = r.First(dc.Title)
	}
	if e.link == "" && len(it.Links) > 0 {
		e.link = r.Plain(it.Links[0])
	}
	if it.GUID != nil {
		e.guid = r.Plain(it.GUID.Value)
	}
	// The summary is the first of description, dc:description,
	// itunes:summary that is there, or failing those atom:summary.
	switch e.summary = r.Body(it.Description); {
	case e.summary != "":
	case dc != nil && dc.Description != nil:
		e.summary = r.First(dc.Description)
	case it.ITunesExt != nil:
		e.summary = r.Plain(it.ITunesExt.Summary)
	}
	if e.summary == "" {
		e.summary = r.Plain(atomExtValue(it.Extensions, "summary"))
	}
	if e.content = r.Body(it.Content); e.content == "" {
		e.content = r.Plain(atomExtValue(it.Extensions, "content"))
	}
	// Dates: pubDate (already parsed), else dc:date, else atom:published;
	// the update time is dc:date, else atom:updated.
	var dcDate string
	if dc != nil && dc.Date != nil {
		dcDate = r.First(dc.Date)
	}
	pubText, updText := "", dcDate
	r.Plain(it.PubDate) // only checked: gofeed has parsed it already
	if it.PubDateParsed == nil {
		if pubText = dcDate; pubText == "" {
			pubText = r.Plain(atomExtValue(it.Extensions, "published"))
		}
	}
	if updText == "" {
		updText = r.Plain(atomExtValue(it.Extensions, "updated"))
	}
	e.published, e.updated = feedDates(pubText, updText)
	if it.PubDateParsed != nil {
		e.published = it.PubDateParsed
	}
	if p := rssAuthor(it, r); p != nil {
		e.author = p
		e.authors = []person{*p}
	}
	e.comments, e.files = rssComments(it, r), rssFiles(it, r)
	return e
}

// rssAuthor is the item's author from the first source that has one:
// author, dc:author, dc:creator, itunes:author, then atom:author.
func rssAuthor(it *rss.Item, r *fastxml.Restorer) *person {
	dc := it.DublinCoreExt
	var text string
	switch {
	case it.Author != "":
		text = r.Plain(it.Author)
	case dc != nil && dc.Author != nil:
		text = r.First(dc.Author)
	case dc != nil && dc.Creator != nil:
		text = r.First(dc.Creator)
	case it.ITunesExt != nil && it.ITunesExt.Author != "":
		text = r.Plain(it.ITunesExt.Author)
	default:
		name := r.Plain(atomExtChild(it.Extensions, "author", "name"))
		email := r.Plain(atomExtChild(it.Extensions, "author", "email"))
		if name == "" && email == "" {
			return nil
		}
		return &person{name: name, email: email}
	}
	p := splitPerson(text)
	return &p
}

// atomPrefixes are the extension keys gofeed files Atom elements under
// when they appear inside RSS.
var atomPrefixes = [...]string{"atom", "atom10", "atom03"}

// atomSiteLink is the href of the first atom:link that points at the
// site: rel="alternate" or no rel.
func atomSiteLink(exts ext.Extensions) string {
	return atomExtLink(exts, func(rel, _ string) bool { return rel == "" || rel == "alternate" })
}

// atomExtLink is the href of the first atom:link whose rel and type want
// takes, else "".
func atomExtLink(exts ext.Extensions, want func(rel, typ string) bool) string {
	for _, prefix := range atomPrefixes {
		for _, l := range exts[prefix]["link"] {
			if want(l.Attrs["rel"], l.Attrs["type"]) {
				return l.Attrs["href"]
			}
		}
	}
	return ""
}

// atomExtValue is the text of the first Atom element called name.
func atomExtValue(exts ext.Extensions, name string) string {
	for _, prefix := range atomPrefixes {
		if es := exts[prefix][name]; len(es) > 0 {
			return es[0].Value
		}
	}
	return ""
}

// atomExtChild is the text of the first child called child of the first
// Atom element called parent.
func atomExtChild(exts ext.Extensions, parent, child string) string {
	for _, prefix := range atomPrefixes {
		if m, ok := exts[prefix]; ok {
			if ps, ok := m[parent]; ok && len(ps) > 0 {
				if cs, ok := ps[0].Children[child]; ok && len(cs) > 0 {
					return cs[0].Value
				}
			}
		}
	}
	return ""
}

func fromAtom(f *atom.Feed, r *fastxml.Restorer, maxItems int) feedSource {
	src := feedSource{title: r.Plain(f.Title)}
	if l := atomLink(f.Links, "alternate"); l != nil {
		src.link = r.Plain(l.Href)
	}
	n := capped(len(f.Entries), maxItems)
	src.entries = make([]entry, 0, n)
	for _, en := range f.Entries[:n] {
		src.entries = append(src.entries, atomEntry(en, r))
	}
	return src
}

func atomEntry(en *atom.Entry, r *fastxml.Restorer) entry {
	e := entry{
		title:     r.Plain(en.Title),
		guid:      r.Plain(en.ID),
		summary:   r.Body(en.Summary),
		published: en.PublishedParsed,
		updated:   en.UpdatedParsed,
	}
	r.Plain(en.Published) // only checked: gofeed has parsed them already
	r.Plain(en.Updated)
	if e.published == nil {
		e.published = en.UpdatedParsed
	}
	if en.Content != nil {
		e.content = r.Body(en.Content.Value)
	}
	if l := atomLink(en.Links, "alternate"); l != nil {
		e.link = r.Plain(l.Href)
	}
	if e.link == "" {
		// Otherwise the first link that is the entry itself.
		for _, l := range en.Links {
			if rel := r.Plain(l.Rel); rel == "" || rel == "alternate" || rel == "self" {
				e.link = r.Plain(l.Href)
				break
			}
		}
	}
	for _, p := range en.Authors {
		e.authors = append(e.authors, person{name: r.Plain(p.Name), email: r.Plain(p.Email)})
	}
	if len(e.authors) > 0 {
		e.author = &e.authors[0]
	}
	e.comments, e.files = atomExtras(en.Links, r)
	return e
}

// atomLink is the first link with the given rel.
func atomLink(links []*atom.Link, rel string) *atom.Link {
	for _, l := range links {
		if l.Rel == rel {
			return l
		}
	}
	return nil
}

func fromJSON(f *json.Feed) feedSource {
	src := feedSource{title: f.Title, link: f.HomePageURL}
	src.entries = make([]entry, 0, len(f.Items))
	for _, it := range f.Items {
		if it != nil {
			src.entries = append(src.entries, jsonEntry(it))
		}
	}
	return src
}

func jsonEntry(it *json.Item) entry {
	e := entry{title: it.Title, guid: it.ID, summary: it.Summary, link: it.URL}
	if e.link == "" {
		e.link = it.ExternalURL
	}
	if e.content = it.ContentHTML; e.content == "" {
		e.content = it.ContentText
	}
	e.published, e.updated = feedDates(it.DatePublished, it.DateModified)
	if it.Author != nil {
		p := splitPerson(it.Author.Name)
		e.author = &p
	}
	if it.Authors != nil {
		for _, a := range it.Authors {
			if a != nil {
				e.authors = append(e.authors, splitPerson(a.Name))
			}
		}
	} else if e.author != nil {
		e.authors = []person{*e.author}
	}
	e.files = jsonFiles(it)
	return e
}

// dateReader borrows gofeed's date parser, which knows the many shapes
// feed dates come in but is internal to gofeed: its JSON Feed translator
// parses an item's two dates with it and does nothing costly besides.
var dateReader gofeed.DefaultJSONTranslator

// feedDates parses a published and an updated date the way gofeed does;
// a blank or unreadable date is nil.
func feedDates(published, updated string) (*time.Time, *time.Time) {
	if strings.TrimSpace(published) == "" && strings.TrimSpace(updated) == "" {
		return nil, nil
	}
	// The translator also parses the first item's dates for the feed;
	// an empty first item keeps that cheap.
	f, err := dateReader.Translate(&json.Feed{Items: []*json.Item{{}, {
		DatePublished: published, DateModified: updated,
	}}})
	if err != nil || len(f.Items) < 2 {
		return nil, nil
	}
	return f.Items[1].PublishedParsed, f.Items[1].UpdatedParsed
}

// splitPerson reads an author string such as "Jo Doe", "jo@example.com
// (Jo Doe)" or "Jo Doe (jo@example.com)" as gofeed does.
func splitPerson(text string) person {
	if strings.IndexByte(text, '@') < 0 {
		// Without an address only the plain-name form applies.
		if text == "" || strings.ContainsAny(text, "()") {
			return person{}
		}
		return person{name: text}
	}
	f, err := dateReader.Translate(&json.Feed{Items: []*json.Item{{}, {
		Author: &json.Author{Name: text},
	}}})
	if err != nil || len(f.Items) < 2 || f.Items[1].Author == nil {
		return person{}
	}
	return person{name: f.Items[1].Author.Name, email: f.Items[1].Author.Email}
}
