package library

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/byline-reader/byline/feeds/sublist"
	"github.com/byline-reader/byline/model"
)

// Add subscribes to rawURL: a feed's own URL, or a site whose feed is
// discovered. It returns the new subscription, or ErrExists (wrapped, with
// the existing subscription) when it was already there.
func (l *Library) Add(ctx context.Context, rawURL string) (model.Feed, error) {
	u, err := normaliseURL(rawURL)
	if err != nil {
		return model.Feed{}, err
	}
	if f, err := l.store.FeedByURL(ctx, u); err == nil {
		return f, fmt.Errorf("%w: %s", ErrExists, u)
	}
	found, err := l.client.Discover(ctx, u)
	if err != nil {
		return model.Feed{}, fmt.Errorf("add %s: %w", u, err)
	}
	feedURL := found[0]
	f, err := l.store.AddFeed(ctx, model.Feed{URL: feedURL})
	if errors.Is(err, ErrExists) {
		return f, fmt.Errorf("%w: %s", ErrExists, feedURL)
	}
	return f, err
}

// Remove unsubscribes from a feed given by id or URL, with its articles.
func (l *Library) Remove(ctx context.Context, urlOrID string) (model.Feed, error) {
	f, err := l.FindFeed(ctx, urlOrID)
	if err != nil {
		return f, err
	}
	if f.Account != "" {
		if err := l.unsubscribe(ctx, f); err != nil {
			return f, err
		}
	}
	return f, l.store.RemoveFeed(ctx, f.ID)
}

// Export writes every web subscription, byline's own and the accounts',
// as OPML 2.0, in the order they were subscribed: a file imported comes
// back in its own order.
func (l *Library) Export(ctx context.Context, w io.Writer) error {
	all, err := l.store.Feeds(ctx)
	if err != nil {
		return err
	}
	web := all[:0]
	seen := map[string]bool{} // a feed both local and in an account, once
	for _, f := range all {
		if isWebFeed(f) && !seen[f.URL] {
			seen[f.URL] = true
			web = append(web, f)
		}
	}
	slices.SortStableFunc(web, func(a, b model.Feed) int { return cmp.Compare(a.ID, b.ID) })
	return sublist.WriteOPML(w, web)
}

// isWebFeed tells real subscriptions from byline's built-in welcome feed.
func isWebFeed(f model.Feed) bool { return isWebURL(f.URL) }

// isWebURL reports an http(s) address (not byline's own, as "byline:welcome").
func isWebURL(u string) bool {
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")
}

// unwrapPathError drops the *os.PathError wrapper, whose message repeats
// the path the caller already names.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
