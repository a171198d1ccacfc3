package sublist

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
)

type opmlDoc struct {
	XMLName xml.Name       `xml:"opml"`
	Version string         `xml:"version,attr"`
	Title   string         `xml:"head>title"`
	Created string         `xml:"head>dateCreated"`
	Body    []*opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string         `xml:"text,attr"`
	Title    string         `xml:"title,attr,omitempty"`
	Type     string         `xml:"type,attr,omitempty"`
	XMLURL   string         `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string         `xml:"htmlUrl,attr,omitempty"`
	Category string         `xml:"category,attr,omitempty"`
	Outlines []*opmlOutline `xml:"outline"`
}

// WriteOPML writes feeds as an OPML 2.0 document: each feed an outline
// (text and title its DisplayTitle, type rss, xmlUrl, htmlUrl, its tags
// comma-separated in category) inside the outlines of its folder path,
// one outline per folder, the folders and feeds in the order they first
// come in feeds. ParseOPML reads it back to the same folders, order,
// titles and tags (a tag holding a comma comes back as two).
func WriteOPML(w io.Writer, feeds []model.Feed) error {
	doc := opmlDoc{
		Version: "2.0",
		Title:   "byline subscriptions",
		Created: time.Now().UTC().Format(time.RFC1123Z),
	}
	tree := opmlTree{body: &doc.Body, folders: map[string]*opmlOutline{}}
	for _, f := range feeds {
		o := &opmlOutline{
			Text:     f.DisplayTitle(),
			Title:    f.DisplayTitle(),
			Type:     "rss",
			XMLURL:   f.URL,
			HTMLURL:  f.SiteURL,
			Category: strings.Join(f.Tags, ","),
		}
		in := tree.folder(model.FolderNames(f.Folder))
		*in = append(*in, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	return nil
}

// opmlTree builds the folder outlines of a document as feeds need them.
type opmlTree struct {
	body    *[]*opmlOutline
	folders map[string]*opmlOutline // by path
}

// folder is the list of outlines inside the folder path names, made (in
// the list of the folder around it) if it is not yet there.
func (t opmlTree) folder(names []string) *[]*opmlOutline {
	in := t.body
	for i, name := range names {
		path := strings.Join(names[:i+1], model.FolderSep)
		o, ok := t.folders[path]
		if !ok {
			o = &opmlOutline{Text: name, Title: name}
			t.folders[path] = o
			*in = append(*in, o)
		}
		in = &o.Outlines
	}
	return in
}
