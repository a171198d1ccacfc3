package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/byline-reader/byline/model"
)

const accountColumns = `id, name, type, url, username, last_sync, last_error`

// SaveAccount creates the account a.Name or updates where it is. When the
// server or the user changed, the token kept for it is dropped: it was
// another server's.
func (s *Store) SaveAccount(ctx context.Context, a model.Account) (model.Account, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO accounts (name, type, url, username)
			VALUES (?1, ?2, ?3, ?4)
			ON CONFLICT (name) DO UPDATE SET type = ?2, url = ?3, username = ?4,
			token = CASE WHEN url = ?3 AND username = ?4 THEN token ELSE '' END`,
			a.Name, a.Type, a.URL, a.Username)
		return err
	})
	if err != nil {
		return model.Account{}, fmt.Errorf("save account %s: %w", a.Name, err)
	}
	return s.Account(ctx, a.Name)
}

// Account is the account with that name, with its counts.
func (s *Store) Account(ctx context.Context, name string) (model.Account, error) {
	all, err := s.accounts(ctx, "WHERE name = ?", name)
	if err != nil {
		return model.Account{}, fmt.Errorf("account %s: %w", name, err)
	}
	if len(all) == 0 {
		return model.Account{}, fmt.Errorf("account %s: %w", name, ErrNotFound)
	}
	return all[0], nil
}

// Accounts lists every account the database knows, by name, with counts.
func (s *Store) Accounts(ctx context.Context) ([]model.Account, error) {
	all, err := s.accounts(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	return all, nil
}

func (s *Store) accounts(ctx context.Context, where string, args ...any) ([]model.Account, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+accountColumns+`,
		(SELECT count(*) FROM feeds WHERE account_id = accounts.id),
		(SELECT count(*) FROM articles WHERE read = 0 AND feed_id IN
			(SELECT id FROM feeds WHERE account_id = accounts.id)),
		(SELECT count(*) FROM outbox WHERE account_id = accounts.id)
		FROM accounts `+where+` ORDER BY name`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []model.Account
	for rows.Next() {
		var a model.Account
		var last int64
		if err := rows.Scan(&a.ID, &a.Name, &a.Type, &a.URL, &a.Username, &last,
			&a.LastError, &a.Feeds, &a.Unread, &a.Pending); err != nil {
			return nil, err
		}
		a.LastSync = fromNanos(last)
		all = append(all, a)
	}
	return all, rows.Err()
}

// RemoveAccount forgets the account with its feeds, articles and unsent
// changes. Highlighted articles stay, in byline's own feeds (see
// dropAccountFeed).
func (s *Store) RemoveAccount(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		feeds, err := accountFeedIDs(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, f := range feeds {
			if err := dropAccountFeed(ctx, tx, f); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM accounts WHERE id = ?", id)
		if n, _ := rowsAffected(res, err); n == 0 && err == nil {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("remove account %d: %w", id, err)
	}
	return nil
}

// AccountToken is the server's auth token kept for the account, "" when
// there is none.
func (s *Store) AccountToken(ctx context.Context, id int64) (string, error) {
	var tok string
	err := s.db.QueryRowContext(ctx, "SELECT token FROM accounts WHERE id = ?", id).Scan(&tok)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("account %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("account %d: %w", id, err)
	}
	return tok, nil
}

// SetAccountToken keeps the server's auth token ("" forgets it). The
// database file is made readable by its owner only first, since it now
// holds a secret.
func (s *Store) SetAccountToken(ctx context.Context, id int64, token string) error {
	if token != "" {
		if err := s.private(); err != nil {
			return fmt.Errorf("keep the token: %w", err)
		}
	}
	res, err := s.db.ExecContext(ctx, "UPDATE accounts SET token = ? WHERE id = ?", token, id)
	if err != nil {
		return fmt.Errorf("account %d: keep the token: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("account %d: %w", id, ErrNotFound)
	}
	return nil
}

// private makes the database file and its journal files mode 0600.
func (s *Store) private() error {
	for _, p := range []string{s.path, s.path + "-wal", s.path + "-shm"} {
		if err := os.Chmod(p, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// SetAccountSynced records how a sync of the account ended: errMsg is
// empty when it worked.
func (s *Store) SetAccountSynced(ctx context.Context, id int64, at time.Time, errMsg string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE accounts SET last_sync = ?, last_error = ?
		WHERE id = ?`, nanos(at), errMsg, id)
	if err != nil {
		return fmt.Errorf("account %d: %w", id, err)
	}
	return nil
}
