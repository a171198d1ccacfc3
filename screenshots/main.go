// Command screenshots makes the PNG screenshots of byline shown in the
// README, from the real program, so they are never edited by hand:
//
//	go run -C screenshots . [flags]
//
// from the repository root (or `go run . [flags]` inside screenshots/).
// screenshots is a Go module of its own, so that the terminal emulator, the
// pty and the fonts it needs stay out of byline's go.mod; `go run
// ./screenshots` from the root therefore does not find it.
//
// It builds byline and starts a fixture web on loopback: made-up news sites
// (testdata/sites/HOST/, with dates relative to now) served as the HTTP
// proxy byline is given (HTTP_PROXY), so that their addresses read like
// real ones (http://harbourgazette.test/...) and no request leaves the
// machine. It sets byline up in a temporary home (HOME and the XDG
// directories point there, and --db and --config name files there, so your
// own database and configuration are never read): `byline import` of
// testdata/subscriptions.opml, `byline refresh`, and a few headlines marked
// read or starred. For the shot of a sync account it also serves a small
// Google Reader API server on loopback (greader.go, with the account of
// testdata/account.json) and syncs a copy of that database with a
// configuration naming the account, so that only this shot shows it. Then,
// for each shot in shots.go, it runs the app on a fresh copy of its
// database in a 120×36 pseudo-terminal, presses the shot's keys, waits
// until the screen shows the shot's text and holds still, and draws the
// screen into screenshots/NAME.png: list, reader, quotes, share, qr, light,
// refresh and accounts. It takes about 15 seconds once byline is built (a
// cold build of byline adds a minute or two).
//
// Flags:
//
//	-out DIR        where the PNGs go (default: the screenshots directory)
//	-only a,b       take only these shots (names with or without .png)
//	-byline PATH    use this byline binary instead of building one
//	-size COLSxROWS the terminal (default 120x36)
//	-font PX        the font size in pixels (default 20)
//	-timeout D      how long one step may wait for its text (default 15s)
//	-keep           keep the temporary directory and print where it is
//	-v              print each step and, on a failure, the screen
//
// Relative paths given to -out and -byline are taken from the screenshots
// directory, where `go run -C screenshots` runs the program.
//
// A shot whose text never appears is reported with the screen it saw,
// its PNG is left as it was, and the others go on; the exit status is then
// 1. To change what a shot shows, edit its keys and texts in shots.go.
//
// Why a virtual terminal in Go rather than freeze, vhs or a screen grab:
// byline is a full-screen Bubble Tea app, so a capture needs a real
// terminal (a pty) and an emulator that keeps colours per cell. The
// charmbracelet/x/vt emulator is the one Bubble Tea's own authors maintain,
// it answers the app's queries (such as the background colour), and it
// hands back a grid of cells that is drawn here with the Go Mono fonts,
// which ship as a Go module. So everything comes from the Go module proxy:
// no browser, no ttyd, no system fonts and no display, and the PNGs come out
// the same on any machine. Box-drawing, block and braille characters are
// drawn as shapes, so borders join and a QR code can be scanned.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

type options struct {
	out, bin   string
	only       []string
	cols, rows int
	fontSize   float64
	timeout    time.Duration
	keep       bool
	verbose    bool
}

func main() {
	o, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(2)
	}
	start := time.Now()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
	fmt.Printf("done in %.1fs\n", time.Since(start).Seconds())
}

func parseFlags(args []string) (options, error) {
	o := options{}
	fs := flag.NewFlagSet("screenshots", flag.ContinueOnError)
	fs.StringVar(&o.out, "out", "", "where the PNGs go (default: the screenshots directory)")
	only := fs.String("only", "", "take only these shots, comma separated")
	fs.StringVar(&o.bin, "byline", "", "use this byline binary instead of building one")
	size := fs.String("size", "120x36", "the terminal, COLSxROWS")
	fs.Float64Var(&o.fontSize, "font", 20, "the font size in pixels")
	fs.DurationVar(&o.timeout, "timeout", 15*time.Second, "how long one step may wait for its text")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary directory")
	fs.BoolVar(&o.verbose, "v", false, "print each step, and the screen on a failure")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected %q", fs.Arg(0))
	}
	if _, err := fmt.Sscanf(*size, "%dx%d", &o.cols, &o.rows); err != nil || o.cols < 40 || o.rows < 10 {
		return o, fmt.Errorf("-size wants COLSxROWS, at least 40x10, not %q", *size)
	}
	for _, name := range strings.Split(*only, ",") {
		if name = strings.TrimSpace(name); name != "" {
			o.only = append(o.only, strings.TrimSuffix(name, ".png")+".png")
		}
	}
	return o, nil
}

// run takes every shot asked for, reporting the ones that failed.
func run(o options) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if o.out == "" {
		o.out = filepath.Join(root, "screenshots")
	}
	todo, err := pick(shots, o.only)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "byline-screenshots-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Println("temporary directory:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	if o.bin == "" {
		if o.bin, err = buildByline(root, tmp); err != nil {
			return err
		}
	}
	testdata := os.DirFS(filepath.Join(root, "screenshots", "testdata"))
	s := newSite(testdata)
	defer s.close()
	g, err := newGReader(testdata, s.start, accountUser, accountPassword)
	if err != nil {
		return err
	}
	defer g.close()
	w := newWorkspace(tmp, o.bin, s, g)
	if err := w.prepare(); err != nil {
		return err
	}
	rast, err := newRasterizer(o.fontSize)
	if err != nil {
		return err
	}
	var failed []string
	for _, sh := range todo {
		t0 := time.Now()
		if err := w.take(sh, rast, o); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", sh.file, err)
			failed = append(failed, sh.file)
			continue
		}
		fmt.Printf("%-12s %4.1fs  %s\n", sh.file, time.Since(t0).Seconds(), sh.caption)
	}
	for ch, n := range rast.missing {
		fmt.Fprintf(os.Stderr, "warning: no glyph for %q (U+%04X), drawn as a box %d times\n", ch, ch, n)
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d shots failed: %s", len(failed), len(todo), strings.Join(failed, ", "))
	}
	return nil
}

// pick keeps the shots named in only (all when only is empty).
func pick(all []shot, only []string) ([]shot, error) {
	if len(only) == 0 {
		return all, nil
	}
	var out []shot
	for _, name := range only {
		found := false
		for _, sh := range all {
			if sh.file == name {
				out, found = append(out, sh), true
			}
		}
		if !found {
			return nil, fmt.Errorf("no shot named %s", name)
		}
	}
	return out, nil
}

// moduleRoot finds the byline module's directory from the working
// directory up: the repository root, the parent of screenshots/, whose own
// go.mod (module github.com/byline-reader/byline/screenshots) is passed by.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(data), "module github.com/byline-reader/byline\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run this inside the byline repository")
		}
		dir = parent
	}
}

// buildByline builds the program into dir.
func buildByline(root, dir string) (string, error) {
	bin := filepath.Join(dir, "byline")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
}
