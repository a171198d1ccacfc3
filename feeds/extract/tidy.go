package extract

import (
	"net/url"
	"strings"
)

// tidyBody takes out what the page gave twice or gave about itself rather
// than the article, each recognised by its shape: a caption line that
// repeats the caption line just before it (a page's list of slides and
// its lightbox), an image whose alt text says it is a logo or an icon,
// and a line that is nothing but a link to the article's own site printed
// bare (a print edition's header).
func tidyBody(md string, base *url.URL) string {
	blocks := strings.Split(md, "\n\n")
	out := blocks[:0]
	lastCaption := ""
	for _, b := range blocks {
		t := strings.TrimSpace(b)
		switch {
		case t == "":
			out = append(out, b)
			continue
		case isLogoImage(t), isOwnBareURL(t, base):
			continue
		}
		if c, ok := captionText(t); ok {
			if c == lastCaption {
				continue
			}
			lastCaption = c
		} else {
			lastCaption = ""
		}
		out = append(out, b)
	}
	return strings.Join(out, "\n\n")
}

// captionText is the text of an italic caption line, a list item's too.
func captionText(t string) (string, bool) {
	t = strings.TrimSpace(strings.TrimPrefix(t, "- "))
	if !isItalicLine(t) {
		return "", false
	}
	return italicText(t), true
}

func isLogoImage(t string) bool {
	alt, ok := strings.CutPrefix(t, "[Image: ")
	if !ok || !strings.HasSuffix(alt, "]") || strings.Contains(t, "\n") {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(strings.TrimSuffix(alt, "]"))) {
		if w == "logo" || w == "icon" {
			return true
		}
	}
	return false
}

func isOwnBareURL(t string, base *url.URL) bool {
	if base == nil || base.Host == "" || strings.ContainsAny(t, " \n[]()<>") {
		return false
	}
	u, err := url.Parse(t)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") &&
		strings.TrimPrefix(u.Host, "www.") == strings.TrimPrefix(base.Host, "www.")
}
