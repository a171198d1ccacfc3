package model

import (
	"os"
	"path/filepath"
	"testing"
)

// seedFile reads a file of the project's seed fixture, kept outside the
// repository; the test is skipped unless BYLINE_SEED names its directory.
func seedFile(t *testing.T, name string) []byte {
	t.Helper()
	dir := os.Getenv("BYLINE_SEED")
	if dir == "" {
		t.Skip("BYLINE_SEED not set")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
