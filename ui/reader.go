package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/theme"
)

// noTextLine is what the reader says for an article without any text.
const noTextLine = "This article has no text. Press o to open it in your browser."

// readerPane shows one article: a header, then the body rendered by
// Glamour in a command. Until the render for the current width and theme
// arrives, the header shows with a line saying so: a render made for
// another width is never drawn. What it shows and where (scroll, focus,
// find, painting) is its reader.View; the pane turns keys and messages
// into calls on it and asks for renders.
type readerPane struct {
	keys    keys.Map
	seq     int // which opening the answers must match
	article model.Article
	loading bool
	err     error
	body    string
	minutes int // reading time; 0 without a body

	want     reader.Key // the render the screen needs
	asked    reader.Key // the render last asked for
	headerAt [2]int     // width and darkness the header was made for

	v         reader.View
	pendingHL int64 // a highlight to focus once the article is shown

	page     pageFetch // the fetch of the article's page (reader_fetch.go)
	notFound int       // the status of find's last "not found" (reader_find.go)
}

func newReaderPane(k keys.Map) readerPane { return readerPane{keys: k} }

// doc is the article's quotes, sentences and marks; nil until it loads.
func (r readerPane) doc() *reader.Doc { return r.v.Doc() }

// open shows a headline at once while the whole article loads.
func (r *readerPane) open(seq int, headline model.Article) {
	*r = readerPane{keys: r.keys, seq: seq, article: headline, loading: true}
}

// setArticle takes the loaded article, or the error that stopped it; the
// caller lays the reader out again and asks for the render.
func (r *readerPane) setArticle(msg articleMsg) {
	r.loading = false
	if msg.err != nil {
		r.err = msg.err
		return
	}
	// Marks made since the headline was opened are newer than the load.
	read, starred := r.article.Read, r.article.Starred
	r.article, r.body, r.minutes = msg.r.Article, msg.r.Body, msg.r.Minutes
	r.article.Read, r.article.Starred = read, starred
	r.v.SetDoc(msg.doc, msg.r.Highlights)
	r.headerAt = [2]int{}
}

// need sets the render the screen wants and, when it is neither cached nor
// already asked for, returns the key to render.
func (r *readerPane) need(cache *reader.Cache, width, textWidth int, dark bool) (reader.Key, bool) {
	if r.loading || r.err != nil {
		return reader.Key{}, false
	}
	k := reader.Key{ID: r.article.ID, Width: reader.WrapWidth(width, textWidth), Dark: dark, Sig: r.doc().Signature()}
	if k != r.want || !r.v.HasRender() {
		r.want = k
		r.v.ClearRender()
		if r.body == "" {
			r.v.SetRender(&reader.Rendered{Lines: []string{noTextLine}})
			return k, false
		}
		if c, ok := cache.Get(k); ok {
			r.v.SetRender(c)
			return k, false
		}
	}
	if !r.v.HasRender() && r.asked != k {
		r.asked = k
		return k, true
	}
	return k, false
}

// rendered takes a finished render; one for another width, theme or
// article is dropped.
func (r *readerPane) rendered(msg renderedMsg) {
	if msg.key != r.want || r.v.HasRender() {
		return
	}
	if msg.err != nil {
		r.err = msg.err
		return
	}
	r.v.SetRender(msg.rendered)
}

// hasRender says the body's render for the screen is shown.
func (r *readerPane) hasRender() bool { return r.v.HasRender() }

func (r *readerPane) update(msg tea.KeyPressMsg, height int) {
	switch {
	case r.keys.Matches(msg, keys.Down):
		r.v.Scroll(1, height)
	case r.keys.Matches(msg, keys.Up):
		r.v.Scroll(-1, height)
	case r.keys.Matches(msg, keys.HalfDown):
		r.v.Scroll(max(1, height/2), height)
	case r.keys.Matches(msg, keys.HalfUp):
		r.v.Scroll(-max(1, height/2), height)
	case r.keys.Matches(msg, keys.PageDown):
		r.v.Scroll(max(1, height-2), height)
	case r.keys.Matches(msg, keys.Top):
		r.v.ScrollTo(0, height)
	case r.keys.Matches(msg, keys.Bottom):
		r.v.ScrollTo(r.v.Len(), height)
	default:
		r.v.Clamp(height)
	}
}

func (r *readerPane) scroll(n, height int) { r.v.Scroll(n, height) }

func (r *readerPane) clamp(height int) { r.v.Clamp(height) }

// find starts a search for term and counts its matches (reader_find.go).
func (r *readerPane) find(term string, height int) int { return r.v.Find(term, height) }

// findTerm is the term last looked for.
func (r *readerPane) findTerm() string { return r.v.FindTerm() }

// percent is how far through the article the bottom of the screen is.
func (r *readerPane) percent(height int) string { return r.v.Where(height) }

// layout makes the header for the width and theme, when they changed.
func (r *readerPane) layout(s theme.Styles, width, textWidth int, dark bool) {
	d := 0
	if dark {
		d = 1
	}
	at := [2]int{width, d}
	if r.headerAt == at && r.v.Len() > 0 { // Len is 0 until the header is first made
		return
	}
	r.headerAt = at
	r.v.SetHeader(reader.Header(&s.Reader, r.headerArticle(), r.minutes, reader.WrapWidth(width, textWidth), r.err))
}

func (r *readerPane) view(s theme.Styles, width, height, textWidth int) string {
	return r.v.Draw(&s.Reader, width, textWidth, height)
}

// The focus: what the app's handlers ask of the view.

func (r *readerPane) focus() reader.Focus { return r.v.Focus() }

func (r *readerPane) focusSpan() model.Span { return r.v.FocusSpan() }

func (r *readerPane) describeFocus() string { return r.v.Describe() }

func (r *readerPane) highlights() []model.Highlight { return r.v.Highlights() }

func (r *readerPane) highlightAt(s model.Span) int { return r.v.HighlightAt(s) }

func (r *readerPane) focusQuote() *model.Quote { return r.v.FocusQuote() }

// focusOn puts the focus on quote or sentence i and scrolls to it.
func (r *readerPane) focusOn(kind reader.Kind, i, height int) { r.v.FocusOn(kind, i, height) }

// move puts the focus on the next or previous quote or sentence; it says
// what it did.
func (r *readerPane) move(kind reader.Kind, dir, height int) (string, bool) {
	return r.v.Move(kind, dir, height)
}

// focusHighlight puts the focus on highlight id.
func (r *readerPane) focusHighlight(id int64, height int) string {
	return r.v.FocusHighlight(id, height)
}

// applyPending focuses the highlight the reader was opened for, once the
// article and its render are there.
func (r *readerPane) applyPending(height int) string {
	if r.pendingHL == 0 || r.doc() == nil || !r.v.HasRender() {
		return ""
	}
	id := r.pendingHL
	r.pendingHL = 0
	return r.v.FocusHighlight(id, height)
}

// addHighlight shows a stored highlight of the article being read.
func (r *readerPane) addHighlight(h model.Highlight) {
	if h.ArticleID != r.article.ID {
		return
	}
	r.v.AddHighlight(h)
}

// dropHighlight stops showing a removed highlight.
func (r *readerPane) dropHighlight(id int64) { r.v.DropHighlight(id) }

// mark sets the read or starred mark (nil: left as is) of the article
// being read, when it is id; it says whether the read mark changed.
func (r *readerPane) mark(id int64, read, starred *bool) (changed bool) {
	if r.article.ID != id {
		return false
	}
	if read != nil {
		changed = r.article.Read != *read
		r.article.Read = *read
	}
	if starred != nil {
		r.article.Starred = *starred
	}
	return changed
}

// deferRender forgets the render asked for: after a resize it is asked
// for a moment later (askDeferred), when the size has settled.
func (r *readerPane) deferRender() { r.asked = reader.Key{} }

// askDeferred says whether render k, deferred, is still the one the
// screen needs and not yet shown or asked for; it then counts as asked.
func (r *readerPane) askDeferred(k reader.Key) bool {
	if k != r.want || r.hasRender() || r.asked == k {
		return false
	}
	r.asked = k
	return true
}

// focusOnceShown puts the focus on highlight id once the article is shown.
func (r *readerPane) focusOnceShown(id int64) { r.pendingHL = id }
