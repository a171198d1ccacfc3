package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// nativeClipboard copies with the first clipboard tool found on the
// machine: wl-copy under Wayland, xclip or xsel under X, pbcopy on macOS.
// The tool is started without a shell, with the text on its standard input.
type nativeClipboard struct {
	getenv   func(string) string
	lookPath func(string) (string, error)
	run      func(ctx context.Context, text, name string, args ...string) error
}

// NewClipboard is the real Clipboard.
func NewClipboard() Clipboard {
	return nativeClipboard{getenv: os.Getenv, lookPath: exec.LookPath, run: runWithInput}
}

// clipboardTools are the tools tried, in order, with what they need.
func (c nativeClipboard) tools() [][]string {
	var out [][]string
	if runtime.GOOS == "darwin" {
		out = append(out, []string{"pbcopy"})
	}
	if c.getenv("WAYLAND_DISPLAY") != "" {
		out = append(out, []string{"wl-copy"})
	}
	if c.getenv("DISPLAY") != "" {
		out = append(out, []string{"xclip", "-selection", "clipboard"}, []string{"xsel", "--clipboard", "--input"})
	}
	return out
}

// Copy runs the first tool present; it names it, or "" when none is.
func (c nativeClipboard) Copy(ctx context.Context, text string) (string, error) {
	for _, t := range c.tools() {
		if _, err := c.lookPath(t[0]); err != nil {
			continue
		}
		ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		err := c.run(ctx, text, t[0], t[1:]...)
		cancel()
		if err != nil {
			return t[0], fmt.Errorf("%s: %w", t[0], err)
		}
		return t[0], nil
	}
	return "", nil
}

func runWithInput(ctx context.Context, text, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = strings.NewReader(text)
	return cmd.Run()
}

// ErrNoMailProgram says no program is there to open mailto: links.
var ErrNoMailProgram = errors.New("no program to open mailto: links")

// mailOpener hands mailto: links to the system (xdg-open, open on macOS),
// started without a shell with the link as one argument.
type mailOpener struct {
	lookPath func(string) (string, error)
	start    func(name string, args ...string) error
}

// NewMailer is the real opener of mailto: links.
func NewMailer() Opener { return mailOpener{lookPath: exec.LookPath, start: startDetached} }

// Open starts the mail handler on a mailto: link.
func (m mailOpener) Open(u string) error {
	if !strings.HasPrefix(strings.ToLower(u), "mailto:") || strings.ContainsAny(u, "\x00\r\n") {
		return fmt.Errorf("open %q: not a mailto: link", truncateWidth(u, 40))
	}
	prog := "xdg-open"
	if runtime.GOOS == "darwin" {
		prog = "open"
	}
	if _, err := m.lookPath(prog); err != nil {
		return fmt.Errorf("%w (%s not found)", ErrNoMailProgram, prog)
	}
	if err := m.start(prog, u); err != nil {
		return fmt.Errorf("start %s: %w", prog, err)
	}
	return nil
}
