//go:build unix

package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadRefusesWhatIsNotAFile: a named pipe, a device or a folder given
// to read is refused at once as bad input, never opened and waited on; a
// symbolic link to a regular file is read.
func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	dir := t.TempDir()
	pipe := filepath.Join(dir, "story.html")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	linkToPipe := filepath.Join(dir, "link.md")
	os.Symlink(pipe, linkToPipe)
	cases := map[string]string{
		pipe:        "is a pipe, not a file",
		linkToPipe:  "is a pipe, not a file",
		"/dev/zero": "is a device, not a file",
		dir:         "is a folder, not a file",
	}
	for path, want := range cases {
		if _, err := os.Stat(path); err != nil {
			continue // no /dev/zero in this sandbox
		}
		_, err := l.Read(ctx, path)
		if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "read "+path+": "+want) {
			t.Errorf("Read(%s) = %v, want bad input saying %q", path, err, want)
		}
	}
	txt := filepath.Join(dir, "note.txt")
	os.WriteFile(txt, []byte("The harbor is open again after the storm."), 0o644)
	link := filepath.Join(dir, "note-link.txt")
	os.Symlink(txt, link)
	if r, err := l.Read(ctx, link); err != nil || !strings.Contains(r.Article.Markdown, "harbor is open") {
		t.Errorf("a link to a file: %v %q", err, r.Article.Markdown)
	}
}
