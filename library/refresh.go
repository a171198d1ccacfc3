package library

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/failures"
	"github.com/byline-reader/byline/store"
)

// FeedDone is one feed's refresh, already stored.
type FeedDone = model.FeedDone

// Summary is a whole refresh.
type Summary struct {
	Feeds, OK, New int
	Failures       failures.Groups // the feeds that failed (Len), why, by cause, with a few examples
	Accounts       []SyncResult    // every account, synced first
}

// Progress receives a refresh's progress: each account's sync, then each
// feed as it is stored. Either may be nil.
type Progress struct {
	Sync func(SyncProgress)
	Feed func(FeedDone)
}

// String is the line the command line prints for the feeds at the end
// (each account has its own: SyncLine).
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "refreshed %d %s: %d new %s", s.Feeds, plural(s.Feeds, "feed", "feeds"),
		s.New, plural(s.New, "article", "articles"))
	if n := s.Failures.Len(); n > 0 {
		fmt.Fprintf(&b, "; %s", s.Failures)
		if n > 3 {
			b.WriteString(" — `byline feeds` lists them")
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

// RefreshStream syncs accounts, then fetches feeds and stores each as it
// arrives, one transaction per feed, indexing the new articles for search
// on the way: the channel closes once the index is up to date. With no ids it syncs every account
// and fetches every feed of byline's own; with ids, it syncs the accounts
// those of them that are an account's belong to, and fetches the rest.
// Results come on the channel in the order they finish (an account's sync
// as FeedDone values with Sync set); it closes when all are done or ctx
// is cancelled.
func (l *Library) RefreshStream(ctx context.Context, ids ...int64) (<-chan FeedDone, error) {
	targets, accounts, err := l.refreshTargets(ctx, ids)
	if err != nil {
		return nil, err
	}
	return l.stream(ctx, targets, accounts), nil
}

// stream syncs accounts, then fetches targets, as RefreshStream says.
// Each feed is stored with its next due time (planFetch).
func (l *Library) stream(ctx context.Context, targets []model.Feed, accounts []string) <-chan FeedDone {
	out := make(chan FeedDone, 16)
	send := func(fd FeedDone) bool {
		select {
		case out <- fd:
			return true
		case <-ctx.Done():
			return false
		}
	}
	go func() {
		defer close(out)
		tally := &refreshTally{start: time.Now(), feeds: len(targets), accounts: len(accounts)}
		defer l.logRefresh(ctx, tally)
		for _, name := range accounts {
			l.syncAccount(ctx, name, func(p SyncProgress) { send(FeedDone{Sync: &p}) })
			if ctx.Err() != nil {
				return
			}
		}
		ix := l.startIndexer(ctx)
		defer ix.finish()
		results := l.client.FetchAll(ctx, targets, l.now())
		for batch := range arrived(results, saveBatch) {
			saving := time.Now()
			saved := l.save(ctx, batch)
			tally.store += time.Since(saving)
			for _, fd := range saved {
				tally.add(fd)
				fd.Done, fd.Total = tally.done, len(targets)
				ix.stored(fd.New)
				if !send(fd) {
					return
				}
			}
		}
		// The space retention freed goes back to the file system; a
		// failure here loses nothing and is tried after the next refresh.
		compacting := time.Now()
		_ = l.store.Compact(ctx)
		tally.compact = time.Since(compacting)
	}()
	return out
}

// saveBatch is how many fetched feeds a refresh stores in one transaction
// at most: those that arrived while the last were being stored. Each is
// memory until it is stored, on top of the few FetchAll holds, so a few.
const saveBatch = 4

// arrived yields the results as they come, each time with those that are
// already waiting (at most max): one when the store keeps up, more when
// fetching runs ahead of it.
func arrived(results <-chan model.FetchResult, max int) iter.Seq[[]model.FetchResult] {
	return func(yield func([]model.FetchResult) bool) {
		for r := range results {
			batch := []model.FetchResult{r}
		more:
			for len(batch) < max {
				select {
				case r, ok := <-results:
					if !ok {
						break more
					}
					batch = append(batch, r)
				default:
					break more
				}
			}
			if !yield(batch) {
				return
			}
		}
	}
}

// save stores a batch of fetches in one transaction, each with its next
// due time (planFetch), its retention and its kill rules, and gives each
// feed's result (Done and Total left to the caller).
func (l *Library) save(ctx context.Context, batch []model.FetchResult) []FeedDone {
	now := l.now()
	saves := make([]store.FeedSave, len(batch))
	for i := range batch {
		l.planFetch(ctx, &batch[i], now)
		saves[i] = store.FeedSave{Result: l.withRetention(batch[i]), Kill: l.killer(batch[i])}
	}
	_ = l.store.SaveFetches(ctx, saves, now) // each save has the error
	out := make([]FeedDone, len(batch))
	for i, r := range batch {
		fd := FeedDone{Feed: r.Feed, NotModified: r.NotModified, Err: r.Err, New: saves[i].New}
		if err := saves[i].Err; err != nil && fd.Err == nil {
			fd.Err = fmt.Errorf("store: %w", err)
		}
		if r.Title != "" {
			fd.Feed.Title = r.Title
		}
		out[i] = fd
	}
	return out
}

// Refresh is RefreshStream run to the end, reporting to progress, and
// returns the summary. An account that fails to sync does not stop the
// rest.
func (l *Library) Refresh(ctx context.Context, p Progress, ids ...int64) (Summary, error) {
	ch, err := l.RefreshStream(ctx, ids...)
	if err != nil {
		return Summary{}, err
	}
	return collect(ctx, p, ch)
}

// collect runs a refresh's stream to the end, reporting to p.
func collect(ctx context.Context, p Progress, ch <-chan FeedDone) (Summary, error) {
	var s Summary
	for fd := range ch {
		if fd.Sync != nil {
			if fd.Sync.Result != nil {
				s.Accounts = append(s.Accounts, *fd.Sync.Result)
			}
			if p.Sync != nil {
				p.Sync(*fd.Sync)
			}
			continue
		}
		s.Feeds++
		s.New += fd.New
		if fd.Err != nil {
			s.Failures.Add(fd.Err.Error(), fd.Feed.URL)
		} else {
			s.OK++
		}
		if p.Feed != nil {
			p.Feed(fd)
		}
	}
	return s, ctx.Err()
}

func (l *Library) refreshTargets(ctx context.Context, ids []int64) ([]model.Feed, []string, error) {
	var targets []model.Feed
	if len(ids) == 0 {
		own, err := l.store.OwnFeeds(ctx) // no counts: a refresh needs none
		if err != nil {
			return nil, nil, err
		}
		for _, f := range own {
			if isWebFeed(f) {
				targets = append(targets, f)
			}
		}
		return targets, l.accountNames(), nil
	}
	var accounts []string
	seen := map[string]bool{}
	for _, id := range ids {
		f, err := l.store.Feed(ctx, id)
		if err != nil {
			return nil, nil, fmt.Errorf("feed %d: %w", id, err)
		}
		switch {
		case f.Account != "" && !seen[f.Account]:
			if _, ok := l.accounts[f.Account]; ok {
				seen[f.Account] = true
				accounts = append(accounts, f.Account)
			}
		case f.Account == "" && isWebFeed(f):
			targets = append(targets, f)
		}
	}
	return targets, accounts, nil
}
