// Package schema is the store's tables, as the steps that build them
// (steps.go: the SQL of each migration, and the few done in Go) and
// Migrate, which brings a database file from any earlier version to the
// one asked, step by step. Store opens every file through it.
package schema

import (
	"context"
	"database/sql"
	"fmt"
)

// Latest is the schema version this byline makes and reads.
func Latest() int { return len(steps) }

// Migrate brings db to schema version target, one transaction per step,
// and says the version db had. Each step re-reads the version inside its
// transaction, so two processes opening a new file at once do not both
// apply it.
func Migrate(ctx context.Context, db *sql.DB, target int) (from int, err error) {
	if from, err = Version(ctx, db); err != nil {
		return from, err
	}
	if from == target {
		return from, nil // the usual case: no write lock needed
	}
	for {
		done, err := migrateStep(ctx, db, target)
		if err != nil || done {
			return from, err
		}
	}
}

// Version is db's schema version: 0 for a new file.
func Version(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read version: %w", err)
	}
	return v, nil
}

// migrateStep applies one step on a connection of its own with foreign
// keys off, as SQLite's way of rebuilding a table asks (dropping a table
// would otherwise delete the rows that refer to it), and checks them before
// it commits.
func migrateStep(ctx context.Context, db *sql.DB, target int) (done bool, err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	if v > len(steps) {
		return false, fmt.Errorf("schema version %d is newer than this byline knows (%d)", v, len(steps))
	}
	if v >= target {
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, steps[v]); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
	}
	if step := afterStep[v+1]; step != nil {
		if err := step(ctx, tx); err != nil {
			return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
	}
	if err := foreignKeysHold(ctx, tx); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
	}
	// PRAGMA takes no parameters; v+1 is our own integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v+1, err)
	}
	return false, nil
}

// foreignKeysHold fails when a row refers to one that does not exist.
func foreignKeysHold(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return fmt.Errorf("a row of the old file refers to a missing one")
	}
	return rows.Err()
}
