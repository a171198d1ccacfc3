package reader

import (
	"net/url"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/reader/typeset"
)

// WrapWidth is the width the body is rendered at in a window width wide:
// the measure (textWidth, the configured reader_width; 80 when unset)
// and the margin on either side of it, at most the window's width and at
// least 10 columns. In a narrower window the text takes the window less
// its margins. Draw centres it in the window.
func WrapWidth(width, textWidth int) int {
	if textWidth <= 0 {
		textWidth = model.DefaultTextWidth
	}
	return max(10, min(width, textWidth+2*typeset.Margin))
}

// Header is the article's title, byline and notice, and err when the
// article could not be opened, wrapped to w (the wrap width). These come
// from outside and are painted here, so they are sanitised here.
func Header(st *Styles, a model.Article, minutes, w int, err error) []string {
	inner := max(1, w-4)
	block := lipgloss.NewStyle().Width(inner)
	title := model.SanitizeLine(a.Title)
	if title == "" {
		title = "(untitled)"
	}
	var parts []string
	parts = append(parts, st.Heading.Render(block.Render(title)))
	parts = append(parts, st.Meta.Render(block.Render(strings.Join(metaParts(a, minutes), " · "))))
	if x := extrasLine(a); x != "" {
		parts = append(parts, st.Meta.Render(block.Render(x)))
	}
	if n := model.SanitizeLine(a.Notice); n != "" {
		parts = append(parts, st.Notice.Render(block.Render(n)))
	}
	if err != nil {
		parts = append(parts, st.Error.Render(block.Render(model.SanitizeLine(err.Error()))))
	}
	parts = append(parts, st.Separator.Render(strings.Repeat("─", inner)))
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
