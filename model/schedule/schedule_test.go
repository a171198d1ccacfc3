package schedule

import (
	"testing"
	"time"
)

var now = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// every is n publish times, the latest `ago` before now, `gap` apart.
func every(n int, gap, ago time.Duration) []time.Time {
	ts := make([]time.Time, n)
	for i := range ts {
		ts[i] = now.Add(-ago - time.Duration(i)*gap)
	}
	return ts
}

// burst is n publish times a second apart, at t.
func burst(n int, t time.Time) []time.Time {
	ts := make([]time.Time, n)
	for i := range ts {
		ts[i] = t.Add(-time.Duration(i) * time.Second)
	}
	return ts
}

func TestNext(t *testing.T) {
	hourly := every(12, time.Hour, 10*time.Minute)
	for _, c := range []struct {
		name    string
		in      Input
		wait    time.Duration
		gap     time.Duration
		waitMax time.Duration // when set, wait may be anything from wait to this
	}{
		{name: "hourly feed: half its gap", in: Input{Published: hourly}, wait: 30 * time.Minute, gap: time.Hour},
		{name: "daily feed", in: Input{Published: every(8, 24*time.Hour, time.Hour)}, wait: 12 * time.Hour, gap: 24 * time.Hour},
		{name: "every five minutes: the minimum", in: Input{Published: every(20, 5*time.Minute, 0)}, wait: MinInterval, gap: 5 * time.Minute},
		{name: "weekly: the maximum", in: Input{Published: every(5, 7*24*time.Hour, time.Hour)}, wait: MaxInterval, gap: 7 * 24 * time.Hour},
		{name: "hourly, silent for five hours", in: Input{Published: every(12, time.Hour, 5*time.Hour)}, wait: 150 * time.Minute, gap: time.Hour},
		{name: "hourly, silent for weeks: the maximum", in: Input{Published: every(12, time.Hour, 21*24*time.Hour)}, wait: MaxInterval, gap: time.Hour},
		{name: "twenty at once count once", in: Input{Published: append(burst(20, now.Add(-5*time.Minute)), every(10, 3*time.Hour, 3*time.Hour)...)},
			wait: 90 * time.Minute, gap: 3 * time.Hour},
		{name: "future dates ignored", in: Input{Published: append(every(6, time.Hour, 0), now.Add(48*time.Hour), now.Add(50*time.Hour))},
			wait: 30 * time.Minute, gap: time.Hour},
		{name: "no dates: the gap measured before", in: Input{LastGap: 4 * time.Hour}, wait: 2 * time.Hour, gap: 4 * time.Hour},
		{name: "nothing known", in: Input{}, wait: UnknownGap / 2},
		{name: "one date, old", in: Input{Published: []time.Time{now.Add(-10 * time.Hour)}}, wait: 5 * time.Hour},
		{name: "user's interval", in: Input{Published: hourly, Interval: 6 * time.Hour}, wait: 6 * time.Hour, gap: time.Hour},
		{name: "user's interval below the floor", in: Input{Interval: time.Second}, wait: MinOverride},
		{name: "max-age longer than the interval", in: Input{Published: hourly, MaxAge: 3 * time.Hour}, wait: 3 * time.Hour, gap: time.Hour},
		{name: "max-age shorter", in: Input{Published: hourly, MaxAge: 5 * time.Minute}, wait: 30 * time.Minute, gap: time.Hour},
		{name: "max-age of a year", in: Input{Published: hourly, MaxAge: 365 * 24 * time.Hour}, wait: MaxInterval, gap: time.Hour},
		{name: "max-age beats the user's interval", in: Input{Interval: 10 * time.Minute, MaxAge: time.Hour}, wait: time.Hour},
		{name: "retry-after", in: Input{Published: hourly, NotBefore: now.Add(5 * time.Hour)}, wait: 5 * time.Hour, gap: time.Hour},
		{name: "retry-after beyond the maximum", in: Input{Published: hourly, NotBefore: now.Add(30 * time.Hour)}, wait: 30 * time.Hour, gap: time.Hour},
		{name: "retry-after past", in: Input{Published: hourly, NotBefore: now.Add(-time.Hour)}, wait: 30 * time.Minute, gap: time.Hour},
		{name: "first failure: the usual wait", in: Input{Published: hourly, Failed: true}, wait: 30 * time.Minute, gap: time.Hour},
		{name: "second failure doubles", in: Input{Published: hourly, Failed: true, PrevFailed: true, PrevWait: 30 * time.Minute},
			wait: time.Hour, gap: time.Hour},
		{name: "fifth failure", in: Input{Published: hourly, Failed: true, PrevFailed: true, PrevWait: 8 * time.Hour},
			wait: 16 * time.Hour, gap: time.Hour},
		{name: "back-off capped", in: Input{Published: hourly, Failed: true, PrevFailed: true, PrevWait: 20 * time.Hour},
			wait: MaxInterval, gap: time.Hour},
		{name: "back-off of a long user interval", in: Input{Interval: 48 * time.Hour, Failed: true, PrevFailed: true, PrevWait: 48 * time.Hour},
			wait: 48 * time.Hour},
		{name: "a success after failures: the usual wait", in: Input{Published: hourly, PrevFailed: true, PrevWait: 16 * time.Hour},
			wait: 30 * time.Minute, gap: time.Hour},
		{name: "a failure with retry-after", in: Input{Published: hourly, Failed: true, NotBefore: now.Add(2 * time.Hour)},
			wait: 2 * time.Hour, gap: time.Hour},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.in.Now = now
			p := Next(c.in)
			if wait := p.Next.Sub(now); wait != c.wait || !p.Next.Equal(now.Add(c.wait)) || p.Gap != c.gap {
				t.Errorf("wait %v, next %v, gap %v; want wait %v, gap %v", wait, p.Next, p.Gap, c.wait, c.gap)
			}
		})
	}
}

// TestBackOffDoubles follows a feed failing again and again: each wait
// doubles the one before, up to the maximum, and one success ends it.
func TestBackOffDoubles(t *testing.T) {
	in := Input{Now: now, LastGap: time.Hour}
	var waits []time.Duration
	prevFailed, prevWait := false, time.Duration(0)
	for range 8 {
		in.Failed, in.PrevFailed, in.PrevWait = true, prevFailed, prevWait
		p := Next(in)
		wait := p.Next.Sub(in.Now)
		waits = append(waits, wait)
		in.Now = p.Next
		prevFailed, prevWait = true, wait
	}
	want := []time.Duration{30 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 16 * time.Hour, 24 * time.Hour, 24 * time.Hour}
	for i := range want {
		if waits[i] != want[i] {
			t.Fatalf("waits %v, want %v", waits, want)
		}
	}
	in.Failed, in.PrevFailed, in.PrevWait = false, true, prevWait
	if wait := Next(in).Next.Sub(in.Now); wait != 30*time.Minute {
		t.Fatalf("after a success: %v", wait)
	}
}

func TestPublishGap(t *testing.T) {
	for _, c := range []struct {
		name   string
		times  []time.Time
		gap    time.Duration
		latest time.Time
		ok     bool
	}{
		{name: "none"},
		{name: "zero times", times: []time.Time{{}, {}}},
		{name: "one", times: []time.Time{now.Add(-time.Hour)}, latest: now.Add(-time.Hour)},
		{name: "one, repeated", times: burst(30, now), latest: now},
		{name: "two", times: every(2, 3*time.Hour, 0), gap: 3 * time.Hour, latest: now, ok: true},
		{name: "median, not mean", times: []time.Time{now, now.Add(-time.Hour), now.Add(-2 * time.Hour), now.Add(-30 * 24 * time.Hour)},
			gap: time.Hour, latest: now, ok: true},
		{name: "only the latest eleven", times: append(every(11, time.Hour, 0), every(40, time.Minute*2, 11*time.Hour)...),
			gap: time.Hour, latest: now, ok: true},
		{name: "unordered", times: []time.Time{now.Add(-4 * time.Hour), now, now.Add(-2 * time.Hour)}, gap: 2 * time.Hour, latest: now, ok: true},
	} {
		gap, latest, ok := PublishGap(c.times, now)
		if gap != c.gap || !latest.Equal(c.latest) || ok != c.ok {
			t.Errorf("%s: gap %v latest %v ok %v; want %v %v %v", c.name, gap, latest, ok, c.gap, c.latest, c.ok)
		}
	}
}
