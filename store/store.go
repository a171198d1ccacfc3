// Package store keeps byline's feeds, articles and highlights in one SQLite
// file. It and its sub-packages (filtersql, schema) are the only code
// that speaks SQL.
//
// The file runs in WAL mode with a busy timeout, so a second byline process
// can read and write the same file at the same time; every write transaction
// begins IMMEDIATE, so two writers queue instead of failing half-way.
// Times are stored as unix nanoseconds, with 0 for the zero time.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/byline-reader/byline/model/filter"
	"github.com/byline-reader/byline/store/schema"
	"github.com/byline-reader/byline/store/sqlitefile"
)

// ErrNotFound says that the feed or article asked for does not exist.
var ErrNotFound = errors.New("not found")

// ErrExists says that a feed with that URL is already subscribed.
var ErrExists = errors.New("already subscribed")

// Store is an open byline database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time // what the filter language's age counts from
}

// busyTimeout is how long a statement waits for another connection or
// process to release the database before it fails with SQLITE_BUSY.
const busyTimeout = sqlitefile.BusyTimeout

// Open opens the database at path, creating the file if it does not exist,
// and brings its schema up to date. The directory must already exist.
func Open(path string) (*Store, error) {
	return OpenLogged(path, nil)
}

// OpenLogged is Open writing one record to log (nil: none): the file, the
// schema version it had and has, and how long opening and migrating took.
func OpenLogged(path string, log *slog.Logger) (*Store, error) {
	ctx := context.Background()
	start := time.Now()
	s, from, migrate, err := openFrom(ctx, path, schema.Latest())
	if log == nil {
		return s, err
	}
	attrs := []slog.Attr{slog.String("path", path), slog.Int("schema", schema.Latest()),
		slog.Duration("took", time.Since(start))}
	if err != nil {
		log.LogAttrs(ctx, slog.LevelWarn, "open database", append(attrs, slog.String("error", err.Error()))...)
		return s, err
	}
	if from != schema.Latest() {
		attrs = append(attrs, slog.Int("migrated_from", from), slog.Duration("migrate", migrate))
	}
	log.LogAttrs(ctx, slog.LevelInfo, "open database", attrs...)
	return s, nil
}

// pingUntilFree opens the first connection, retrying while another
// process holds a lock that SQLite reports as busy without waiting (as it
// can while a new file is switched to WAL mode), up to busyTimeout.
func pingUntilFree(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(busyTimeout)
	for {
		err := db.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// openAt opens path and migrates it to version (tests open older schemas).
func openAt(ctx context.Context, path string, version int) (*Store, error) {
	s, _, _, err := openFrom(ctx, path, version)
	return s, err
}

// openFrom is openAt, saying the version the file had and how long
// migrating it took.
func openFrom(ctx context.Context, path string, version int) (s *Store, from int, migrate time.Duration, err error) {
	if path == "" {
		return nil, 0, 0, errors.New("open database: no path given")
	}
	fail := func(err error) (*Store, int, time.Duration, error) {
		return nil, from, migrate, fmt.Errorf("open database %s: %w", path, err)
	}
	dsn, err := dataSourceName(path)
	if err != nil {
		return fail(err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fail(err)
	}
	if err := pingUntilFree(ctx, db); err != nil {
		db.Close()
		return fail(err)
	}
	start := time.Now()
	if from, err = schema.Migrate(ctx, db, version); err != nil {
		db.Close()
		return fail(err)
	}
	migrate = time.Since(start)
	return &Store{db: db, path: path, now: time.Now}, from, migrate, nil
}

// dataSourceName makes a SQLite URI for path whose parameters give every
// pooled connection the same pragmas and IMMEDIATE write transactions.
func dataSourceName(path string) (string, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "page_size(16384)") // before WAL: larger pages, fewer writes
	// Before the first table: a new file gives back the pages retention
	// frees (Compact); an older one becomes so at its first VACUUM.
	q.Add("_pragma", "auto_vacuum(2)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	return sqlitefile.URI(path, q)
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the store was opened with.
func (s *Store) Path() string { return s.path }

// inTx runs fn in one IMMEDIATE transaction, committing when fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// nanos is t as the store keeps it (filter.Nanos, the rule the filter
// language's times follow too): unix nanoseconds, 0 for the zero time and
// for times nanoseconds cannot hold, which feeds only carry by mistake.
func nanos(t time.Time) int64 { return filter.Nanos(t) }

// fromNanos is the inverse of nanos.
func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

// boolInt is b as SQLite stores it.
func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
