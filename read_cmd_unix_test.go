//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadPipeRefused: `byline read` on a named pipe ends at once with
// one line and exit 2, instead of waiting for a writer.
func TestReadPipeRefused(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "story.md")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, target := range []string{pipe, dir} {
		r := byline(t, filepath.Join(dir, "b.db"), "read", target, "--plain")
		if r.code != 2 || !strings.HasPrefix(r.stderr, "byline read: read "+target+": is a ") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("read %s: %+v", target, r)
		}
	}
}
