package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/bench/feedserver"
)

func TestParseScenarios(t *testing.T) {
	got, err := parseScenarios("500:50:50ms, 100:20", 10*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	want := []scenario{{500, 50, 50 * time.Millisecond}, {100, 20, 10 * time.Millisecond}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got[0].tag() != "500x50@50ms" {
		t.Errorf("tag %q", got[0].tag())
	}
	for _, bad := range []string{"", "500", "500:x", "a:50", "500:50:fast", "500:50:-1s", "500:50:2m", "0:50", "500:5000", "1:2:3:4", "10000:1000"} {
		if _, err := parseScenarios(bad, 0); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func FuzzParseScenario(f *testing.F) {
	for _, s := range []string{"500:50:50ms", "1:1", "100:50:0ms", "9:9:1h", ":::"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := parseScenario(text, 0)
		if err != nil {
			return
		}
		if s.feeds < 1 || s.items < 1 || s.latency < 0 || s.latency > time.Minute {
			t.Errorf("%q gave %+v", text, s)
		}
	})
}

func TestVMHWM(t *testing.T) {
	status := "Name:\tbyline\nVmPeak:\t  900 kB\nVmHWM:\t   47292 kB\nVmRSS:\t 100 kB\n"
	if got := vmHWM(status); got != 47292 {
		t.Errorf("vmHWM = %d", got)
	}
	for _, bad := range []string{"", "VmHWM:", "VmHWM: lots kB", "VmHWM: -5 kB"} {
		if got := vmHWM(bad); got != 0 {
			t.Errorf("vmHWM(%q) = %d", bad, got)
		}
	}
	if treeHWM(os.Getpid()) <= 0 {
		t.Error("no peak RSS read for this process")
	}
}

func FuzzVMHWM(f *testing.F) {
	f.Add("VmHWM:\t 12 kB\n")
	f.Add("VmHWM:99999999999999999999999 kB")
	f.Fuzz(func(t *testing.T, status string) {
		if vmHWM(status) < 0 {
			t.Error("negative peak")
		}
	})
}

func TestCPUModel(t *testing.T) {
	info := "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R)  Xeon(R) Processor\nflags\t: x\n"
	if got := cpuModel(info); got != "Intel(R) Xeon(R) Processor" {
		t.Errorf("cpuModel = %q", got)
	}
	if got := versionWord("newsboat 2.21.0 - https://newsboat.org/"); got != "2.21.0" {
		t.Errorf("versionWord = %q", got)
	}
}

func samples(walls ...float64) []sample {
	var ss []sample
	for i, w := range walls {
		ss = append(ss, sample{result: result{wall: time.Duration(w * float64(time.Second)), rssKB: int64(1024 * (10 + i))}, run: i + 1})
	}
	return ss
}

func TestCells(t *testing.T) {
	var r report
	first := r.row("first", "first refresh", true)
	first.samples[byline] = samples(5.2, 5.0, 5.4)
	first.samples[byline][2].server = &feedserver.Stats{Requests: 500, ByStatus: map[string]int{"200": 500}}
	first.skipped[newsboat] = "not installed"
	second := r.row("second", "second refresh", true)
	second.samples[byline] = samples(0.41, 0.43)
	second.samples[byline][1].server = &feedserver.Stats{Requests: 500, ConditionalRequests: 500, NotModified: 500, ByStatus: map[string]int{"304": 500}}
	second.samples[newsboat] = []sample{{result: result{err: errors.New("boom")}}}
	list := r.row("feeds", "list | feeds", false)
	list.samples[byline] = append(samples(0.046), sample{result: result{err: errors.New("x")}, run: 2})
	var b strings.Builder
	r.table(&b, map[string]string{newsboat: "newsboat", byline: "byline"})
	want := `| | newsboat | byline |
|---|---|---|
| first refresh | not installed | 5.2 s (5.0–5.4), 11 MiB; 500 requests |
| second refresh | failed (1 of 1 runs) | 0.42 s (0.41–0.43), 10 MiB; 500 requests (500 conditional), 500 × 304 |
| list \| feeds |  | 0.046 s, 10 MiB; 1 of 2 runs failed |
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
	if r.failures() != 2 {
		t.Errorf("failures = %d", r.failures())
	}
	var tsv strings.Builder
	r.tsv(&tsv)
	if lines := strings.Count(tsv.String(), "\n"); lines != 1+3+3+2 {
		t.Errorf("%d lines of samples:\n%s", lines, tsv.String())
	}
}

func TestChild(t *testing.T) {
	dir := t.TempDir()
	ok := child{argv: []string{"sh", "-c", "echo hello"}, log: filepath.Join(dir, "ok.log"), timeout: time.Minute}
	if r := ok.run(context.Background()); r.err != nil || r.rssKB <= 0 {
		t.Errorf("ok: %+v", r)
	}
	fail := child{argv: []string{"sh", "-c", "echo the cause; exit 3"}, log: filepath.Join(dir, "fail.log"), timeout: time.Minute}
	if r := fail.run(context.Background()); r.err == nil || !strings.Contains(r.err.Error(), "exit status 3: the cause") {
		t.Errorf("fail: %v", r.err)
	}
	// A child that outlives its timeout is killed with what it started.
	pidFile := filepath.Join(dir, "pid")
	slow := child{argv: []string{"sh", "-c", "sleep 60 & echo $! >" + pidFile + "; wait"}, log: filepath.Join(dir, "slow.log"), timeout: 300 * time.Millisecond}
	r := slow.run(context.Background())
	if r.err == nil || !strings.Contains(r.err.Error(), "killed after") {
		t.Errorf("slow: %v", r.err)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	for i := 0; alive(pid); i++ {
		if i == 500 {
			t.Fatalf("the grandchild %d outlived its group's kill", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestFrame(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("no tmux")
	}
	dir := t.TempDir()
	env := scratchEnv(dir)
	f := frame{tmux: tmux, argv: []string{"sh", "-c", "sleep 0.1; echo READY here; sleep 30"}, env: env, text: "READY here",
		scratch: dir, timeout: time.Minute, socket: "byline-bench-test-" + strconv.Itoa(os.Getpid())}
	if r := f.run(context.Background()); r.err != nil || r.wall <= 0 || r.rssKB <= 0 {
		t.Errorf("frame: %+v", r)
	}
	f.argv, f.socket = []string{"sh", "-c", "echo something else; sleep 0.3"}, f.socket+"-b"
	// (tmux may lose the output of a program that ends at once, so only
	// the error is asked for, not the screen it quotes.)
	if r := f.run(context.Background()); r.err == nil || !strings.Contains(r.err.Error(), "ended before") {
		t.Errorf("a program that ended first: %v", r.err)
	}
}

func TestPrepareWork(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "precious"), []byte("x"), 0o644)
	if err := prepareWork(dir); err == nil {
		t.Fatal("a directory of someone else's was taken")
	}
	work := filepath.Join(dir, "work")
	if err := prepareWork(work); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(work, "old.db"), []byte("x"), 0o644)
	if err := prepareWork(work); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(work, "old.db")); err == nil {
		t.Error("the last run's files were kept")
	}
}

func TestFlags(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.scenarios) != 1 || cfg.scenarios[0] != (scenario{500, 50, 50 * time.Millisecond}) || cfg.big.feeds != 500 || cfg.big.items != 100 ||
		cfg.runs != 3 || cfg.hosts != 25 || cfg.threads != 8 {
		t.Errorf("defaults: %+v", cfg)
	}
	cfg, err = parseFlags([]string{"-byline-only", "-big", "none", "-work", "/tmp/a b"}, io.Discard)
	if err != nil || cfg.big.feeds != 0 || !cfg.bylineOnly {
		t.Errorf("%+v %v", cfg, err)
	}
	if got := cfg.commandLine(); got != "go run -C bench ./cmd/run -byline-only -big none -work '/tmp/a b'" {
		t.Errorf("command line %q", got)
	}
	for _, bad := range [][]string{{"-runs", "0"}, {"-hosts", "300"}, {"-scenarios", "x"}, {"extra"}, {"-big", "1"}} {
		if _, err := parseFlags(bad, io.Discard); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFindRepo(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module github.com/byline-reader/byline\n\ngo 1.26\n"), 0o644)
	inner := filepath.Join(root, "bench", "cmd")
	os.MkdirAll(inner, 0o755)
	os.WriteFile(filepath.Join(root, "bench", "go.mod"), []byte("module github.com/byline-reader/byline/bench\n"), 0o644)
	if got, err := findRepo(inner); err != nil || got != root {
		t.Errorf("findRepo = %q, %v", got, err)
	}
}

func TestDecodeStats(t *testing.T) {
	st, err := decodeStats(strings.NewReader(`{"requests": 500, "not_modified_304": 500, "by_status": {"304": 500}}`))
	if err != nil || st.Requests != 500 || st.NotModified != 500 || st.ByStatus["304"] != 500 {
		t.Errorf("%+v, %v", st, err)
	}
	for _, bad := range []string{"", "[]", `{"requests": -1}`, `{"requests": "many"}`} {
		if _, err := decodeStats(strings.NewReader(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func FuzzDecodeStats(f *testing.F) {
	f.Add(`{"requests": 3, "by_kind": {"feed": 3}}`)
	f.Fuzz(func(t *testing.T, text string) {
		if st, err := decodeStats(strings.NewReader(text)); err == nil && st.Requests < 0 {
			t.Error("negative requests accepted")
		}
	})
}
