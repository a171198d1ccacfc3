package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLogFlagWritesFetchRecords(t *testing.T) {
	t.Setenv(logEnv, "")
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db, logFile := filepath.Join(dir, "b.db"), filepath.Join(dir, "byline.log")
	if r := byline(t, db, "import", writeURLs(t, srv.URL+"/world.xml", srv.URL+"/missing.xml")); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := byline(t, db, "--log", logFile, "refresh")
	if r.code != 0 || r.stderr != "" && !strings.Contains(r.stderr, "refreshed") {
		t.Fatalf("refresh --log: %+v", r)
	}
	st, err := os.Stat(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("the log is %v, want 0600", st.Mode().Perm())
	}
	first := readLog(t, logFile)
	for _, want := range []string{
		`msg="open database"`,
		`msg="fetch feed"`, "url=" + srv.URL + "/world.xml", "status=200", "items=3",
		"level=WARN", "url=" + srv.URL + "/missing.xml", "status=404",
		"msg=refresh feeds=2", "failed=1",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("the log lacks %q:\n%s", want, first)
		}
	}
	// A second run appends; the conditional fetch is a 304 there.
	if r := byline(t, db, "refresh", "--log="+logFile); r.code != 0 {
		t.Fatalf("second refresh: %+v", r)
	}
	second := readLog(t, logFile)
	if !strings.HasPrefix(second, first) || !strings.Contains(second[len(first):], "status=304") {
		t.Errorf("the second run did not append its records:\n%s", second)
	}
}

func TestLogFromTheEnvironment(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db, fromEnv, fromFlag := filepath.Join(dir, "b.db"), filepath.Join(dir, "env.log"), filepath.Join(dir, "flag.log")
	t.Setenv(logEnv, fromEnv)
	if r := byline(t, db, "add", srv.URL+"/tech.xml"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if !strings.Contains(readLog(t, fromEnv), "msg=discover url="+srv.URL+"/tech.xml status=200") {
		t.Errorf("BYLINE_LOG got no records: %q", readLog(t, fromEnv))
	}
	before := readLog(t, fromEnv)
	if r := byline(t, db, "--log", fromFlag, "refresh"); r.code != 0 {
		t.Fatalf("refresh: %+v", r)
	}
	if readLog(t, fromEnv) != before || !strings.Contains(readLog(t, fromFlag), "msg=refresh") {
		t.Error("--log did not win over BYLINE_LOG")
	}
}

func TestNoLogLeavesStderrClean(t *testing.T) {
	t.Setenv(logEnv, "")
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	if r := byline(t, db, "add", srv.URL+"/tech.xml"); r.code != 0 || r.stderr != "" {
		t.Fatalf("add: %+v", r)
	}
	if r := byline(t, db, "refresh"); r.code != 0 || r.stderr != "" {
		t.Errorf("refresh without a log wrote to stderr: %+v", r)
	}
	// The standard library's logger, which code byline does not own may
	// use, writes nowhere either.
	if log.Writer() != io.Discard {
		t.Errorf("the standard logger writes to %v", log.Writer())
	}
}

func TestBadLogFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	for _, bad := range []string{filepath.Join(dir, "missing", "byline.log"), dir} {
		r := byline(t, db, "--log", bad, "feeds")
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "byline feeds: open the log "+bad+": ") {
			t.Errorf("--log %s: %+v", bad, r)
		}
	}
	t.Setenv(logEnv, filepath.Join(dir, "missing", "env.log"))
	if r := byline(t, db, "feeds"); r.code != 2 || !strings.Contains(r.stderr, "open the log") {
		t.Errorf("a bad BYLINE_LOG: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing folder was made for the log")
	}
}

func TestLogFileNeverATerminal(t *testing.T) {
	if _, closeLog, err := openLog(os.DevNull); err != nil {
		t.Errorf("%s refused: %v", os.DevNull, err)
	} else {
		closeLog()
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, _, err := openLog("/dev/zero"); err == nil || !strings.Contains(err.Error(), "not a file") {
			t.Errorf("a device taken as the log: %v", err)
		}
	}
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no terminal here")
	}
	tty.Close()
	if _, _, err := openLog("/dev/tty"); err == nil || !strings.Contains(err.Error(), "terminal") {
		t.Errorf("a terminal taken as the log: %v", err)
	}
}

func readLog(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// writeURLs is a urls file of the given feeds, to import.
func writeURLs(t *testing.T, urls ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "urls")
	if err := os.WriteFile(path, []byte(strings.Join(urls, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLogFlagBeforeTheCommand: --log is a global flag, like --db: it
// stands before or after the command, and its value is never taken for
// the command's name.
func TestLogFlagBeforeTheCommand(t *testing.T) {
	dir := t.TempDir()
	db, cfg := filepath.Join(dir, "b.db"), filepath.Join(dir, "c.toml")
	os.WriteFile(cfg, nil, 0o600)
	for i, args := range [][]string{
		{"--log", "L", "feeds"}, {"-log", "L", "feeds"}, {"--log=L", "feeds"},
		{"feeds", "--json", "--log", "L"},
	} {
		log := filepath.Join(dir, fmt.Sprintf("%d.log", i))
		for j := range args {
			args[j] = strings.Replace(args[j], "L", log, 1)
		}
		var out, errOut bytes.Buffer
		full := append([]string{"--db", db, "--config", cfg}, args...)
		if code := run(context.Background(), full, nil, &out, &errOut); code != 0 {
			t.Errorf("%q: exit %d %s", args, code, errOut.String())
		}
		if _, err := os.Stat(log); err != nil {
			t.Errorf("%q: no log written: %v", args, err)
		}
	}
}
