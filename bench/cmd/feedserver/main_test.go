package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestListsOnly(t *testing.T) {
	dir := t.TempDir()
	urls, opml := filepath.Join(dir, "urls"), filepath.Join(dir, "feeds.opml")
	o, err := parse([]string{"-feeds", "30", "-hosts", "3", "-port", "18999", "-lists-only", "-write-urls", urls, "-write-opml", opml}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := run(o); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(urls)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 31 || lines[3] != "http://127.0.0.3:18999/feeds/2/rss.xml" {
		t.Errorf("urls file:\n%s", b)
	}
	if b, err := os.ReadFile(opml); err != nil || strings.Count(string(b), "xmlUrl=") != 30 {
		t.Errorf("OPML file: %v\n%s", err, b)
	}
}

func TestFlagsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"-feeds", "0"}, {"-formats", "rdf"}, {"-max-lifetime", "0s"}, {"-lists-only", "-port", "0"}, {"stray"},
	} {
		if _, err := parse(args, io.Discard); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
	o, err := parse([]string{"-host", "192.168.1.1", "-lists-only", "-write-urls", filepath.Join(t.TempDir(), "u")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := run(o); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("a LAN address: %v", err)
	}
}
