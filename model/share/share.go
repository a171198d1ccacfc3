package share

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/byline-reader/byline/model"
)

// Errors a share target can carry instead of a link.
var (
	// ErrNoMastodonInstance: share.mastodon is unset or not a server name;
	// the app asks for it once and keeps the answer in the config.
	ErrNoMastodonInstance = errors.New("no Mastodon server set")
	// ErrUnknownShareTarget: no built-in or configured target has the name.
	ErrUnknownShareTarget = errors.New("unknown share target")
	// ErrShareNeedsQuote: the target (quote, deeplink) shares a quote and
	// none was given.
	ErrShareNeedsQuote = errors.New("this target shares a quote; choose one")
)

// ShareAction says what the app does with a share link's Value.
type ShareAction int

const (
	// ShareCopy: Value is text to put on the clipboard.
	ShareCopy ShareAction = iota
	// ShareOpen: Value is an http(s) URL to open in the browser.
	ShareOpen
	// ShareMail: Value is a mailto: URL for the system's mail handler
	// (xdg-open/open, started without a shell); never a browser's job.
	ShareMail
)

// ShareTarget is one entry of the share menu.
type ShareTarget struct {
	Name   string      // what --target takes: "link", "bluesky", or a configured name
	Label  string      // what the menu shows: "Copy link", "Bluesky"
	Action ShareAction // what the app does with the value
	Quote  bool        // shares a quote, so listed only when one is given
	Custom bool        // configured in [share.targets]
}

// ShareLink is a target with what it shares for one article (and quote).
type ShareLink struct {
	ShareTarget
	Value string // the text to copy or the URL to open; "" when Err is set
	Err   error  // why this target cannot be used now (ErrNoMastodonInstance, a bad template)
}

// shareInput is what every target draws from, already sanitised.
type shareInput struct {
	link    string // the clean article link
	url     string // the link for posts: the deep link when a quote has one
	title   string
	quote   string // the quote's text, "" without a quote
	line    string // “quote” — Speaker, Site (without a link)
	text    string // a post's words: the quote line, else the title
	deep    string
	deepErr error
	cfg     model.ShareConfig
}

type shareBuiltin struct {
	ShareTarget
	build func(in *shareInput) (string, error)
}

// shareBuiltins are the built-in targets, in menu order.
func shareBuiltins() []shareBuiltin {
	intent := func(name, label string, build func(in *shareInput) (string, error)) shareBuiltin {
		return shareBuiltin{ShareTarget{Name: name, Label: label, Action: ShareOpen}, build}
	}
	return []shareBuiltin{
		{ShareTarget{Name: "link", Label: "Copy link"}, func(in *shareInput) (string, error) { return in.link, nil }},
		{ShareTarget{Name: "markdown", Label: "Copy markdown link"}, shareMarkdown},
		{ShareTarget{Name: "quote", Label: "Copy quote with link", Quote: true}, func(in *shareInput) (string, error) {
			return in.line + " <" + in.link + ">", nil
		}},
		{ShareTarget{Name: "deeplink", Label: "Copy deep link to the quote", Quote: true}, func(in *shareInput) (string, error) {
			return in.deep, in.deepErr
		}},
		{ShareTarget{Name: "open", Label: "Open in browser", Action: ShareOpen}, func(in *shareInput) (string, error) { return in.link, nil }},
		{ShareTarget{Name: "email", Label: "Email", Action: ShareMail}, shareMailto},
		intent("bluesky", "Bluesky", func(in *shareInput) (string, error) {
			return "https://bsky.app/intent/compose?text=" + shareEscape(sharePost(in, 300, len([]rune(in.url)))), nil
		}),
		intent("mastodon", "Mastodon", shareMastodon),
		intent("x", "X", func(in *shareInput) (string, error) {
			return "https://x.com/intent/tweet?text=" + shareEscape(shareTrim(in.text, 280-24)) + "&url=" + shareEscape(in.url), nil
		}),
		intent("reddit", "Reddit", func(in *shareInput) (string, error) {
			return "https://www.reddit.com/submit?url=" + shareEscape(in.link) + "&title=" + shareEscape(in.title), nil
		}),
		intent("hackernews", "Hacker News", func(in *shareInput) (string, error) {
			return "https://news.ycombinator.com/submitlink?u=" + shareEscape(in.link) + "&t=" + shareEscape(in.title), nil
		}),
		intent("linkedin", "LinkedIn", func(in *shareInput) (string, error) {
			return "https://www.linkedin.com/sharing/share-offsite/?url=" + shareEscape(in.link), nil
		}),
		intent("facebook", "Facebook", func(in *shareInput) (string, error) {
			return "https://www.facebook.com/sharer/sharer.php?u=" + shareEscape(in.link), nil
		}),
		intent("telegram", "Telegram", func(in *shareInput) (string, error) {
			return "https://t.me/share/url?url=" + shareEscape(in.url) + "&text=" + shareEscape(in.text), nil
		}),
		intent("whatsapp", "WhatsApp", func(in *shareInput) (string, error) {
			return "https://wa.me/?text=" + shareEscape(in.text+" "+in.url), nil
		}),
	}
}

// shareAliases are other names --target accepts.
func shareAliases(name string) string {
	switch name {
	case "hn":
		return "hackernews"
	case "twitter":
		return "x"
	case "mail":
		return "email"
	case "md":
		return "markdown"
	case "deep":
		return "deeplink"
	case "bsky":
		return "bluesky"
	}
	return name
}

// ShareTargets lists the share menu for cfg: the built-in targets, then
// the configured ones by name. Targets with Quote set apply only when a
// quote is shared.
func ShareTargets(cfg model.ShareConfig) []ShareTarget {
	var out []ShareTarget
	for _, b := range shareBuiltins() {
		out = append(out, b.ShareTarget)
	}
	for _, name := range shareCustomNames(cfg) {
		out = append(out, ShareTarget{Name: name, Label: name, Action: ShareOpen, Custom: true})
	}
	return out
}

// shareCustomNames are the configured targets' names, sorted.
func shareCustomNames(cfg model.ShareConfig) []string {
	names := make([]string, 0, len(cfg.Targets))
	for name := range cfg.Targets {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// ShareLinks gives every target's link for an article, and for one of its
// quotes when q is not nil (then the quote and deeplink targets are added,
// and posts carry the quote and the deep link). The order is ShareTargets'.
//
// Targets that cannot be used now are still listed, with Err set and no
// Value: Mastodon without a server (ErrNoMastodonInstance), a configured
// template that is not an http(s) URL or whose name a built-in target
// already has, a deep link to a quote with no findable text. The error is
// for the article itself: a URL that is not http(s) (ErrUnsafeURL), for
// which nothing can be shared.
func ShareLinks(a model.Article, q *model.Quote, cfg model.ShareConfig) ([]ShareLink, error) {
	in, err := shareNewInput(a, q, cfg)
	if err != nil {
		return nil, err
	}
	var out []ShareLink
	builtin := map[string]bool{}
	for _, b := range shareBuiltins() {
		builtin[b.Name] = true
		if b.Quote && q == nil {
			continue
		}
		v, err := b.build(in)
		out = append(out, shareResult(b.ShareTarget, v, err))
	}
	for _, name := range shareCustomNames(cfg) {
		t := ShareTarget{Name: name, Label: name, Action: ShareOpen, Custom: true}
		v, err := shareCustom(in, name, cfg.Targets[name], builtin)
		out = append(out, shareResult(t, v, err))
	}
	return out, nil
}

// ShareLinkFor is ShareLinks for one target, by name: a built-in's name
// (case-insensitive; hn, twitter, mail, md, deep and bsky are accepted
// too) or a configured one. A target that cannot be used returns its
// reason as the error: ErrUnknownShareTarget (the message lists the
// names), ErrShareNeedsQuote, ErrNoMastodonInstance, ErrUnsafeURL, ...
func ShareLinkFor(name string, a model.Article, q *model.Quote, cfg model.ShareConfig) (ShareLink, error) {
	t, ok := shareFindTarget(name, cfg)
	if !ok {
		var names []string
		for _, t := range ShareTargets(cfg) {
			names = append(names, t.Name)
		}
		return ShareLink{}, fmt.Errorf("%w %q; choose one of: %s", ErrUnknownShareTarget,
			shareShort(name), strings.Join(names, ", "))
	}
	if t.Quote && q == nil {
		return ShareLink{ShareTarget: t}, fmt.Errorf("%s: %w", t.Name, ErrShareNeedsQuote)
	}
	links, err := ShareLinks(a, q, cfg)
	if err != nil {
		return ShareLink{ShareTarget: t}, err
	}
	for _, l := range links {
		if l.Name == t.Name && l.Custom == t.Custom {
			return l, l.Err
		}
	}
	return ShareLink{ShareTarget: t}, fmt.Errorf("%w %q", ErrUnknownShareTarget, t.Name)
}

// shareFindTarget looks a target up: built-ins first, then configured
// names exactly, then configured names in any case.
func shareFindTarget(name string, cfg model.ShareConfig) (ShareTarget, bool) {
	name = strings.TrimSpace(name)
	key := shareAliases(strings.ToLower(name))
	targets := ShareTargets(cfg)
	for _, t := range targets {
		if !t.Custom && t.Name == key {
			return t, true
		}
	}
	for _, exact := range []bool{true, false} {
		for _, t := range targets {
			if t.Custom && (t.Name == name || !exact && strings.EqualFold(t.Name, name)) {
				return t, true
			}
		}
	}
	return ShareTarget{}, false
}

func shareResult(t ShareTarget, v string, err error) ShareLink {
	if err != nil {
		return ShareLink{ShareTarget: t, Err: fmt.Errorf("%s: %w", t.Name, err)}
	}
	return ShareLink{ShareTarget: t, Value: v}
}

// shareNewInput cleans the link and sanitises the words once for all
// targets.
func shareNewInput(a model.Article, q *model.Quote, cfg model.ShareConfig) (*shareInput, error) {
	link, err := CleanURL(a.URL)
	if err != nil {
		return nil, fmt.Errorf("share %q: %w", shareShort(a.URL), err)
	}
	in := &shareInput{link: link, url: link, cfg: cfg, title: model.SanitizeLine(a.Title)}
	site := a.SiteName()
	if in.title == "" {
		in.title = site
	}
	in.text = in.title
	if q == nil {
		return in, nil
	}
	in.quote = shareQuoteText(q.Text)
	in.line = ShareQuoteLine(q.Text, q.Speaker, site)
	in.text = in.line
	in.deep, in.deepErr = DeepLink(a.URL, a.Markdown, *q)
	if in.deepErr == nil {
		in.url = in.deep
	}
	return in, nil
}
