package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAppRefusesBadKeys: the app does not start on a [keys] it cannot
// apply whole; it says so in one line naming the file and the line, exit
// 2. Headless commands do not read [keys].
func TestAppRefusesBadKeys(t *testing.T) {
	cases := []struct{ keys, want string }{
		{"nxt = \"n\"", `: line 5: [keys] "nxt" is not an action (actions: add_feed, `},
		{"next_quote = \"j\"", `: line 5: [keys] next_quote = "j": j is also the key of down on the reader screen`},
		{"\"up\" = \",\"", `: line 5: [keys] up has no keys`},
	}
	for _, c := range cases {
		dir := t.TempDir()
		cfg := filepath.Join(dir, "config.toml")
		text := "theme = \"dark\"\n\n[keys]\ndown = \"j,down\"\n" + c.keys + "\n\n[fetch]\nworkers = 4\n"
		os.WriteFile(cfg, []byte(text), 0o644)
		db := filepath.Join(dir, "b.db")
		var out, errOut bytes.Buffer
		code := run(context.Background(), []string{"--config", cfg, "--db", db}, strings.NewReader(""), &out, &errOut)
		msg := errOut.String()
		if code != 2 || !strings.HasPrefix(msg, "byline: config: "+cfg+c.want) || strings.Count(msg, "\n") != 1 {
			t.Errorf("%s: exit %d, %q; want exit 2 and %q", c.keys, code, msg, cfg+c.want)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%s: the database was opened before the keys were checked", c.keys)
		}
		code = run(context.Background(), []string{"--config", cfg, "--db", db, "feeds"}, strings.NewReader(""), &out, &errOut)
		if code != 0 {
			t.Errorf("%s: feeds (headless) refused: %d %s", c.keys, code, errOut.String())
		}
	}
}
