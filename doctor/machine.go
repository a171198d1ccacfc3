package doctor

import (
	"errors"
	"io"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"golang.org/x/term"
)

// ReadMachine is what doctor reads of the real terminal that stdin and
// stdout are. The background is asked only when both are terminals;
// lipgloss bounds each query by its own timeout, and Run asks it once.
func ReadMachine(stdin io.Reader, stdout io.Writer) Machine {
	m := Machine{Stdin: isTerminal(stdin), Stdout: isTerminal(stdout)}
	m.Profile = colorprofile.Detect(stdout, os.Environ())
	if f, ok := stdout.(*os.File); ok && m.Stdout {
		m.Width, m.Height, _ = term.GetSize(int(f.Fd()))
	}
	in, inOK := stdin.(*os.File)
	out, outOK := stdout.(*os.File)
	if m.Stdin && m.Stdout && inOK && outOK {
		m.Background = func() (bool, error) {
			bg, err := lipgloss.BackgroundColor(in, out)
			if err == nil && bg == nil {
				err = errors.New("no answer")
			}
			// The app's own reading of the answer (tea.BackgroundColorMsg's
			// IsDark is this event's).
			return err == nil && uv.BackgroundColorEvent{Color: bg}.IsDark(), err
		}
	}
	return m
}

// isTerminal says whether v (a reader or a writer) is a terminal.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
