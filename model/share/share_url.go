package share

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/byline-reader/byline/model"
)

// ErrUnsafeURL marks a link byline will not share or open: anything but an
// absolute http or https URL, or one holding control characters.
var ErrUnsafeURL = errors.New("unsafe link")

// shareTracking holds the query parameters that only track who clicked
// where, lower-cased. Every parameter whose name starts with "utm_" is
// tracking too. Parameters that sites also use for content (ref, id, s,
// source, ...) are deliberately absent.
var shareTracking = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"gad_source": true, "srsltid": true, "msclkid": true, "yclid": true,
	"twclid": true, "ttclid": true, "igshid": true, "li_fat_id": true,
	"mc_cid": true, "mc_eid": true, "mkt_tok": true, "vero_id": true, "vero_conv": true,
	"_hsenc": true, "_hsmi": true, "__hssc": true, "__hstc": true, "__hsfp": true,
	"hsctatracking": true, "oly_anon_id": true, "oly_enc_id": true,
	"_ga": true, "_gl": true, "rb_clickid": true, "s_cid": true, "ref_src": true,
	"_openstat": true, "wickedid": true,
}

// shareIsTracking reports a query parameter (name=value, as it stands in
// the URL) that is tracking.
func shareIsTracking(param string) bool {
	name, _, _ := strings.Cut(param, "=")
	if n, err := url.QueryUnescape(name); err == nil {
		name = n
	}
	name = strings.ToLower(strings.TrimSpace(name))
	return strings.HasPrefix(name, "utm_") || shareTracking[name]
}

// CleanURL checks that raw is an absolute http or https link and removes
// its tracking parameters (utm_*, fbclid, gclid, mc_cid and the other
// well-known ones, names compared case-insensitively). Every other
// parameter stays where it was, spelled and encoded as it was, and so does
// the fragment; a link with nothing to remove comes back unchanged apart
// from surrounding space (and inner spaces, written %20). Any other scheme
// (javascript:, file:, data:, mailto:, ...), a missing host or a control
// character is an error wrapping ErrUnsafeURL.
func CleanURL(raw string) (string, error) {
	s, err := shareCheckURL(raw)
	if err != nil {
		return "", err
	}
	rest, frag, hasFrag := strings.Cut(s, "#")
	base, query, hasQuery := strings.Cut(rest, "?")
	if !hasQuery {
		return s, nil
	}
	params := strings.Split(query, "&")
	kept := params[:0:0]
	for _, p := range params {
		if !shareIsTracking(p) {
			kept = append(kept, p)
		}
	}
	if len(kept) == len(params) {
		return s, nil
	}
	out := base
	if len(kept) > 0 {
		out += "?" + strings.Join(kept, "&")
	}
	if hasFrag {
		out += "#" + frag
	}
	return out, nil
}

// shareCheckURL trims raw, writes inner spaces as %20 and refuses what is
// not an absolute http(s) URL with a host.
func shareCheckURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", fmt.Errorf("%w: the link is empty", ErrUnsafeURL)
	}
	if model.Sanitize(s) != s || strings.ContainsAny(s, "\n\t") {
		return "", fmt.Errorf("%w: the link holds control characters", ErrUnsafeURL)
	}
	s = strings.ReplaceAll(s, " ", "%20")
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%w: not a valid link: %v", ErrUnsafeURL, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return "", fmt.Errorf("%w: %q is not an absolute http or https link", ErrUnsafeURL, shareShort(s))
	default:
		return "", fmt.Errorf("%w: only http and https links are shared or opened, not %s links", ErrUnsafeURL, strings.ToLower(u.Scheme))
	}
	if u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%w: %q has no host", ErrUnsafeURL, shareShort(s))
	}
	return s, nil
}

// shareShort cuts a string for an error message.
func shareShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// shareEscape percent-encodes s for a query component (or a mailto
// header): every byte but ASCII letters, digits and -._~ is written %XX, so
// a space is %20, never +.
func shareEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// shareFillTemplate substitutes {url}, {title}, {text} and {quote} in a
// custom target's URL template, each value percent-encoded, in one pass
// (a value holding "{url}" is not substituted again). The template must
// itself start with http:// or https://, and the result must be a link
// CleanURL would accept.
func shareFillTemplate(tmpl string, vars map[string]string) (string, error) {
	t := strings.TrimSpace(tmpl)
	lower := strings.ToLower(t)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
		return "", fmt.Errorf("%w: a share template must start with https:// or http://", ErrUnsafeURL)
	}
	var b strings.Builder
	for t != "" {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		b.WriteString(t[:i])
		t = t[i:]
		j := strings.IndexByte(t, '}')
		if v, ok := vars[strings.ToLower(t[1:max(j, 1)])]; j > 0 && ok {
			b.WriteString(shareEscape(v))
			t = t[j+1:]
			continue
		}
		b.WriteByte('{')
		t = t[1:]
	}
	out := b.String()
	if _, err := shareCheckURL(out); err != nil {
		return "", err
	}
	return out, nil
}

// MastodonInstance normalises what a user gives as their Mastodon server
// ("mastodon.social", "https://mastodon.social/", "@me@mastodon.social")
// to a host name, or says why it is not one. An empty value is an error
// wrapping ErrNoMastodonInstance.
func MastodonInstance(s string) (string, error) {
	h := strings.TrimSpace(model.SanitizeLine(s))
	if h == "" {
		return "", fmt.Errorf("%w: set share.mastodon to your server, e.g. mastodon.social", ErrNoMastodonInstance)
	}
	h = strings.ToLower(h)
	for _, p := range []string{"https://", "http://"} {
		h = strings.TrimPrefix(h, p)
	}
	if at := strings.LastIndexByte(h, '@'); at >= 0 {
		h = h[at+1:]
	}
	h = strings.TrimRight(h, "/")
	if h == "" || len(h) > 253 || strings.HasPrefix(h, ".") || strings.HasPrefix(h, "-") || !strings.Contains(h, ".") {
		return "", fmt.Errorf("%w: %q is not a server name like mastodon.social", ErrNoMastodonInstance, shareShort(s))
	}
	for _, c := range h {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':') {
			return "", fmt.Errorf("%w: %q is not a server name like mastodon.social", ErrNoMastodonInstance, shareShort(s))
		}
	}
	return h, nil
}

// CheckShareTemplate says whether a configured target's URL template is
// usable (it starts with http:// or https:// and makes a valid link), so
// that a bad one can be reported when the configuration is read.
func CheckShareTemplate(tmpl string) error {
	_, err := shareFillTemplate(tmpl, map[string]string{"url": "https://example.com/", "title": "t", "text": "t", "quote": "q"})
	return err
}
