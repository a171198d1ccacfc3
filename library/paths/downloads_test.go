package paths

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDownloads(t *testing.T) {
	h := t.TempDir()
	t.Setenv("HOME", h)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("XDG_DOWNLOAD_DIR", "")
	if got := Downloads(""); got != "." {
		t.Errorf("no download folder: %q, want the current one", got)
	}
	if err := os.Mkdir(filepath.Join(h, "Downloads"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Downloads(""); got != filepath.Join(h, "Downloads") {
		t.Errorf("~/Downloads: %q", got)
	}
	if err := os.MkdirAll(filepath.Join(h, ".config"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(h, "Téléchargements"), 0o755)
	dirs := "# comment\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n"
	if err := os.WriteFile(filepath.Join(h, ".config", "user-dirs.dirs"), []byte(dirs), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Downloads(""); got != filepath.Join(h, "Téléchargements") {
		t.Errorf("user-dirs.dirs: %q", got)
	}
	t.Setenv("XDG_DOWNLOAD_DIR", "/srv/dl")
	if got := Downloads(""); got != "/srv/dl" {
		t.Errorf("$XDG_DOWNLOAD_DIR: %q", got)
	}
	if got := Downloads("~/Podcasts"); got != filepath.Join(h, "Podcasts") {
		t.Errorf("configured: %q", got)
	}
	if got := Downloads("/media/pod"); got != "/media/pod" {
		t.Errorf("configured: %q", got)
	}
}
