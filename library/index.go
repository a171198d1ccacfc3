package library

import "context"

// indexEvery is how many articles a refresh stores before it indexes them
// for search, while later feeds are still being fetched and parsed: large
// batches make few index segments, small ones hold the write lock briefly.
const indexEvery = 1000

// searchIndexer indexes a refresh's new articles for search as they are
// stored, between two feeds, on the goroutine (and so the connection)
// that stores them: indexing overlaps the fetching and parsing of the
// feeds still to come, and the index is up to date when the refresh ends.
type searchIndexer struct {
	l      *Library
	ctx    context.Context
	queued int // stored and not yet indexed
}

func (l *Library) startIndexer(ctx context.Context) *searchIndexer {
	return &searchIndexer{l: l, ctx: ctx}
}

// stored says that n more articles wait for the index, and indexes a
// batch when enough do. An error is met again, and reported, by the
// final pass or by a search.
func (ix *searchIndexer) stored(n int) {
	ix.queued += n
	for ix.queued >= indexEvery {
		done, err := ix.l.store.IndexBatch(ix.ctx, indexEvery)
		if err != nil || done == 0 {
			return
		}
		ix.queued -= done
	}
}

// finish indexes what is left, unless the refresh was cancelled. An
// error is met again, and reported, by a search (IndexSearch).
func (ix *searchIndexer) finish() {
	if ix.ctx.Err() == nil {
		_, _ = ix.l.store.IndexPending(ix.ctx)
	}
}
