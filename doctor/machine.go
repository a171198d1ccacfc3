package doctor

import (
	"errors"
	"image/color"
	"io"
	"math"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
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
			return err == nil && isDark(bg), err
		}
	}
	return m
}

// isDark says a background is dark as Lip Gloss does: a CIE lightness
// under 50, that is a relative luminance under 0.1842.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	linear := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*linear(r)+0.7152*linear(g)+0.0722*linear(b) < 0.1842
}

// isTerminal says whether v (a reader or a writer) is a terminal.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
