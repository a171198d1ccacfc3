package doctor

import (
	"context"
	"strings"
)

// tmuxFacts is what tmux says of itself when byline runs inside it.
type tmuxFacts struct {
	inside, screen bool
	version        string // "tmux 3.4"
	err            error  // tmux did not answer
	clipboard      string // set-clipboard: on, external or off
	passthrough    string // allow-passthrough: on, all or off
	features       string // terminal-features, one entry a line
}

// askTmux asks tmux its settings when $TMUX says byline runs inside it.
func askTmux(ctx context.Context, m Machine) tmuxFacts {
	t := tmuxFacts{inside: m.Getenv("TMUX") != "", screen: m.Getenv("STY") != ""}
	if !t.inside {
		return t
	}
	if t.version, t.err = m.Output(ctx, "tmux", "-V"); t.err != nil {
		return t
	}
	t.clipboard, t.err = m.Output(ctx, "tmux", "show", "-sv", "set-clipboard")
	if t.err != nil {
		return t
	}
	// allow-passthrough is newer (3.3) than set-clipboard: no answer is off.
	t.passthrough, _ = m.Output(ctx, "tmux", "show", "-gv", "allow-passthrough")
	t.features, _ = m.Output(ctx, "tmux", "show", "-sv", "terminal-features")
	return t
}

// passesOSC52 says tmux hands an application's OSC 52 on to the
// terminal: only with set-clipboard on ("external" lets tmux's own copies
// through, not an application's).
func (t tmuxFacts) passesOSC52() bool { return !t.inside || t.clipboard == "on" }

// passesImages says tmux hands kitty's graphics sequences on.
func (t tmuxFacts) passesImages() bool {
	return !t.inside || t.passthrough == "on" || t.passthrough == "all"
}

// checks are the multiplexer's lines: tmux's version, clipboard and
// passthrough, or screen's limits, or that there is none.
func (t tmuxFacts) checks() []Check {
	switch {
	case t.inside && t.err != nil:
		return []Check{check("tmux", Warn, "$TMUX is set, but tmux did not answer: "+oneLine(t.err.Error()),
			"run byline doctor inside a tmux session, with tmux on PATH")}
	case t.inside:
		out := []Check{check("tmux", Info, t.version, "")}
		clip := "set-clipboard " + orNone(t.clipboard)
		if t.passesOSC52() {
			out = append(out, check("tmux clipboard", OK, clip+": OSC 52 copies reach the terminal", ""))
		} else {
			out = append(out, check("tmux clipboard", Warn, clip+": tmux keeps byline's OSC 52 copies",
				"tmux: set -s set-clipboard on"))
		}
		pass := "allow-passthrough " + orNone(t.passthrough)
		if t.passesImages() {
			out = append(out, check("tmux passthrough", OK, pass+": kitty pictures pass", ""))
		} else {
			// Only a warning where pictures would use it (the images line).
			out = append(out, check("tmux passthrough", Info, pass+": kitty pictures cannot pass",
				"in kitty or Ghostty: tmux: set -g allow-passthrough on"))
		}
		return out
	case t.screen:
		return []Check{check("screen", Warn, "inside GNU screen ($STY): OSC 52 copies and kitty pictures do not pass",
			"copying needs a clipboard tool here; tmux passes both")}
	}
	return []Check{check("multiplexer", Info, "none (not inside tmux or screen)", "")}
}

// hyperlinks says whether tmux passes OSC 8 links: from 3.4, where the
// terminal has the hyperlinks feature.
func (t tmuxFacts) hyperlinks() bool {
	return !t.inside || strings.Contains(t.features, "hyperlinks")
}

func orNone(s string) string {
	if s == "" {
		return "(unset)"
	}
	return s
}

// oneLine is s on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
