package library

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/sync/greader"
)

// SyncResult is one account's sync.
type SyncResult = model.SyncResult

// SyncLine is the one line the command line prints for an account's sync.
func SyncLine(r SyncResult) string {
	if r.Err != nil {
		return r.Err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "synced %s: %d new %s", r.Account, r.New, plural(r.New, "article", "articles"))
	if r.Changed > 0 {
		fmt.Fprintf(&b, ", %d changed there", r.Changed)
	}
	if r.Sent > 0 {
		fmt.Fprintf(&b, ", %d %s sent", r.Sent, plural(r.Sent, "change", "changes"))
	}
	if r.FeedsAdded+r.FeedsRemoved > 0 {
		fmt.Fprintf(&b, ", feeds +%d −%d", r.FeedsAdded, r.FeedsRemoved)
	}
	if r.Orphans > 0 {
		fmt.Fprintf(&b, "; %d %s without a feed skipped", r.Orphans, plural(r.Orphans, "item", "items"))
	}
	for _, d := range r.Dropped {
		fmt.Fprintf(&b, "; dropped %s", d)
	}
	return b.String()
}

// SyncProgress is where an account's sync stands.
type SyncProgress = model.SyncProgress

// Sync syncs the named accounts (every configured one when names is
// empty), one after another. An account that fails gives a result with
// Err and the others go on; the error returned is for a name that is not
// configured, or a cancelled ctx.
func (l *Library) Sync(ctx context.Context, names []string, progress func(SyncProgress)) ([]SyncResult, error) {
	if len(names) == 0 {
		names = l.accountNames()
	}
	for _, n := range names {
		if _, ok := l.accounts[n]; !ok {
			return nil, l.unknownAccount(n)
		}
	}
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	results := make([]SyncResult, 0, len(names))
	for _, n := range names {
		r := l.syncAccount(ctx, n, progress)
		results = append(results, r)
		if ctx.Err() != nil {
			return results, ctx.Err()
		}
	}
	return results, nil
}

func (l *Library) accountNames() []string {
	names := make([]string, 0, len(l.accounts))
	for n := range l.accounts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (l *Library) unknownAccount(name string) error {
	if len(l.accounts) == 0 {
		return badInput("no account named %s (there are none: `byline account add NAME --url URL --user USER` adds one)", name)
	}
	return badInput("no account named %s (accounts: %s)", name, strings.Join(l.accountNames(), ", "))
}

// syncAccount runs one account's sync and records how it ended.
func (l *Library) syncAccount(ctx context.Context, name string, progress func(SyncProgress)) SyncResult {
	start := time.Now()
	r := SyncResult{Account: name}
	s, err := l.session(ctx, name)
	if err == nil {
		err = s.sync(ctx, &r, progress)
	}
	if err != nil {
		r.Err = fmt.Errorf("account %s: %w", name, err)
	}
	if s != nil {
		msg := ""
		if r.Err != nil {
			msg = model.SanitizeLine(r.Err.Error())
		}
		l.store.SetAccountSynced(context.WithoutCancel(ctx), s.acct.ID, l.now(), msg)
	}
	l.logSync(ctx, r, time.Since(start))
	progress(SyncProgress{Account: name, Stage: model.SyncDone, Result: &r})
	return r
}

// sync sends the outbox, then takes the server's feeds, new items and the
// read and starred state of every item. Sending comes first so that the
// state taken back already has this machine's changes; a change made
// while the sync runs stays in the outbox and keeps its local state.
func (s *session) sync(ctx context.Context, r *SyncResult, progress func(SyncProgress)) error {
	progress(SyncProgress{Account: s.name, Stage: model.SyncSending})
	if err := s.push(ctx, r); err != nil {
		return err
	}
	progress(SyncProgress{Account: s.name, Stage: model.SyncFeeds})
	if err := s.pullFeeds(ctx, r); err != nil {
		return err
	}
	all, unread, starred, err := s.itemIDs(ctx)
	if err != nil {
		return err
	}
	known, err := s.l.store.KnownItems(ctx, s.acct.ID)
	if err != nil {
		return err
	}
	fresh := newItems(all, unread, starred, known)
	s.l.log.LogAttrs(ctx, slog.LevelDebug, "sync items", slog.String("account", s.name),
		slog.Int("all", len(all)), slog.Int("unread", len(unread)), slog.Int("starred", len(starred)),
		slog.Int("new", len(fresh)))
	if err := s.pullItems(ctx, r, fresh, progress); err != nil {
		return err
	}
	n, err := s.l.store.Reconcile(ctx, s.acct.ID, set(unread), set(starred))
	r.Changed = n
	return err
}

// itemIDs asks for the ids of every item, the unread ones and the starred
// ones, all three at once: on a large account each list takes the server
// a while, and a sync with nothing new is mostly this wait. (pullFeeds
// ran before, so the token is fresh.)
func (s *session) itemIDs(ctx context.Context) (all, unread, starred []int64, err error) {
	var wg sync.WaitGroup
	var errs [3]error
	wg.Go(func() { all, errs[0] = s.c.ItemIDs(ctx, greader.StreamReadingList, "") })
	wg.Go(func() { unread, errs[1] = s.c.ItemIDs(ctx, greader.StreamReadingList, greader.StreamRead) })
	wg.Go(func() { starred, errs[2] = s.c.ItemIDs(ctx, greader.StreamStarred, "") })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, nil, nil, err
		}
	}
	return all, unread, starred, nil
}

// newItems are the ids of lists (newest first, as the server sorts) not
// yet known, each once.
func newItems(all, unread, starred []int64, known map[int64]bool) []int64 {
	var fresh []int64
	for _, list := range [][]int64{all, unread, starred} {
		for _, id := range list {
			if !known[id] {
				known[id] = true
				fresh = append(fresh, id)
			}
		}
	}
	return fresh
}

func set(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// pullFeeds makes the account's feeds those the server lists.
func (s *session) pullFeeds(ctx context.Context, r *SyncResult) error {
	var subs []greader.Subscription
	err := s.call(ctx, func() (err error) {
		subs, err = s.c.Subscriptions(ctx)
		return err
	})
	if err != nil {
		return err
	}
	feeds := make([]model.Feed, 0, len(subs))
	for _, sub := range subs {
		f := model.Feed{RemoteID: sub.StreamID, URL: sub.URL, Title: sub.Title, SiteURL: sub.SiteURL}
		if len(sub.Folders) > 0 { // a label is a folder ("A/B": nested); a feed in more keeps the rest as tags
			f.Folder, f.Tags = sub.Folders[0], sub.Folders[1:]
		}
		feeds = append(feeds, f)
	}
	r.FeedsAdded, r.FeedsRemoved, err = s.l.store.SyncFeeds(ctx, s.acct.ID, feeds)
	return err
}
