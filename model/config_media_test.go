package model

import (
	"slices"
	"strings"
	"testing"
)

func TestPlayerAndDownloadConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte(`
[player]
command = ["mpv", "--no-video", "--title=a  b"]

[download]
dir = "~/Podcasts"
`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.Player.Command, []string{"mpv", "--no-video", "--title=a  b"}) || cfg.Download.Dir != "~/Podcasts" {
		t.Errorf("parsed %+v %+v", cfg.Player, cfg.Download)
	}
	for name, bad := range map[string]string{
		"a string":      "[player]\ncommand = \"mpv --no-video\"",
		"no program":    "[player]\ncommand = [\" \", \"x\"]",
		"an escape":     "[player]\ncommand = [\"mpv\", \"\\u001b[2J\"]",
		"a dir escape":  "[download]\ndir = \"/tmp/\\u001b]0;x\"",
		"unknown key":   "[player]\nprogram = [\"mpv\"]",
		"a list of one": "[download]\ndir = [\"x\"]",
	} {
		if _, err := ParseConfig([]byte(bad)); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if cfg, err := ParseConfig([]byte("[player]\ncommand = []")); err != nil || len(cfg.Player.Command) != 0 {
		t.Errorf("an empty command: %v", err)
	}
}
