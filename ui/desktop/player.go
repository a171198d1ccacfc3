package desktop

import (
	"errors"
	"fmt"
	"os/exec"
	"slices"
)

// Player plays an article's file (a podcast's audio) with the program the
// configuration names ([player] command): its arguments as given, the
// file's URL added as one more, no shell. The program is started as the
// browser is, detached from the terminal.
type Player struct {
	Command []string                                // the program, then its arguments
	Start   func(name string, args ...string) error // nil: start it and leave it running
}

// ErrNoPlayer says no player program is configured.
var ErrNoPlayer = errors.New(`no player: set [player] command in the config file, e.g. command = ["mpv", "--no-video"]`)

// Open starts the player on the http(s) file u.
func (p Player) Open(u string) error {
	link, err := webLink("play", u)
	if err != nil {
		return err
	}
	if len(p.Command) == 0 || p.Command[0] == "" {
		return ErrNoPlayer
	}
	name, args := p.Command[0], append(slices.Clone(p.Command[1:]), link)
	if err := orStart(p.Start)(name, args...); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("the player %s was not found: check [player] command", name)
		}
		return fmt.Errorf("start %s: %w", name, err)
	}
	return nil
}
