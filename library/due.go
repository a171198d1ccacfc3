package library

import (
	"context"
	"errors"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/schedule"
	"github.com/byline-reader/byline/store"
)

// AccountSyncEvery is how long after its last sync (well or not) an
// account is due again for automatic refresh and `refresh --due`. A
// server keeps its own schedule for the feeds behind it: this only says
// how often byline asks it.
const AccountSyncEvery = 30 * time.Minute

// publishSample is how many of a feed's latest stored times the schedule
// is given: enough for its schedule.Sample distinct ones past a burst of
// a few dozen items published together (after a bigger burst it keeps
// the gap measured before).
const publishSample = 40

// RefreshDueStream is RefreshStream over what is due now: the accounts
// not synced for AccountSyncEvery (or never), then byline's own feeds
// whose next due time and the server's Retry-After have passed. Nothing
// due gives a stream that closes at once.
func (l *Library) RefreshDueStream(ctx context.Context) (<-chan FeedDone, error) {
	now := l.now()
	due, err := l.store.DueFeeds(ctx, now)
	if err != nil {
		return nil, err
	}
	var targets []model.Feed
	for _, f := range due {
		if isWebFeed(f) {
			targets = append(targets, f)
		}
	}
	accounts, err := l.dueAccounts(ctx, now)
	if err != nil {
		return nil, err
	}
	return l.stream(ctx, targets, accounts), nil
}

// RefreshDue is RefreshDueStream run to the end, as Refresh.
func (l *Library) RefreshDue(ctx context.Context, p Progress) (Summary, error) {
	ch, err := l.RefreshDueStream(ctx)
	if err != nil {
		return Summary{}, err
	}
	return collect(ctx, p, ch)
}

// dueAccounts names the configured accounts whose last sync is
// AccountSyncEvery old, or that never synced.
func (l *Library) dueAccounts(ctx context.Context, now time.Time) ([]string, error) {
	var due []string
	for _, name := range l.accountNames() {
		a, err := l.store.Account(ctx, name)
		switch {
		case errors.Is(err, store.ErrNotFound):
			due = append(due, name)
		case err != nil:
			return nil, err
		case now.Sub(a.LastSync) >= AccountSyncEvery:
			due = append(due, name)
		}
	}
	return due, nil
}

// planFetch works out when the fetched feed is due next and puts it in r
// for the store to keep with the fetch. A feed not fetched because its
// server asked to wait keeps the schedule it had, pushed to the wait.
func (l *Library) planFetch(ctx context.Context, r *model.FetchResult, now time.Time) {
	f := r.Feed
	if errors.Is(r.Err, feeds.ErrRetryLater) {
		r.NextDue, r.PublishGap = f.NextDue, f.PublishGap
		if r.RetryAfter.After(r.NextDue) {
			r.NextDue = r.RetryAfter
		}
		return
	}
	in := schedule.Input{
		Now: now, Published: l.publishTimes(ctx, *r, now), LastGap: f.PublishGap,
		Interval: f.Settings.Interval, MaxAge: r.MaxAge, NotBefore: r.RetryAfter,
		Failed: r.Err != nil, PrevFailed: f.LastError != "",
	}
	if !f.LastFetched.IsZero() && f.NextDue.After(f.LastFetched) {
		in.PrevWait = f.NextDue.Sub(f.LastFetched)
	}
	p := schedule.Next(in)
	r.NextDue, r.PublishGap = p.Next, p.Gap
}

// publishTimes are the times the schedule measures a fetched feed by: its
// latest stored ones with those the fetch brought. A fetch that brought
// nothing (a 304, a failure) leaves the feed's articles as they were
// when its gap was measured: only the latest time is read, for how long
// it has been silent (a gap never measured is measured). A feed whose
// times cannot be read is scheduled on what the fetch brought and the
// gap measured before.
func (l *Library) publishTimes(ctx context.Context, r model.FetchResult, now time.Time) []time.Time {
	if len(r.Articles) == 0 && r.Feed.PublishGap > 0 {
		latest, _ := l.store.LatestTime(ctx, r.Feed.ID, now)
		return []time.Time{latest}
	}
	times, _ := l.store.PublishTimes(ctx, r.Feed.ID, now, publishSample)
	for _, a := range r.Articles {
		times = append(times, a.Published)
	}
	return times
}
