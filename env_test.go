package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/library/paths"
)

// runIn runs the command line in-process in an empty current folder, with
// the environment the test set.
func runIn(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// noHome empties HOME and the XDG variables, and makes the current folder
// an empty one whose contents the test can check.
func noHome(t *testing.T) string {
	t.Helper()
	for _, v := range []string{"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(v, "")
	}
	cwd := t.TempDir()
	t.Chdir(cwd)
	return cwd
}

func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	if names, _ := os.ReadDir(dir); len(names) > 0 {
		t.Errorf("files made in %s: %v", dir, names)
	}
}

// TestNoHomeIsAnError: with no HOME and no XDG variables, byline says so
// (exit 2) rather than keep its database in the current folder.
func TestNoHomeIsAnError(t *testing.T) {
	cwd := noHome(t)
	code, _, errOut := runIn(t, "feeds")
	if code != 2 || errOut != "byline feeds: no home folder: set HOME or XDG_DATA_HOME (or give --db)\n" {
		t.Errorf("feeds without a home: %d %q", code, errOut)
	}
	t.Setenv("XDG_DATA_HOME", "relative/data") // not absolute: ignored, as XDG says
	if code, _, _ := runIn(t, "list"); code != 2 {
		t.Errorf("a relative XDG_DATA_HOME was used: exit %d", code)
	}
	assertEmpty(t, cwd)
	if dir := paths.ImageCache(); dir != "" {
		t.Errorf("image cache without a home: %q", dir)
	}
}

// TestMissingHomeIsNotCreated: a HOME that names no folder is an error,
// and byline does not make it.
func TestMissingHomeIsNotCreated(t *testing.T) {
	noHome(t)
	missing := filepath.Join(t.TempDir(), "gone")
	t.Setenv("HOME", missing)
	code, _, errOut := runIn(t, "feeds")
	want := "byline feeds: the home folder " + missing + " does not exist: set HOME or XDG_DATA_HOME (or give --db)\n"
	if code != 2 || errOut != want {
		t.Errorf("feeds with a missing home: %d %q\nwant %q", code, errOut, want)
	}
	code, _, errOut = runIn(t, "account", "remove", "x")
	if code != 2 || !strings.Contains(errOut, "XDG_CONFIG_HOME (or give --config)") {
		t.Errorf("account remove with a missing home: %d %q", code, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("the missing home %s was created", missing)
	}
}

// TestWithoutHomeExplicitPathsWork: --db, or XDG_DATA_HOME, is all byline
// needs; the configuration is then the defaults.
func TestWithoutHomeExplicitPathsWork(t *testing.T) {
	cwd := noHome(t)
	db := filepath.Join(t.TempDir(), "b.db")
	if code, _, errOut := runIn(t, "--db", db, "feeds"); code != 0 {
		t.Fatalf("--db without a home: %d %s", code, errOut)
	}
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	if code, _, errOut := runIn(t, "feeds"); code != 0 {
		t.Fatalf("XDG_DATA_HOME without a home: %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(data, "byline", "byline.db")); err != nil {
		t.Errorf("database not in XDG_DATA_HOME: %v", err)
	}
	assertEmpty(t, cwd)
}

// TestHomeFallback: with HOME and no XDG variables, byline's files go
// under it as XDG says.
func TestHomeFallback(t *testing.T) {
	noHome(t)
	h := t.TempDir()
	t.Setenv("HOME", h)
	if p, err := paths.DB(); err != nil || p != filepath.Join(h, ".local", "share", "byline", "byline.db") {
		t.Errorf("defaultDBPath = %q, %v", p, err)
	}
	if d := paths.ImageCache(); d != filepath.Join(h, ".cache", "byline", "images") {
		t.Errorf("defaultImageCacheDir = %q", d)
	}
	if p, err := paths.Config(); err != nil || !strings.HasPrefix(p, h) {
		t.Errorf("defaultConfigPath = %q, %v", p, err)
	}
}
