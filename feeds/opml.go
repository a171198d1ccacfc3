package feeds

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html/charset"
)

// ParseOPML reads an OPML 1.0 or 2.0 subscription list. An outline with an
// xmlUrl (or url, in any letter case) is a feed; the outlines it sits in
// are folders, whose text (or title) become its Tags, and so do the paths
// of its category attribute. Only http(s) feed URLs are accepted: any other
// (newsboat's "exec:" and "filter:" among them) is refused with an error
// naming the line, and the feeds that were accepted are still returned. A
// document that is not OPML or not well-formed XML is an error with the
// line where reading stopped.
func ParseOPML(r io.Reader) ([]model.Subscription, error) {
	d := xml.NewDecoder(r)
	d.Strict = false // OPML in the wild holds bare & and HTML entities
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var (
		list    subscriptionList
		errs    ImportErrors
		folders []string // names of the open folder outlines
		opened  []bool   // per open outline: whether it pushed a folder
		root    bool
	)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, opmlSyntaxError(err, line)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if !root {
				if name != "opml" {
					return nil, fmt.Errorf("opml line %d: not an OPML document: it starts with <%s>",
						line, truncate(model.SanitizeLine(t.Name.Local), 40))
				}
				root = true
			}
			if name != "outline" {
				continue
			}
			o := readOutline(t.Attr)
			if o.feedURL == "" {
				folders, opened = pushFolder(folders, opened, o.name)
				continue
			}
			opened = append(opened, false)
			u, err := checkFeedURL(o.feedURL)
			if err != nil {
				errs.add("opml", line, err.Error())
				continue
			}
			sub := model.Subscription{URL: u, Title: o.name, Line: line}
			for _, f := range folders {
				sub.Tags = addTag(sub.Tags, f)
			}
			for _, c := range o.categories {
				sub.Tags = addTag(sub.Tags, c)
			}
			list.add(sub)
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "outline") && len(opened) > 0 {
				if opened[len(opened)-1] {
					folders = folders[:len(folders)-1]
				}
				opened = opened[:len(opened)-1]
			}
		}
	}
	if !root {
		return nil, errors.New("opml: not an OPML document: no <opml> element")
	}
	return errs.result(list.subs)
}

func pushFolder(folders []string, opened []bool, name string) ([]string, []bool) {
	if name == "" {
		return folders, append(opened, false)
	}
	return append(folders, name), append(opened, true)
}

func opmlSyntaxError(err error, line int) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("opml line %d: %s", se.Line, truncate(model.SanitizeLine(se.Msg), 160))
	}
	return fmt.Errorf("opml line %d: %s", line, truncate(model.SanitizeLine(err.Error()), 160))
}

// outline is what byline reads from an <outline>'s attributes.
type outline struct {
	name       string // text, else title, sanitised
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
			for c := range strings.SplitSeq(a.Value, ",") {
				if c = strings.Trim(strings.TrimSpace(c), "/"); c != "" {
					o.categories = append(o.categories, c)
				}
			}
		}
	}
	o.name = truncate(model.SanitizeLine(text), maxLineField)
	if o.name == "" {
		o.name = truncate(model.SanitizeLine(title), maxLineField)
	}
	o.feedURL = strings.TrimSpace(xmlURL)
	if o.feedURL == "" && typ != "link" && typ != "include" && typ != "redirect" {
		o.feedURL = strings.TrimSpace(plainURL)
	}
	return o
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Created string        `xml:"head>dateCreated"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Category string        `xml:"category,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
}

// WriteOPML writes feeds as an OPML 2.0 document. A feed with tags sits in
// a folder outline named after its first tag; its other tags go in its
// category attribute ("/tag,/other"), which ParseOPML reads back.
func WriteOPML(w io.Writer, feeds []model.Feed) error {
	doc := opmlDoc{
		Version: "2.0",
		Title:   "byline subscriptions",
		Created: time.Now().UTC().Format(time.RFC1123Z),
	}
	folderAt := map[string]int{}
	for _, f := range feeds {
		o := opmlOutline{
			Text:    f.DisplayTitle(),
			Title:   f.DisplayTitle(),
			Type:    "rss",
			XMLURL:  f.URL,
			HTMLURL: f.SiteURL,
		}
		if len(f.Tags) == 0 {
			doc.Body = append(doc.Body, o)
			continue
		}
		if len(f.Tags) > 1 {
			o.Category = "/" + strings.Join(f.Tags[1:], ",/")
		}
		i, ok := folderAt[f.Tags[0]]
		if !ok {
			i = len(doc.Body)
			folderAt[f.Tags[0]] = i
			doc.Body = append(doc.Body, opmlOutline{Text: f.Tags[0], Title: f.Tags[0]})
		}
		doc.Body[i].Outlines = append(doc.Body[i].Outlines, o)
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
