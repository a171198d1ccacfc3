package ui

import (
	"net/url"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
)

// readerKeyMap is the reader's keys.
type readerKeyMap struct {
	Down, Up, HalfDown, HalfUp, PageDown, Top, Bottom key.Binding
	Back, ToggleRead, ToggleStar, Browser, Find, Help key.Binding
	NextQuote, PrevQuote, NextSentence, PrevSentence  key.Binding
	Quotes, Highlight, Highlights                     key.Binding
	Share, CopyLink, CopyMarkdown                     key.Binding
}

func readerKeys(b bindings) readerKeyMap {
	return readerKeyMap{
		Down: withDesc(b.Down, "scroll down"), Up: withDesc(b.Up, "scroll up"), HalfDown: b.HalfDown,
		HalfUp: b.HalfUp, PageDown: b.PageDown, Top: b.Top, Bottom: b.Bottom, Back: b.Back,
		ToggleRead: b.ToggleRead, ToggleStar: b.ToggleStar, Browser: b.Browser,
		Find: withDesc(b.Filter, "find in article"), Help: b.Help,
		NextQuote: b.NextQuote, PrevQuote: b.PrevQuote, NextSentence: b.NextSentence, PrevSentence: b.PrevSentence,
		Quotes: b.Quotes, Highlight: b.Highlight, Highlights: b.Highlights,
		Share: b.Share, CopyLink: b.CopyLink, CopyMarkdown: b.CopyMarkdown,
	}
}

// ShortHelp is the reader's help line.
func (k readerKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.Back, k.NextQuote, k.Quotes, k.Highlight, k.Share, k.CopyLink, k.Help}
}

// FullHelp is the reader's help screen.
func (k readerKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Back, k.ToggleRead, k.ToggleStar, k.Browser, k.Find, k.Help},
		{k.NextQuote, k.PrevQuote, k.NextSentence, k.PrevSentence, k.Quotes},
		{k.Highlight, k.Highlights, k.Share, k.CopyLink, k.CopyMarkdown},
	}
}

// noTextLine is what the reader says for an article without any text.
const noTextLine = "This article has no text. Press o to open it in your browser."

// readerPane shows one article: a header, then the body rendered by
// Glamour in a command. Until the render for the current width and theme
// arrives, the header shows with a line saying so: a render made for
// another width is never drawn.
type readerPane struct {
	keys    readerKeyMap
	seq     int // which opening the answers must match
	article model.Article
	loading bool
	err     error
	body    string
	minutes int // reading time; 0 without a body

	want     renderKey // the render the screen needs
	asked    renderKey // the render last asked for
	lines    []string  // the render for want; nil while it is made
	header   []string
	headerAt [2]int // width and darkness the header was made for
	offset   int
	frac     float64 // scroll position, kept across re-renders

	findTerm string
	plain    []string // the lines lower-cased without styles, for find

	doc       *articleDoc       // quotes, sentences and the marks in the render
	marks     *bodyMarks        // where the marks fell in lines
	hls       []model.Highlight // the article's highlights, anchored to body
	focus     focusRef          // the quote, sentence or highlight in focus
	bits      []uint8           // the look of each region; nil without a doc
	pendingHL int64             // a highlight to focus once the article is shown
}

func newReaderPane(b bindings) readerPane { return readerPane{keys: readerKeys(b)} }

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
	r.article, r.body, r.minutes = msg.article, msg.body, msg.minutes
	r.article.Read, r.article.Starred = read, starred
	r.doc, r.hls = msg.doc, msg.hls
	r.restyle()
	r.headerAt = [2]int{}
}

// wrapWidth is the width the body is wrapped to.
func wrapWidth(width, textWidth int) int {
	if textWidth <= 0 {
		textWidth = 100
	}
	return max(10, min(width, textWidth))
}

// need sets the render the screen wants and, when it is neither cached nor
// already asked for, returns the key to render.
func (r *readerPane) need(cache *renderCache, width, textWidth int, dark bool) (renderKey, bool) {
	if r.loading || r.err != nil {
		return renderKey{}, false
	}
	k := renderKey{id: r.article.ID, width: wrapWidth(width, textWidth), dark: dark}
	if r.doc != nil {
		k.sig = r.doc.sig
	}
	if k != r.want || r.lines == nil {
		r.want = k
		r.lines = nil
		if r.body == "" {
			r.setLines([]string{noTextLine}, nil)
			return k, false
		}
		if c, ok := cache.get(k); ok {
			r.setLines(c.lines, c.marks)
			return k, false
		}
	}
	if r.lines == nil && r.asked != k {
		r.asked = k
		return k, true
	}
	return k, false
}

// rendered takes a finished render; one for another width, theme or
// article is dropped.
func (r *readerPane) rendered(msg renderedMsg) {
	if msg.key != r.want || r.lines != nil {
		return
	}
	if msg.err != nil {
		r.err = msg.err
		return
	}
	r.setLines(msg.lines, msg.marks)
}

func (r *readerPane) setLines(lines []string, marks *bodyMarks) {
	r.lines, r.plain, r.marks = lines, nil, marks
	r.offset = int(r.frac * float64(len(r.header)+len(lines)))
}

// content is everything that scrolls: header, then body.
func (r *readerPane) content() []string {
	body := r.lines
	if body == nil {
		body = []string{"rendering…"}
	}
	return append(r.header[:len(r.header):len(r.header)], body...)
}

func (r *readerPane) update(msg tea.KeyPressMsg, height int) {
	switch {
	case key.Matches(msg, r.keys.Down):
		r.offset++
	case key.Matches(msg, r.keys.Up):
		r.offset--
	case key.Matches(msg, r.keys.HalfDown):
		r.offset += max(1, height/2)
	case key.Matches(msg, r.keys.HalfUp):
		r.offset -= max(1, height/2)
	case key.Matches(msg, r.keys.PageDown):
		r.offset += max(1, height-2)
	case key.Matches(msg, r.keys.Top):
		r.offset = 0
	case key.Matches(msg, r.keys.Bottom):
		r.offset = len(r.header) + len(r.lines)
	}
	r.clamp(height)
}

func (r *readerPane) scroll(n, height int) {
	r.offset += n
	r.clamp(height)
}

func (r *readerPane) clamp(height int) {
	n := len(r.header) + max(1, len(r.lines))
	r.offset = min(max(0, r.offset), max(0, n-height))
	if n > 0 {
		r.frac = float64(r.offset) / float64(n)
	}
}

// find moves to the next line holding term, after the top line.
func (r *readerPane) find(term string, height int) bool {
	if term = strings.ToLower(strings.TrimSpace(term)); term == "" {
		term = r.findTerm
	}
	r.findTerm = term
	if term == "" {
		return true
	}
	if r.plain == nil {
		for _, l := range r.content() {
			r.plain = append(r.plain, strings.ToLower(ansi.Strip(l)))
		}
	}
	n := len(r.plain)
	for i := 1; i <= n; i++ {
		j := (r.offset + i) % n
		if strings.Contains(r.plain[j], term) {
			r.offset = max(0, j-2)
			r.clamp(height)
			return true
		}
	}
	return false
}

// percent is how far through the article the bottom of the screen is.
func (r *readerPane) percent(height int) string {
	n := len(r.header) + max(1, len(r.lines))
	if n <= height {
		return "all"
	}
	return strconv.Itoa(min(100, (r.offset+height)*100/n)) + "%"
}

// layout makes the header for the width and theme, when they changed.
func (r *readerPane) layout(s Styles, width, textWidth int, dark bool) {
	d := 0
	if dark {
		d = 1
	}
	at := [2]int{width, d}
	if r.headerAt == at && r.header != nil {
		return
	}
	r.headerAt = at
	r.header = readerHeader(s, r.article, r.minutes, wrapWidth(width, textWidth), r.err)
	r.plain = nil
}

func (r *readerPane) view(s Styles, width, height, textWidth int) string {
	lines := r.content()
	pad := spaces((width - wrapWidth(width, textWidth)) / 2)
	end := min(len(lines), r.offset+height)
	var b strings.Builder
	for i := r.offset; i < end; i++ {
		if i > r.offset {
			b.WriteByte('\n')
		}
		l := lines[i]
		if i == len(r.header) && r.lines == nil {
			l = s.Empty.Render("  " + l)
		} else if i >= len(r.header) && r.marks != nil {
			l = r.marks.paint(i-len(r.header), l, r.bits, &s.Spans)
		}
		b.WriteString(pad)
		b.WriteString(l)
	}
	return b.String()
}

// readerHeader is the article's title, byline and notice, wrapped to w.
func readerHeader(s Styles, a model.Article, minutes, w int, err error) []string {
	inner := max(1, w-4)
	block := lipgloss.NewStyle().Width(inner)
	title := model.SanitizeLine(a.Title)
	if title == "" {
		title = "(untitled)"
	}
	var parts []string
	parts = append(parts, s.Heading.Render(block.Render(title)))
	parts = append(parts, s.Meta.Render(block.Render(strings.Join(metaParts(a, minutes), " · "))))
	if n := model.SanitizeLine(a.Notice); n != "" {
		parts = append(parts, s.Notice.Render(block.Render(n)))
	}
	if err != nil {
		parts = append(parts, s.Error.Render(block.Render(model.SanitizeLine(err.Error()))))
	}
	parts = append(parts, s.Separator.Render(strings.Repeat("─", inner)))
	out := strings.Split(strings.Join(parts, "\n"), "\n")
	for i, l := range out {
		out[i] = "  " + l
	}
	return append([]string{""}, out...)
}

// metaParts is the header's line about the article: site, author, date,
// reading time (when minutes > 0) and host.
func metaParts(a model.Article, minutes int) []string {
	var parts []string
	site := a.Site
	if site == "" {
		site = a.FeedTitle
	}
	for _, p := range []string{site, a.Author} {
		if p = model.SanitizeLine(p); p != "" {
			parts = append(parts, p)
		}
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Local().Format("Mon 2 Jan 2006 15:04"))
	}
	if minutes > 0 {
		parts = append(parts, strconv.Itoa(minutes)+" min read")
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		parts = append(parts, model.SanitizeLine(strings.TrimPrefix(u.Host, "www.")))
	}
	return parts
}

// renderCache keeps the last few renders, by article, width and theme.
type renderCache struct {
	order []renderKey
	lines map[renderKey]cachedRender
}

// cachedRender is one render and where its marks fell.
type cachedRender struct {
	lines []string
	marks *bodyMarks
}

const renderCacheSize = 12

func newRenderCache() *renderCache { return &renderCache{lines: map[renderKey]cachedRender{}} }

func (c *renderCache) get(k renderKey) (cachedRender, bool) {
	l, ok := c.lines[k]
	return l, ok
}

func (c *renderCache) put(k renderKey, lines []string, marks *bodyMarks) {
	if _, ok := c.lines[k]; !ok {
		c.order = append(c.order, k)
	}
	c.lines[k] = cachedRender{lines, marks}
	if len(c.order) > renderCacheSize {
		delete(c.lines, c.order[0])
		c.order = c.order[1:]
	}
}
