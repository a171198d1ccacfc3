package reader

import (
	"fmt"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
)

// Text is an opened article as plain text, wrapped at width, without
// escape codes (`byline read --plain`): the title, a line of site, author,
// date and reading time, the notice, then the body as the reader lays it
// out. The caller's output edge sanitises it.
func Text(r model.Reading, width int) (string, error) {
	a := r.Article
	g, err := glamour.NewTermRenderer(glamour.WithStyles(styles.NoTTYStyleConfig), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	body, err := g.Render(r.Body)
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
	b.WriteString(strings.Join(meta, " · ") + "\n\n")
	if a.Notice != "" {
		b.WriteString(a.Notice + "\n\n")
	}
	for _, line := range strings.Split(strings.Trim(ansi.Strip(body), "\n"), "\n") {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return b.String(), nil
}
