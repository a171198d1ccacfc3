package doctor

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"github.com/byline-reader/byline/model"
)

// terminalChecks: the terminal's type, colours, background and size.
func terminalChecks(m Machine, cfg model.Config) []Check {
	return []Check{termCheck(m), coloursCheck(m), backgroundCheck(m, cfg), sizeCheck(m)}
}

func termCheck(m Machine) Check {
	var parts []string
	for _, v := range []string{"TERM", "COLORTERM", "TERM_PROGRAM"} {
		if s := m.Getenv(v); s != "" {
			parts = append(parts, v+"="+s)
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "TERM not set")
	}
	value := strings.Join(parts, " ")
	switch {
	case !m.Stdout:
		return check("terminal", Info, value+"; stdout is not a terminal", "")
	case m.Getenv("TERM") == "" || m.Getenv("TERM") == "dumb":
		return check("terminal", Warn, value, "set TERM to your terminal's type, e.g. xterm-256color")
	}
	return check("terminal", OK, value, "")
}

func coloursCheck(m Machine) Check {
	switch m.Profile {
	case colorprofile.TrueColor:
		return check("colours", OK, "24-bit (TrueColor)", "")
	case colorprofile.ANSI256:
		return check("colours", OK, "256 colours (ANSI256)", "")
	case colorprofile.ANSI:
		return check("colours", Warn, "16 colours (ANSI)",
			"if the terminal shows more, set TERM=xterm-256color or COLORTERM=truecolor")
	case colorprofile.ASCII:
		hint := "TERM=dumb turns colours off"
		if m.Getenv("NO_COLOR") != "" {
			hint = "NO_COLOR is set: unset it for colours"
		}
		return check("colours", Warn, "none (Ascii)", hint)
	}
	return check("colours", Info, "none: stdout is not a terminal (NoTTY)", "")
}

func backgroundCheck(m Machine, cfg model.Config) Check {
	theme := ""
	if cfg.Theme == "dark" || cfg.Theme == "light" {
		theme = "; theme = " + quoted(cfg.Theme) + " in the config decides"
	}
	if m.Background == nil {
		return check("background", Info, "unknown (not a terminal)"+theme, "")
	}
	dark, err := m.Background()
	if err != nil {
		return check("background", Info, "unknown: the terminal did not answer; byline takes it as dark"+theme,
			`if it is light, set theme = "light" in the config`)
	}
	word := "light"
	if dark {
		word = "dark"
	}
	return check("background", OK, word+theme, "")
}

func sizeCheck(m Machine) Check {
	if m.Width <= 0 || m.Height <= 0 {
		return check("size", Info, "unknown (not a terminal)", "")
	}
	value := fmt.Sprintf("%d×%d", m.Width, m.Height)
	if m.Width < 60 || m.Height < 16 {
		return check("size", Warn, value+": small for the panes", "the app reads best in 80×24 or more")
	}
	return check("size", OK, value, "")
}
