package paths

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// Downloads is the folder `byline download` saves files in: configured
// ([download] dir, "~/" standing for the home folder) when set, else the
// XDG download folder ($XDG_DOWNLOAD_DIR, or its line in
// ~/.config/user-dirs.dirs), else ~/Downloads when it exists, else the
// current folder (".").
func Downloads(configured string) string {
	h, herr := home("HOME", "")
	if configured != "" {
		if rest, ok := strings.CutPrefix(configured, "~/"); ok && herr == nil {
			return filepath.Join(h, rest)
		}
		return configured
	}
	if dir := os.Getenv("XDG_DOWNLOAD_DIR"); filepath.IsAbs(dir) {
		return dir
	}
	if herr != nil {
		return "."
	}
	if dir := userDirsDownload(h); dir != "" {
		return dir
	}
	if st, err := os.Stat(filepath.Join(h, "Downloads")); err == nil && st.IsDir() {
		return filepath.Join(h, "Downloads")
	}
	return "."
}

// userDirsDownload reads XDG_DOWNLOAD_DIR="$HOME/…" from xdg-user-dirs'
// file; "" when it is not there or names no folder that exists.
func userDirsDownload(h string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(cfg) {
		cfg = filepath.Join(h, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOWNLOAD_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = h + rest
		}
		if st, err := os.Stat(v); err == nil && st.IsDir() && filepath.IsAbs(v) {
			return filepath.Clean(v)
		}
		return ""
	}
	return ""
}
