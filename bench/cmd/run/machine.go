package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// machine says what the figures were measured on.
type machine struct {
	cores                     int
	cpu, kernel               string
	goVersion, newsboat, tmux string
	bylineCommit              string
	date                      string
}

func describeMachine(ctx context.Context, repo, newsboatPath, tmuxPath string) machine {
	m := machine{cores: runtime.NumCPU(), date: time.Now().UTC().Format("2006-01-02")}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		m.cpu = cpuModel(string(b))
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.kernel = "Linux " + strings.TrimSpace(string(b))
	}
	m.goVersion = firstLine(ctx, "", "go", "env", "GOVERSION")
	if newsboatPath != "" {
		m.newsboat = versionWord(firstLine(ctx, "", newsboatPath, "--version"))
	}
	if tmuxPath != "" {
		m.tmux = strings.TrimPrefix(firstLine(ctx, "", tmuxPath, "-V"), "tmux ")
	}
	// byline's code is its Go files, go.mod and go.sum outside bench/:
	// the last commit that changed them, and whether the work tree does.
	code := []string{"--", "*.go", "go.mod", "go.sum", ":!bench"}
	m.bylineCommit = firstLine(ctx, repo, "git", append([]string{"log", "-1", "--format=%h %cs"}, code...)...)
	if changed := firstLine(ctx, repo, "git", append([]string{"status", "--porcelain"}, code...)...); changed != "" && changed != "?" {
		m.bylineCommit += " with uncommitted changes"
	}
	return m
}

// versionWord is the version in "newsboat 2.21.0 - https://newsboat.org/".
func versionWord(line string) string {
	if f := strings.Fields(line); len(f) >= 2 {
		return f[1]
	}
	return "?"
}

// cpuModel is the first "model name" of /proc/cpuinfo's text.
func cpuModel(cpuinfo string) string {
	for line := range strings.Lines(cpuinfo) {
		key, value, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(key) == "model name" {
			return strings.Join(strings.Fields(value), " ")
		}
	}
	return "unknown CPU"
}

// firstLine is the first line a command prints, or "?" if it fails.
func firstLine(ctx context.Context, dir, name string, args ...string) string {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "?"
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return strings.TrimSpace(line)
}

func (m machine) String() string {
	parts := []string{fmt.Sprintf("%d cores (%s)", m.cores, m.cpu), m.kernel, m.goVersion}
	if m.newsboat != "" {
		parts = append(parts, "newsboat "+m.newsboat)
	}
	if m.tmux != "" {
		parts = append(parts, "tmux "+m.tmux)
	}
	parts = append(parts, "byline at commit "+m.bylineCommit, "measured "+m.date)
	return strings.Join(parts, ", ")
}
