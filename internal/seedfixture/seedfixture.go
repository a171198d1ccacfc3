// Package seedfixture reads the project's seed fixture (a real article, the
// same article as a cluttered page, a feed template), which is kept outside
// the repository. Tests that use it skip unless BYLINE_SEED names its
// directory. Only tests import this package.
package seedfixture

import (
	"os"
	"path/filepath"
	"testing"
)

// File reads one file of the seed fixture; the test is skipped unless
// BYLINE_SEED names the fixture's directory.
func File(t testing.TB, name string) []byte {
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
