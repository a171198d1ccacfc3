// Package jsonout holds the shapes the command line prints with --json
// for articles and feeds (list, search, feeds, feed show, read): the
// scripting contract that README documents, in one place, built from
// model's types. main sanitises them on the way out (ui/termout.JSON).
package jsonout

import (
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
	"github.com/byline-reader/byline/model/markdown"
)

// Enclosure is one of an article's files in `read --json`.
type Enclosure struct {
	URL      string `json:"url"`
	Type     string `json:"type"`
	Length   int64  `json:"length"`
	Duration int64  `json:"duration_seconds"`
}

func Enclosures(es []model.Enclosure) []Enclosure {
	out := make([]Enclosure, len(es))
	for i, f := range es {
		out[i] = Enclosure{f.URL, f.Type, f.Length, int64(f.Duration / time.Second)}
	}
	return out
}

// FeedShow is the shape `feed show --json` prints.
type FeedShow struct {
	ID      int64    `json:"id"`
	URL     string   `json:"url"`
	Title   string   `json:"title"` // as shown: the user's title, else the feed's own
	Account *string  `json:"account"`
	Folder  string   `json:"folder"` // a path of names joined by "/"; "" for none
	Tags    []string `json:"tags"`
	// Settings are every key of `feed set` but folder and tags, as it takes them;
	// "" is the default.
	Settings map[string]string `json:"settings"`
}

// Settings is f's settings as `feed set` takes them, keyed by name, but
// folder and tags (fields of their own): all of them, or only those set.
func Settings(f model.Feed, all bool) map[string]string {
	out := map[string]string{}
	for _, v := range feedset.FeedValues(model.Feed{Settings: f.Settings}) {
		if v.Key != "folder" && v.Key != "tags" && (all || v.Value != "") {
			out[v.Key] = model.SanitizeLine(v.Value)
		}
	}
	return out
}

// Article is the shape `list` and `search` print.
type Article struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Site      string  `json:"site"`
	Feed      string  `json:"feed"`
	Author    string  `json:"author"`
	Published *string `json:"published"`
	Read      bool    `json:"read"`
	Starred   bool    `json:"starred"`
}

// Feed is the shape `feeds` prints.
type Feed struct {
	ID     int64   `json:"id"`
	URL    string  `json:"url"`
	Title  string  `json:"title"`
	Unread int     `json:"unread"`
	Total  int     `json:"total"`
	Error  *string `json:"error"`
	// Account is the sync account the feed belongs to; null for byline's own.
	Account *string  `json:"account"`
	Folder  string   `json:"folder"` // a path of names joined by "/"; "" for none
	Tags    []string `json:"tags"`
	// Settings are the feed's settings that are not the default, as
	// `feed set` takes them (see Settings); {} when none are set.
	Settings map[string]string `json:"settings"`
}

// Read is the object `read --json` prints.
type Read struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Site      string  `json:"site"`
	Author    string  `json:"author"`
	Published *string `json:"published"`
	Notice    string  `json:"notice,omitempty"`
	Markdown  string  `json:"markdown"`
	Quotes    []Quote `json:"quotes"`
	Images    []Image `json:"images"`
	Links     []Link  `json:"links"`
	// Comments is the page where the article is discussed; Enclosures its
	// files (a podcast's audio).
	Comments   string      `json:"comments,omitempty"`
	Enclosures []Enclosure `json:"enclosures"`
}

// Image is an image of the article, in order: where it is fetched
// from, its alt text and the caption under it.
type Image struct {
	URL     string `json:"url"`
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
}

// Link is a link of the article, once per URL, numbered as the
// reader and `read --plain` number it.
type Link struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	URL  string `json:"url"`
}

type Quote struct {
	N         int     `json:"n"`
	Text      string  `json:"text"`
	Speaker   *string `json:"speaker"`
	Paragraph int     `json:"paragraph"`
}

func Images(images []markdown.Picture) []Image {
	out := make([]Image, len(images))
	for i, im := range images {
		out[i] = Image{URL: im.URL, Alt: im.Alt, Caption: im.Caption}
	}
	return out
}

func Links(links []markdown.Link) []Link {
	out := make([]Link, len(links))
	for i, l := range links {
		out[i] = Link{N: l.N, Text: l.Text, URL: l.URL}
	}
	return out
}

func Quotes(qs []model.Quote) []Quote {
	out := make([]Quote, len(qs))
	for i, q := range qs {
		out[i] = Quote{N: q.N, Text: q.Text, Paragraph: q.Paragraph}
		if q.Speaker != "" {
			s := q.Speaker
			out[i].Speaker = &s
		}
	}
	return out
}
