package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
)

// renderKey names one render of one article: a render for another article,
// width or theme is never shown.
type renderKey struct {
	id    int64
	width int // the wrap width
	dark  bool
	sig   uint64 // the marked source's signature
}

// renderBody renders markdown with Glamour off the event loop. The style
// is always given: Glamour v2 has no automatic one.
func renderBody(key renderKey, body string, doc *articleDoc) tea.Cmd {
	return func() tea.Msg {
		if doc == nil {
			lines, err := glamourLines(body, key.width, key.dark)
			return renderedMsg{key: key, lines: lines, err: err}
		}
		lines, marks, err := renderMarked(doc.source, key.width, key.dark, doc.nEvents)
		return renderedMsg{key: key, lines: lines, marks: marks, err: err}
	}
}

func glamourLines(body string, width int, dark bool) ([]string, error) {
	lines, err := glamourRaw(body, width, dark)
	if err != nil {
		return nil, err
	}
	for i, l := range lines {
		l = cleanRendered(l)
		if ansi.StringWidth(l) > width {
			l = ansi.Truncate(l, width, "")
		}
		lines[i] = l
	}
	return lines, nil
}

// glamourRaw is Glamour's render as lines, the blank ones at the top and
// bottom left out, not yet cleaned.
func glamourRaw(body string, width int, dark bool) ([]string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(articleStyle(dark)), glamour.WithWordWrap(width))
	if err != nil {
		return nil, err
	}
	out, err := r.Render(body)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(out, "\n "), "\n")
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	return lines, nil
}

// articleStyle is Glamour's dark or light style for an article: headings
// without the "## " that marks them in markdown, their weight and colour
// kept. H1 keeps its coloured band (its prefix and suffix are the band's
// padding), so it stays apart from the rest.
func articleStyle(dark bool) gansi.StyleConfig {
	st := styles.LightStyleConfig
	if dark {
		st = styles.DarkStyleConfig
	}
	for _, h := range []*gansi.StyleBlock{&st.H1, &st.H2, &st.H3, &st.H4, &st.H5, &st.H6} {
		h.Prefix = strings.TrimLeft(h.Prefix, "#")
		if strings.TrimSpace(h.Prefix) == "" && h.BackgroundColor == nil {
			h.Prefix = ""
		}
	}
	return st
}

// cleanRendered keeps only the colour and style sequences (SGR) of
// Glamour's output and sanitises the text between them: Glamour decodes
// entities such as &#27; into real control characters.
func cleanRendered(s string) string {
	if !strings.ContainsAny(s, "\x1b\u009b\u009d") && model.Sanitize(s) == s {
		return s
	}
	var b strings.Builder
	text := 0 // start of the pending text run
	flush := func(end int) { b.WriteString(model.Sanitize(s[text:end])) }
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			i++
			continue
		}
		flush(i)
		n, keep := escapeAt(s[i:])
		if keep {
			b.WriteString(s[i : i+n])
		}
		i += n
		text = i
	}
	flush(len(s))
	return b.String()
}

// escapeAt measures the escape sequence at the start of s and says whether
// it is an SGR sequence worth keeping.
func escapeAt(s string) (n int, sgr bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if c := s[i]; c >= 0x40 && c <= 0x7e {
				return i + 1, c == 'm' && sgrParams(s[2:i])
			}
		}
		return len(s), false
	case ']', 'P', '_', '^', 'X':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1, false
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2, false
			}
		}
		return len(s), false
	}
	return 2, false
}

func sgrParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}
