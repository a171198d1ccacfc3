// Command byline is a keyboard-driven news reader for the terminal. With no
// command it opens the app; with one it does that one thing headless (see
// `byline --help`). main.go starts the command line (cli.go, on cobra and
// fang); each command's flags and body live in its *_cmd.go file, the work
// in library.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"charm.land/fang/v2"
	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/library/paths"
	"github.com/byline-reader/byline/ui/termout"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	ctx, stop := watchSignals(context.Background())
	stopProfile := startProfile(os.Getenv("BYLINE_CPUPROFILE"))
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile to path when it is set: a tool for
// measuring byline, not a feature.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// globalOptions are the flags of every command: where the database and
// the configuration are.
type globalOptions struct {
	db, config string
	log        string // --log: the structured log's file (logfile.go)
}

// usageError is bad usage of the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: termout.NewClean(stdout), stderr: termout.NewClean(stderr), rawOut: stdout, rawErr: stderr}
	root := newRoot(e)
	root.SetArgs(doubleDashes(args, longFlags(root)))
	root.SetIn(stdin)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root, fangOptions()...)
	if err == nil && e.failed != nil {
		err = e.failed
	}
	if e.lib != nil {
		e.lib.Close()
	}
	if e.closeLog != nil {
		e.closeLog()
	}
	return e.exitCode(err)
}

// report prints err as one line on stderr and gives the exit status: 0
// for success, 2 for bad usage or input, 1 when the work failed.
func report(stderr io.Writer, name string, err error) int {
	if err == nil {
		return 0
	}
	msg := oneLine(err.Error())
	prefix := "byline"
	if name != "app" {
		prefix += " " + name
	}
	var ue usageError
	if errors.As(err, &ue) {
		help := "byline --help"
		if name != "app" {
			help = "byline " + name + " --help"
		}
		fmt.Fprintf(stderr, "%s: %s (see %s)\n", prefix, msg, help)
		return 2
	}
	fmt.Fprintf(stderr, "%s: %s\n", prefix, msg)
	if errors.Is(err, library.ErrBadInput) || errors.Is(err, errConfig) || errors.Is(err, paths.ErrNoHome) {
		return 2
	}
	return 1
}
