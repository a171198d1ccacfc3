package desktop

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Clipboard copies with the first clipboard tool found on the machine:
// wl-copy under Wayland, xclip or xsel under X, pbcopy on macOS. The tool
// gets the text on its standard input. The zero Clipboard is the real one.
type Clipboard struct {
	Getenv   func(string) string                                                // nil: os.Getenv
	LookPath func(string) (string, error)                                       // nil: exec.LookPath
	Run      func(ctx context.Context, text, name string, args ...string) error // nil: run it, text on its input
}

// tools are the tools tried, in order, with what they need.
func (c Clipboard) tools() [][]string {
	getenv := c.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	var out [][]string
	if runtime.GOOS == "darwin" {
		out = append(out, []string{"pbcopy"})
	}
	if getenv("WAYLAND_DISPLAY") != "" {
		out = append(out, []string{"wl-copy"})
	}
	if getenv("DISPLAY") != "" {
		out = append(out, []string{"xclip", "-selection", "clipboard"}, []string{"xsel", "--clipboard", "--input"})
	}
	return out
}

// Copy runs the first tool present; it names it, or "" when none is.
func (c Clipboard) Copy(ctx context.Context, text string) (string, error) {
	t := c.found()
	if t == nil {
		return "", nil
	}
	run := c.Run
	if run == nil {
		run = runWithInput
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := run(ctx, text, t[0], t[1:]...); err != nil {
		return t[0], fmt.Errorf("%s: %w", t[0], err)
	}
	return t[0], nil
}

// Tool is the tool Copy would run: the first of its tools found on the
// machine, or "" when none is.
func (c Clipboard) Tool() string {
	if t := c.found(); t != nil {
		return t[0]
	}
	return ""
}

// found is the first of the tools found on the machine, with its
// arguments; nil when none is.
func (c Clipboard) found() []string {
	for _, t := range c.tools() {
		if _, err := orLookPath(c.LookPath)(t[0]); err == nil {
			return t
		}
	}
	return nil
}

func runWithInput(ctx context.Context, text, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = strings.NewReader(text)
	return cmd.Run()
}

func orLookPath(lookPath func(string) (string, error)) func(string) (string, error) {
	if lookPath == nil {
		return exec.LookPath
	}
	return lookPath
}

// ErrNoMailProgram says no program is there to open mailto: links.
var ErrNoMailProgram = errors.New("no program to open mailto: links")

// Mailer hands mailto: links to the system (xdg-open, open on macOS). The
// zero Mailer is the real one.
type Mailer struct {
	LookPath func(string) (string, error)            // nil: exec.LookPath
	Start    func(name string, args ...string) error // nil: start the program and leave it running
}

// Open starts the mail handler on a mailto: link.
func (m Mailer) Open(u string) error {
	if !strings.HasPrefix(strings.ToLower(u), "mailto:") || strings.ContainsAny(u, "\x00\r\n") {
		return fmt.Errorf("open %q: not a mailto: link", ansi.Truncate(u, 40, "…"))
	}
	prog := "xdg-open"
	if runtime.GOOS == "darwin" {
		prog = "open"
	}
	if _, err := orLookPath(m.LookPath)(prog); err != nil {
		return fmt.Errorf("%w (%s not found)", ErrNoMailProgram, prog)
	}
	if err := orStart(m.Start)(prog, u); err != nil {
		return fmt.Errorf("start %s: %w", prog, err)
	}
	return nil
}
