package extract

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
)

// Which picture an <img> shows, as an absolute http(s) address: its src,
// else the address a lazy loader keeps for it (data-src, data-lazy-src,
// data-original), else the best candidate of its srcset or of the
// <source>s of the <picture> around it. A placeholder (a data: URI, a
// spacer gif) is no picture; neither is a tracking pixel, which says so by
// its size or its address.

// maxSrcsetWidth is the widest srcset candidate taken: a terminal shows a
// picture at a few hundred pixels at most, and a wider file only costs.
const maxSrcsetWidth = 1600

// lazyAttrs hold a picture's address while a script has yet to load it.
var lazyAttrs = []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src"}

// lazySrcsetAttrs hold a picture's srcset while a script has yet to load it.
var lazySrcsetAttrs = []string{"srcset", "data-srcset", "data-lazy-srcset"}

// imageSource is the address of the picture img shows, or "".
func imageSource(img *html.Node, base *url.URL) string {
	if tinyImage(img) {
		return ""
	}
	for _, key := range append([]string{"src"}, lazyAttrs...) {
		if u := pictureURL(htmlnode.Attr(img, key), base); u != "" {
			return u
		}
	}
	for _, key := range lazySrcsetAttrs {
		if u := pictureURL(bestCandidate(htmlnode.Attr(img, key)), base); u != "" {
			return u
		}
	}
	if p := img.Parent; isTag(p, "picture") {
		for s := p.FirstChild; s != nil; s = s.NextSibling {
			if !isTag(s, "source") || !drawableType(htmlnode.Attr(s, "type")) {
				continue
			}
			for _, key := range lazySrcsetAttrs {
				if u := pictureURL(bestCandidate(htmlnode.Attr(s, key)), base); u != "" {
					return u
				}
			}
		}
	}
	return ""
}

// drawableType accepts a <source> of a format byline draws (or of no
// stated type).
func drawableType(t string) bool {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "", "image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp":
		return true
	}
	return false
}

// tinyImage reports an image whose stated width or height is at most two
// pixels: a tracking pixel or a spacer.
func tinyImage(img *html.Node) bool {
	for _, key := range []string{"width", "height"} {
		v := strings.TrimSuffix(strings.TrimSpace(htmlnode.Attr(img, key)), "px")
		if n, err := strconv.Atoi(v); err == nil && n <= 2 {
			return true
		}
	}
	return false
}

// pictureURL resolves raw against base and keeps it when it is an http(s)
// address of something that may be a picture.
func pictureURL(raw string, base *url.URL) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 4096 || strings.HasPrefix(strings.ToLower(raw), "data:") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil && (base.Scheme == "http" || base.Scheme == "https") {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || isPlaceholder(u) {
		return ""
	}
	u.Fragment = ""
	// An address Go parses once may not parse again ("//::" gives
	// "https://::"): keep only one that comes back whole, with a host.
	s := u.String()
	if back, err := url.Parse(s); err != nil || back.Hostname() == "" {
		return ""
	}
	return s
}

// isPlaceholder reports the address of no picture of the article: a
// spacer gif, a tracker's pixel, an ad server's banner, a commenter's
// avatar.
func isPlaceholder(u *url.URL) bool {
	host := strings.ToLower(u.Hostname())
	for _, label := range strings.Split(host, ".") {
		switch label {
		case "pixel", "pixels", "beacon", "ads", "adserver", "adservice", "doubleclick", "gravatar":
			return true
		}
	}
	if host == "feeds.feedburner.com" || strings.HasPrefix(u.Path, "/~r/") || strings.HasPrefix(u.Path, "/~ff/") ||
		strings.Contains(strings.ToLower(u.Path), "/adserver/") {
		return true
	}
	name := strings.ToLower(path.Base(u.Path))
	ext := path.Ext(name)
	switch strings.TrimSuffix(name, ext) {
	case "spacer", "blank", "pixel", "transparent", "clear", "1x1", "trans", "empty":
		return ext == ".gif" || ext == ".png"
	case "b", "t", "p":
		return ext == ".gif"
	}
	return false
}

// bestCandidate picks from a srcset the widest candidate up to
// maxSrcsetWidth (the narrowest when all are wider), or the highest
// density up to 2x when the candidates give densities.
func bestCandidate(srcset string) string {
	best, bestW := "", 0
	narrow, narrowW := "", 0
	dense, denseX := "", 0.0
	for _, c := range srcsetCandidates(srcset) {
		switch {
		case strings.HasSuffix(c.descriptor, "w"):
			w, err := strconv.Atoi(strings.TrimSuffix(c.descriptor, "w"))
			if err != nil || w <= 0 {
				continue
			}
			if w <= maxSrcsetWidth && w > bestW {
				best, bestW = c.url, w
			}
			if w > maxSrcsetWidth && (narrowW == 0 || w < narrowW) {
				narrow, narrowW = c.url, w
			}
		default:
			x := 1.0
			if d, ok := strings.CutSuffix(c.descriptor, "x"); ok {
				v, err := strconv.ParseFloat(d, 64)
				if err != nil || v <= 0 {
					continue
				}
				x = v
			}
			if dense == "" || x <= 2 && x > denseX {
				dense, denseX = c.url, x
			}
		}
	}
	switch {
	case best != "":
		return best
	case narrow != "":
		return narrow
	}
	return dense
}

type srcsetCandidate struct{ url, descriptor string }

// srcsetCandidates reads a srcset as HTML does: an address up to white
// space (commas ending it are separators), then descriptors up to a comma.
// Only the first descriptor is kept.
func srcsetCandidates(s string) []srcsetCandidate {
	var out []srcsetCandidate
	for len(out) < 64 {
		s = strings.TrimLeft(s, " \t\n\r\f,")
		if s == "" {
			break
		}
		end := strings.IndexAny(s, " \t\n\r\f")
		if end < 0 {
			end = len(s)
		}
		raw := s[:end]
		s = s[end:]
		c := srcsetCandidate{url: strings.TrimRight(raw, ",")}
		if len(c.url) == len(raw) { // descriptors follow, up to a comma
			desc := s
			if i := strings.IndexByte(s, ','); i >= 0 {
				desc, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			if f := strings.Fields(desc); len(f) > 0 {
				c.descriptor = strings.ToLower(f[0])
			}
		}
		if c.url != "" {
			out = append(out, c)
		}
	}
	return out
}
