// Command byline is a keyboard-driven news reader for the terminal. With no
// command it opens the app; with one it does that one thing headless (see
// `byline --help`). main.go parses the command line and dispatches; the
// commands live in commands.go, the work in library.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/byline-reader/byline/library"
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

// command is one of byline's subcommands.
type command struct {
	name    string
	args    string // what follows the name in the usage line
	summary string
	flags   func(fs *flag.FlagSet, o *cmdOptions)
	run     func(e *env, args []string) error
}

// cmdOptions holds every flag a command may take; each command registers
// the ones it understands.
type cmdOptions struct {
	db, config string
	json       bool
	markdown   bool
	plain      bool
	width      int
	unread     bool
	feed       string
	filter     string // list, search: an expression of the filter language
	query      string // list: a saved query's name ([queries])
	limit      int
	read       bool
	unreadMark bool
	star       bool
	unstar     bool
	quote      int    // highlight, share: a quote's number
	target     string // share: a share target's name

	account, folder string // add, import, feed set: where a feed goes
	due             bool   // refresh: only what is due
	acct            accountFlags
}

// usageError is bad usage of the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: newCleanWriter(stdout), stderr: newCleanWriter(stderr), rawOut: stdout, rawErr: stderr}
	name, rest := splitCommand(args)
	switch name {
	case "--version", "-version", "version":
		fmt.Fprintln(stdout, "byline", version)
		return 0
	case "--help", "-help", "-h", "help":
		printUsage(stdout)
		return 0
	}
	cmd, ok := findCommand(name)
	if !ok {
		fmt.Fprintf(e.stderr, "byline: unknown command %q (see byline --help)\n", name)
		return 2
	}
	fs := flag.NewFlagSet("byline "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.opts.db, "db", "", "the database `PATH` (default: byline/byline.db in the XDG data folder)")
	fs.StringVar(&e.opts.config, "config", "", "the configuration file `PATH` (default: byline/config.toml in the XDG config folder)")
	if cmd.flags != nil {
		cmd.flags(fs, &e.opts)
	}
	positional, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		printCommandUsage(stdout, cmd, fs)
		return 0
	}
	if err == nil {
		err = cmd.run(e, positional)
	}
	if e.lib != nil {
		e.lib.Close()
	}
	return report(e.stderr, cmd.name, err)
}

// splitCommand finds the command name among leading global flags, which
// may come before it ("byline --db x.db list").
func splitCommand(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db" || a == "--config" || a == "-config":
			i++ // skip the value
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db=") ||
			strings.HasPrefix(a, "--config=") || strings.HasPrefix(a, "-config="):
		default:
			if strings.HasPrefix(a, "-") && !isGlobalOnly(a) {
				return "app", args
			}
			rest := append(append([]string{}, args[:i]...), args[i+1:]...)
			return a, rest
		}
	}
	return "app", args
}

func isGlobalOnly(a string) bool {
	switch a {
	case "--version", "-version", "--help", "-help", "-h":
		return true
	}
	return false
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("byline read 42 --json"); "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
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
	if errors.Is(err, library.ErrBadInput) || errors.Is(err, errConfig) {
		return 2
	}
	return 1
}
