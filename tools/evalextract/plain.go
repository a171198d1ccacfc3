package main

import (
	"regexp"
	"strings"
)

// plainText turns byline's markdown into the text a reader reads, as the
// benchmark's truth has it: no image lines, links reduced to their text,
// no URLs, no markdown marks or escapes. Only what tokenizes differs
// matters to the score (punctuation never makes a token), so marks that
// are not word characters may stay.
func plainText(md string) string {
	var out []string
	fence := false
	for _, line := range strings.Split(md, "\n") {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
			fence = !fence
			continue
		}
		if !fence {
			line = plainLine(line)
		}
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

var (
	rxImage    = regexp.MustCompile(`\[Image: (?:\\.|[^\]\\])*\]`)
	rxImgLink  = regexp.MustCompile(`!\[(?:\\.|[^\]\\])*\]\([^)]*\)`)
	rxLink     = regexp.MustCompile(`\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)`)
	rxRefLink  = regexp.MustCompile(`(?m)^\s*\[[^\]]+\]:\s+\S+.*$`)
	rxAutoLink = regexp.MustCompile(`<(?:https?|mailto):[^>\s]*>`)
	rxURL      = regexp.MustCompile(`(?:https?://|www\.)[^\s<>()\]]+`)
	rxEmphasis = regexp.MustCompile(`(^|[^\pL\pN])_{1,3}([^_\s](?:[^_]*[^_\s])?)_{1,3}($|[^\pL\pN])`)
	rxEscape   = regexp.MustCompile(`\\([!-/:-@\[-\x60{-~])`)
)

func plainLine(line string) string {
	line = rxImgLink.ReplaceAllString(line, "") // before rxImage: alt text may read "[Image: …]"
	line = rxImage.ReplaceAllString(line, "")
	for i := 0; i < 3 && strings.Contains(line, "]("); i++ { // links inside links
		line = rxLink.ReplaceAllString(line, "$1")
	}
	line = rxRefLink.ReplaceAllString(line, "")
	line = rxAutoLink.ReplaceAllString(line, "")
	line = rxURL.ReplaceAllString(line, "")
	if strings.Contains(line, "_") {
		line = rxEmphasis.ReplaceAllString(line, "$1$2$3")
	}
	return rxEscape.ReplaceAllString(line, "$1")
}
