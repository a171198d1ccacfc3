package desktop

import (
	"errors"
	"os/exec"
	"slices"
	"testing"
)

func TestPlayerStartsTheCommandWithTheURL(t *testing.T) {
	var got []string
	p := Player{Command: []string{"mpv", "--no-video", "--title=a b"}, Start: func(name string, args ...string) error {
		got = append([]string{name}, args...)
		return nil
	}}
	if err := p.Open("https://cdn.example/ep 1.mp3?x=1;rm -rf"); err != nil {
		t.Fatal(err)
	}
	want := []string{"mpv", "--no-video", "--title=a b", "https://cdn.example/ep%201.mp3?x=1;rm -rf"}
	if !slices.Equal(got, want) {
		t.Errorf("started %q, want %q", got, want)
	}
	if p.Command[len(p.Command)-1] != "--title=a b" {
		t.Error("the configured command was changed")
	}
	got = nil
	for _, bad := range []string{"file:///etc/passwd", "javascript:alert(1)", "-o/tmp/x", ""} {
		if err := p.Open(bad); !errors.Is(err, ErrNotWebLink) || got != nil {
			t.Errorf("%q: %v, started %q", bad, err, got)
		}
	}
	if err := (Player{}).Open("https://cdn.example/1.mp3"); !errors.Is(err, ErrNoPlayer) {
		t.Errorf("no player: %v", err)
	}
	missing := Player{Command: []string{"nope"}, Start: func(string, ...string) error { return exec.ErrNotFound }}
	if err := missing.Open("https://cdn.example/1.mp3"); err == nil || err.Error() != "the player nope was not found: check [player] command" {
		t.Errorf("missing player: %v", err)
	}
}
