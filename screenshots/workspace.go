package main

import (
	"encoding/json"
	"fmt"
	"image/color"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// workspace is byline's temporary home: its environment, configuration
// files and the database prepared once for every shot.
type workspace struct {
	dir    string
	bin    string
	site   *site
	reader *greader // the sync server of the account shots
	env    []string
}

// The terminal's colours in each theme.
var themes = map[string]palette{
	"dark":  {fg: color.RGBA{0xdd, 0xdd, 0xdd, 0xff}, bg: color.RGBA{0x1a, 0x1b, 0x26, 0xff}},
	"light": {fg: color.RGBA{0x2a, 0x2a, 0x2a, 0xff}, bg: color.RGBA{0xfa, 0xfa, 0xf7, 0xff}},
}

// headlinesRead are how old the headlines marked read beforehand are, so
// the list shows both; starred is a headline starred beforehand.
const (
	headlinesRead = 36 * time.Hour
	starred       = "Octopuses sleep in two stages"
)

// The sync account of the account shots, as its [accounts.NAME] section
// names it and its server (greader.go) knows it.
const (
	accountName     = "home"
	accountUser     = "ana"
	accountPassword = "tidal-barrier-42"
)

func newWorkspace(dir, bin string, s *site, g *greader) *workspace {
	home := filepath.Join(dir, "home")
	env := []string{
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"XDG_STATE_HOME=" + filepath.Join(home, ".local", "state"),
		"PATH=" + os.Getenv("PATH"),
		// Every http request goes to the fixture sites; https ones fail.
		"HTTP_PROXY=" + s.proxy(), "HTTPS_PROXY=" + s.proxy(), "NO_PROXY=",
		"TERM=xterm-256color", "COLORTERM=truecolor", "LANG=C.UTF-8", "TZ=UTC",
	}
	return &workspace{dir: dir, bin: bin, site: s, reader: g, env: env}
}

func (w *workspace) db() string { return filepath.Join(w.dir, "byline.db") }

func (w *workspace) config(theme string) string {
	return filepath.Join(w.dir, theme+".toml")
}

// accountDB is the prepared database with the sync account besides, and
// accountConfig a configuration that names the account: only the shots
// that show it use them, so the others look as they did before accounts.
func (w *workspace) accountDB() string { return filepath.Join(w.dir, "account", "byline.db") }

func (w *workspace) accountConfig(theme string) string {
	return filepath.Join(w.dir, theme+"-account.toml")
}

// prepare writes the configuration files, subscribes to the fixture feeds
// and fetches them, marks the older headlines read, and makes the copy
// with the sync account.
func (w *workspace) prepare() error {
	if err := os.MkdirAll(filepath.Join(w.dir, "home"), 0o755); err != nil {
		return err
	}
	passwordFile := filepath.Join(w.dir, "account.password")
	if err := os.WriteFile(passwordFile, []byte(accountPassword+"\n"), 0o600); err != nil {
		return err
	}
	account := fmt.Sprintf("\n[accounts.%s]\ntype = \"greader\"\nurl = %q\nusername = %q\npassword_file = %q\n",
		accountName, w.reader.url(), accountUser, passwordFile)
	for theme := range themes {
		// No background refresh: a shot shows only what its keys do.
		conf := fmt.Sprintf("theme = %q\nauto_refresh = false\n\n[fetch]\nper_host = 8\n\n%s", theme, savedQueries)
		if err := os.WriteFile(w.config(theme), []byte(conf), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(w.accountConfig(theme), []byte(conf+account), 0o644); err != nil {
			return err
		}
	}
	opml, err := w.site.render("subscriptions.opml", false)
	if err != nil {
		return fmt.Errorf("subscriptions.opml: %w", err)
	}
	opmlPath := filepath.Join(w.dir, "subscriptions.opml")
	if err := os.WriteFile(opmlPath, opml, 0o644); err != nil {
		return err
	}
	if _, err := w.byline("import", opmlPath); err != nil {
		return err
	}
	if _, err := w.byline("refresh"); err != nil {
		return err
	}
	if err := w.markSome(); err != nil {
		return err
	}
	return w.prepareAccount()
}

// prepareAccount copies the prepared database and syncs the account into
// the copy: its feeds, folders and articles, some read and one starred.
func (w *workspace) prepareAccount() error {
	if err := copyDB(w.db(), filepath.Dir(w.accountDB())); err != nil {
		return err
	}
	_, err := w.run(w.accountDB(), w.accountConfig("dark"), "sync")
	return err
}

// markSome marks the older headlines read and stars one.
func (w *workspace) markSome() error {
	out, err := w.byline("list", "--json", "--limit", "500")
	if err != nil {
		return err
	}
	var list []struct {
		ID        json.RawMessage `json:"id"`
		Title     string          `json:"title"`
		Published time.Time       `json:"published"`
	}
	if err := json.Unmarshal(out, &list); err != nil {
		return fmt.Errorf("byline list --json: %w", err)
	}
	read := []string{"mark", "--read"}
	for _, a := range list {
		id := strings.Trim(string(a.ID), `"`)
		if time.Since(a.Published) > headlinesRead {
			read = append(read, id)
		}
		if strings.HasPrefix(a.Title, starred) {
			if _, err := w.byline("mark", "--star", id); err != nil {
				return err
			}
		}
	}
	if len(read) > 2 {
		_, err = w.byline(read...)
	}
	return err
}

// byline runs a headless command on the prepared database.
func (w *workspace) byline(args ...string) ([]byte, error) {
	return w.run(w.db(), w.config("dark"), args...)
}

// run runs a headless command on a database with a configuration.
func (w *workspace) run(db, config string, args ...string) ([]byte, error) {
	full := append([]string{"--db", db, "--config", config}, args...)
	cmd := exec.Command(w.bin, full...)
	cmd.Env, cmd.Dir = w.env, w.dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("byline %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// take runs the app for one shot and writes its PNG.
func (w *workspace) take(sh shot, rast *rasterizer, o options) error {
	pal, ok := themes[sh.theme]
	if !ok {
		return fmt.Errorf("unknown theme %q", sh.theme)
	}
	w.site.setLate(sh.late)
	defer w.site.setLate(nil)
	w.reader.setHold(sh.syncHold)
	defer w.reader.setHold(0)
	src, config := w.db(), w.config(sh.theme)
	if sh.account {
		src, config = w.accountDB(), w.accountConfig(sh.theme)
	}
	dir := filepath.Join(w.dir, "shots", strings.TrimSuffix(sh.file, ".png"))
	if err := copyDB(src, dir); err != nil {
		return err
	}
	db := filepath.Join(dir, filepath.Base(src))
	cmd := exec.Command(w.bin, "--db", db, "--config", config)
	cmd.Env, cmd.Dir = w.env, w.dir
	term, err := startTerminal(cmd, o.cols, o.rows, pal)
	if err != nil {
		return err
	}
	defer term.close()
	settle := sh.settle
	if settle == 0 {
		settle = 300 * time.Millisecond
	}
	var g grid
	for i, st := range sh.steps {
		if o.verbose {
			fmt.Printf("  %s step %d: press %q, type %q, wait for %q\n", sh.file, i+1, st.press, st.typed, st.show)
		}
		if err := term.press(st.press...); err != nil {
			return err
		}
		if st.typed != "" {
			if err := term.typeText(st.typed); err != nil {
				return err
			}
		}
		if g, err = term.waitFor(st.show, o.timeout, settle); err != nil {
			if o.verbose {
				fmt.Fprintf(os.Stderr, "the screen at step %d:\n%s", i+1, g.text())
			}
			return fmt.Errorf("step %d: %w", i+1, err)
		}
	}
	return writePNG(filepath.Join(o.out, sh.file), rast.draw(g, pal.bg))
}

// copyDB copies a prepared database (and any journal beside it) into dir:
// for one shot, so every shot starts from the same state.
func copyDB(db, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		src := db + suffix
		if _, err := os.Stat(src); os.IsNotExist(err) {
			continue
		}
		if err := copyFile(src, filepath.Join(dir, filepath.Base(src))); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
