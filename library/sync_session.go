package library

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/sync/greader"
)

// session is one account's connection to its server for one sync or one
// subscription change.
type session struct {
	l     *Library
	name  string
	cfg   model.AccountConfig
	acct  model.Account
	c     *greader.Client
	mu    sync.Mutex // guards fresh, and one login at a time
	fresh bool       // the token was made by a login in this session
}

// session opens the account: its row in the database (made on first use)
// and a client with the token kept from the last login, logging in when
// there is none.
func (l *Library) session(ctx context.Context, name string) (*session, error) {
	cfg, ok := l.accounts[name]
	if !ok {
		return nil, l.unknownAccount(name)
	}
	acct, err := l.store.SaveAccount(ctx, model.Account{Name: name, Type: cfg.Type,
		URL: cfg.URL, Username: cfg.Username})
	if err != nil {
		return nil, err
	}
	c, err := greader.New(cfg.URL, l.syncHTTP)
	if err != nil {
		return nil, err
	}
	c.Logger = l.log
	s := &session{l: l, name: name, cfg: cfg, acct: acct, c: c}
	tok, err := l.store.AccountToken(ctx, acct.ID)
	if err != nil {
		return s, err
	}
	if tok == "" {
		return s, s.login(ctx)
	}
	c.SetToken(tok)
	return s, nil
}

// login gets a new token with the account's password and keeps it.
func (s *session) login(ctx context.Context) error {
	pw, err := s.l.password(ctx, s.name, s.cfg)
	if err != nil {
		return err
	}
	tok, err := s.c.Login(ctx, s.cfg.Username, pw)
	if err != nil {
		return err
	}
	s.fresh = true
	return s.l.store.SetAccountToken(ctx, s.acct.ID, tok)
}

// call runs fn; when the server refuses the token, it logs in again once
// (unless this session already did) and runs fn again.
//
// Several fetches of one sync may meet the refusal at once: the first to
// take the lock logs in, the others find the token fresh and only retry.
// A fresh token refused again is the answer.
func (s *session) call(ctx context.Context, fn func() error) error {
	err := fn()
	if !errors.Is(err, greader.ErrAuth) {
		return err
	}
	s.mu.Lock()
	var loginErr error
	if !s.fresh {
		loginErr = s.login(ctx)
	}
	s.mu.Unlock()
	if loginErr != nil {
		return loginErr
	}
	return fn()
}

// pushBatch is how many items one edit-tag names.
const pushBatch = 250

// push sends the outbox, grouped by what changed, in batches; each batch
// leaves the outbox only when the server answered it. A batch the server
// refuses as bad (a 4xx) is split until the one change it refuses is
// found, and that change alone is dropped with a message. Any other
// failure stops the push: what was not confirmed stays for the next sync.
func (s *session) push(ctx context.Context, r *SyncResult) error {
	out, err := s.l.store.Outbox(ctx, s.acct.ID)
	if err != nil || len(out) == 0 {
		return err
	}
	groups := map[[2]bool][]model.Change{}
	for _, c := range out {
		k := [2]bool{c.Starred, c.Set}
		groups[k] = append(groups[k], c)
	}
	for _, k := range [][2]bool{{false, true}, {false, false}, {true, true}, {true, false}} {
		g := groups[k]
		for len(g) > 0 {
			n := min(pushBatch, len(g))
			if err := s.send(ctx, g[:n], r); err != nil {
				return err
			}
			g = g[n:]
		}
	}
	return nil
}

// send sends one batch of changes of one kind.
func (s *session) send(ctx context.Context, batch []model.Change, r *SyncResult) error {
	ids := make([]int64, len(batch))
	seqs := make([]int64, len(batch))
	for i, c := range batch {
		ids[i], seqs[i] = c.Item, c.Seq
	}
	tag := greader.StreamRead
	if batch[0].Starred {
		tag = greader.StreamStarred
	}
	add, remove := tag, ""
	if !batch[0].Set {
		add, remove = "", tag
	}
	err := s.call(ctx, func() error { return s.c.EditTag(ctx, ids, add, remove) })
	var se *greader.StatusError
	switch {
	case err == nil:
		r.Sent += len(batch)
		return s.l.store.OutboxDone(ctx, seqs)
	case !errors.As(err, &se) || se.Code < 400 || se.Code > 499 || se.Code == 401 || se.Code == 403 || se.Code == 429:
		return err
	case len(batch) > 1:
		half := len(batch) / 2
		if err := s.send(ctx, batch[:half], r); err != nil {
			return err
		}
		return s.send(ctx, batch[half:], r)
	}
	r.Dropped = append(r.Dropped, fmt.Sprintf("%s of item %d (the server refused it: %v)",
		changeName(batch[0]), batch[0].Item, err))
	return s.l.store.OutboxDone(ctx, seqs)
}

func changeName(c model.Change) string {
	switch {
	case c.Starred && c.Set:
		return "the star"
	case c.Starred:
		return "the unstar"
	case c.Set:
		return "the read mark"
	}
	return "the unread mark"
}

// Items are fetched this many at a time, by this many requests at once.
const (
	contentsBatch   = 100
	contentsWorkers = 4
)

// pullItems fetches the contents of new items in batches, several at once,
// and stores each batch as it comes in one transaction.
func (s *session) pullItems(ctx context.Context, r *SyncResult, ids []int64, progress func(SyncProgress)) error {
	if len(ids) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct {
		items []greader.Item
		err   error
	}
	jobs := make(chan []int64)
	results := make(chan batch)
	var wg sync.WaitGroup
	for range contentsWorkers {
		wg.Go(func() {
			for chunk := range jobs {
				var items []greader.Item
				err := s.call(ctx, func() (err error) {
					items, err = s.c.Contents(ctx, chunk)
					return err
				})
				select {
				case results <- batch{items, err}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(jobs)
		for i := 0; i < len(ids); i += contentsBatch {
			select {
			case jobs <- ids[i:min(i+contentsBatch, len(ids))]:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	done := 0
	for b := range results {
		if b.err != nil {
			return b.err
		}
		if err := s.save(ctx, b.items, r); err != nil {
			return err
		}
		done += len(b.items)
		progress(SyncProgress{Account: s.name, Stage: model.SyncItems, Done: done, Total: len(ids)})
	}
	return ctx.Err()
}

func (s *session) save(ctx context.Context, items []greader.Item, r *SyncResult) error {
	batch := make([]model.SyncItem, len(items))
	for i, it := range items {
		batch[i] = model.SyncItem{ID: it.ID, FeedID: it.StreamID, Article: it.Article} // its Read and Starred set
	}
	saved, orphans, err := s.l.store.SaveItems(ctx, s.acct.ID, batch, s.l.now())
	r.New += saved
	r.Orphans += orphans
	return err
}
