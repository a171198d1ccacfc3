package library

import (
	"context"

	"github.com/byline-reader/byline/store"
)

// DatabaseHealth is what Inspect finds of a database file.
type DatabaseHealth = store.Health

// ErrNoDatabase says the database file does not exist (yet).
var ErrNoDatabase = store.ErrNoDatabase

// Inspect reads the health of the database at path without opening it as
// Open does: nothing is created, migrated or written (`byline doctor`).
func Inspect(ctx context.Context, path string) (DatabaseHealth, error) {
	return store.Inspect(ctx, path)
}
