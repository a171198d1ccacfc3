package filter

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.Local)

func TestEval(t *testing.T) {
	r := Record{
		Title: "Climate talks stall", Author: "Jane Doe",
		Content: "Leaders met in Bonn. The climate-change talks stalled; naïve hopes faded.",
		FeedURL: "https://news.example/feed", FeedTitle: "The Example News",
		Folders: []string{"News/World", "News"}, Tags: []string{"Science", "two words"}, Account: "",
		Time:   testNow.Add(-36 * time.Hour),
		Unread: true, Quotes: 3, Speakers: []string{"António Guterres", "Jane Doe"},
		Now: testNow,
	}
	for in, want := range map[string]bool{
		// strings
		`title = "climate talks STALL"`: true, `title = climate`: false, `title != climate`: true,
		`title # TALKS`: true, `title !# talks`: false, `title =~ "^clim"`: true,
		`title =~ "(?-i)^clim"`: false, `title !~ stall$`: false, `author = "jane doe"`: true,
		// feed: URL or title
		`feed = "https://news.example/feed"`: true, `feed = "the example news"`: true,
		`feed # example`: true, `feed =~ "^https://"`: true, `feed != "other"`: true,
		// account: "" for byline's own
		`account = ""`: true, `account = work`: false,
		// lists
		`folder # news`: true, `folder = "news/world"`: true, `folder = world`: false, `folder # new`: false,
		`folder !# news`: false, `folder =~ "^new"`: true, `folder =~ "/world$"`: true, `folder = "news/"`: false,
		`folder = ""`: false, `folder != ""`: true, `folder = science`: false,
		`tag = science`: true, `tag # SCIENCE`: true, `tag != science`: false, `tag = sci`: false,
		`tag =~ "^two w"`: true, `tag !~ "^s"`: false, `tag = news`: false,
		`#science`: true, `#Science and #"TWO WORDS"`: true, `#news`: false, `not #news`: true,
		`#world or folder # news`: true, `(#sci or #science) and unread`: true, `speaker # "antónio guterres"`: true, `speaker # "ANTÓNIO guterres"`: false,
		`speaker =~ guterres`: true, `speaker != "jane doe"`: false,
		// content: whole words in order
		`content # climate`: true, `content # "climate change"`: true, `content # "change climate"`: false,
		`content # clim`: false, `content = "NAÏVE hopes"`: true, `content # bonn`: true,
		`content =~ "met in \\w+"`: true, `content !# climate`: false,
		// numbers, times, bools
		`quotes = 3`: true, `quotes != 3`: false, `quotes > 2`: true, `quotes < 3`: false,
		`quotes <= 3`: true, `quotes >= 4`: false, `quotes between 3:5`: true, `quotes between 4:5`: false,
		`age < 2`: true, `age > 1.4`: true, `age > 1.5`: false, `age >= 1.5`: true, `age <= 1.5`: true,
		`age = 1.5`: true, `age between 1:2`: true, `age between 2:3`: false,
		`unread`: true, `unread = no`: false, `unread != yes`: false, `starred`: false, `not starred`: true,
		`highlighted = no`: true,
		// logic
		`unread and (starred or quotes > 1)`: true, `not (unread and starred)`: true, `starred or age > 3`: false,
	} {
		e, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if got := Eval(e, r); got != want {
			t.Errorf("Eval(%s) = %v, want %v", in, got, want)
		}
	}
}

func TestFolderList(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "News": "News", "News/World": "News/World|News",
		" News / World /x": "News/World/x|News/World|News", "//": "",
	} {
		if got := strings.Join(FolderList(in), "|"); got != want {
			t.Errorf("FolderList(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEvalPublished(t *testing.T) {
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.Local)
	at := func(h, m int) Record {
		return Record{Time: day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)}
	}
	for _, tc := range []struct {
		expr string
		rec  Record
		want bool
	}{
		{"published = 2026-11-30", at(0, 0), true},
		{"published = 2026-11-30", at(23, 59), true},
		{"published = 2026-11-30", at(24, 0), false},
		{"published < 2026-11-30", at(0, 0), false},
		{"published <= 2026-11-30", at(23, 59), true},
		{"published > 2026-11-30", at(23, 59), false},
		{"published > 2026-11-30", at(24, 0), true},
		{"published >= 2026-11-30", at(0, 0), true},
		{`published = "2026-11-30 14:30"`, at(14, 30), true},
		{`published = "2026-11-30T14:30"`, at(14, 31), false},
		{`published between 2026-11-29:2026-11-30`, at(23, 0), true},
		{`published between "2026-11-30 10:00":"2026-11-30 11:00"`, at(11, 0), true},
		{`published between "2026-11-30 10:00":"2026-11-30 11:00"`, at(11, 1), false},
		{`published != 2026-11-30`, at(12, 0), false},
		{`published < 2026-11-30`, Record{}, true}, // no date at all: the epoch
	} {
		e, err := Parse(tc.expr)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.expr, err)
		}
		if got := Eval(e, tc.rec); got != tc.want {
			t.Errorf("Eval(%s) at %v = %v, want %v", tc.expr, tc.rec.Time, got, tc.want)
		}
	}
}

func TestIndexWordsAndLiteral(t *testing.T) {
	for in, want := range map[string]string{
		`content # "climate change"`:          "climate change phrase",
		`content # "café society"`:            "society",
		`content =~ "the climate deal"`:       "climate",
		`content =~ "(?-i)the Kiosk deal is"`: "Kiosk deal",
		`content =~ "the kiosk deal is"`:      "deal",
		`content =~ "a|b c d"`:                "",
		`title =~ x`:                          "",
	} {
		ws, phrase := mustCond(t, in).IndexWords()
		got := strings.Join(ws, " ")
		if phrase {
			got += " phrase"
		}
		if got != want {
			t.Errorf("IndexWords(%s) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		`title =~ "Climate talks"`:      "climate tal|fold",
		`title =~ "(?-i)Climate talks"`: "Climate talks|",
		`title =~ "ab+c(de)+x*"`:        "de|fold",
		`title =~ "a|b"`:                "|",
		`title =~ "(?-i)\x{FFFD}x"`:     "|",
	} {
		lit, fold := mustCond(t, in).RegexpLiteral()
		got := lit + "|"
		if fold {
			got += "fold"
		}
		if got != want {
			t.Errorf("RegexpLiteral(%s) = %q, want %q", in, got, want)
		}
	}
}

// The literal a regexp requires is in every text it matches: the store
// relies on it to look for the literal before running the regexp.
func TestRegexpLiteralIsRequired(t *testing.T) {
	texts := []string{"Climate TALKS stall", "clim\u212Ate", "the ſtory", "DeDe", "ab", "x\xffy"}
	for _, pattern := range []string{"climate talks", "(?-i)Clim", "story", "(de)+", "a(b|c)", "(?-i)x.y", "te"} {
		c := &Cond{Field: Title, Op: Match, Re: regexp.MustCompile("(?i)" + pattern)}
		lit, fold := c.RegexpLiteral()
		for _, text := range texts {
			hay := text
			if fold {
				hay = LowerASCII(text)
			}
			if c.Re.MatchString(text) && !strings.Contains(hay, lit) {
				t.Errorf("%q matches %q but lacks its literal %q", pattern, text, lit)
			}
		}
	}
}
