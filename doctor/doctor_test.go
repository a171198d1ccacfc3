package doctor

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
)

// fakeMachine is a terminal inside tmux with the given settings, xclip
// and firefox installed, answering a dark background.
func fakeMachine(env map[string]string, tmux map[string]string, found ...string) Machine {
	return Machine{
		Getenv: func(k string) string { return env[k] },
		LookPath: func(name string) (string, error) {
			for _, f := range found {
				if f == name {
					return "/usr/bin/" + name, nil
				}
			}
			return "", errors.New("not found")
		},
		Output: func(_ context.Context, name string, args ...string) (string, error) {
			if name != "tmux" {
				return "", errors.New("unexpected program " + name)
			}
			v, ok := tmux[strings.Join(args, " ")]
			if !ok {
				return "", errors.New("no server running")
			}
			return v, nil
		},
		Stdin: true, Stdout: true, Profile: colorprofile.TrueColor,
		Background: func() (bool, error) { return true, nil }, Width: 120, Height: 40,
	}
}

func run(t *testing.T, m Machine) map[string]Check {
	t.Helper()
	dir := t.TempDir()
	r := Run(context.Background(), m, Options{Version: "test", DBPath: filepath.Join(dir, "none.db"),
		ConfigPath: filepath.Join(dir, "none.toml")})
	out := map[string]Check{}
	for _, c := range r.Checks {
		if _, dup := out[c.Name]; dup {
			t.Errorf("two %q checks", c.Name)
		}
		if c.Status == OK && c.Hint != "" {
			t.Errorf("%s: ok with a hint", c.Name)
		}
		out[c.Name] = c
	}
	return out
}

func TestTmuxSettings(t *testing.T) {
	env := map[string]string{"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0", "KITTY_WINDOW_ID": "3", "DISPLAY": ":0"}
	tmux := map[string]string{"-V": "tmux 3.4", "show -sv set-clipboard": "external",
		"show -gv allow-passthrough": "off", "show -sv terminal-features": "xterm*:clipboard:ccolour"}
	c := run(t, fakeMachine(env, tmux))
	want := map[string]Status{"tmux": Info, "tmux clipboard": Warn, "tmux passthrough": Info,
		"clipboard": Warn, "hyperlinks": Warn, "images": Warn, "browser": Warn, "background": OK}
	for name, st := range want {
		if c[name].Status != st {
			t.Errorf("%s: %+v, want %s", name, c[name], st)
		}
	}
	if c["tmux clipboard"].Hint != "tmux: set -s set-clipboard on" || !strings.Contains(c["images"].Hint, "allow-passthrough on") {
		t.Errorf("hints: %q, %q", c["tmux clipboard"].Hint, c["images"].Hint)
	}

	tmux["show -sv set-clipboard"], tmux["show -gv allow-passthrough"] = "on", "on"
	tmux["show -sv terminal-features"] = "xterm*:clipboard:hyperlinks"
	c = run(t, fakeMachine(env, tmux, "xclip", "xdg-open"))
	for _, name := range []string{"tmux clipboard", "tmux passthrough", "clipboard", "hyperlinks", "images", "browser"} {
		if c[name].Status != OK {
			t.Errorf("%s: %+v", name, c[name])
		}
	}
	if c["clipboard"].Value != "OSC 52 and xclip" || !strings.HasPrefix(c["images"].Value, "kitty") {
		t.Errorf("clipboard %q, images %q", c["clipboard"].Value, c["images"].Value)
	}

	delete(tmux, "-V")
	c = run(t, fakeMachine(env, tmux))
	if c["tmux"].Status != Warn || !strings.Contains(c["tmux"].Value, "did not answer") {
		t.Errorf("tmux gone: %+v", c["tmux"])
	}
}

func TestPlainMachine(t *testing.T) {
	m := fakeMachine(map[string]string{"TERM": "linux", "STY": "1234.pts-0", "BROWSER": "w3m"}, nil, "w3m")
	m.Profile, m.Background, m.Width, m.Height = colorprofile.ANSI, func() (bool, error) { return false, errors.New("timeout") }, 50, 20
	c := run(t, m)
	want := map[string]Status{"terminal": OK, "colours": Warn, "background": Info, "size": Warn, "screen": Warn,
		"clipboard": Warn, "hyperlinks": Info, "browser": OK, "images": OK, "config": Info, "database": Info}
	for name, st := range want {
		if c[name].Status != st {
			t.Errorf("%s: %+v, want %s", name, c[name], st)
		}
	}
	if _, ok := c["tmux"]; ok {
		t.Error("a tmux line outside tmux")
	}
	if !strings.Contains(c["browser"].Value, "$BROWSER") || !strings.Contains(c["database"].Value, "not created yet") {
		t.Errorf("browser %q, database %q", c["browser"].Value, c["database"].Value)
	}

	m = fakeMachine(map[string]string{"TERM": "xterm"}, nil)
	m.Stdin, m.Stdout, m.Profile, m.Background, m.Width, m.Height = false, false, colorprofile.NoTTY, nil, 0, 0
	c = run(t, m)
	for _, name := range []string{"terminal", "colours", "background", "size", "multiplexer", "clipboard"} {
		if c[name].Status != Info {
			t.Errorf("not a terminal, %s: %+v", name, c[name])
		}
	}
}

func TestUnknownKeys(t *testing.T) {
	got := unknownKeys([]byte("theme = \"dark\"\ncolour = 1\n[fetch]\nworkers = 4\nspeed = 9\n[nonsense]\nx = 1\n"))
	if strings.Join(got, ",") != "colour,fetch.speed,nonsense,nonsense.x" {
		t.Errorf("%q", got)
	}
	if got := unknownKeys([]byte("theme = ")); got != nil {
		t.Errorf("not TOML: %q", got)
	}
}

func FuzzUnknownKeys(f *testing.F) {
	f.Add([]byte("theme = \"dark\"\ncolour = 1\n[fetch]\nspeed = 9\n"))
	f.Add([]byte("[[ignore]]\nfilter = \"x\"\nfiltre = 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		keys := unknownKeys(data)
		if _, err := model.ParseConfig(data); err == nil && len(keys) > 0 {
			t.Errorf("ParseConfig takes a file with unknown keys %q", keys)
		}
	})
}

func TestWriteTextFits(t *testing.T) {
	r := Report{Checks: []Check{
		check("database", Fail, "/home/someone/"+strings.Repeat("a-very-long-folder/", 8)+"byline.db: corrupt", "keep a copy"),
		check("x", OK, "", ""),
	}, Failures: 1}
	var b strings.Builder
	if err := r.WriteText(&b, 0); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if ansi.StringWidth(line) > MaxWidth {
			t.Errorf("%d cells: %q", ansi.StringWidth(line), line)
		}
	}
	if !strings.Contains(b.String(), "hint: keep a copy") || !strings.Contains(b.String(), "no warnings, 1 failure.") {
		t.Errorf("%s", b.String())
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("TERM=xterm-256color COLORTERM=truecolor; stdout is a terminal", 30)
	f.Add("/a/very/long/path/with/ünïcödé/and/中文/characters/byline.db", 20)
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = 20 + abs(width)%100
		s = model.SanitizeLine(s)
		lines := wrap(s, width)
		if len(lines) == 0 {
			t.Fatal("no lines")
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("%q is %d cells, over %d", l, w, width)
			}
		}
		if strings.Join(strings.Fields(strings.Join(lines, "")), "") != strings.Join(strings.Fields(s), "") {
			t.Errorf("wrapping lost text: %q from %q", lines, s)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func TestConfigChecks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.toml")
	os.WriteFile(path, []byte("images = \"off\"\n[keys]\nnxt = \"j\"\ndown = \"j,down\"\n"), 0o644)
	cfg, checks := configChecks(path, true)
	if cfg.Images != "off" || len(checks) != 2 || checks[0].Status != OK || checks[1].Name != "keys" ||
		checks[1].Status != Fail || checks[1].Value != `line 3: [keys] "nxt" is not an action` {
		t.Fatalf("%+v", checks)
	}
	if _, checks := configChecks(filepath.Join(dir, "missing.toml"), true); checks[0].Status != Fail {
		t.Errorf("a named file that is missing: %+v", checks)
	}
	if _, checks := configChecks(filepath.Join(dir, "missing.toml"), false); checks[0].Status != Info {
		t.Errorf("no default file: %+v", checks)
	}
}
