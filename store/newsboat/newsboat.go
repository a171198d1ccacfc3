// Package newsboat reads another reader's state from newsboat's cache.db
// (byline import --newsboat-cache): each item's feed, guid, link, read
// and starred, the file opened read-only and query-only, never written.
// store.ApplyState carries the marks onto byline's articles. It is the one
// sub-package of store that opens a file (store/sqlitefile): not byline's.
package newsboat

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/sqlitefile"
)

// ErrNotNewsboat is the error of a file that is not a newsboat cache: not
// SQLite, damaged, or without the table and columns newsboat writes.
var ErrNotNewsboat = errors.New("not a newsboat cache")

// Mark is another reader's state of one of its items: the URL of its
// feed, its guid and link (by which it is matched), read, starred.
type Mark struct {
	FeedURL, GUID, Link string
	Read, Starred       bool
}

// columns are the columns of newsboat's rss_item that are read.
var columns = []string{"guid", "url", "feedurl", "unread", "flags", "deleted"}

// maxField caps each string read from the cache: longer guids and
// links are no one's, and a hostile file cannot fill the memory with them.
const maxField = 4096

// Read reads the items of newsboat's cache.db at path that
// newsboat has not deleted: their feed, guid and link (sanitised, as
// byline's feeds keep them), read when not unread, and starred when their
// flags (newsboat's letters, A-Z and a-z) hold any of starFlags. The file
// is opened read-only and query-only. An error of the file's content is
// ErrNotNewsboat; a missing file is os.ErrNotExist.
func Read(ctx context.Context, path, starFlags string) ([]Mark, error) {
	f, err := os.Open(path) // a missing or unreadable file said as such
	if err != nil {
		return nil, err
	}
	f.Close()
	db, err := sqlitefile.QueryOnly(path, "ro")
	if err != nil {
		return nil, notNewsboat(ctx, path, err)
	}
	defer db.Close()
	if err := check(ctx, db); err != nil {
		return nil, notNewsboat(ctx, path, err)
	}
	marks, err := items(ctx, db, starFlags)
	if err != nil {
		return nil, notNewsboat(ctx, path, err)
	}
	return marks, nil
}

// notNewsboat words an error of reading the cache: ErrNotNewsboat, unless
// the work was cancelled.
func notNewsboat(ctx context.Context, path string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, ErrNotNewsboat) {
		return fmt.Errorf("%s: %w", path, err)
	}
	return fmt.Errorf("%s: %w (%v)", path, ErrNotNewsboat, err)
}

// check makes sure the file has newsboat's rss_item with the
// columns read.
func check(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info('rss_item')")
	if err != nil {
		return err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		have[strings.ToLower(name)] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(have) == 0 {
		return fmt.Errorf("%w: no table rss_item", ErrNotNewsboat)
	}
	for _, c := range columns {
		if !have[c] {
			return fmt.Errorf("%w: rss_item has no column %s", ErrNotNewsboat, c)
		}
	}
	return nil
}

// items reads the items, whatever the types their values have.
func items(ctx context.Context, db *sql.DB, starFlags string) ([]Mark, error) {
	text := func(col string) string {
		return fmt.Sprintf("substr(ifnull(CAST(%s AS TEXT), ''), 1, %d)", col, maxField)
	}
	rows, err := db.QueryContext(ctx, `SELECT `+text("feedurl")+`, `+text("guid")+`, `+
		text("url")+`, ifnull(unread, 1) <> 0, `+text("flags")+`
		FROM rss_item WHERE ifnull(deleted, 0) = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var marks []Mark
	for rows.Next() {
		var m Mark
		var unread bool
		var flags string
		if err := rows.Scan(&m.FeedURL, &m.GUID, &m.Link, &unread, &flags); err != nil {
			return nil, err
		}
		m.FeedURL = model.SanitizeLine(m.FeedURL)
		m.GUID = model.SanitizeLine(m.GUID)
		m.Link = model.SanitizeLine(m.Link)
		m.Read = !unread
		m.Starred = starFlags != "" && strings.ContainsAny(flags, starFlags)
		marks = append(marks, m)
	}
	return marks, rows.Err()
}
