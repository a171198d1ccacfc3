package desktop

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestBrowserRefusesOtherSchemes(t *testing.T) {
	var started []string
	o := Browser{Program: "firefox --new-tab", Getenv: func(string) string { return "" },
		Start: func(name string, args ...string) error { started = append([]string{name}, args...); return nil }}
	for _, u := range []string{"file:///etc/passwd", "javascript:alert(1)", "ftp://x.example/", "https://"} {
		if err := o.Open(u); !errors.Is(err, ErrNotWebLink) {
			t.Errorf("%s: err = %v", u, err)
		}
	}
	if err := o.Open("https://news.example/a?b=1;rm -rf"); err != nil || len(started) != 3 || !strings.HasPrefix(started[2], "https://news.example/a?b=1") {
		t.Fatalf("started %q, %v", started, err)
	}
}

func TestNativeClipboardPicksATool(t *testing.T) {
	var ran []string
	c := Clipboard{
		Getenv: func(k string) string { return map[string]string{"DISPLAY": ":0"}[k] },
		LookPath: func(name string) (string, error) {
			if name == "xsel" {
				return "/usr/bin/xsel", nil
			}
			return "", errors.New("not found")
		},
		Run: func(_ context.Context, text, name string, args ...string) error {
			ran = append(ran, name+" "+strings.Join(args, " ")+" <"+text)
			return nil
		},
	}
	tool, err := c.Copy(context.Background(), "https://x.example/; rm -rf ~")
	if err != nil || tool != "xsel" || len(ran) != 1 || ran[0] != "xsel --clipboard --input <https://x.example/; rm -rf ~" {
		t.Fatalf("tool %q err %v ran %q", tool, err, ran)
	}
	c.Getenv = func(string) string { return "" }
	if tool, err := c.Copy(context.Background(), "x"); tool != "" || err != nil {
		t.Fatalf("without a display no tool: %q %v", tool, err)
	}
}

func TestMailerOpensOnlyMailtoLinks(t *testing.T) {
	var started []string
	m := Mailer{LookPath: func(string) (string, error) { return "", errors.New("none") }}
	if err := m.Open("mailto:?x"); !errors.Is(err, ErrNoMailProgram) {
		t.Fatalf("err = %v", err)
	}
	m = Mailer{LookPath: func(p string) (string, error) { return "/usr/bin/" + p, nil },
		Start: func(name string, args ...string) error { started = append(append(started, name), args...); return nil }}
	if err := m.Open("https://x.example/"); err == nil {
		t.Fatal("only mailto: links are mailed")
	}
	if err := m.Open("mailto:?subject=a%0Ab"); err != nil || len(started) != 2 || started[1] != "mailto:?subject=a%0Ab" {
		t.Fatalf("started %q, %v", started, err)
	}
}

// TestMissingBrowserIsNoBrowser: a browser program that is not installed
// says there is no browser, so the app copies the link instead.
func TestMissingBrowserIsNoBrowser(t *testing.T) {
	err := Browser{Program: "byline-test-no-such-browser"}.Open("https://a.example/")
	if !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("err = %v", err)
	}
}

func TestWhichBrowserAndTool(t *testing.T) {
	env := map[string]string{"BROWSER": "w3m:lynx", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
	getenv := func(k string) string { return env[k] }
	if name, from := (Browser{Getenv: getenv}).Which(); name != "w3m" || from != "$BROWSER" {
		t.Errorf("$BROWSER: %s from %s", name, from)
	}
	if name, from := (Browser{Program: "firefox --new-tab %s", Getenv: getenv}).Which(); name != "firefox" || from != "config" {
		t.Errorf("config: %s from %s", name, from)
	}
	if name, from := (Browser{Getenv: func(string) string { return "" }}).Which(); name == "" || from != "default" {
		t.Errorf("default: %s from %s", name, from)
	}
	found := map[string]bool{"xsel": true}
	c := Clipboard{Getenv: getenv, LookPath: func(name string) (string, error) {
		if found[name] {
			return "/usr/bin/" + name, nil
		}
		return "", errors.New("not found")
	}}
	if tool := c.Tool(); tool != "xsel" {
		t.Errorf("tool %q", tool)
	}
	found = nil
	if tool := c.Tool(); tool != "" {
		t.Errorf("no tool found, yet %q", tool)
	}
}
