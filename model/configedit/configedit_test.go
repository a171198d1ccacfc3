package configedit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

func TestAccountSectionRoundTrip(t *testing.T) {
	orig := "# my settings\ntheme = \"dark\"\n\n[accounts.work]\ntype = \"greader\"\nurl = \"https://rss.example\"\nusername = \"w\"\npassword_file = \"~/.pw\"\n\n[share]\nmastodon = \"m.example\"\n"
	a := model.AccountConfig{Type: "greader", URL: "http://127.0.0.1:8080/", Username: `odd "name"\`,
		PasswordCommand: []string{"pass", "show", "mini\tflux"}}
	data := AddAccountSection([]byte(orig), "home", a)
	cfg, err := model.ParseConfig(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if got := cfg.Accounts["home"]; !reflect.DeepEqual(got, a) {
		t.Errorf("home = %+v, want %+v", got, a)
	}
	if cfg.Accounts["work"].PasswordFile != "~/.pw" || cfg.Share.Mastodon != "m.example" {
		t.Errorf("the rest changed: %+v", cfg)
	}
	out, found := RemoveAccountSection(data, "work")
	if !found {
		t.Fatal("work not found")
	}
	cfg, err = model.ParseConfig(out)
	if err != nil || len(cfg.Accounts) != 1 || cfg.Share.Mastodon != "m.example" || cfg.Theme != "dark" {
		t.Errorf("after removing work: %+v, %v\n%s", cfg, err, out)
	}
	out, _ = RemoveAccountSection(out, "home")
	if strings.Contains(string(out), "accounts") || !strings.HasPrefix(string(out), "# my settings") {
		t.Errorf("after removing both:\n%s", out)
	}
	if _, found := RemoveAccountSection(out, "nobody"); found {
		t.Error("found an account that is not there")
	}
}

// FuzzAccountSection edits arbitrary configuration text: adding a section
// to a file that parses gives one that parses with the account in it, and
// removing it takes exactly that account out.
func FuzzAccountSection(f *testing.F) {
	f.Add([]byte("theme = \"dark\"\n[share]\nmastodon = \"m\"\n"), "home", "pass show x")
	f.Add([]byte("[accounts.home]\ntype = \"greader\"\nurl = \"https://a.example\"\nusername = \"u\"\n# note\n"), "work", "")
	f.Add([]byte("[accounts . \"x\" ] # c\n"), "x", "a\"b")
	f.Fuzz(func(t *testing.T, data []byte, name, command string) {
		// A section written as a table header is found; an account given as
		// dotted keys or an inline table is not this function's to find.
		out, found := RemoveAccountSection(data, name)
		if cfg, err := model.ParseConfig(out); err == nil && found {
			if _, there := cfg.Accounts[name]; there {
				t.Fatalf("account %q still there after removing it:\n%s", name, out)
			}
		}
		before, err := model.ParseConfig(data)
		if err != nil || model.ValidAccountName(name) != nil {
			return
		}
		if _, dup := before.Accounts[name]; dup {
			return
		}
		a := model.AccountConfig{Type: "greader", URL: "https://a.example", Username: "u " + command,
			PasswordCommand: strings.Fields(command)}
		added := AddAccountSection(data, name, a)
		after, err := model.ParseConfig(added)
		if err != nil {
			t.Fatalf("adding %q broke the file: %v\n%s", name, err, added)
		}
		if got := after.Accounts[name]; got.URL != a.URL || len(got.PasswordCommand) != len(a.PasswordCommand) {
			t.Fatalf("added %+v, read back %+v", a, got)
		}
	})
}

func TestAddQueries(t *testing.T) {
	qs := []model.SavedQuery{{Name: "Unread news", Filter: `unread and folder = "News"`}, {Name: "mine", Filter: "starred"}}
	for _, c := range []struct{ in, want string }{
		{"", "[queries]\n\"Unread news\" = \"unread and folder = \\\"News\\\"\"\n"},
		{"[fetch]\nworkers = 4", "[fetch]\nworkers = 4\n\n[queries]\n\"Unread news\""},
		{"[queries]\nmine = \"unread\"\n\n# next\n[fetch]\n", "[queries]\nmine = \"unread\"\n\"Unread news\" = "},
	} {
		before, err := model.ParseConfig([]byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		out, added := AddQueries([]byte(c.in), before.Queries, qs)
		cfg, err := model.ParseConfig(out)
		if err != nil || !strings.HasPrefix(string(out), c.want) {
			t.Errorf("%q:\n%s\n%v", c.in, out, err)
			continue
		}
		again, more := AddQueries(out, cfg.Queries, qs)
		if string(again) != string(out) || len(more) != 0 {
			t.Errorf("%q: adding again changed the file:\n%s", c.in, again)
		}
		if len(added) == 0 || cfg.Queries["mine"] != before.Queries["mine"] && before.Queries["mine"] != "" || cfg.Queries["Unread news"] != `unread and folder = "News"` {
			t.Errorf("%q: added %v, queries %v", c.in, added, cfg.Queries)
		}
	}
}
