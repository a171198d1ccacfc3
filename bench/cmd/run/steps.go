package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// refreshScenario times, RUNS times for each reader, a first refresh into
// a new database and a second refresh of the same feeds, with what the
// server answered to each.
func (b *bench) refreshScenario(ctx context.Context, sc scenario) error {
	tag := sc.tag()
	dir := filepath.Join(b.work, tag)
	srv, l, err := b.startServer(ctx, sc, dir)
	if err != nil {
		return err
	}
	defer srv.close()
	first := b.report.row("first-"+tag, fmt.Sprintf("first refresh, %s feeds × %s items (%.0f MB of feeds), %v latency, %d sites",
		itoa(sc.feeds), itoa(sc.items), float64(srv.feedBytes)/1e6, sc.latency, b.cfg.hosts), true)
	second := b.report.row("second-"+tag, "second refresh, the same feeds unchanged", true)
	for run := 1; run <= b.cfg.runs; run++ {
		for _, reader := range readers {
			if why := b.skip(reader); why != "" {
				first.skipped[reader], second.skipped[reader] = why, why
				continue
			}
			rdir := filepath.Join(dir, reader)
			if err := resetDir(rdir); err != nil {
				return err
			}
			db := dbPath(reader, rdir)
			name := fmt.Sprintf("%s-%s-%d", tag, reader, run)
			if err := b.subscribe(ctx, reader, db, l, filepath.Join(b.work, "logs", name+"-import.log")); err != nil {
				s := sample{result: result{err: fmt.Errorf("import: %w", err)}, run: run}
				first.samples[reader] = append(first.samples[reader], s)
				b.note(reader, tag+" import", run, s)
				continue
			}
			for _, phase := range []struct {
				row  *row
				name string
			}{{first, "first"}, {second, "second"}} {
				b.phaseStats(ctx, srv)
				res := b.child(b.refreshArgv(reader, db, l), name+"-"+phase.name).run(ctx)
				s := sample{result: res, run: run, server: b.phaseStats(ctx, srv)}
				phase.row.samples[reader] = append(phase.row.samples[reader], s)
				b.note(reader, tag+" "+phase.name+" refresh", run, s)
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	return nil
}

func resetDir(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.MkdirAll(dir, 0o755)
}

// bigDatabase builds each reader's database of the big corpus with one
// refresh, then times listing its feeds with their unread counts
// (LOAD_RUNS after a warm-up) and the app's first frame (RUNS after a
// warm-up).
func (b *bench) bigDatabase(ctx context.Context) error {
	sc := b.cfg.big
	tag := fmt.Sprintf("big-%dx%d", sc.feeds, sc.items)
	dir := filepath.Join(b.work, tag)
	srv, l, err := b.startServer(ctx, sc, dir)
	if err != nil {
		return err
	}
	defer srv.close()
	articles := itoa(sc.feeds * sc.items)
	build := b.report.row("build", fmt.Sprintf("first refresh, %s feeds × %s items, no latency (building the %s-article database below; one run)",
		itoa(sc.feeds), itoa(sc.items), articles), true)
	list := b.report.row("feeds", fmt.Sprintf("list the feeds with unread counts, %s articles (`byline feeds`; newsboat `-x print-unread`)", articles), false)
	frame := b.report.row("frame", fmt.Sprintf("the app's first frame on %s articles", articles), false)
	for _, reader := range readers {
		if why := b.skip(reader); why != "" {
			build.skipped[reader], list.skipped[reader], frame.skipped[reader] = why, why, why
			continue
		}
		db, err := b.buildBig(ctx, srv, reader, tag, dir, l, build)
		if err != nil {
			return err
		}
		if db == "" {
			list.skipped[reader], frame.skipped[reader] = "no database (its build failed)", "no database (its build failed)"
			continue
		}
		b.repeat(ctx, reader, tag+" feeds", b.cfg.loadRuns, list, func() result {
			return b.child(b.listArgv(reader, db, l), tag+"-"+reader+"-feeds").run(ctx)
		})
		if b.tmux == "" {
			frame.skipped[reader] = "not measured (no tmux)"
			continue
		}
		b.repeat(ctx, reader, tag+" first frame", b.cfg.runs, frame, func() result {
			return b.frame(b.appArgv(reader, db, l)).run(ctx)
		})
	}
	return ctx.Err()
}

// buildBig makes reader's big database; "" when the build failed.
func (b *bench) buildBig(ctx context.Context, srv *server, reader, tag, dir string, l lists, build *row) (string, error) {
	rdir := filepath.Join(dir, reader)
	if err := resetDir(rdir); err != nil {
		return "", err
	}
	db := dbPath(reader, rdir)
	name := tag + "-" + reader
	if err := b.subscribe(ctx, reader, db, l, filepath.Join(b.work, "logs", name+"-import.log")); err != nil {
		build.samples[reader] = append(build.samples[reader], sample{result: result{err: err}, run: 1})
		return "", nil
	}
	b.logf("%s: building %s's database", tag, reader)
	b.phaseStats(ctx, srv)
	res := b.child(b.refreshArgv(reader, db, l), name+"-build").run(ctx)
	s := sample{result: res, run: 1, server: b.phaseStats(ctx, srv)}
	build.samples[reader] = append(build.samples[reader], s)
	b.note(reader, tag+" build", 1, s)
	if res.err != nil {
		return "", ctx.Err()
	}
	return db, nil
}

// repeat measures once to warm the page cache, then n times into row.
func (b *bench) repeat(ctx context.Context, reader, what string, n int, x *row, measure func() result) {
	if r := measure(); r.err != nil {
		b.logf("  %s %s, warm-up: FAILED: %v", reader, what, r.err)
	}
	for run := 1; run <= n && ctx.Err() == nil; run++ {
		s := sample{result: measure(), run: run}
		x.samples[reader] = append(x.samples[reader], s)
		b.note(reader, what, run, s)
	}
}

// listArgv lists the feeds with their unread counts, as at start-up.
func (b *bench) listArgv(reader, db string, l lists) []string {
	if reader == newsboat {
		return []string{b.newsboat, "-x", "print-unread", "-u", l.urls, "-c", db, "-C", b.newsboatConf}
	}
	return []string{b.byline, "--db", db, "feeds"}
}

// appArgv opens the reader's app on its database.
func (b *bench) appArgv(reader, db string, l lists) []string {
	if reader == newsboat {
		return []string{b.newsboat, "-u", l.urls, "-c", db, "-C", b.newsboatConf}
	}
	return []string{b.byline, "--db", db}
}

func (b *bench) frame(argv []string) frame {
	b.frames++
	return frame{tmux: b.tmux, argv: argv, env: b.env, text: b.cfg.frameText, scratch: filepath.Join(b.work, "logs"),
		timeout: min(b.cfg.timeout, 2*time.Minute), socket: fmt.Sprintf("byline-bench-%d-%d", os.Getpid(), b.frames)}
}

// failures counts the runs that failed.
func (r *report) failures() int {
	n := 0
	for _, x := range r.rows {
		for _, ss := range x.samples {
			for _, s := range ss {
				if s.err != nil {
					n++
				}
			}
		}
	}
	return n
}

// write prints the table with what it was measured on and how.
func (b *bench) write(w io.Writer, m machine) {
	heads := map[string]string{newsboat: "newsboat", byline: "byline"}
	if m.newsboat != "" {
		heads[newsboat] = "newsboat " + m.newsboat
	}
	fmt.Fprintf(w, "\nMachine: %s.\n", m)
	fmt.Fprintf(w, "Command: `%s` (from the repository's root).\n", b.cfg.commandLine())
	fmt.Fprintf(w, "Settings: runs: %d of each refresh and first frame, %d of listing the feeds, each after a warm-up; feeds in %s over %d loopback sites; newsboat with reload-threads %d; seed %d. Cells: median wall time (min–max), median peak RSS (at least the runner's own, %.0f MiB); for refreshes, the feed server's counts of the last run.\n\n",
		b.cfg.runs, b.cfg.loadRuns, b.cfg.formats, b.cfg.hosts, b.cfg.threads, b.cfg.seed, float64(treeHWM(os.Getpid()))/1024)
	b.report.table(w, heads)
	if x := b.report.find("feeds"); x != nil {
		if s := summarise(x.samples[byline]); s.n > 0 {
			verdict := "met"
			if s.median > 100*time.Millisecond {
				verdict = "NOT met"
			}
			fmt.Fprintf(w, "\nTarget (issue 17): `byline feeds` on %s articles within 0.1 s: median %s s (%s–%s), %s.\n",
				itoa(b.cfg.big.feeds*b.cfg.big.items), seconds(s.median), seconds(s.min), seconds(s.max), verdict)
		}
	}
	fmt.Fprintf(w, "\nEvery sample: %s; each program's output: %s.\n\n", filepath.Join(b.work, "results.tsv"), filepath.Join(b.work, "logs"))
}

func (r *report) find(key string) *row {
	for _, x := range r.rows {
		if x.key == key {
			return x
		}
	}
	return nil
}
