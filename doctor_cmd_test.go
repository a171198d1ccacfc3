package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// doctorJSON is `byline doctor --json`'s output.
type doctorJSON struct {
	Version  string `json:"version"`
	Warnings int    `json:"warnings"`
	Failures int    `json:"failures"`
	Checks   []struct {
		Name   string  `json:"name"`
		Status string  `json:"status"`
		Value  string  `json:"value"`
		Hint   *string `json:"hint"`
	} `json:"checks"`
}

// runDoctorJSON runs doctor --json with args and reads its report.
func runDoctorJSON(t *testing.T, args ...string) (doctorJSON, result) {
	t.Helper()
	t.Setenv("TMUX", "")
	t.Setenv("STY", "")
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"doctor", "--json"}, args...), strings.NewReader(""), &out, &errOut)
	r := result{code, out.String(), errOut.String()}
	var d doctorJSON
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatalf("not JSON: %v\n%+v", err, r)
	}
	for _, c := range d.Checks {
		if c.Name == "" || c.Value == "" || c.Hint == nil {
			t.Errorf("check without name, value or hint: %+v", c)
		}
		switch c.Status {
		case "ok", "info", "warn", "fail":
		default:
			t.Errorf("check %s: status %q", c.Name, c.Status)
		}
	}
	return d, r
}

// find is the check named name, or fails the test.
func (d doctorJSON) find(t *testing.T, name string) (status, value string) {
	t.Helper()
	for _, c := range d.Checks {
		if c.Name == name {
			return c.Status, c.Value
		}
	}
	t.Fatalf("no %q check in %+v", name, d.Checks)
	return "", ""
}

func TestDoctorJSONShape(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	for _, args := range [][]string{{"add", srv.URL + "/world.xml"}, {"refresh"}} {
		if r := byline(t, db, args...); r.code != 0 {
			t.Fatalf("%s: %+v", args[0], r)
		}
	}
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte("theme = \"light\"\n[keys]\ntop = \"g,home\"\n"), 0o644)
	d, r := runDoctorJSON(t, "--db", db, "--config", good)
	if r.code != 0 || d.Failures != 0 || d.Version == "" {
		t.Fatalf("a sound setup fails: %+v", r)
	}
	for _, name := range []string{"build", "terminal", "colours", "background", "size", "clipboard", "hyperlinks", "browser", "images", "config", "keys", "database", "integrity"} {
		d.find(t, name)
	}
	if st, v := d.find(t, "database"); st != "ok" || !strings.Contains(v, "1 feed,") || !strings.Contains(v, "3 articles") {
		t.Errorf("database: %s %s", st, v)
	}
	if st, v := d.find(t, "integrity"); st != "ok" || !strings.Contains(v, "integrity_check ok") {
		t.Errorf("integrity: %s %s", st, v)
	}
	if _, v := d.find(t, "background"); !strings.Contains(v, `theme = "light"`) {
		t.Errorf("background: %s", v)
	}

	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("theme = \"dark\"\ncolour = 1\n[fetch]\nworkers = 4\nspeed = 9\n"), 0o644)
	d, r = runDoctorJSON(t, "--db", db, "--config", bad)
	if r.code != 1 || d.Failures != 1 || !strings.Contains(r.stderr, "byline doctor: 1 check failed") {
		t.Fatalf("unknown keys: %+v", r)
	}
	if st, v := d.find(t, "config"); st != "fail" || !strings.Contains(v, `line 2: unknown setting "colour"`) {
		t.Errorf("config: %s %s", st, v)
	}
	if st, v := d.find(t, "config keys"); st != "warn" || !strings.Contains(v, "colour, fetch.speed") {
		t.Errorf("config keys: %s %s", st, v)
	}
}

func TestDoctorFetchesAURL(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	for _, c := range []struct{ path, status, want string }{
		{"/world.xml", "ok", `HTTP 200 application/rss+xml`},
		{"/world.xml", "ok", `a feed, "World desk", 3 items`},
		{"/site/", "warn", "a page that links to " + srv.URL + "/world.xml"},
		{"/broken.xml", "fail", "parse error"},
		{"/missing.xml", "fail", "HTTP 404"},
	} {
		d, r := runDoctorJSON(t, "--db", db, srv.URL+c.path)
		st, v := d.find(t, "network")
		if st != c.status || !strings.Contains(v, c.want) {
			t.Errorf("%s: %s %q, want %s %q", c.path, st, v, c.status, c.want)
		}
		if wantCode := map[string]int{"ok": 0, "warn": 0, "fail": 1}[c.status]; r.code != wantCode {
			t.Errorf("%s: exit %d", c.path, r.code)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("doctor created the database named with --db")
	}
	if r := byline(t, db, "doctor", "a", "b"); r.code != 2 {
		t.Errorf("two URLs: %+v", r)
	}
}

func TestDoctorLeavesAMissingDefaultDatabase(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	d, r := runDoctorJSON(t)
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if st, v := d.find(t, "database"); st != "info" || !strings.Contains(v, "not created yet") ||
		!strings.Contains(v, filepath.Join(home, "data", "byline", "byline.db")) {
		t.Errorf("database: %s %s", st, v)
	}
	if st, v := d.find(t, "config"); st != "info" || !strings.Contains(v, "the defaults apply") {
		t.Errorf("config: %s %s", st, v)
	}
	entries, _ := os.ReadDir(home)
	if len(entries) != 0 {
		t.Errorf("doctor made %v in the home folder", entries)
	}
}

// TestDoctorWithoutAHome: with no home folder doctor still reports,
// failing the database and configuration checks with the reason.
func TestDoctorWithoutAHome(t *testing.T) {
	t.Setenv("HOME", filepath.Join(t.TempDir(), "gone"))
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"doctor", "--json"}, nil, &out, &errOut)
	var d doctorJSON
	if err := json.Unmarshal(out.Bytes(), &d); err != nil || code != 1 {
		t.Fatalf("exit %d, %v: %s %s", code, err, out.String(), errOut.String())
	}
	if st, v := d.find(t, "database"); st != "fail" || !strings.Contains(v, "does not exist") {
		t.Errorf("database: %s %s", st, v)
	}
}

func TestDoctorTextFits80Columns(t *testing.T) {
	t.Setenv("TMUX", "")
	db := filepath.Join(t.TempDir(), strings.Repeat("long-folder-name/", 3)+"b.db")
	r := byline(t, db, "doctor", "http://127.0.0.1:1/"+strings.Repeat("x", 90))
	if r.code != 1 || !strings.Contains(r.stdout, "failure") {
		t.Fatalf("%+v", r)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("%d columns: %q", n, line)
		}
	}
}
