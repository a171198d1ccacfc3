package main

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// terminal is a program running in a pseudo-terminal whose output is
// interpreted by a virtual terminal emulator: what a person would see.
type terminal struct {
	cmd  *exec.Cmd
	ptm  *os.File
	pal  palette
	done chan struct{} // closed when the program's output ends

	mu  sync.Mutex // guards emu: the output copier writes, snapshots read
	emu *vt.Emulator
}

// palette is a terminal's colours for text and background by default.
type palette struct{ fg, bg color.RGBA }

// startTerminal runs cmd in a cols×rows pseudo-terminal.
func startTerminal(cmd *exec.Cmd, cols, rows int, pal palette) (*terminal, error) {
	emu := vt.NewEmulator(cols, rows)
	emu.SetDefaultForegroundColor(pal.fg)
	emu.SetDefaultBackgroundColor(pal.bg)
	ptm, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		return nil, fmt.Errorf("start %s in a pty: %w", cmd.Path, err)
	}
	t := &terminal{cmd: cmd, ptm: ptm, pal: pal, emu: emu, done: make(chan struct{})}
	go t.copyOutput()
	// The emulator answers the program's queries (colours, modes, cursor
	// position) through its input pipe: pass them on to the program, and
	// once it has gone, drain them so the emulator never blocks.
	go func() {
		_, _ = io.Copy(ptm, emu)
		_, _ = io.Copy(io.Discard, emu)
	}()
	return t, nil
}

func (t *terminal) copyOutput() {
	defer close(t.done)
	buf := make([]byte, 32*1024)
	for {
		n, err := t.ptm.Read(buf)
		if n > 0 {
			t.mu.Lock()
			_, _ = t.emu.Write(buf[:n])
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// close ends the program and releases the terminal.
func (t *terminal) close() {
	_ = t.cmd.Process.Kill()
	_ = t.cmd.Wait()
	_ = t.ptm.Close()
	<-t.done
	_ = t.emu.Close()
}

// keyBytes are the bytes a terminal sends for the named keys that are not
// themselves a single character.
var keyBytes = map[string]string{
	"enter": "\r", "esc": "\x1b", "tab": "\t", "space": " ", "backspace": "\x7f",
	"up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D",
	"home": "\x1b[H", "end": "\x1b[F", "pgup": "\x1b[5~", "pgdown": "\x1b[6~",
}

// encodeKey turns a key name ("j", "enter", "ctrl+d") into its bytes.
func encodeKey(name string) (string, error) {
	if b, ok := keyBytes[name]; ok {
		return b, nil
	}
	if c, ok := strings.CutPrefix(name, "ctrl+"); ok && len(c) == 1 && c[0] >= 'a' && c[0] <= 'z' {
		return string(rune(c[0] & 0x1f)), nil
	}
	if len([]rune(name)) == 1 {
		return name, nil
	}
	return "", fmt.Errorf("unknown key %q", name)
}

// press sends keys one at a time, a little apart, so that the program reads
// each (an escape alone is otherwise taken for the start of a sequence).
func (t *terminal) press(keys ...string) error {
	for _, k := range keys {
		b, err := encodeKey(k)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(t.ptm, b); err != nil {
			return fmt.Errorf("send %s: %w", k, err)
		}
		time.Sleep(40 * time.Millisecond)
	}
	return nil
}

// typeText sends text as typed.
func (t *terminal) typeText(s string) error {
	_, err := io.WriteString(t.ptm, s)
	return err
}

// errTimeout is returned when the screen never showed what was awaited.
var errTimeout = errors.New("timed out")

// waitFor polls the screen until it shows every one of texts, then until it
// has stopped changing for settle (an animation that never stops is given
// up on after a few seconds), and returns that screen.
func (t *terminal) waitFor(texts []string, timeout, settle time.Duration) (grid, error) {
	const tick = 30 * time.Millisecond
	deadline := time.Now().Add(timeout)
	g := t.snapshot()
	for !g.containsAll(texts) {
		if time.Now().After(deadline) {
			return g, fmt.Errorf("%w after %s waiting for %q", errTimeout, timeout, texts)
		}
		select {
		case <-t.done:
			return t.snapshot(), fmt.Errorf("the program ended while waiting for %q", texts)
		case <-time.After(tick):
		}
		g = t.snapshot()
	}
	stableSince, giveUp := time.Now(), time.Now().Add(settle+3*time.Second)
	for time.Since(stableSince) < settle && time.Now().Before(giveUp) {
		time.Sleep(tick)
		next := t.snapshot()
		if !next.equal(g) {
			g, stableSince = next, time.Now()
		}
	}
	if !g.containsAll(texts) {
		return g, fmt.Errorf("the screen changed away from %q", texts)
	}
	return g, nil
}

// snapshot copies the screen into a grid of resolved colours.
func (t *terminal) snapshot() grid {
	t.mu.Lock()
	defer t.mu.Unlock()
	cols, rows := t.emu.Width(), t.emu.Height()
	g := newGrid(cols, rows, t.pal.bg)
	for y := 0; y < rows; y++ {
		for x := 0; x < cols; x++ {
			c := t.emu.CellAt(x, y)
			if c == nil {
				continue
			}
			g.set(x, y, t.resolve(c.Content, c.Width, c.Style.Fg, c.Style.Bg, c.Style.Attrs, c.Style.Underline != 0))
		}
	}
	return g
}

// resolve turns a cell's content and attributes into the colours and
// font it is drawn with.
func (t *terminal) resolve(text string, width int, fg, bg color.Color, attrs uint8, underline bool) cell {
	c := cell{text: text, width: width, fg: rgba(fg, t.pal.fg), bg: rgba(bg, t.pal.bg),
		bold: attrs&uv.AttrBold != 0, italic: attrs&uv.AttrItalic != 0,
		underline: underline, strike: attrs&uv.AttrStrikethrough != 0}
	if attrs&uv.AttrReverse != 0 {
		c.fg, c.bg = c.bg, c.fg
	}
	if attrs&uv.AttrFaint != 0 {
		c.fg = blend(c.fg, c.bg, 0.6)
	}
	if attrs&uv.AttrConceal != 0 {
		c.fg = c.bg
	}
	return c
}

// rgba resolves a cell colour; nil is the default. The 16 and 256 indexed
// colours are xterm's.
func rgba(c color.Color, def color.RGBA) color.RGBA {
	if c == nil {
		return def
	}
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
}

// blend mixes a into b: w is the share of a.
func blend(a, b color.RGBA, w float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*w + float64(y)*(1-w) + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}
