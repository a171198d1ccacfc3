package extract

import (
	"net/url"
	"path"
	"regexp"
	"strings"
)

// tidyBody takes out what the page gave twice or gave about itself rather
// than the article, each recognised by its shape: a caption line that
// repeats the caption line just before it, pictures aside (a page's list
// of slides and its lightbox, a gallery's photos captioned alike), a picture that is the site's logo or an icon, a label
// for screen readers next to a picture ("Image", "Media caption"), and a
// line that is nothing but a link to the article's own site printed bare
// (a print edition's header).
func tidyBody(md string, base *url.URL) string {
	blocks := strings.Split(md, "\n\n")
	out := make([]string, 0, len(blocks)) // blocks stays whole: nearPicture reads it
	lastCaption := ""
	for i, b := range blocks {
		t := strings.TrimSpace(b)
		switch {
		case t == "":
			out = append(out, b)
			continue
		case isLogoImage(t), isOwnBareURL(t, base), isPictureLabel(t) && nearPicture(blocks, i):
			continue
		case isPictureLine(t):
			out = append(out, b) // a caption repeated under the next picture still goes
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

// rxPictureLine is a picture standing alone on its line, "![alt](address)",
// its alt text and its address.
var rxPictureLine = regexp.MustCompile(`^!\[((?:\\.|[^\]\\])*)\]\(([^()\s]*)\)$`)

// isPictureLine reports a line that is a picture, or a link around one.
func isPictureLine(t string) bool {
	return strings.HasPrefix(t, "![") || strings.HasPrefix(t, "[![")
}

// isLogoImage reports a picture whose alt text or address (a word of its
// host or its path) says it is a logo or an icon.
func isLogoImage(t string) bool {
	m := rxPictureLine.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(m[1])) {
		if w == "logo" || w == "icon" {
			return true
		}
	}
	where := ""
	if u, err := url.Parse(m[2]); err == nil {
		where = strings.ToLower(u.Hostname() + strings.TrimSuffix(u.Path, path.Ext(u.Path)))
	}
	for _, w := range strings.FieldsFunc(where, func(r rune) bool {
		return !('a' <= r && r <= 'z')
	}) {
		switch w {
		case "logo", "logos", "favicon", "icon", "icons", "sprite":
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

// rxPictureLabel is a label a page sets by a picture for screen readers
// or as a caption's heading, standing alone: "Image", "Photo", "Media
// caption", "Image copyright", "Getty Images", "Photo:".
var rxPictureLabel = regexp.MustCompile(`^(?i:(?:(?:an? )?(?:image|photo|photograph|picture|pic|video|media|graphic|illustration|gallery|slideshow|getty images|getty)(?: (?:caption|source|copyright|credit|description)s?)?|caption|credits?|source|copyright|(?:show|hide|close|toggle) caption))\s*[:,.…]?$`)

// isPictureLabel reports a block that is only such a label, in emphasis
// or not.
// An agency's name in emphasis is a credit line, and stays.
func isPictureLabel(t string) bool {
	if len(t) > 40 {
		return false
	}
	if label := strings.Trim(t, "*_ "); label != t {
		return !strings.HasPrefix(strings.ToLower(label), "getty") && rxPictureLabel.MatchString(label)
	}
	return rxPictureLabel.MatchString(t)
}

// nearPicture reports a picture line next to block i, or with only
// other labels and caption lines between them (at most three blocks).
func nearPicture(blocks []string, i int) bool {
	for _, step := range []int{-1, 1} {
		for j, n := i+step, 0; j >= 0 && j < len(blocks) && n < 3; j, n = j+step, n+1 {
			t := strings.TrimSpace(blocks[j])
			switch {
			case isPictureLine(t):
				return true
			case t != "" && !isPictureLabel(t) && !isItalicLine(t):
				n = 3 // prose between: too far
			}
		}
	}
	return false
}
