package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte(`
theme = "light"
text_width = 90
refresh_interval = "30m"
show_read = false

[fetch]
workers = 8
timeout = "10s"

[keys]
down = "j,down"

[share]
mastodon = "mastodon.social"
[share.targets]
pinboard = "https://pinboard.in/add?url={url}&title={title}"
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Theme != "light" || cfg.TextWidth != 90 || cfg.RefreshInterval.Duration != 30*time.Minute ||
		cfg.Fetch.Workers != 8 || cfg.Fetch.Timeout.Duration != 10*time.Second ||
		cfg.Keys["down"] != "j,down" || cfg.Share.Mastodon != "mastodon.social" || len(cfg.Share.Targets) != 1 ||
		cfg.ShowRead == nil || *cfg.ShowRead {
		t.Fatalf("parsed %+v", cfg)
	}
	if def, _ := ParseConfig(nil); def.Theme != "auto" || def.TextWidth != 80 || def.Images != "auto" || def.ShowRead != nil {
		t.Fatalf("defaults: %+v", def)
	}
}

func TestParseConfigErrorsNameTheLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"theme = \"dark\"\ncolour = 1\n", "line 2: unknown setting \"colour\""},
		{"[fetch]\nworkers = 4\nspeed = 9\n", "line 3: unknown setting \"fetch.speed\""},
		{"theme = \n", "line 1"},
		{"theme = \"blue\"\n", "theme must be auto, dark or light"},
		{"refresh_interval = \"soon\"\n", "not a duration"},
		{"text_width = 5\n", "reader_width must be between"}, {"reader_width = 500\n", "reader_width must be between"}, {"images = \"sixel\"\n", "images must be"},
		{"[nonsense]\nx = 1\n", "line 1: unknown setting \"nonsense\""},
	}
	for _, c := range cases {
		_, err := ParseConfig([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: want an error with %q, got %v", c.in, c.want, err)
		}
	}
}

// TestFetchSettingsAtLeastOne: a [fetch] count of 0 or less, a size out
// of bounds or a timeout of nothing is refused, naming its line; left out,
// each takes its default.
func TestFetchSettingsAtLeastOne(t *testing.T) {
	cases := []struct{ in, want string }{
		{"[fetch]\nworkers = 0\n", "line 2: [fetch] workers must be at least 1, not 0"},
		{"theme = \"dark\"\n[fetch]\nworkers = 4\nper_host = 0\n", "line 4: [fetch] per_host must be at least 1, not 0"},
		{"[fetch]\nper_host = -2\n", "per_host must be at least 1, not -2"},
		{"[fetch]\nworkers = -1\n", "workers must be at least 1"},
		{"[fetch]\nmax_items = 0\n", "max_items must be at least 1"},
		{"[fetch]\nmax_feed_mib = -5\n", "max_feed_mib must be between 1 and 1024, not -5"},
		{"[fetch]\nmax_page_mib = 9999999999999\n", "max_page_mib must be between 1 and 1024"},
		{"[fetch]\ntimeout = \"0s\"\n", "line 2: [fetch] timeout must be longer than 0s"},
		{"fetch.workers = 0\n", "line 1: [fetch] workers"},
	}
	for _, c := range cases {
		_, err := ParseConfig([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: want an error with %q, got %v", c.in, c.want, err)
		}
	}
	cfg, err := ParseConfig([]byte("[fetch]\nworkers = 1\nper_host = 1\nmax_feed_mib = 1024\ntimeout = \"1s\"\n"))
	if err != nil || cfg.Fetch.Workers != 1 || cfg.Fetch.PerHost != 1 {
		t.Errorf("the smallest settings refused: %+v, %v", cfg.Fetch, err)
	}
	if _, err := ParseConfig([]byte("[fetch]\n")); err != nil {
		t.Errorf("an empty [fetch]: %v", err)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("theme = \"dark\"\n[fetch]\nworkers = 4\n"))
	f.Add([]byte("[keys]\ndown = \"j\"\n[share.targets]\nx = \"https://x/{url}\"\n"))
	f.Add([]byte("refresh_interval = \"1h\"\ntext_width = 80\n"))
	f.Add([]byte("[accounts.home]\ntype = \"greader\"\nurl = \"https://r.example\"\nusername = \"u\"\npassword_command = [\"pass\", \"x\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig(data)
		if err == nil && cfg.validate() != nil {
			t.Fatalf("accepted an invalid config: %+v", cfg)
		}
	})
}

func TestParseConfigSanitisesWhatIsShown(t *testing.T) {
	cfg, err := ParseConfig([]byte("[share]\nmastodon = \"masto\\u001b[2J.social\"\n[share.targets]\n\"evil\\u001b]0;x\\u0007\" = \"https://x.example/?u={url}\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Share.Mastodon != "masto.social" {
		t.Errorf("mastodon = %q", cfg.Share.Mastodon)
	}
	for name := range cfg.Share.Targets {
		if name != "evil" {
			t.Errorf("target name %q", name)
		}
	}
}

func TestRetentionConfig(t *testing.T) {
	cfg, err := ParseConfig([]byte("[retention]\nkeep_days = 90\n"))
	if err != nil || cfg.Retention.KeepDays != 90 {
		t.Fatalf("%+v %v", cfg.Retention, err)
	}
	if _, err := ParseConfig([]byte("[retention]\nkeep_days = -1\n")); err == nil || !strings.Contains(err.Error(), "keep_days") {
		t.Errorf("negative keep_days: %v", err)
	}
	if _, err := ParseConfig([]byte("[retention]\nkeep_weeks = 2\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("unknown key: %v", err)
	}
}

func TestIgnoreRules(t *testing.T) {
	cfg, err := ParseConfig([]byte("[[ignore]]\nfilter = \"title =~ sponsored\"\n\n[[ignore]]\nfilter = \"feed = x and age > 3\"\nmode = \"drop\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Ignore) != 2 || cfg.Ignore[0].Mode != "hide" || cfg.Ignore[1].Mode != "drop" {
		t.Fatalf("ignore rules: %+v", cfg.Ignore)
	}
	for in, want := range map[string]string{
		"[[ignore]]\nfilter = \"titel = x\"\n":             `ignore rule 1 (filter = "titel = x"): column 1: unknown field "titel"`,
		"[[ignore]]\nfilter = \"unread\"\nmode = \"kill\"": `ignore rule 1: mode must be hide or drop, not "kill"`,
		"[[ignore]]\nmode = \"drop\"":                      `ignore rule 1 (filter = ""): column 1: empty filter`,
		"[[ignore]]\nfilter = \"unread\"\nfiltre = \"x\"":  `unknown setting "ignore.filtre"`,
	} {
		if _, err := ParseConfig([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseConfig(%q) = %v, want …%s…", in, err, want)
		}
	}
}

func TestAccountConfigChecked(t *testing.T) {
	for _, bad := range []string{
		"[accounts.x]\ntype = \"feedbin\"\nurl = \"https://a.example\"\nusername = \"u\"\n",
		"[accounts.x]\ntype = \"greader\"\nurl = \"ftp://a.example\"\nusername = \"u\"\n",
		"[accounts.x]\ntype = \"greader\"\nurl = \"https://a.example\"\n",
		"[accounts.x]\ntype = \"greader\"\nurl = \"https://a.example\"\nusername = \"u\"\npassword_file = \"f\"\npassword_command = [\"p\"]\n",
		"[accounts.\"a b\"]\ntype = \"greader\"\nurl = \"https://a.example\"\nusername = \"u\"\n",
		"[accounts.x]\ntype = \"greader\"\nurl = \"https://a.example\"\nusername = \"u\"\npassword = \"hunter2\"\n",
	} {
		if _, err := ParseConfig([]byte(bad)); err == nil {
			t.Errorf("accepted:\n%s", bad)
		}
	}
}
