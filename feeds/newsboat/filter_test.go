package newsboat

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/model/filter"
)

func TestTranslateFilter(t *testing.T) {
	good := []struct{ in, want string }{
		{`unread = "yes"`, `unread = yes`},
		{`unread == "no"`, `unread = no`},
		{`unread != "yes"`, `unread != yes`},
		{`title =~ "linux|bsd"`, `title =~ "linux|bsd"`},
		{`title !~ "\d+"`, `title !~ "\\d+"`},
		{`author = "Frank \"The Tank\""`, `author = "Frank \\\"The Tank\\\""`},
		{`content # "climate"`, `content # "climate"`},
		{`feedtitle = "The Guardian"`, `feed = "The Guardian"`},
		{`rssurl =~ "^https:"`, `feed =~ "^https:"`},
		{`age < 3`, `age < 3`},
		{`age>=7`, `age >= 7`},
		{`age between 0:10`, `age between 0:10`},
		{`age between "1:5"`, `age between 1:5`},
		{`flags # "s"`, `starred`},
		{`flags !# "s"`, `not starred`},
		{`flags = ""`, `not starred`},
		{`unread = "yes" and age < 3`, `unread = yes and age < 3`},
		{`unread = "yes" and age < 3 and flags # "x"`, `unread = yes and age < 3 and starred`},
		{`unread = "yes" or age < 3 and flags # "x"`, `unread = yes or (age < 3 and starred)`},
		{`unread = "yes" and age < 3 or flags # "x"`, `unread = yes and (age < 3 or starred)`},
		{`( author =~ "Frank" or author =~ "John" ) and ( title =~ "Linux" or title =~ "FreeBSD" )`,
			`(author =~ "Frank" or author =~ "John") and (title =~ "Linux" or title =~ "FreeBSD")`},
	}
	for _, tt := range good {
		got, err := TranslateFilter(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%s\n got %s, %v\nwant %s", tt.in, got, err, tt.want)
			continue
		}
		if _, err := filter.Parse(got); err != nil {
			t.Errorf("%s: byline refuses %s: %v", tt.in, got, err)
		}
	}
	bad := []struct{ in, want string }{
		{`link =~ "x"`, "newsboat's link has no equivalent in byline"},
		{`unread_count > 0`, "newsboat's unread_count has no equivalent in byline"},
		{`feedlink = "x"`, "newsboat's feedlink has no equivalent"},
		{`published = "x"`, `unknown attribute "published"`},
		{`title = "x`, "a quoted value is not closed"},
		{`title "x"`, `expected an operator after title, not "x"`},
		{`(title = "x"`, "expected ), not the end"},
		{`title = "x")`, `unexpected ")" after the expression`},
		{`title = "x" and`, "expected an attribute, not the end"},
		{`unread = "maybe"`, "byline cannot read it as unread = maybe"},
		{`flags = "s"`, "byline's one flag is starred"},
		{`age between 1`, "between needs a range A:B"},
		{`tags = "a b"`, "compares a whole list of tags"},
		{strings.Repeat("(", 40) + `age < 1` + strings.Repeat(")", 40), "nested too deeply"},
		{strings.Repeat("x", filter.MaxLen+1), "too long"},
		{`title ~ "x"`, `unexpected "~"`},
	}
	for _, tt := range bad {
		got, err := TranslateFilter(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.60s: got %q, %v; want an error with %q", tt.in, got, err, tt.want)
		}
	}
}

func TestTranslateTags(t *testing.T) {
	got, err := TranslateFilter(`tags # "tech" and tags !# "slow"`)
	want := `tag = "tech" and tag != "slow"`
	if _, tagErr := filter.Parse(`tag = "t"`); tagErr != nil {
		// Without byline's tag field, the translation is refused with why.
		if err == nil || !strings.Contains(err.Error(), "byline cannot read it as "+want) {
			t.Errorf("got %q, %v", got, err)
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

func FuzzTranslateFilter(f *testing.F) {
	f.Add(`unread = "yes" or age < 3 and flags # "x"`)
	f.Add(`( author =~ "Frank" or tags # "a b" ) and age between 1:5`)
	f.Add(`title !~ "\d+" and feedtitle == "x\"y"`)
	f.Fuzz(func(t *testing.T, expr string) {
		got, err := TranslateFilter(expr)
		if err != nil {
			return
		}
		if _, err := filter.Parse(got); err != nil {
			t.Fatalf("%q became %q, which byline refuses: %v", expr, got, err)
		}
	})
}
