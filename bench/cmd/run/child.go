package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// child is a program the runner starts and waits for.
type child struct {
	argv    []string
	env     []string
	log     string // its stdout and stderr go here
	timeout time.Duration
	dir     string // its working directory; "" the runner's
}

// result is what one run of a child measured.
type result struct {
	wall  time.Duration
	rssKB int64 // peak resident set size
	err   error // nil when it exited 0 in time
}

// run starts c in a process group of its own, waits at most c.timeout
// and then kills the whole group; it measures the wall time and, from
// the child's resource usage, its peak RSS.
func (c child) run(ctx context.Context) result {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	out, err := os.Create(c.log)
	if err != nil {
		return result{err: err}
	}
	defer out.Close()
	cmd := exec.CommandContext(ctx, c.argv[0], c.argv[1:]...)
	cmd.Env, cmd.Dir, cmd.Stdout, cmd.Stderr = c.env, c.dir, out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{err: fmt.Errorf("%s: %w", c.argv[0], err)}
	}
	err = cmd.Wait()
	r := result{wall: time.Since(start)}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // anything it left behind
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = ru.Maxrss // kilobytes on Linux
	}
	switch {
	case ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		r.err = fmt.Errorf("%s: killed after %v (see %s)", c.name(), c.timeout, c.log)
	case ctx.Err() != nil:
		r.err = fmt.Errorf("%s: %w", c.name(), ctx.Err())
	case err != nil:
		r.err = fmt.Errorf("%s: %v%s (see %s)", c.name(), err, lastLine(c.log), c.log)
	}
	return r
}

func (c child) name() string {
	name := c.argv[0][strings.LastIndex(c.argv[0], "/")+1:]
	if len(c.argv) > 1 {
		name += " " + strings.Join(c.argv[1:], " ")
	}
	return name
}

// lastLine is the last line a child wrote, for its error: ": LINE".
func lastLine(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if last == "" {
		return ""
	}
	if len(last) > 200 {
		last = last[:200] + "…"
	}
	return ": " + last
}

// vmHWM reads the peak resident set size, in kB, from the text of a
// /proc/PID/status file; 0 when it has none.
func vmHWM(status string) int64 {
	for line := range strings.Lines(status) {
		rest, ok := strings.CutPrefix(line, "VmHWM:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return 0
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || n < 0 {
			return 0
		}
		return n
	}
	return 0
}

// treeHWM is the sum of the peak resident set sizes of pid and its
// descendants, in kB (0 once they are gone).
func treeHWM(pid int) int64 {
	var sum int64
	todo := []int{pid}
	for len(todo) > 0 && len(todo) < 10_000 {
		p := todo[0]
		todo = todo[1:]
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p)); err == nil {
			sum += vmHWM(string(b))
		}
		tasks, _ := os.ReadDir(fmt.Sprintf("/proc/%d/task", p))
		for _, t := range tasks {
			b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/children", p, t.Name()))
			for _, f := range strings.Fields(string(b)) {
				if c, err := strconv.Atoi(f); err == nil && c > 0 {
					todo = append(todo, c)
				}
			}
		}
	}
	return sum
}
