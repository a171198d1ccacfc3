package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/byline-reader/byline/bench/feedserver"
)

// server is the feed server, a process of its own: in the runner's
// process its corpus would count in every reader's peak RSS, which
// Linux's wait4 reports as at least the parent's when a child is started
// (Go starts children with vfork).
type server struct {
	cmd       *exec.Cmd
	done      chan struct{}
	base      string // http://127.0.0.1:PORT
	feedBytes int64
	client    *http.Client
}

// startServer starts the feed server for a scenario, which writes its
// lists into dir, and waits until it serves.
func (b *bench) startServer(ctx context.Context, sc scenario, dir string) (*server, lists, error) {
	b.logf("%s: making the corpus and starting the feed server on %d loopback addresses", sc.tag(), b.cfg.hosts)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, lists{}, err
	}
	l := lists{urls: filepath.Join(dir, "urls"), opml: filepath.Join(dir, "feeds.opml")}
	readyFile := filepath.Join(dir, "server.ready")
	args := []string{"-feeds", strconv.Itoa(sc.feeds), "-items", strconv.Itoa(sc.items), "-latency", sc.latency.String(),
		"-formats", b.cfg.formats, "-seed", strconv.FormatUint(b.cfg.seed, 10), "-hosts", strconv.Itoa(b.cfg.hosts),
		"-port", "0", "-max-lifetime", b.cfg.maxTime.String(), "-write-urls", l.urls, "-write-opml", l.opml,
		"-ready-file", readyFile, "-stats-file", filepath.Join(dir, "server-lifetime.json")}
	log, err := os.Create(filepath.Join(b.work, "logs", "server-"+sc.tag()+".log"))
	if err != nil {
		return nil, lists{}, err
	}
	defer log.Close()
	cmd := exec.Command(b.feedserver, args...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, lists{}, fmt.Errorf("feed server: %w", err)
	}
	s := &server{cmd: cmd, done: make(chan struct{}), client: &http.Client{Timeout: 30 * time.Second}}
	go func() { _ = cmd.Wait(); close(s.done) }()
	r, err := s.await(ctx, readyFile, b.cfg.timeout)
	if err != nil {
		s.close()
		return nil, lists{}, fmt.Errorf("feed server: %w (see %s)", err, log.Name())
	}
	s.base, s.feedBytes = "http://127.0.0.1:"+strconv.Itoa(r.Port), r.FeedBytes
	return s, l, nil
}

// await waits for the ready file, the server's end or the timeout.
func (s *server) await(ctx context.Context, path string, timeout time.Duration) (feedserver.Ready, error) {
	deadline := time.Now().Add(timeout)
	for {
		if b, err := os.ReadFile(path); err == nil {
			var r feedserver.Ready
			if err := json.Unmarshal(b, &r); err != nil || r.Port <= 0 || r.Port > 65535 {
				return r, fmt.Errorf("its ready file %s is not what it should be", path)
			}
			return r, nil
		}
		select {
		case <-s.done:
			return feedserver.Ready{}, errors.New("it ended before it served")
		case <-ctx.Done():
			return feedserver.Ready{}, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return feedserver.Ready{}, fmt.Errorf("not serving after %v", timeout)
		}
	}
}

// stats are the server's counts since the last call, which resets them.
func (s *server) stats(ctx context.Context) (feedserver.Stats, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", s.base+"/_stats/reset", nil)
	if err != nil {
		return feedserver.Stats{}, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return feedserver.Stats{}, fmt.Errorf("feed server's counts: %w", err)
	}
	defer resp.Body.Close()
	return decodeStats(resp.Body)
}

// decodeStats reads the server's /_stats answer.
func decodeStats(r io.Reader) (feedserver.Stats, error) {
	var st feedserver.Stats
	if err := json.NewDecoder(io.LimitReader(r, 1<<20)).Decode(&st); err != nil {
		return st, fmt.Errorf("feed server's counts: %w", err)
	}
	if st.Requests < 0 || st.NotModified < 0 || st.ConditionalRequests < 0 {
		return feedserver.Stats{}, errors.New("feed server's counts: negative")
	}
	return st, nil
}

// close stops the server: SIGTERM, then after 10 s SIGKILL to its group.
func (s *server) close() {
	pid := s.cmd.Process.Pid
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-pid, syscall.SIGKILL)
		<-s.done
	}
}

// phaseStats is the counts of a phase, or nil (with a note) if the server
// could not say.
func (b *bench) phaseStats(ctx context.Context, s *server) *feedserver.Stats {
	st, err := s.stats(ctx)
	if err != nil {
		b.logf("  %s", strings.TrimSpace(err.Error()))
		return nil
	}
	return &st
}
