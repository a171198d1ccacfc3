// Package sqlitefile names and opens SQLite files: a file's URI with its
// parameters (URI), which store opens byline's database with, and a file
// opened query-only (QueryOnly), never created and never written, which
// Inspect reads a database's health with and store/newsboat reads
// newsboat's cache with. It registers the driver for them all.
package sqlitefile

import (
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// BusyTimeout is how long a statement waits for another connection or
// process that holds the file's lock.
const BusyTimeout = 5 * time.Second

// URI is SQLite's URI of the file at path with the parameters q.
func URI(path string, q url.Values) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // a Windows drive letter: file:/C:/...
	}
	u := url.URL{Path: abs}
	return "file:" + u.EscapedPath() + "?" + q.Encode(), nil
}

// QueryOnly opens path in SQLite's mode "rw" or "ro", both of which fail
// rather than create a missing file, with query_only, which refuses every
// write. Read-write lets the last connection to close remove the -wal and
// -shm files of a WAL database as byline does, where read-only would
// leave them.
func QueryOnly(path, mode string) (*sql.DB, error) {
	q := url.Values{}
	q.Set("mode", mode)
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "query_only(1)")
	dsn, err := URI(path, q)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
