package store

import (
	"context"
	"fmt"
	"time"

	"github.com/byline-reader/byline/model"
)

// DueFeeds is byline's own feeds (not a sync account's) that automatic
// refresh should fetch at now: their next_due and next_allowed (the
// server's Retry-After) have both passed. A feed never fetched is due.
// They come without counts, the longest overdue first.
func (s *Store) DueFeeds(ctx context.Context, now time.Time) ([]model.Feed, error) {
	at := nanos(now)
	rows, err := s.db.QueryContext(ctx, "SELECT "+feedColumns+` FROM feeds
		WHERE account_id IS NULL AND next_due <= ? AND next_allowed <= ?
		ORDER BY next_due, id`, at, at)
	if err != nil {
		return nil, fmt.Errorf("due feeds: %w", err)
	}
	feeds, err := scanFeeds(rows, false)
	if err != nil {
		return nil, fmt.Errorf("due feeds: %w", err)
	}
	return feeds, nil
}

// OwnFeeds is byline's own feeds (not a sync account's), without counts,
// in the order Feeds lists them: what a refresh of every feed fetches.
func (s *Store) OwnFeeds(ctx context.Context) ([]model.Feed, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+feedColumns+" FROM feeds WHERE account_id IS NULL")
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	feeds, err := scanFeeds(rows, false)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	sortFeeds(feeds)
	return feeds, nil
}

// PublishTimes is when a feed's latest articles up to now appeared (their
// publish time, or when byline first saw an undated one), newest first,
// at most limit of them: what the refresh schedule measures.
func (s *Store) PublishTimes(ctx context.Context, feedID int64, now time.Time, limit int) ([]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sort_key FROM articles
		WHERE feed_id = ? AND sort_key <= ? AND sort_key <> 0
		ORDER BY sort_key DESC LIMIT ?`, feedID, nanos(now), limit)
	if err != nil {
		return nil, fmt.Errorf("publish times of feed %d: %w", feedID, err)
	}
	defer rows.Close()
	var times []time.Time
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("publish times of feed %d: %w", feedID, err)
		}
		times = append(times, fromNanos(n))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("publish times of feed %d: %w", feedID, err)
	}
	return times, nil
}

// LatestTime is when a feed's latest article up to now appeared (as
// PublishTimes counts it); zero when it has none.
func (s *Store) LatestTime(ctx context.Context, feedID int64, now time.Time) (time.Time, error) {
	times, err := s.PublishTimes(ctx, feedID, now, 1)
	if err != nil || len(times) == 0 {
		return time.Time{}, err
	}
	return times[0], nil
}
