package library

import (
	"context"
	"sync"
)

// indexEvery is how many articles a refresh stores before it indexes them
// for search, while later feeds are still being fetched: large batches
// make few index segments, small ones hold the write lock briefly.
const indexEvery = 1000

// searchIndexer indexes a refresh's new articles for search as they are
// stored, on a goroutine of its own, so that indexing overlaps the
// fetching and parsing of the feeds still to come and the index is up to
// date when the refresh ends.
type searchIndexer struct {
	l      *Library
	ctx    context.Context
	mu     sync.Mutex
	queued int // stored since the last batch began
	kick   chan struct{}
	stop   chan struct{}
	done   chan struct{}
}

func (l *Library) startIndexer(ctx context.Context) *searchIndexer {
	ix := &searchIndexer{l: l, ctx: ctx, kick: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{})}
	go ix.run()
	return ix
}

// stored says that n more articles wait for the index.
func (ix *searchIndexer) stored(n int) {
	if n <= 0 {
		return
	}
	ix.mu.Lock()
	ix.queued += n
	full := ix.queued >= indexEvery
	ix.mu.Unlock()
	if full {
		select {
		case ix.kick <- struct{}{}:
		default:
		}
	}
}

func (ix *searchIndexer) run() {
	defer close(ix.done)
	for {
		select {
		case <-ix.kick:
		case <-ix.stop:
			return
		case <-ix.ctx.Done():
			return
		}
		for ix.take(indexEvery) {
			// An error here is met again, and reported, by the search
			// or the final pass that runs IndexPending.
			if _, err := ix.l.store.IndexBatch(ix.ctx, indexEvery); err != nil {
				break
			}
		}
	}
}

// take claims a batch of n queued articles when that many wait.
func (ix *searchIndexer) take(n int) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.queued < n {
		return false
	}
	ix.queued -= n
	return true
}

// finish waits for the batch under way and indexes what is left.
func (ix *searchIndexer) finish() error {
	close(ix.stop)
	<-ix.done
	if ix.ctx.Err() != nil {
		return ix.ctx.Err()
	}
	_, err := ix.l.store.IndexPending(ix.ctx)
	return err
}
