package library

import (
	"context"
	"fmt"
	"strings"

	"github.com/byline-reader/byline/model"
)

// AddTo subscribes an account to rawURL through its server (which finds
// the feed of a site itself), in folder when one is given, then syncs the
// account so that the feed and its articles are here.
func (l *Library) AddTo(ctx context.Context, account, rawURL, folder string) (model.Feed, error) {
	u, err := normaliseURL(rawURL)
	if err != nil {
		return model.Feed{}, err
	}
	if f, err := l.accountFeed(ctx, account, "", u); err == nil {
		return f, fmt.Errorf("%w: %s", ErrExists, u)
	}
	s, err := l.openSession(ctx, account)
	if err != nil {
		return model.Feed{}, err
	}
	var stream string
	err = s.call(ctx, func() (err error) {
		stream, err = s.c.Subscribe(ctx, u, "", strings.TrimSpace(folder))
		return err
	})
	if err != nil {
		return model.Feed{}, fmt.Errorf("account %s: %w", account, err)
	}
	r := l.syncAccount(ctx, account, func(SyncProgress) {})
	if r.Err != nil {
		return model.Feed{}, r.Err
	}
	return l.accountFeed(ctx, account, stream, u)
}

// accountFeed finds the account's feed with that stream id (or URL).
func (l *Library) accountFeed(ctx context.Context, account, stream, u string) (model.Feed, error) {
	all, err := l.store.Feeds(ctx)
	if err != nil {
		return model.Feed{}, err
	}
	for _, f := range all {
		if f.Account == account && ((stream != "" && f.RemoteID == stream) || f.URL == u) {
			return f, nil
		}
	}
	return model.Feed{}, fmt.Errorf("account %s: subscribed to %s, but the server does not list it", account, u)
}

// unsubscribe removes an account's feed on its server.
func (l *Library) unsubscribe(ctx context.Context, f model.Feed) error {
	s, err := l.openSession(ctx, f.Account)
	if err != nil {
		return err
	}
	err = s.call(ctx, func() error { return s.c.Unsubscribe(ctx, f.RemoteID) })
	if err != nil {
		return fmt.Errorf("account %s: %w", f.Account, err)
	}
	return nil
}

func (l *Library) editOnServer(ctx context.Context, f model.Feed, title, folder *string) error {
	s, err := l.openSession(ctx, f.Account)
	if err != nil {
		return err
	}
	newTitle, add, remove := "", "", ""
	if title != nil {
		newTitle = *title
	}
	if folder != nil && *folder != f.Folder {
		add, remove = *folder, f.Folder
	}
	if newTitle == "" && add == "" && remove == "" {
		return nil
	}
	err = s.call(ctx, func() error { return s.c.EditSubscription(ctx, f.RemoteID, newTitle, add, remove) })
	if err != nil {
		return fmt.Errorf("account %s: %w", f.Account, err)
	}
	return nil
}

// ImportTo subscribes an account to every feed of an OPML or urls file
// through its server, one after another, then syncs it. A feed the server
// cannot subscribe to is reported in the result and the rest go on. Each
// feed goes in its folder (the whole path, as the server's one label). A
// dry run only counts, and asks the server nothing.
func (l *Library) ImportTo(ctx context.Context, account, path string, o ImportOptions) (ImportResult, error) {
	file, err := readImportFile(path, o.Folder)
	if err != nil {
		return ImportResult{}, err
	}
	if _, ok := l.accounts[account]; !ok {
		return ImportResult{}, l.unknownAccount(account)
	}
	have := map[string]bool{}
	if all, err := l.store.Feeds(ctx); err == nil {
		for _, f := range all {
			if f.Account == account {
				have[f.URL] = true
			}
		}
	}
	res := importResult(file)
	var s *session
	for _, sub := range file.Subs {
		u := sub.URL
		if have[u] {
			res.Existing++
			continue
		}
		if o.DryRun {
			have[u] = true
			res.Added++
			continue
		}
		if s == nil {
			if s, err = l.openSession(ctx, account); err != nil {
				return res, err
			}
		}
		folder := sub.Folder
		err := s.call(ctx, func() error {
			_, err := s.c.Subscribe(ctx, u, sub.Title, folder)
			return err
		})
		if err != nil {
			res.Failed = append(res.Failed, fmt.Sprintf("%s: %v", sub.URL, err))
			continue
		}
		have[u] = true
		res.Added++
	}
	if s == nil {
		return res, nil
	}
	if r := l.syncAccount(ctx, account, func(SyncProgress) {}); r.Err != nil {
		return res, r.Err
	}
	return res, nil
}

// openSession is session for a change the user asked for: an account that
// is not configured is bad input; other failures name the account.
func (l *Library) openSession(ctx context.Context, account string) (*session, error) {
	if _, ok := l.accounts[account]; !ok {
		return nil, l.unknownAccount(account)
	}
	s, err := l.session(ctx, account)
	if err != nil {
		return nil, fmt.Errorf("account %s: %w", account, err)
	}
	return s, nil
}
