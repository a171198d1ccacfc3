package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// TestSaveFetchKeepsTheSchedule: every kind of fetch stores the schedule
// it was given, and DueFeeds reads it with Retry-After.
func TestSaveFetchKeepsTheSchedule(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	ok := addFeed(t, s, "https://example.com/ok")
	same := addFeed(t, s, "https://example.com/same")
	bad := addFeed(t, s, "https://example.com/bad")
	never := addFeed(t, s, "https://example.com/never")
	acct := newAccount(t, s, "home")
	if _, _, err := s.SyncFeeds(ctx, acct.ID, []model.Feed{{RemoteID: "feed/1", URL: "https://example.org/rss"}}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []model.FetchResult{
		{Feed: ok, Status: 200, Articles: items(0, 3), NextDue: t0.Add(time.Hour), PublishGap: 90 * time.Minute},
		{Feed: same, Status: 304, NotModified: true, NextDue: t0.Add(3 * time.Hour), PublishGap: time.Hour},
		{Feed: bad, Status: 429, Err: errors.New("HTTP 429"), RetryAfter: t0.Add(2 * time.Hour), NextDue: t0.Add(2 * time.Hour)},
	} {
		if _, err := s.SaveFetch(ctx, r, t0); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Feed(ctx, ok.ID)
	if err != nil || !got.NextDue.Equal(t0.Add(time.Hour)) || got.PublishGap != 90*time.Minute {
		t.Fatalf("after a fetch: next due %v, gap %v, %v", got.NextDue, got.PublishGap, err)
	}
	for _, c := range []struct {
		at   time.Duration
		want []int64
	}{
		{0, []int64{never.ID}},
		{time.Hour, []int64{never.ID, ok.ID}},
		{2 * time.Hour, []int64{never.ID, ok.ID, bad.ID}},
		{5 * time.Hour, []int64{never.ID, ok.ID, bad.ID, same.ID}},
	} {
		due, err := s.DueFeeds(ctx, t0.Add(c.at))
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, f := range due {
			ids = append(ids, f.ID)
		}
		if len(ids) != len(c.want) {
			t.Errorf("due at +%v: %v, want %v", c.at, ids, c.want)
			continue
		}
		for i := range ids {
			if ids[i] != c.want[i] {
				t.Errorf("due at +%v: %v, want %v", c.at, ids, c.want)
				break
			}
		}
	}
	// Retry-After holds a feed whose schedule says it is due.
	r := model.FetchResult{Feed: ok, Err: errors.New("HTTP 503"), RetryAfter: t0.Add(10 * time.Hour), NextDue: t0.Add(time.Hour)}
	if _, err := s.SaveFetch(ctx, r, t0); err != nil {
		t.Fatal(err)
	}
	due, _ := s.DueFeeds(ctx, t0.Add(5*time.Hour))
	for _, f := range due {
		if f.ID == ok.ID {
			t.Errorf("a feed benched by Retry-After is due")
		}
	}
}

func TestPublishTimes(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	undated := model.Article{Key: "undated", Title: "No date"}
	future := item(600) // ten hours after t0
	save(t, s, f, append(items(0, 5), undated, future))
	times, err := s.PublishTimes(ctx, f.ID, t0.Add(time.Hour), 3)
	if err != nil {
		t.Fatal(err)
	}
	// The undated article counts from when it was fetched (t0); the
	// future one is left out.
	want := []time.Time{t0.Add(4 * time.Minute), t0.Add(3 * time.Minute), t0.Add(2 * time.Minute)}
	if len(times) != len(want) {
		t.Fatalf("times %v, want %v", times, want)
	}
	for i := range want {
		if !times[i].Equal(want[i]) {
			t.Fatalf("times %v, want %v", times, want)
		}
	}
	all, _ := s.PublishTimes(ctx, f.ID, t0.Add(time.Hour), 100)
	if len(all) != 6 || !all[5].Equal(t0) {
		t.Errorf("all times: %v", all)
	}
}

func TestLatestTime(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	if got, err := s.LatestTime(ctx, f.ID, t0); err != nil || !got.IsZero() {
		t.Fatalf("no articles: %v, %v", got, err)
	}
	save(t, s, f, append(items(0, 5), item(600)))
	if got, err := s.LatestTime(ctx, f.ID, t0.Add(time.Hour)); err != nil || !got.Equal(t0.Add(4*time.Minute)) {
		t.Fatalf("latest: %v, %v", got, err)
	}
}
