package picture

import "strings"

// Mode is how the reader draws pictures.
type Mode int

// The ways of drawing a picture.
const (
	HalfBlocks Mode = iota // half blocks in colour, in any terminal
	Kitty                  // kitty's graphics protocol, through placeholder cells
	Off                    // a line with the alt text
)

// Choose is the mode for the configuration's `images` setting: auto
// (or empty) is kitty's protocol when the terminal answered its query or
// the environment names a terminal that speaks it, else half blocks.
func Choose(config string, answered, envKitty bool) Mode {
	switch config {
	case "off":
		return Off
	case "kitty":
		return Kitty
	case "blocks":
		return HalfBlocks
	}
	if answered || envKitty {
		return Kitty
	}
	return HalfBlocks
}

// Env reads what the environment says of the terminal: kitty and Ghostty
// speak the graphics protocol; $TMUX means sequences must be passed
// through.
func Env(getenv func(string) string) (kitty, tmux bool) {
	term, prog := getenv("TERM"), strings.ToLower(getenv("TERM_PROGRAM"))
	kitty = term == "xterm-kitty" || term == "xterm-ghostty" || getenv("KITTY_WINDOW_ID") != "" ||
		prog == "ghostty" || getenv("GHOSTTY_RESOURCES_DIR") != ""
	return kitty, getenv("TMUX") != ""
}
