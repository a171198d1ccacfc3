package progress

import (
	"context"

	"github.com/byline-reader/byline/model"
)

// Run follows the last refresh started as its accounts' syncs and then
// its feeds stream in: whether it runs, its generation (an answer of an
// older one is dropped), whether a timer started it (quiet, and it
// announces what it brought), the stream it reads and how to stop it;
// its Tally counts what came. It also keeps the reloads a refresh causes
// to one load of each kind at a time, another after it when more came in
// meanwhile.
type Run struct {
	Tally
	running bool
	gen     int
	auto    bool
	stream  <-chan model.FeedDone
	cancel  context.CancelFunc // stops it: an automatic refresh gives way to r and R

	feedsInflight, feedsDirty bool
	listDirty                 bool
}

// Start begins a refresh, stopping the one still running; cancel stops
// the new one. It says the new one's generation.
func (r *Run) Start(auto bool, cancel context.CancelFunc) (gen int) {
	r.Stop()
	*r = Run{running: true, gen: r.gen + 1, auto: auto, cancel: cancel,
		feedsInflight: r.feedsInflight, feedsDirty: r.feedsDirty}
	return r.gen
}

// Stop ends the refresh: it no longer runs, and what it left in flight
// is cancelled.
func (r *Run) Stop() {
	r.running = false
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
}

// Running says whether the refresh runs.
func (r Run) Running() bool { return r.running }

// Auto says whether a timer started it.
func (r Run) Auto() bool { return r.auto }

// Gen is its generation.
func (r Run) Gen() int { return r.gen }

// SetStream takes the stream its results come in.
func (r *Run) SetStream(ch <-chan model.FeedDone) { r.stream = ch }

// Stream is the stream its results come in.
func (r Run) Stream() <-chan model.FeedDone { return r.stream }

// AskFeeds says whether to load the feeds now: not while a load is on its
// way, after which they are loaded again (FeedsLoaded).
func (r *Run) AskFeeds() bool {
	if r.feedsInflight {
		r.feedsDirty = true
		return false
	}
	r.feedsInflight, r.feedsDirty = true, false
	return true
}

// FeedsLoaded takes the end of the feeds' load; it says whether more came
// in meanwhile, to load them again.
func (r *Run) FeedsLoaded() (again bool) {
	r.feedsInflight = false
	return r.feedsDirty
}

// AskList says whether to reload the list now: not while a window of it
// is on its way (busy), after which it is (ListWaits).
func (r *Run) AskList(busy bool) bool {
	r.listDirty = busy
	return !busy
}

// ListWaits says whether the list waits to be reloaded.
func (r Run) ListWaits() bool { return r.listDirty }
