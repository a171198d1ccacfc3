package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// bench is one run of the benchmark: its settings, the programs it
// measures and what it measured.
type bench struct {
	cfg            config
	progress       io.Writer
	work, home     string
	env            []string // the readers' environment (HOME in the work directory)
	byline         string   // the binary built
	feedserver     string   // the feed server's binary built
	newsboat, tmux string   // their paths; "" when absent or not wanted
	newsboatConf   string
	report         report
	frames         int // first frames measured, for unique tmux sockets
}

func run(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	b, err := setUp(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	m := describeMachine(ctx, b.cfg.repo, b.newsboat, b.tmux)
	for _, sc := range cfg.scenarios {
		if err := b.refreshScenario(ctx, sc); err != nil {
			return err
		}
	}
	if cfg.big.feeds > 0 {
		if err := b.bigDatabase(ctx); err != nil {
			return err
		}
	}
	var table strings.Builder
	b.write(&table, m)
	fmt.Fprint(stdout, table.String())
	if err := os.WriteFile(filepath.Join(b.work, "table.md"), []byte(table.String()), 0o644); err != nil {
		return err
	}
	var tsv strings.Builder
	b.report.tsv(&tsv)
	if err := os.WriteFile(filepath.Join(b.work, "results.tsv"), []byte(tsv.String()), 0o644); err != nil {
		return err
	}
	if n := b.report.failures(); n > 0 {
		return fmt.Errorf("%d runs failed: see %s and the logs beside it", n, filepath.Join(b.work, "results.tsv"))
	}
	return nil
}

// setUp finds the repository and the programs, readies the work
// directory and builds byline.
func setUp(ctx context.Context, cfg config, stderr io.Writer) (*bench, error) {
	var err error
	if cfg.repo == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if cfg.repo, err = findRepo(wd); err != nil {
			return nil, err
		}
	}
	if cfg.work, err = filepath.Abs(cfg.work); err != nil {
		return nil, err
	}
	if err := prepareWork(cfg.work); err != nil {
		return nil, err
	}
	b := &bench{cfg: cfg, progress: stderr, work: cfg.work, home: filepath.Join(cfg.work, "home")}
	b.env = scratchEnv(b.home)
	if !cfg.bylineOnly {
		b.newsboat, _ = exec.LookPath("newsboat")
	}
	if cfg.frames {
		b.tmux, _ = exec.LookPath("tmux")
	}
	b.newsboatConf = filepath.Join(b.work, "newsboat.conf")
	conf := fmt.Sprintf("reload-threads %d\n", cfg.threads)
	if err := os.MkdirAll(b.home, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(b.newsboatConf, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	b.byline, b.feedserver = filepath.Join(b.work, "byline"), filepath.Join(b.work, "feedserver")
	b.logf("building byline from %s into %s, and the feed server", cfg.repo, b.byline)
	for _, build := range []child{
		{argv: []string{"go", "build", "-o", b.byline, "."}, dir: cfg.repo},
		{argv: []string{"go", "build", "-o", b.feedserver, "./cmd/feedserver"}, dir: filepath.Join(cfg.repo, "bench")},
	} {
		build.env, build.timeout = os.Environ(), cfg.timeout
		build.log = filepath.Join(b.work, "logs", "build-"+filepath.Base(build.argv[3])+".log")
		if r := build.run(ctx); r.err != nil {
			return nil, fmt.Errorf("building: %w", r.err)
		}
	}
	return b, nil
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.progress, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// lists are the files a scenario's readers subscribe from.
type lists struct{ urls, opml string }

// skip says why a reader is not measured, or "".
func (b *bench) skip(reader string) string {
	switch {
	case reader == newsboat && b.cfg.bylineOnly:
		return "not measured (-byline-only)"
	case reader == newsboat && b.newsboat == "":
		return "not installed"
	}
	return ""
}

// refreshArgv is the command that refreshes every feed into db.
func (b *bench) refreshArgv(reader, db string, l lists) []string {
	if reader == newsboat {
		return []string{b.newsboat, "-x", "reload", "-u", l.urls, "-c", db, "-C", b.newsboatConf}
	}
	return []string{b.byline, "--db", db, "refresh"}
}

// subscribe readies a new database: byline imports the urls file;
// newsboat reads it on every run.
func (b *bench) subscribe(ctx context.Context, reader, db string, l lists, log string) error {
	if reader == newsboat {
		return nil
	}
	c := child{argv: []string{b.byline, "--db", db, "import", l.urls}, env: b.env, log: log, timeout: b.cfg.timeout}
	return c.run(ctx).err
}

// child is a measured program with the readers' environment.
func (b *bench) child(argv []string, logName string) child {
	return child{argv: argv, env: b.env, log: filepath.Join(b.work, "logs", logName+".log"), timeout: b.cfg.timeout}
}

// dbPath is where reader keeps its database in dir.
func dbPath(reader, dir string) string {
	if reader == newsboat {
		return filepath.Join(dir, "cache.db")
	}
	return filepath.Join(dir, "byline.db")
}

func (b *bench) note(reader, what string, run int, s sample) {
	if s.err != nil {
		b.logf("  %s %s, run %d: FAILED: %v", reader, what, run, s.err)
		return
	}
	counts := ""
	if s.server != nil {
		counts = fmt.Sprintf(", %d requests, %d × 304", s.server.Requests, s.server.NotModified)
	}
	b.logf("  %s %s, run %d: %s s, %.0f MiB%s", reader, what, run, seconds(s.wall), float64(s.rssKB)/1024, counts)
}
