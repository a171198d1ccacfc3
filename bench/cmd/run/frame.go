package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// frame measures how long a terminal program takes to draw a text: it
// starts the program in a private tmux server (its own socket, no
// configuration), in a 120×40 window, and reads the screen every 20 ms
// until the text is on it. The clock starts in the pane, just before the
// program is executed, so tmux's own start is not counted; the
// resolution is one reading of the screen (20–30 ms).
type frame struct {
	tmux    string // the tmux program
	argv    []string
	env     []string
	text    string // what the first frame always shows
	scratch string // a directory for the start time's file
	timeout time.Duration
	socket  string // the private server's name, unique to this measurement
}

func (f frame) run(ctx context.Context) result {
	t0file := filepath.Join(f.scratch, f.socket+".t0")
	defer os.Remove(t0file)
	pane := fmt.Sprintf("date +%%s%%N >%s; exec %s", shellQuote(t0file), shellJoin(f.argv))
	err := f.tmuxRun(ctx, "-f", "/dev/null", "start-server", ";",
		"set-option", "-g", "remain-on-exit", "on", ";", "set-option", "-g", "status", "off", ";",
		"new-session", "-d", "-x", "120", "-y", "40", pane)
	if err != nil {
		return result{err: fmt.Errorf("tmux: %w", err)}
	}
	pid := 0
	if out, err := f.tmuxOutput(ctx, "display-message", "-p", "#{pane_pid}"); err == nil {
		pid, _ = strconv.Atoi(strings.TrimSpace(out))
	}
	defer f.stop(pid)
	return f.poll(ctx, pid, t0file)
}

// poll reads the screen until the text is on it, the program ends or
// the time is up, keeping the largest peak RSS of the program's tree.
func (f frame) poll(ctx context.Context, pid int, t0file string) result {
	deadline := time.Now().Add(f.timeout)
	var peak int64
	screen := ""
	for {
		if pid > 0 {
			peak = max(peak, treeHWM(pid))
		}
		screen, _ = f.tmuxOutput(ctx, "capture-pane", "-p")
		if strings.Contains(screen, f.text) {
			t1 := time.Now()
			if pid > 0 {
				peak = max(peak, treeHWM(pid))
			}
			return f.elapsed(t0file, t1, peak)
		}
		if dead, _ := f.tmuxOutput(ctx, "display-message", "-p", "#{pane_dead}"); strings.TrimSpace(dead) == "1" {
			screen, _ = f.tmuxOutput(ctx, "capture-pane", "-p")
			return result{err: fmt.Errorf("%s ended before %q was on the screen; its last screen:\n%s", f.argv[0], f.text, trimScreen(screen))}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return result{err: fmt.Errorf("%q not on the screen after %v; the last screen:\n%s", f.text, f.timeout, trimScreen(screen))}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// elapsed is the time from the pane's start to t1.
func (f frame) elapsed(t0file string, t1 time.Time, peak int64) result {
	b, err := os.ReadFile(t0file)
	if err != nil {
		return result{err: fmt.Errorf("the pane's start time: %w", err)}
	}
	ns, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || ns <= 0 {
		return result{err: fmt.Errorf("the pane's start time %q is not a time", b)}
	}
	return result{wall: t1.Sub(time.Unix(0, ns)), rssKB: peak}
}

// stop ends the private tmux server, then the program if it outlives the
// hang-up by two seconds, and removes the socket.
func (f frame) stop(pid int) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	socket, _ := f.tmuxOutput(ctx, "display-message", "-p", "#{socket_path}")
	_ = f.tmuxRun(ctx, "kill-server")
	if pid > 0 {
		for range 100 {
			if !alive(pid) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if p, err := os.FindProcess(pid); err == nil && alive(pid) {
			_ = p.Kill()
		}
	}
	if s := strings.TrimSpace(socket); s != "" {
		os.Remove(s)
	}
}

// tmux runs a command of the private tmux server, for at most 10 s, and
// gives its standard output.
func (f frame) tmuxOutput(ctx context.Context, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, f.tmux, append([]string{"-L", f.socket}, args...)...)
	cmd.Env = f.env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// alive says whether pid is a process that has not ended (a zombie has).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	_, after, _ := strings.Cut(string(b), ") ")
	return !strings.HasPrefix(after, "Z")
}

func (f frame) tmuxRun(ctx context.Context, args ...string) error {
	_, err := f.tmuxOutput(ctx, args...)
	return err
}

func trimScreen(s string) string {
	var lines []string
	for l := range strings.Lines(s) {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, "    "+strings.TrimRight(l, "\n"))
		}
	}
	return strings.Join(lines, "\n")
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:+,@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func shellJoin(argv []string) string {
	q := make([]string, len(argv))
	for i, a := range argv {
		q[i] = shellQuote(a)
	}
	return strings.Join(q, " ")
}
