package feeds

import (
	"context"
	"mime"

	"github.com/byline-reader/byline/model"
)

// Probe is what one fetch of a URL found, as `byline doctor URL` tells it:
// the answer, and whether it is a feed, or a page that names feeds.
type Probe struct {
	Status      int    // HTTP status; 0 when no response arrived
	ContentType string // the media type the server sent, without parameters
	Bytes       int    // the body's size
	FinalURL    string // where redirects ended
	Title       string // the feed's title, when it parses
	Items       int    // the feed's items (at most the client's MaxItems)
	FeedLinks   []string
	Err         error // why it is not a feed: a short reason, as FetchFeed's
}

// Probe fetches rawURL once, as a feed is fetched (byline's User-Agent
// and Accept, the same limits), and parses it as a feed; a body that is not
// one is read as a page for the feeds it links to (without fetching them).
// Every string in it is sanitised.
func (c *Client) Probe(ctx context.Context, rawURL string) (p Probe) {
	doc, status, err := c.fetchDocOnce(ctx, rawURL, feedAccept)
	p.Status, p.FinalURL, p.Bytes = status, model.SanitizeLine(doc.finalURL), len(doc.body)
	if mt, _, err := mime.ParseMediaType(doc.contentType); err == nil {
		p.ContentType = model.SanitizeLine(mt)
	}
	if err != nil {
		p.Err = reason(err)
		return p
	}
	pf, err := c.parse(ctx, doc.body, doc.finalURL)
	if err != nil {
		p.Err = err
		for _, l := range feedLinks(doc.body, doc.finalURL) {
			p.FeedLinks = append(p.FeedLinks, model.SanitizeLine(l))
		}
		return p
	}
	p.Title, p.Items = pf.Title, len(pf.Articles)
	return p
}
