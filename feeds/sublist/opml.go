package sublist

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html/charset"
)

// ParseOPML reads an OPML 1.0 or 2.0 subscription list. An outline with an
// xmlUrl (or url, in any letter case) is a feed; the outlines it sits in
// are its folder (model.FolderPath of their names, outermost first), its
// text (else its title) is the user's title for it, and each entry of its
// category attribute ("tech,news" or "/Reading/Later": the path without
// its outer slashes) is a tag. An outline with neither a URL nor feeds
// inside is passed over. A feed URL that is not http(s) (newsboat's
// "exec:" and "filter:" among them) is skipped and named in Skipped. A URL
// given twice is one feed: its first title and folder win, the tags are
// joined.
//
// The error refuses the whole file, naming the line where it stopped: a
// document that is not OPML or not well-formed XML, one that declares
// entities, nests folders deeper than 32 (elements deeper than 64), holds
// more than 100,000 outlines, or is over 32 MB.
func ParseOPML(r io.Reader) (ImportFile, error) {
	d := xml.NewDecoder(newCapReader(r))
	d.Strict = false // OPML in the wild holds bare & and HTML entities
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var (
		f  ImportFile
		st opmlState
	)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ImportFile{}, opmlSyntaxError(err, line)
		}
		if err := st.read(&f, tok, line); err != nil {
			return ImportFile{}, err
		}
	}
	if !st.root {
		return ImportFile{}, errors.New("opml: not an OPML document: no <opml> element")
	}
	f.finish("opml")
	return f, nil
}

// opmlState is where ParseOPML is in the document.
type opmlState struct {
	root     bool     // <opml> was read
	depth    int      // elements open
	outlines int      // outlines read
	folders  []string // names of the open folder outlines
	opened   []bool   // per open outline: whether it pushed a folder
}

// read takes one token of the document into f.
func (st *opmlState) read(f *ImportFile, tok xml.Token, line int) error {
	switch t := tok.(type) {
	case xml.Directive:
		if strings.Contains(strings.ToUpper(string(t)), "ENTITY") {
			return fmt.Errorf("opml line %d: the document declares entities; refused", line)
		}
	case xml.StartElement:
		return st.start(f, t, line)
	case xml.EndElement:
		st.depth = max(st.depth-1, 0)
		if strings.EqualFold(t.Name.Local, "outline") && len(st.opened) > 0 {
			if st.opened[len(st.opened)-1] {
				st.folders = st.folders[:len(st.folders)-1]
			}
			st.opened = st.opened[:len(st.opened)-1]
		}
	}
	return nil
}

func (st *opmlState) start(f *ImportFile, t xml.StartElement, line int) error {
	name := strings.ToLower(t.Name.Local)
	if !st.root {
		if name != "opml" {
			return fmt.Errorf("opml line %d: not an OPML document: it starts with <%s>",
				line, model.Truncate(model.SanitizeLine(t.Name.Local), 40))
		}
		st.root = true
	}
	if st.depth++; st.depth > maxXMLDepth {
		return fmt.Errorf("opml line %d: elements nest deeper than %d levels", line, maxXMLDepth)
	}
	if name != "outline" {
		return nil
	}
	if st.outlines++; st.outlines > maxOutlines {
		return fmt.Errorf("opml line %d: more than %d outlines", line, maxOutlines)
	}
	if len(st.opened) > maxFolderDepth { // 32 folders, and feeds in them
		return fmt.Errorf("opml line %d: folders nest deeper than %d levels", line, maxFolderDepth)
	}
	o := readOutline(t.Attr)
	if o.feedURL == "" {
		if o.name == "" { // a nameless folder: its feeds go in the one around it
			st.opened = append(st.opened, false)
		} else {
			st.folders = append(st.folders, o.name)
			st.opened = append(st.opened, true)
		}
		return nil
	}
	st.opened = append(st.opened, false)
	u, err := checkFeedURL(o.feedURL)
	if err != nil {
		f.skip("opml", line, "%s", err)
		return nil
	}
	sub := model.Subscription{URL: u, Title: o.name, Folder: model.FolderPath(st.folders...), Line: line}
	for _, c := range o.categories {
		sub.Tags = addTag(sub.Tags, c)
	}
	f.add(sub)
	return nil
}

func opmlSyntaxError(err error, line int) error {
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, errTooBig):
		return fmt.Errorf("opml: %w", err)
	case errors.As(err, &se):
		return fmt.Errorf("opml line %d: %s", se.Line, model.Truncate(model.SanitizeLine(se.Msg), 160))
	}
	return fmt.Errorf("opml line %d: %s", line, model.Truncate(model.SanitizeLine(err.Error()), 160))
}

// outline is what byline reads from an <outline>'s attributes.
type outline struct {
	name       string // text, else title, cleaned
	feedURL    string // xmlUrl, else url (unless the outline is a link)
	categories []string
}

func readOutline(attrs []xml.Attr) outline {
	var o outline
	var text, title, xmlURL, plainURL, typ string
	for _, a := range attrs {
		switch strings.ToLower(a.Name.Local) {
		case "text":
			text = a.Value
		case "title":
			title = a.Value
		case "xmlurl":
			xmlURL = a.Value
		case "url":
			plainURL = a.Value
		case "type":
			typ = strings.ToLower(strings.TrimSpace(a.Value))
		case "category":
			o.categories = categories(a.Value)
		}
	}
	o.name = cleanField(text)
	if o.name == "" {
		o.name = cleanField(title)
	}
	o.feedURL = strings.TrimSpace(xmlURL)
	if o.feedURL == "" && typ != "link" && typ != "include" && typ != "redirect" {
		o.feedURL = strings.TrimSpace(plainURL)
	}
	return o
}

// categories splits a category attribute into tags: each comma-separated
// entry, without the slashes around it ("/Reading/Later" is the tag
// "Reading/Later"), at most maxTags of them.
func categories(attr string) []string {
	var tags []string
	for c := range strings.SplitSeq(attr, ",") {
		if c = strings.Trim(strings.TrimSpace(c), "/"); c != "" {
			tags = append(tags, c)
		}
		if len(tags) == maxTags {
			break
		}
	}
	return tags
}
