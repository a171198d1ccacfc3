package ui

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// execOpener opens links with a browser program, started without a shell
// with the URL as one argument.
type execOpener struct {
	program string // from the config; empty: $BROWSER, then xdg-open/open
	getenv  func(string) string
	start   func(name string, args ...string) error
}

// NewBrowser is the real Opener: the configured browser, else $BROWSER,
// else xdg-open (open on macOS).
func NewBrowser(program string) Opener {
	return execOpener{program: program, getenv: os.Getenv, start: startDetached}
}

// ErrNotWebLink is returned for links that are not http or https.
var ErrNotWebLink = errors.New("only http and https links are opened")

// Open starts the browser on u.
func (o execOpener) Open(u string) error {
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return fmt.Errorf("open %q: %w", truncateWidth(u, 60), ErrNotWebLink)
	}
	name, args := o.command(parsed.String())
	if name == "" {
		return errors.New("no browser found: set browser in the config file or $BROWSER")
	}
	if err := o.start(name, args...); err != nil {
		return fmt.Errorf("start %s: %w", name, err)
	}
	return nil
}

// command splits the browser setting into a program and its arguments;
// "%s" in them stands for the URL, else the URL comes last.
func (o execOpener) command(u string) (string, []string) {
	prog := strings.TrimSpace(o.program)
	if prog == "" {
		// $BROWSER may list several programs separated by colons.
		prog, _, _ = strings.Cut(strings.TrimSpace(o.getenv("BROWSER")), ":")
	}
	if prog == "" {
		if runtime.GOOS == "darwin" {
			prog = "open"
		} else {
			prog = "xdg-open"
		}
	}
	fields := strings.Fields(prog)
	placed := false
	for i, f := range fields[1:] {
		if strings.Contains(f, "%s") {
			fields[i+1] = strings.ReplaceAll(f, "%s", u)
			placed = true
		}
	}
	if !placed {
		fields = append(fields, u)
	}
	return fields[0], fields[1:]
}

// startDetached starts a program without waiting for it, with no terminal
// input or output, so it cannot draw over the app.
func startDetached(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
