// Package desktop opens links and copies text with the programs of the
// machine the app runs on: a browser, the handler of mailto: links, a
// clipboard tool. Each is started without a shell, the link or text as one
// argument or as input, and never on a link that is not the kind it is
// for. No Bubble Tea: the app calls these from its commands, through the
// interfaces it declares (ui.Opener, ui.Clipboard).
package desktop

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Browser opens web links with a browser program. The zero Browser uses
// $BROWSER, else xdg-open (open on macOS).
type Browser struct {
	Program string                                  // from the config; "%s" marks where the URL goes
	Getenv  func(string) string                     // nil: os.Getenv
	Start   func(name string, args ...string) error // nil: start the program and leave it running
}

// ErrNotWebLink is returned for links that are not http or https.
var ErrNotWebLink = errors.New("only http and https links are opened")

// ErrNoBrowser says no browser program was found to open a link.
var ErrNoBrowser = errors.New("no browser found")

// Open starts the browser on u.
func (o Browser) Open(u string) error {
	link, err := webLink("open", u)
	if err != nil {
		return err
	}
	name, args := o.command(link)
	if name == "" {
		return fmt.Errorf("%w: set browser in the config file or $BROWSER", ErrNoBrowser)
	}
	if err := orStart(o.Start)(name, args...); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("%w (%s not found)", ErrNoBrowser, name)
		}
		return fmt.Errorf("start %s: %w", name, err)
	}
	return nil
}

// webLink is u, canonical, when it is an http(s) link with a host; else
// an ErrNotWebLink saying what was refused to verb ("open", "play").
func webLink(verb, u string) (string, error) {
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return "", fmt.Errorf("%s %q: %w", verb, ansi.Truncate(u, 60, "…"), ErrNotWebLink)
	}
	return parsed.String(), nil
}

// command splits the browser setting into a program and its arguments;
// "%s" in them stands for the URL, else the URL comes last.
func (o Browser) command(u string) (string, []string) {
	prog, _ := o.setting()
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

// Which is the program Open starts, as `byline doctor` tells it: its
// name, and where the choice comes from ("config", "$BROWSER" or
// "default").
func (o Browser) Which() (name, from string) {
	prog, from := o.setting()
	return strings.Fields(prog)[0], from
}

// setting is the browser command line with where it comes from: the
// config's browser, else $BROWSER, else xdg-open (open on macOS).
func (o Browser) setting() (prog, from string) {
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if prog = strings.TrimSpace(o.Program); prog != "" {
		return prog, "config"
	}
	// $BROWSER may list several programs separated by colons.
	prog, _, _ = strings.Cut(strings.TrimSpace(getenv("BROWSER")), ":")
	if prog = strings.TrimSpace(prog); prog != "" {
		return prog, "$BROWSER"
	}
	if runtime.GOOS == "darwin" {
		return "open", "default"
	}
	return "xdg-open", "default"
}

// orStart is start, or startDetached when it is nil.
func orStart(start func(string, ...string) error) func(string, ...string) error {
	if start == nil {
		return startDetached
	}
	return start
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
