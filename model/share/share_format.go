package share

import (
	"fmt"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
)

// ShareQuoteLine writes a quote for pasting: “text” — Speaker, Site. The
// speaker or site part is left out when unknown (and the dash with both).
// The text is sanitised onto one line; a trailing comma or semicolon (a
// quote cut where the sentence went on: “…would not like,” Putin said)
// becomes a period.
func ShareQuoteLine(text, speaker, site string) string {
	line := "“" + shareQuoteText(text) + "”"
	var who []string
	for _, s := range []string{speaker, site} {
		if s = model.SanitizeLine(s); s != "" {
			who = append(who, s)
		}
	}
	if len(who) > 0 {
		line += " — " + strings.Join(who, ", ")
	}
	return line
}

// shareQuoteText is a quote's text on one line, a trailing comma or
// semicolon made a period.
func shareQuoteText(text string) string {
	t := model.SanitizeLine(text)
	trimmed := strings.TrimRight(t, ",; ")
	if trimmed != t && trimmed != "" && !strings.ContainsAny(trimmed[len(trimmed)-1:], ".?!") && !strings.HasSuffix(trimmed, "…") {
		return trimmed + "."
	}
	return trimmed
}

// shareMarkdown writes [Title](link), the title escaped so that brackets,
// emphasis marks and backslashes in it stay text, and the parentheses and
// angle brackets of the link percent-encoded.
func shareMarkdown(in *shareInput) (string, error) {
	return "[" + markdown.EscapeText(in.title) + "](" + markdown.Destination(in.link) + ")", nil
}

// shareMailto writes mailto:?subject=…&body=… (RFC 6068): the title as
// subject; the quote line or title, a blank line and the link as body;
// spaces as %20 and line breaks as %0D%0A.
func shareMailto(in *shareInput) (string, error) {
	body := in.text + "\r\n\r\n" + in.url
	return "mailto:?subject=" + shareEscape(in.title) + "&body=" + shareEscape(body), nil
}

// shareMastodon writes the share intent of the configured server.
func shareMastodon(in *shareInput) (string, error) {
	host, err := MastodonInstance(in.cfg.Mastodon)
	if err != nil {
		return "", err
	}
	return "https://" + host + "/share?text=" + shareEscape(sharePost(in, 500, 23)), nil
}

// sharePost is a post's text and link, the text cut to fit limit
// characters when the link counts as linkLen.
func sharePost(in *shareInput, limit, linkLen int) string {
	return shareTrim(in.text, max(limit-linkLen-1, 60)) + " " + in.url
}

// shareTrim cuts s to at most n characters, at a word, with an ellipsis.
func shareTrim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// shareCustom fills a configured target's template. Its name may not be a
// built-in's.
func shareCustom(in *shareInput, name, tmpl string, builtin map[string]bool) (string, error) {
	if builtin[shareAliases(strings.ToLower(strings.TrimSpace(name)))] {
		return "", fmt.Errorf("the name %q is taken by a built-in target; rename it in [share.targets]", name)
	}
	return shareFillTemplate(tmpl, map[string]string{
		"url": in.url, "title": in.title, "text": in.text, "quote": in.quote,
	})
}
