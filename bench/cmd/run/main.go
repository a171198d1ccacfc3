// Command run measures byline, and newsboat when it is installed, against
// the benchmark's loopback feed server and prints README's speed table.
//
// From the repository's bench folder:
//
//	go run ./cmd/run                 # README's figures (about 6 minutes on 2 cores)
//	go run ./cmd/run -byline-only -runs 1 -scenarios 100:20:50ms -big 100:20
//
// It builds byline and the feed server (bench/cmd/feedserver) from the
// repository, starts the server, and for each scenario (feeds:items:latency) times a first
// refresh into a new database and a second one (conditional requests);
// then it builds a database of -big feeds × items and times listing the
// feeds with their unread counts, and the app's first frame in tmux.
// Every file it writes is under -work; every program it starts runs under
// -timeout and is killed with its process group after it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// config is what the flags say.
type config struct {
	scenarios  []scenario
	big        scenario // feeds × items of the start-up database; feeds 0: none
	runs       int
	loadRuns   int
	hosts      int
	threads    int // newsboat's reload-threads
	formats    string
	seed       uint64
	work       string
	repo       string
	bylineOnly bool
	frames     bool
	frameText  string
	timeout    time.Duration
	maxTime    time.Duration
	args       []string // as given, for the table's command line
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "run:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, cfg.maxTime)
	defer cancel()
	if err := run(ctx, cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "run:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{args: args}
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scenarios := fs.String("scenarios", "500:50:50ms", "refresh scenarios, FEEDS:ITEMS[:LATENCY] separated by spaces or commas")
	latency := fs.Duration("latency", 50*time.Millisecond, "latency of a scenario that does not give its own")
	big := fs.String("big", "500:100", "FEEDS:ITEMS of the database the start-up is timed on (none: skip)")
	fs.IntVar(&cfg.runs, "runs", 3, "runs of each refresh and first frame (the median is shown)")
	fs.IntVar(&cfg.loadRuns, "load-runs", 5, "runs of listing the feeds on the big database")
	fs.IntVar(&cfg.hosts, "hosts", 25, "loopback addresses the feeds are spread over (127.0.0.1..127.0.0.N)")
	fs.IntVar(&cfg.threads, "threads", 8, "newsboat's reload-threads")
	fs.StringVar(&cfg.formats, "formats", "rss,atom", "feed formats (newsboat 2.21 reads no JSON Feed)")
	fs.Uint64Var(&cfg.seed, "seed", 1, "the corpus's seed")
	fs.StringVar(&cfg.work, "work", filepath.Join(os.TempDir(), "byline-bench"), "work `DIR`: every file the run writes goes here")
	fs.StringVar(&cfg.repo, "repo", "", "byline's repository (default: found from the current directory up)")
	fs.BoolVar(&cfg.bylineOnly, "byline-only", false, "measure byline only, not newsboat")
	fs.BoolVar(&cfg.frames, "frames", true, "time the first frame in tmux (skipped when tmux is not installed)")
	fs.StringVar(&cfg.frameText, "frame-text", "Bench Feed 0000", "the text whose appearance ends a first frame (the first feed's title)")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Minute, "the longest any one program may run")
	fs.DurationVar(&cfg.maxTime, "max-time", 2*time.Hour, "the longest the whole run may take")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var err error
	if cfg.scenarios, err = parseScenarios(*scenarios, *latency); err != nil {
		return cfg, err
	}
	if *big != "none" && *big != "" {
		if cfg.big, err = parseScenario(*big+":0s", 0); err != nil {
			return cfg, err
		}
	}
	switch {
	case cfg.runs < 1 || cfg.loadRuns < 1:
		return cfg, errors.New("runs and load-runs: at least 1")
	case cfg.hosts < 1 || cfg.hosts > 250:
		return cfg, fmt.Errorf("hosts %d: want 1..250", cfg.hosts)
	case cfg.threads < 1 || cfg.threads > 64:
		return cfg, fmt.Errorf("threads %d: want 1..64", cfg.threads)
	case cfg.timeout <= 0 || cfg.maxTime <= 0:
		return cfg, errors.New("timeout and max-time: more than 0")
	case cfg.frameText == "":
		return cfg, errors.New("frame-text: empty")
	}
	return cfg, nil
}

// commandLine is how to run this measurement again, from the repository.
func (cfg config) commandLine() string {
	line := "go run -C bench ./cmd/run"
	for _, a := range cfg.args {
		line += " " + shellQuote(a)
	}
	return line
}

// findRepo is the nearest directory from dir up whose go.mod is byline's.
func findRepo(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && strings.HasPrefix(string(b), "module github.com/byline-reader/byline\n") {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no byline repository above %s: give -repo", dir)
		}
	}
}

// prepareWork makes the work directory, or empties one this program made
// before; it refuses any other directory that is not empty.
func prepareWork(dir string) error {
	marker := filepath.Join(dir, ".byline-bench")
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	case len(entries) > 0:
		if _, err := os.Stat(marker); err != nil {
			return fmt.Errorf("work directory %s is not empty and was not made by this program: give another -work", dir)
		}
		for _, e := range entries {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "logs"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(marker, []byte("made by byline's bench/cmd/run; emptied by its next run\n"), 0o644)
}

// scratchEnv is the runner's environment with HOME and the XDG folders
// in the work directory, so that no reader touches the user's own.
func scratchEnv(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMUX", "TMUX_PANE", "BYLINE_LOG":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"), "XDG_STATE_HOME="+filepath.Join(home, ".local", "state"))
}

// itoa groups thousands: 50,000.
func itoa(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
