package feeds

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/mmcdole/gofeed"
)

// legacyParse is Parse as it was before byline drove gofeed's format
// parsers itself: gofeed's universal parser and default translators. The
// equivalence tests hold the new code to its results.
func legacyParse(data []byte, feedURL string, maxItems int) (pf ParsedFeed, err error) {
	defer func() {
		if r := recover(); r != nil {
			pf, err = ParsedFeed{}, parseError(errLegacyPanic)
		}
	}()
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return ParsedFeed{}, parseError(err)
	}
	base := absoluteURL(feedURL)
	site := resolveLink(base, gf.Link)
	if s := absoluteURL(site); s != nil {
		base = s
	}
	items := gf.Items
	if maxItems > 0 && len(items) > maxItems {
		items = items[:maxItems]
	}
	pf = ParsedFeed{Title: CleanLine(gf.Title), SiteURL: site, Articles: make([]model.Article, 0, len(items))}
	for _, it := range items {
		if it != nil {
			pf.Articles = append(pf.Articles, legacyItem(it, base, gf.FeedType == "rss"))
		}
	}
	return pf, nil
}

type legacyPanic struct{}

func (legacyPanic) Error() string { return "legacy parser panicked" }

var errLegacyPanic error = legacyPanic{}

func legacyItem(it *gofeed.Item, base *url.URL, isRSS bool) model.Article {
	a := model.Article{
		Title:   CleanLine(it.Title),
		Author:  legacyAuthor(it),
		Summary: model.Sanitize(it.Description),
		Content: model.Sanitize(it.Content),
	}
	link := it.Link
	if link == "" && len(it.Links) > 0 {
		link = it.Links[0]
	}
	a.URL = resolveLink(base, link)
	if it.PublishedParsed != nil {
		a.Published = it.PublishedParsed.UTC()
	}
	if it.UpdatedParsed != nil {
		a.Updated = it.UpdatedParsed.UTC()
	}
	if a.Published.IsZero() {
		a.Published = a.Updated
	}
	a.Enclosures = enclosures(base, legacyFiles(it, isRSS))
	keyLink := a.URL
	if keyLink == "" {
		keyLink = model.SanitizeLine(link)
	}
	if keyLink == "" && len(a.Enclosures) > 0 {
		keyLink = a.Enclosures[0].URL
	}
	text := a.Summary
	if text == "" {
		text = a.Content
	}
	a.Key = model.ArticleKey(model.SanitizeLine(it.GUID), keyLink, a.Title, text)
	return a
}

func legacyAuthor(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		name := p.Name
		if name == "" {
			name = p.Email
		}
		if name = CleanLine(name); name != "" {
			names = append(names, name)
		}
	}
	if len(names) == 0 && it.Author != nil {
		return CleanLine(it.Author.Name)
	}
	return model.Truncate(strings.Join(names, ", "), maxLineField)
}

// legacyFiles are the files gofeed's translators keep of an item (its
// enclosures, attachments or rel="enclosure" links) or, in RSS lacking
// those, its audio and video media:content. The translators keep no
// playing time (for JSON Feed) and no comments page: the equivalence
// tests leave those out (withoutExtras).
func legacyFiles(it *gofeed.Item, isRSS bool) []rawFile {
	var files []rawFile
	for _, enc := range it.Enclosures {
		if enc != nil && len(files) < maxEnclosures {
			files = append(files, rawFile{url: enc.URL, typ: enc.Type, length: enc.Length})
		}
	}
	if len(files) == 0 && isRSS && it.Extensions != nil {
		files = mediaFiles(it.Extensions["media"], nil)
	}
	return files
}

// withoutExtras is pf without what gofeed's translators do not keep:
// comments pages and playing times.
func withoutExtras(pf ParsedFeed) ParsedFeed {
	arts := make([]model.Article, len(pf.Articles))
	for i, a := range pf.Articles {
		a.Comments = ""
		if a.Enclosures != nil {
			a.Enclosures = append([]model.Enclosure(nil), a.Enclosures...)
			for j := range a.Enclosures {
				a.Enclosures[j].Duration = 0
			}
		}
		arts[i] = a
	}
	pf.Articles = arts
	return pf
}
