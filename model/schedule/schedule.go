// Package schedule is the rule of automatic refresh: when a feed is
// fetched next. It adapts to how often the feed really publishes, within
// limits, and honours the user's interval, the server's Cache-Control
// max-age and Retry-After, and backs off a feed that keeps failing.
//
// It is arithmetic on times it is given: no clock, no IO, no byline types
// (library turns a feed and its fetch into an Input).
package schedule

import (
	"slices"
	"time"
)

// The limits of the adaptive interval.
const (
	// MinInterval is the shortest wait the adaptive rule gives a feed,
	// however often it publishes.
	MinInterval = 15 * time.Minute
	// MaxInterval is the longest wait the adaptive rule, a failing feed's
	// back-off and a server's max-age give a feed.
	MaxInterval = 24 * time.Hour
	// MinOverride is the shortest interval a user's setting can ask for.
	MinOverride = time.Minute
	// UnknownGap is taken as the gap between the articles of a feed that
	// has not shown two publish times yet.
	UnknownGap = 2 * time.Hour
	// Burst is how close two publish times must be to count as one: a
	// feed that publishes twenty items at once published once.
	Burst = time.Minute
	// Sample is how many gaps between the latest distinct publish times
	// are measured.
	Sample = 10
)

// Input is what the rule knows of a feed after one fetch.
type Input struct {
	Now time.Time

	// Published are the publish times of the feed's latest articles, in
	// any order, with those the fetch just read (zero times are ignored,
	// as are times after Now).
	Published []time.Time
	// LastGap is the gap measured before, used when Published shows
	// fewer than two distinct times.
	LastGap time.Duration

	// Interval is the user's interval for the feed; 0 is adaptive.
	Interval time.Duration
	// MaxAge is how long the server said its answer stays fresh
	// (Cache-Control max-age): no fetch sooner (up to MaxInterval).
	MaxAge time.Duration
	// NotBefore is when the server allows the next request
	// (Retry-After): no fetch before it, whatever else says.
	NotBefore time.Time

	// Failed says this fetch failed; PrevFailed that the one before it
	// failed too, after which the feed was given PrevWait.
	Failed, PrevFailed bool
	PrevWait           time.Duration
}

// Plan is the rule's answer.
type Plan struct {
	Next time.Time     // when the feed is due
	Gap  time.Duration // the gap between its articles, as measured (0: unknown)
}

// Next is when a feed is due after a fetch:
//   - by the user's interval when set (at least MinOverride), else half the
//     gap between its articles — or half the time since its latest article
//     when it has been silent longer than that, so a feed silent for weeks
//     drifts to the maximum — within MinInterval and MaxInterval;
//   - a failed fetch waits at least that, and twice the last wait when the
//     fetch before failed too, up to MaxInterval;
//   - never sooner than the server's max-age (up to MaxInterval), never
//     before its Retry-After.
func Next(in Input) Plan {
	gap, latest, ok := PublishGap(in.Published, in.Now)
	if !ok {
		gap = max(in.LastGap, 0)
	}
	wait := in.interval(gap, latest)
	if in.Failed && in.PrevFailed && in.PrevWait > 0 {
		wait = min(max(wait, 2*in.PrevWait), max(wait, MaxInterval))
	}
	wait = max(wait, min(in.MaxAge, MaxInterval))
	next := in.Now.Add(wait)
	if in.NotBefore.After(next) {
		next = in.NotBefore
	}
	return Plan{Next: next, Gap: gap}
}

// interval is the wait the user's setting or the adaptive rule gives.
func (in Input) interval(gap time.Duration, latest time.Time) time.Duration {
	if in.Interval > 0 {
		return max(in.Interval, MinOverride)
	}
	base := gap
	if base <= 0 {
		base = UnknownGap
	}
	if !latest.IsZero() {
		base = max(base, in.Now.Sub(latest))
	}
	return min(max(base/2, MinInterval), MaxInterval)
}

// PublishGap measures how often a feed publishes: the median gap between
// its latest Sample+1 distinct publish times (times within Burst of the
// next later one are one), ignoring zero times and times after now. It
// also gives the latest of them; ok is false with fewer than two.
func PublishGap(times []time.Time, now time.Time) (gap time.Duration, latest time.Time, ok bool) {
	ts := make([]time.Time, 0, len(times))
	for _, t := range times {
		if !t.IsZero() && !t.After(now) {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return b.Compare(a) })
	var kept []time.Time
	for _, t := range ts {
		if len(kept) > 0 && kept[len(kept)-1].Sub(t) < Burst {
			continue
		}
		kept = append(kept, t)
		if len(kept) == Sample+1 {
			break
		}
	}
	if len(kept) == 0 {
		return 0, time.Time{}, false
	}
	if len(kept) < 2 {
		return 0, kept[0], false
	}
	gaps := make([]time.Duration, len(kept)-1)
	for i := range gaps {
		gaps[i] = kept[i].Sub(kept[i+1])
	}
	slices.Sort(gaps)
	return gaps[(len(gaps)-1)/2], kept[0], true
}
