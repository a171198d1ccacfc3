package feeds

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"time"

	"github.com/byline-reader/byline/model"
)

// ErrRetryLater is wrapped by the error of a feed that was not fetched
// because its server asked byline to wait (Retry-After).
var ErrRetryLater = errors.New("server asked to wait")

// maxHeld is how many fetched feeds FetchAll keeps in memory at once,
// read or parsed but not yet taken from its channel.
const maxHeld = 8

// FetchAll fetches and parses feeds with Options.Workers workers, at most
// Options.PerHost at once to one host and one parse per core. Results
// arrive as each feed finishes. A feed whose NextAllowed is after now is not
// fetched: its result comes at once with an error wrapping ErrRetryLater
// ("server asked to wait until 15:04") and RetryAfter set to NextAllowed.
// The channel is closed when every feed is done, or soon after ctx is
// cancelled, when results not yet taken are dropped. The reader must read
// until the channel closes or cancel ctx: the channel's buffer is small, so
// that parsed feeds waiting to be stored cannot pile up in memory.
func (c *Client) FetchAll(ctx context.Context, feeds []model.Feed, now time.Time) <-chan model.FetchResult {
	// A small buffer: parsed feeds wait for the reader (the store) here, so
	// memory stays bounded however many feeds there are.
	out := make(chan model.FetchResult, 4)
	send := func(r model.FetchResult) bool {
		select {
		case out <- r:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var due, waiting []model.Feed
	for _, f := range feeds {
		if f.NextAllowed.After(now) {
			waiting = append(waiting, f)
		} else {
			due = append(due, f)
		}
	}
	due = interleaveHosts(due)
	workers := min(c.opts.Workers, len(due))
	jobs := make(chan model.Feed)
	// Fetching is mostly waiting for answers, so many feeds are asked for
	// at once; but a body read, parsed and not yet taken is memory, and
	// when the reader stores more slowly than feeds arrive, only
	// maxHeld of them wait (the rest wait with their answer unread).
	hold := make(chan struct{}, maxHeld)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for f := range jobs {
				held := false
				ok := send(c.fetchFeed(ctx, f, hold, &held))
				if held {
					<-hold
				}
				if !ok {
					return
				}
			}
		})
	}
	go func() {
		defer close(out)
		defer wg.Wait()
		defer close(jobs)
		for _, f := range waiting {
			if !send(model.FetchResult{
				Feed:       f,
				RetryAfter: f.NextAllowed,
				Err:        &reasonError{msg: waitReason(f.NextAllowed, now), err: ErrRetryLater},
			}) {
				return
			}
		}
		for _, f := range due {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// waitReason is the message for a feed whose server asked byline to wait.
func waitReason(until, now time.Time) string {
	layout := "15:04"
	if until.Sub(now) > 20*time.Hour {
		layout = "Jan 2 15:04"
	}
	return "server asked to wait until " + until.Local().Format(layout)
}

// interleaveHosts orders feeds round-robin by host, so that a long run of
// feeds on one host does not park every worker on that host's few slots
// while other hosts wait. The order within one host is kept.
func interleaveHosts(feeds []model.Feed) []model.Feed {
	var hosts []string
	byHost := map[string][]model.Feed{}
	for _, f := range feeds {
		h := ""
		if u, err := url.Parse(f.URL); err == nil {
			h = u.Host
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], f)
	}
	if len(hosts) <= 1 {
		return feeds
	}
	ordered := make([]model.Feed, 0, len(feeds))
	for len(ordered) < len(feeds) {
		for _, h := range hosts {
			if q := byHost[h]; len(q) > 0 {
				ordered = append(ordered, q[0])
				byHost[h] = q[1:]
			}
		}
	}
	return ordered
}
