package library

import (
	"context"
	"fmt"
	"strings"

	"github.com/byline-reader/byline/model"
)

// FeedDone is one feed's refresh, already stored.
type FeedDone = model.FeedDone

// Summary is a whole refresh.
type Summary struct {
	Feeds, OK, New int
	Failed         []FeedDone
}

// String is the one line the command line prints at the end.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "refreshed %d %s: %d new %s", s.Feeds, plural(s.Feeds, "feed", "feeds"),
		s.New, plural(s.New, "article", "articles"))
	if len(s.Failed) > 0 {
		fmt.Fprintf(&b, "; %d failed:", len(s.Failed))
		for i, f := range s.Failed {
			if i > 0 {
				b.WriteByte(';')
			}
			fmt.Fprintf(&b, " %s (%s)", f.Feed.URL, f.Err.Error())
		}
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// RefreshStream fetches the given feeds (every web feed when ids is
// empty) and stores each as it arrives, one transaction per feed. Results
// come on the channel in the order feeds finish; it closes when all are
// done or ctx is cancelled.
func (l *Library) RefreshStream(ctx context.Context, ids ...int64) (<-chan FeedDone, error) {
	targets, err := l.refreshTargets(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(chan FeedDone, 16)
	go func() {
		defer close(out)
		done := 0
		for r := range l.client.FetchAll(ctx, targets, l.now()) {
			done++
			fd := FeedDone{Feed: r.Feed, NotModified: r.NotModified, Err: r.Err, Done: done, Total: len(targets)}
			n, err := l.store.SaveFetch(ctx, r, l.now())
			if err != nil && fd.Err == nil {
				fd.Err = fmt.Errorf("store: %w", err)
			}
			fd.New = n
			if r.Title != "" {
				fd.Feed.Title = r.Title
			}
			select {
			case out <- fd:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// Refresh is RefreshStream run to the end, reporting each feed to progress
// (when not nil) and returning the summary.
func (l *Library) Refresh(ctx context.Context, progress func(FeedDone), ids ...int64) (Summary, error) {
	ch, err := l.RefreshStream(ctx, ids...)
	if err != nil {
		return Summary{}, err
	}
	var s Summary
	for fd := range ch {
		s.Feeds++
		s.New += fd.New
		if fd.Err != nil {
			s.Failed = append(s.Failed, fd)
		} else {
			s.OK++
		}
		if progress != nil {
			progress(fd)
		}
	}
	return s, ctx.Err()
}

func (l *Library) refreshTargets(ctx context.Context, ids []int64) ([]model.Feed, error) {
	var targets []model.Feed
	if len(ids) == 0 {
		all, err := l.store.Feeds(ctx)
		if err != nil {
			return nil, err
		}
		for _, f := range all {
			if isWebFeed(f) {
				targets = append(targets, f)
			}
		}
		return targets, nil
	}
	for _, id := range ids {
		f, err := l.store.Feed(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("feed %d: %w", id, err)
		}
		if isWebFeed(f) {
			targets = append(targets, f)
		}
	}
	return targets, nil
}
