package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/schema"
)

func TestInspectCountsAndChecks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	f := addFeed(t, s, "https://a.example/feed")
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: []model.Article{item(1), item(2)}}, t0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	h, err := Inspect(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if h.Feeds != 1 || h.Articles != 2 || h.Check != "ok" || h.SchemaVersion != schema.Latest() ||
		h.LatestSchema != schema.Latest() || h.Bytes != int64(len(before)) || h.Pages == 0 || h.PageSize == 0 {
		t.Fatalf("%+v", h)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("Inspect changed the file")
	}
	for _, extra := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + extra); err == nil {
			t.Errorf("Inspect left %s behind", extra)
		}
	}
}

func TestInspectNeverCreates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	if _, err := Inspect(context.Background(), path); !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Inspect created %s", path)
	}
}

func TestInspectNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	junk := bytes.Repeat([]byte("not a database at all "), 500)
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Inspect(context.Background(), path); err == nil {
		t.Fatal("no error for a file that is not a database")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(junk, after) {
		t.Error("Inspect changed the file")
	}
}

func TestInspectCorruptPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	f := addFeed(t, s, "https://a.example/feed")
	arts := make([]model.Article, 300)
	for i := range arts {
		arts[i] = item(i)
	}
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: arts}, t0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	// Scribble over the pages after the first two: the header stays
	// readable, the b-trees do not.
	for i := 2 * 16384; i < len(data); i += 7 {
		data[i] = 0xA5
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := Inspect(ctx, path)
	if err == nil && h.Check == "ok" {
		t.Fatalf("a scribbled file passes: %+v", h)
	}
}
