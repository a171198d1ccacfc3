package keys

import (
	"errors"
	"strings"
	"testing"
)

// TestCheck: [keys] naming no action, giving no keys, or giving an
// action a key another action has on one of its screens is refused,
// naming the entry at fault; swapping two actions' keys is not a
// conflict, nor is the table's own default.
func TestCheck(t *testing.T) {
	cases := []struct {
		conf   map[string]string
		action string // "" when accepted
		want   string
	}{
		{nil, "", ""},
		{map[string]string{"down": "n,ctrl+n", "next_quote": "x"}, "", ""},
		{map[string]string{"down": "k", "up": "j"}, "", ""},
		{map[string]string{"down": "j,j,down"}, "", ""},
		{map[string]string{"nxt": "n"}, "nxt", `[keys] "nxt" is not an action (actions: add_feed, back,`},
		{map[string]string{"clear_filter": "x"}, "clear_filter", `"clear_filter" is not an action`},
		{map[string]string{"up": " , "}, "up", "[keys] up has no keys"},
		{map[string]string{"next_quote": "j"}, "next_quote", `[keys] next_quote = "j": j is also the key of down on the reader screen`},
		{map[string]string{"down": "n"}, "down", `[keys] down = "n": n is also the key of next_quote on the reader screen`},
		{map[string]string{"open": "x", "share": "x"}, "share", `[keys] share = "x": x is also the key of open on the headlines screen`},
		{map[string]string{"filter": "esc"}, "filter", `[keys] filter = "esc": esc is also the key of "clear filter" (fixed) on the headlines screen`},
		{map[string]string{"help": "q"}, "help", `help = "q": q is also the key of quit on the headlines screen`},
	}
	for _, c := range cases {
		err := Check(c.conf)
		if c.action == "" {
			if err != nil {
				t.Errorf("%v refused: %v", c.conf, err)
			}
			continue
		}
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Action != c.action || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: got %v (%+v), want %q naming %s", c.conf, err, ce, c.want, c.action)
		}
	}
}

// TestDefaultsHaveNoConflicts: the table alone gives no key to two
// actions on one screen (Check lets such a conflict pass as the table's,
// so this test is what keeps it out).
func TestDefaultsHaveNoConflicts(t *testing.T) {
	conf := map[string]string{}
	for _, a := range table {
		if a.Name != "" {
			conf[a.Name] = strings.Join(a.Keys, ",")
		}
	}
	if err := Check(conf); err != nil {
		t.Fatal(err)
	}
}

// TestNewAppliesWhatItCanAndSaysWhy: New still builds every screen from a
// file Check refuses, with the entries it can read, and gives the error.
func TestNewAppliesWhatItCanAndSaysWhy(t *testing.T) {
	set, err := New(map[string]string{"next_quote": "j", "bogus": "x"})
	if err == nil || !strings.Contains(err.Error(), `"bogus" is not an action`) {
		t.Errorf("err = %v", err)
	}
	if set.On(Reader).KeyHelp(NextQuote) != "j" {
		t.Errorf("next_quote shows %q", set.On(Reader).KeyHelp(NextQuote))
	}
}

func TestCheckSuggestsTheNearestAction(t *testing.T) {
	err := Check(map[string]string{"toogle_star": "s"})
	if err == nil || !strings.Contains(err.Error(), `did you mean "toggle_star"?`) {
		t.Errorf("a typo: %v", err)
	}
	err = Check(map[string]string{"frobnicate": "s"})
	if err == nil || !strings.Contains(err.Error(), "(actions: add_feed,") {
		t.Errorf("far from every action: %v", err)
	}
}

// TestLine: the line of the file that sets the entry Check blames; 0 for
// another error or an entry the file does not set.
func TestLine(t *testing.T) {
	data := []byte("theme = \"dark\"\n\n[keys]\ndown = \"j\"\nnxt = \"n\"\n")
	err := Check(map[string]string{"down": "j", "nxt": "n"})
	if n := Line(data, err); n != 5 {
		t.Errorf("Line = %d, want 5 (%v)", n, err)
	}
	if n := Line(data, errors.New("other")); n != 0 {
		t.Errorf("Line of another error = %d, want 0", n)
	}
}
