package store

import (
	"bytes"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/byline-reader/byline/store/schema"
)

func TestOpenLogged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	for range 2 {
		s, err := OpenLogged(path, log)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want a record per opening, got %q", buf.String())
	}
	first, second := lines[0], lines[1]
	for _, want := range []string{"level=INFO", `msg="open database"`, "path=" + path, "migrated_from=0 ", "migrate=", "took="} {
		if !strings.Contains(first, want) {
			t.Errorf("a new file's record lacks %q: %s", want, first)
		}
	}
	if strings.Contains(second, "migrated_from") || !strings.Contains(second, "schema="+strconv.Itoa(schema.Latest())) {
		t.Errorf("an up-to-date file's record: %s", second)
	}
	buf.Reset()
	if _, err := OpenLogged(filepath.Join(t.TempDir(), "missing", "b.db"), log); err == nil {
		t.Fatal("opened a file in a missing folder")
	}
	if !strings.Contains(buf.String(), "level=WARN") || !strings.Contains(buf.String(), "error=") {
		t.Errorf("a failed opening's record: %s", buf.String())
	}
}
