package panes

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/theme"
)

// NoTextLine is what the reader says for an article without any text;
// NoTextFileLine for one that has a file to play (a podcast's episode).
const (
	NoTextLine     = "This article has no text. Press o to open it in your browser."
	NoTextFileLine = "This episode has no notes. Press p to play it."
)

// Reader shows one article: a header, then the body rendered by Glamour
// in a command of the app's. Until the render for the current width and
// theme arrives, the header shows with a line saying so: a render made
// for another width is never drawn. What it shows and where (scroll,
// focus, find, painting, pictures) is its reader.View, which Text gives;
// the pane keeps the article, turns its scrolling keys into calls on the
// view, and says which render it needs.
type Reader struct {
	keys    keys.Map
	seq     int // which opening the answers must match
	article model.Article
	loading bool
	err     error
	body    string
	minutes int    // reading time; 0 without a body
	notice  string // the header's notice, said for the app (model.Article.Notice)

	want     reader.Key // the render the screen needs
	asked    reader.Key // the render last asked for
	headerAt [2]int     // width and darkness the header was made for

	v         reader.View
	pendingHL int64 // a highlight to focus once the article is shown
}

// NewReader makes the reader pane over its keys.
func NewReader(k keys.Map) Reader { return Reader{keys: k} }

// Keys is the reader's key map.
func (r Reader) Keys() keys.Map { return r.keys }

// Text is what the reader shows and where: the view the app asks about
// the focus, find, highlights and pictures.
func (r *Reader) Text() *reader.View { return &r.v }

// Doc is the article's quotes, sentences and marks; nil until it loads.
func (r Reader) Doc() *reader.Doc { return r.v.Doc() }

// Seq is the opening the article's answers must carry.
func (r Reader) Seq() int { return r.seq }

// Article is the article shown, with the marks made since it opened.
func (r Reader) Article() model.Article { return r.article }

// Body is the article's markdown; "" until it loads, or without text.
func (r Reader) Body() string { return r.body }

// Loading says the article is still being opened.
func (r Reader) Loading() bool { return r.loading }

// Err is what stopped the article or its render, if anything.
func (r Reader) Err() error { return r.err }

// Open shows a headline at once, for opening seq, while the whole article
// loads.
func (r *Reader) Open(seq int, headline model.Article) {
	*r = Reader{keys: r.keys, seq: seq, article: headline, loading: true}
}

// Loaded takes the opened article (its doc: the reader's marks of it), or
// the error that stopped it; the caller lays the reader out again and
// asks for the render.
func (r *Reader) Loaded(rd model.Reading, doc *reader.Doc, err error) {
	r.loading = false
	if err != nil {
		r.err = err
		return
	}
	// Marks made since the headline was opened are newer than the load.
	read, starred := r.article.Read, r.article.Starred
	r.article, r.body, r.minutes = rd.Article, rd.Body, rd.Minutes
	r.article.Read, r.article.Starred = read, starred
	r.v.SetDoc(doc, rd.Highlights)
	r.headerAt = [2]int{}
}

// Replace takes a newer reading of the article (its whole page) in a new
// view: the focus and the search were in the text it replaces.
func (r *Reader) Replace(rd model.Reading, doc *reader.Doc) {
	r.v, r.want, r.asked = reader.View{}, reader.Key{}, reader.Key{}
	r.Loaded(rd, doc, nil)
}

// SetNotice sets the header's notice (the page being fetched, or why it
// is not); a new notice is shown at the next Layout.
func (r *Reader) SetNotice(notice string) {
	if notice != r.notice {
		r.notice = notice
		r.headerAt = [2]int{}
	}
}

// Need sets the render the screen wants and, when it is neither cached nor
// already asked for, returns the key to render.
func (r *Reader) Need(cache *reader.Cache, width, textWidth int, dark bool) (reader.Key, bool) {
	if r.loading || r.err != nil {
		return reader.Key{}, false
	}
	k := reader.Key{ID: r.article.ID, Width: reader.WrapWidth(width, textWidth), Dark: dark, Sig: r.Doc().Signature()}
	if k != r.want || !r.v.HasRender() {
		r.want = k
		r.v.ClearRender()
		if r.body == "" {
			line := NoTextLine
			if len(r.article.Enclosures) > 0 {
				line = NoTextFileLine
			}
			r.v.SetRender(&reader.Rendered{Lines: []string{line}})
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

// Want is the render the screen needs.
func (r Reader) Want() reader.Key { return r.want }

// Rendered takes a finished render, or the error that stopped it; one for
// another width, theme or article is dropped.
func (r *Reader) Rendered(k reader.Key, rendered *reader.Rendered, err error) {
	if k != r.want || r.v.HasRender() {
		return
	}
	if err != nil {
		r.err = err
		return
	}
	r.v.SetRender(rendered)
}

// DeferRender forgets the render asked for: after a resize it is asked
// for a moment later (AskDeferred), when the size has settled.
func (r *Reader) DeferRender() { r.asked = reader.Key{} }

// AskDeferred says whether render k, deferred, is still the one the
// screen needs and not yet shown or asked for; it then counts as asked.
func (r *Reader) AskDeferred(k reader.Key) bool {
	if k != r.want || r.v.HasRender() || r.asked == k {
		return false
	}
	r.asked = k
	return true
}

// Key scrolls the article for a movement key; any other key keeps the
// scroll within the height.
func (r *Reader) Key(msg tea.KeyPressMsg, height int) {
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

// Layout makes the header for the width and theme, when they changed.
func (r *Reader) Layout(s theme.Styles, width, textWidth int, dark bool) {
	d := 0
	if dark {
		d = 1
	}
	at := [2]int{width, d}
	if r.headerAt == at && r.v.Len() > 0 { // Len is 0 until the header is first made
		return
	}
	r.headerAt = at
	shown := r.article
	shown.Notice = r.notice
	r.v.SetHeader(reader.Header(&s.Reader, shown, r.minutes, reader.WrapWidth(width, textWidth), r.err))
}

// View draws the article's lines in view.
func (r *Reader) View(s theme.Styles, width, height, textWidth int) string {
	return r.v.Draw(&s.Reader, width, textWidth, height)
}

// FocusOnceShown puts the focus on highlight id once the article is shown
// (ApplyPending).
func (r *Reader) FocusOnceShown(id int64) { r.pendingHL = id }

// ApplyPending focuses the highlight the reader was opened for, once the
// article and its render are there; it says what it did.
func (r *Reader) ApplyPending(height int) string {
	if r.pendingHL == 0 || r.Doc() == nil || !r.v.HasRender() {
		return ""
	}
	id := r.pendingHL
	r.pendingHL = 0
	return r.v.FocusHighlight(id, height)
}

// AddHighlight shows a stored highlight, when it is of the article being
// read.
func (r *Reader) AddHighlight(h model.Highlight) {
	if h.ArticleID != r.article.ID {
		return
	}
	r.v.AddHighlight(h)
}

// Mark sets the read or starred mark (nil: left as is) of the article
// being read, when it is id; it says whether the read mark changed.
func (r *Reader) Mark(id int64, read, starred *bool) (changed bool) {
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
