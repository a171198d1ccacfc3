package main

import (
	"flag"
	"fmt"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui"
)

// readJSON is the object `read --json` prints.
type readJSON struct {
	ID        int64       `json:"id"`
	Title     string      `json:"title"`
	URL       string      `json:"url"`
	Site      string      `json:"site"`
	Author    string      `json:"author"`
	Published *string     `json:"published"`
	Notice    string      `json:"notice,omitempty"`
	Markdown  string      `json:"markdown"`
	Quotes    []quoteJSON `json:"quotes"`
}

type quoteJSON struct {
	N         int     `json:"n"`
	Text      string  `json:"text"`
	Speaker   *string `json:"speaker"`
	Paragraph int     `json:"paragraph"`
}

func readFlags(fs *flag.FlagSet, o *cmdOptions) {
	fs.BoolVar(&o.json, "json", false, "print an object {id,title,url,site,author,published,markdown,quotes}")
	fs.BoolVar(&o.markdown, "markdown", false, "print the cleaned markdown")
	fs.BoolVar(&o.plain, "plain", false, "print the rendered text, without escape codes")
	fs.IntVar(&o.width, "width", 80, "wrap width for --plain")
}

func runRead(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("read needs one article id, URL or file")
	}
	o := e.opts
	if btoi(o.json)+btoi(o.markdown)+btoi(o.plain) > 1 {
		return usagef("choose one of --json, --markdown and --plain")
	}
	if o.width < 20 || o.width > 1000 {
		return usagef("--width must be between 20 and 1000")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	r, err := lib.Read(e.ctx, args[0])
	if err != nil {
		return err
	}
	a := r.Article
	switch {
	case o.json:
		return writeJSON(e.stdout, articleObject(r))
	case o.markdown:
		_, err := fmt.Fprintln(e.stdout, strings.TrimRight(a.Markdown, "\n"))
		return err
	case !o.plain && isTerminal(e.rawOut) && isTerminal(e.stdin):
		cfg, err := e.config()
		if err != nil {
			return err
		}
		return ui.RunArticle(e.ctx, lib, cfg, r)
	}
	text, err := renderPlain(a, o.width)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(e.stdout, text)
	return err
}

func articleObject(r model.Reading) readJSON {
	a := r.Article
	md := a.Markdown
	return readJSON{
		ID: a.ID, Title: oneLine(a.Title), URL: oneLine(a.URL),
		Site: a.SiteName(), Author: oneLine(a.Author), Published: rfc3339(a.Published),
		Notice: oneLine(a.Notice), Markdown: md, Quotes: quotesJSON(r.Quotes),
	}
}

func quotesJSON(qs []model.Quote) []quoteJSON {
	out := make([]quoteJSON, len(qs))
	for i, q := range qs {
		out[i] = quoteJSON{N: q.N, Text: q.Text, Paragraph: q.Paragraph}
		if q.Speaker != "" {
			s := q.Speaker
			out[i].Speaker = &s
		}
	}
	return out
}

// renderPlain is the article as a reader would see it, without escape
// codes: a header, the notice, and the body wrapped at width.
func renderPlain(a model.Article, width int) (string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(styles.NoTTYStyleConfig), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	body, err := r.Render(a.Markdown)
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	var b strings.Builder
	b.WriteString(oneLine(a.Title) + "\n")
	var meta []string
	for _, s := range []string{a.SiteName(), oneLine(a.Author)} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("Jan 2, 2006 15:04"))
	}
	meta = append(meta, fmt.Sprintf("%d min read", model.ReadingMinutes(a.Markdown)))
	b.WriteString(strings.Join(meta, " · ") + "\n\n")
	if a.Notice != "" {
		b.WriteString(oneLine(a.Notice) + "\n\n")
	}
	for _, line := range strings.Split(strings.Trim(ansi.Strip(body), "\n"), "\n") {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return b.String(), nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func runQuotes(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("quotes needs one article id, URL or file")
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	r, err := lib.Read(e.ctx, args[0])
	if err != nil {
		return err
	}
	qs := quotesJSON(r.Quotes)
	if e.opts.json {
		return writeJSON(e.stdout, qs)
	}
	if len(qs) == 0 {
		fmt.Fprintln(e.stdout, "no quotations found")
		return nil
	}
	for _, q := range qs {
		speaker := "speaker unknown"
		if q.Speaker != nil {
			speaker = *q.Speaker
		}
		fmt.Fprintf(e.stdout, "%d. “%s” — %s (paragraph %d)\n", q.N, strings.TrimSpace(q.Text), speaker, q.Paragraph)
	}
	return nil
}
