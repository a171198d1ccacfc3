package doctor

import (
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/desktop"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/reader"
)

// clipboardCheck: the app copies with OSC 52 and, where one is found, the
// clipboard tool desktop.Clipboard would run.
func clipboardCheck(m Machine, tm tmuxFacts) Check {
	tool := desktop.Clipboard{Getenv: m.Getenv, LookPath: m.LookPath}.Tool()
	switch {
	case tool != "" && tm.passesOSC52():
		return check("clipboard", OK, "OSC 52 and "+tool, "")
	case tool != "":
		return check("clipboard", OK, tool+" (tmux keeps OSC 52)", "")
	case !tm.passesOSC52():
		return check("clipboard", Warn, "no clipboard tool, and tmux keeps OSC 52: copying cannot work",
			"tmux: set -s set-clipboard on, or install wl-copy, xclip or xsel")
	case tm.screen:
		return check("clipboard", Warn, "no clipboard tool, and screen keeps OSC 52",
			"install wl-copy (Wayland) or xclip or xsel (X11)")
	}
	return check("clipboard", Info, "OSC 52 only (no clipboard tool found): works where the terminal accepts it",
		"for a copy that does not depend on the terminal: wl-copy (Wayland), xclip or xsel (X11), pbcopy (macOS)")
}

// hyperlinkCheck: links in the reader are OSC 8 hyperlinks when the app
// decides so from $TERM (reader.HyperlinksFor, as ui.Run asks it).
func hyperlinkCheck(m Machine, tm tmuxFacts) Check {
	term := m.Getenv("TERM")
	if !reader.HyperlinksFor(term) {
		return check("hyperlinks", Info, "not sent for TERM="+quoted(term)+": links show as numbers only", "")
	}
	if !tm.hyperlinks() {
		return check("hyperlinks", Warn, "OSC 8 sent, but tmux drops them (no hyperlinks terminal feature)",
			`tmux 3.4 or later: set -as terminal-features ",*:hyperlinks"`)
	}
	return check("hyperlinks", OK, "OSC 8 links (TERM="+term+")", "")
}

// browserCheck: the program desktop.Browser would start, and whether it
// is on PATH.
func browserCheck(m Machine, cfg model.Config) Check {
	name, from := desktop.Browser{Program: cfg.Browser, Getenv: m.Getenv}.Which()
	where := map[string]string{"config": "browser in the config", "$BROWSER": "$BROWSER", "default": "the default"}[from]
	path, err := m.LookPath(name)
	if err != nil {
		return check("browser", Warn, name+" ("+where+") is not found",
			`set browser = "firefox" (a program on PATH) in the config, or $BROWSER; links are copied meanwhile`)
	}
	return check("browser", OK, name+" ("+where+": "+path+")", "")
}

// imagesCheck: the way picture.Choose would draw pictures with the
// config's images setting, before the app's query to the terminal.
func imagesCheck(m Machine, cfg model.Config, tm tmuxFacts) Check {
	envKitty, _ := picture.Env(m.Getenv)
	mode := picture.Choose(cfg.Images, false, envKitty)
	setting := "images = " + quoted(cfg.Images)
	switch {
	case mode == picture.Off:
		return check("images", Info, "off ("+setting+"): the alt text shows", "")
	case mode == picture.Kitty && !tm.passesImages():
		return check("images", Warn, "kitty graphics protocol, but tmux does not pass it",
			"tmux: set -g allow-passthrough on")
	case mode == picture.Kitty && cfg.Images == "kitty":
		return check("images", OK, "kitty graphics protocol ("+setting+")", "")
	case mode == picture.Kitty:
		return check("images", OK, "kitty graphics protocol (the environment names kitty or Ghostty)", "")
	case cfg.Images == "blocks":
		return check("images", OK, "half blocks in colour ("+setting+")", "")
	}
	return check("images", OK, "half blocks in colour; kitty's protocol if the terminal answers the app's query at start", "")
}
