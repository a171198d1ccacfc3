package reader

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
)

// Text is an opened article as plain text, wrapped at width, without
// escape codes or markdown's marks (`byline read --plain`): the title, a
// line of site, author, date and reading time, the notice, then the body
// as the reader lays it out — headings, lists, quotes and tables in their
// form, an image as its alt text, each link's words followed by its
// number, and the links listed at the end. The caller's output edge
// sanitises it.
func Text(r model.Reading, width int) (string, error) {
	a := r.Article
	g, err := glamour.NewTermRenderer(glamour.WithStyles(plainStyle()), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	body, links := plainMarkdown(r.Body)
	rendered, err := g.Render(body)
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	var b strings.Builder
	b.WriteString(a.Title + "\n")
	var meta []string
	for _, s := range []string{a.SiteName(), a.Author} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("Jan 2, 2006 15:04"))
	}
	meta = append(meta, fmt.Sprintf("%d min read", model.ReadingMinutes(r.Body)))
	b.WriteString(strings.Join(meta, " · ") + "\n" + plainExtras(a) + "\n")
	if a.Notice != "" {
		b.WriteString(a.Notice + "\n\n")
	}
	rendered = strings.ReplaceAll(ansi.Strip(rendered), "\u00a0", " ")
	for _, line := range strings.Split(strings.Trim(rendered, "\n"), "\n") {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	if len(links) > 0 {
		b.WriteString("\nLinks\n")
		for _, l := range links {
			fmt.Fprintf(&b, "[%d] %s\n", l.N, l.URL)
		}
	}
	return b.String(), nil
}

// plainMarkdown rewrites a body for plain text: a link becomes its words
// and its number ("words [3]"), an image the line "[Image: alt]" (or
// "[Image]"), so no URL is printed inside the text. It returns the links,
// once each, for the list at the end.
func plainMarkdown(body string) (string, []markdown.Link) {
	links, images := markdown.Refs(body)
	var edits []edit
	for _, im := range images {
		label := `\[Image\]`
		if im.Alt != "" {
			label = `\[Image: ` + markdown.EscapeText(im.Alt) + `\]`
		}
		edits = append(edits, edit{im.Start, im.End, label})
	}
	for _, l := range links {
		edits = append(edits, edit{l.Start, l.TextStart, ""}, edit{l.TextEnd, l.End, linkNumber(l.N)})
	}
	// Apply in order of position; an image inside a link's text lies
	// between the link's two edits.
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Compare(a.start, b.start) })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.start < at {
			continue
		}
		b.WriteString(body[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(body[at:])
	return b.String(), markdown.Numbered(links)
}

// plainStyle is Glamour's ASCII style without markdown's marks: headings
// without '#', emphasis, strong text and code without their delimiters.
func plainStyle() gansi.StyleConfig {
	st := styles.NoTTYStyleConfig
	for _, h := range []*gansi.StyleBlock{&st.H1, &st.H2, &st.H3, &st.H4, &st.H5, &st.H6} {
		h.Prefix = ""
	}
	st.Emph = gansi.StylePrimitive{}
	st.Strong = gansi.StylePrimitive{}
	st.Strikethrough = gansi.StylePrimitive{}
	st.Code.BlockPrefix, st.Code.BlockSuffix = "", ""
	return st
}
