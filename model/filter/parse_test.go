package filter

import (
	"errors"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	long := strings.Repeat("a", MaxLen+1)
	deep := strings.Repeat("(", MaxDepth+1) + "unread" + strings.Repeat(")", MaxDepth+1)
	many := strings.TrimSuffix(strings.Repeat("unread and ", MaxConds+1), " and ")
	for _, tc := range []struct {
		in   string
		col  int
		want string
	}{
		{"", 1, "empty filter"},
		{"   ", 1, "empty filter"},
		{"unread and titel = x", 12, `unknown field "titel" (title, author, feed, folder, content, age, published, unread, starred, highlighted, quotes, speaker, account, tag)`},
		{"title = ", 9, "expected a value after =, not the end"},
		{"author =~ ", 11, "expected a value after =~"},
		{"title =~ \"(abc\"", 10, "bad regexp: missing closing ): `(abc`"},
		{"title =~ \"a**\"", 10, "bad regexp: invalid nested repetition operator: `**`"},
		{"title < x", 7, "< does not apply to title (a text: =, !=, =~, !~, #, !#)"},
		{"folder > 3", 8, "> does not apply to folder"},
		{"content <= 3", 9, "<= does not apply to content"},
		{"quotes =~ 3", 8, "=~ does not apply to quotes (a number"},
		{"age # 3", 5, "# does not apply to age (days"},
		{"unread < yes", 8, "< does not apply to unread (yes or no"},
		{"title between a:b", 7, "between does not apply to title"},
		{"(unread and starred", 1, "this ( is not closed"},
		{"unread)", 7, "unexpected ) (no ( opened it)"},
		{"(unread starred)", 9, `expected ) or and, or, not "starred"`},
		{"unread starred", 8, `expected and, or, or the end, not "starred"`},
		{"title", 6, "expected an operator after title (a text: =, !=, =~, !~, #, !#), not the end"},
		{"quotes x 3", 8, "expected an operator after quotes"},
		{"= 3", 1, "expected a field"},
		{"unread and", 11, "expected a field (title, author"},
		{"not", 4, "expected a field"},
		{`title = "abc`, 9, "a string opened here is not closed"},
		{"title ! x", 7, `unexpected "!"`},
		{"title ~ x", 7, `unexpected "~"`},
		{"quotes > many", 10, `quotes needs a number, not "many"`},
		{"quotes > NaN", 10, `quotes needs a number`},
		{"age < 1e999", 7, `age needs a number of days`},
		{"published > yesterday", 13, `published needs a date like 2026-11-30 or "2026-11-30 14:30", not "yesterday"`},
		{"published between 2026-01-01:soon", 30, `published needs a date`},
		{"unread = maybe", 10, `unread is yes or no (true, false, 1, 0), not "maybe"`},
		{"age between 1 3", 15, "between needs two values as A:B"},
		{"age between 1:", 15, "expected a value after :"},
		{"age between :3", 13, "expected a value after between"},
		{`content # "--"`, 11, `content # needs words to look for, not "--"`},
		{"title = x and ((", 17, "expected a field"},
		{"ünread = yes", 1, `unknown field "ünread"`},
		{"title = x or ünread = y", 14, `unknown field "ünread"`},
		{"#", 1, "# starts a tag: write its name right after it"},
		{`# "x"`, 1, "# starts a tag"},
		{"unread and # news", 12, "or put a field before it (folder # news)"},
		{"(#)", 2, "# starts a tag"},
		{`#""`, 2, "a tag needs a name"},
		{"#news #tech", 7, `expected and, or, or the end, not #`},
		{"!#news", 1, "expected a field"},
		{"folder #", 9, "expected a value after #, not the end"},
		{"tag > x", 5, "> does not apply to tag (a list"},
		{long, 1, "too long"},
		{deep, MaxDepth + 1, "nested too deeply"},
		{many, 11*MaxConds + 1, "too many conditions"},
	} {
		_, err := Parse(tc.in)
		var fe *Error
		if !errors.As(err, &fe) {
			t.Errorf("Parse(%.40q) = %v, want an *Error", tc.in, err)
			continue
		}
		if fe.Col != tc.col || !strings.Contains(fe.Msg, tc.want) {
			t.Errorf("Parse(%.40q) = %q, want column %d: …%s…", tc.in, err, tc.col, tc.want)
		}
	}
}

func TestParseShapes(t *testing.T) {
	e, err := Parse(`unread and not starred or (title =~ "x" and quotes between 1:3)`)
	if err != nil {
		t.Fatal(err)
	}
	or, ok := e.(*Or)
	if !ok {
		t.Fatalf("top is %T, want *Or (and binds tighter)", e)
	}
	and := or.L.(*And)
	if c := and.L.(*Cond); c.Field != Unread || !c.Bool || c.Op != Eq {
		t.Errorf("bare unread = %+v", c)
	}
	if n := and.R.(*Not); n.X.(*Cond).Field != Starred {
		t.Errorf("not starred = %+v", n)
	}
	right := or.R.(*And)
	if c := right.R.(*Cond); c.Op != Between || c.Num != 1 || c.Num2 != 3 {
		t.Errorf("between = %+v", c)
	}
	for in, want := range map[string]struct {
		op     Op
		negate bool
	}{
		"title = x": {Eq, false}, "title != x": {Eq, true}, "title =~ x": {Match, false},
		"title !~ x": {Match, true}, "folder # x": {Has, false}, "folder !# x": {Has, true},
		"age < 1": {Lt, false}, "age > 1": {Gt, false}, "age <= 1": {Le, false}, "age >= 1": {Ge, false},
		"AGE BETWEEN 1:2": {Between, false}, "Unread = NO": {Eq, false},
	} {
		e, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if c := e.(*Cond); c.Op != want.op || c.Negate != want.negate {
			t.Errorf("Parse(%q) = op %v negate %v, want %v %v", in, c.Op, c.Negate, want.op, want.negate)
		}
	}
}

func TestParseValues(t *testing.T) {
	c := mustCond(t, `title = "say \"hi\" \\ \d"`)
	if c.Str != `say "hi" \ \d` {
		t.Errorf("escapes: %q", c.Str)
	}
	if c := mustCond(t, `author = née`); c.Str != "née" {
		t.Errorf("bare word: %q", c.Str)
	}
	for in, want := range map[string]bool{"unread = yes": true, "unread = TRUE": true, "unread = 1": true,
		"unread = no": false, "unread = false": false, "unread = 0": false, "unread": true} {
		if c := mustCond(t, in); c.Bool != want {
			t.Errorf("%s: Bool = %v", in, c.Bool)
		}
	}
	if c := mustCond(t, "quotes >= -2.5"); c.Num != -2.5 {
		t.Errorf("number: %v", c.Num)
	}
	if c := mustCond(t, `content # "Climate change!"`); strings.Join(c.words, "|") != "Climate|change" {
		t.Errorf("content words: %q", c.words)
	}
}

// #name is tag = name where a condition starts, and # the operator
// contains after a field.
func TestParseTag(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // the tree, as show prints it
	}{
		{"#tech", "tag=tech"},
		{"#TECH", "tag=TECH"},
		{`#"two words"`, "tag=two words"},
		{"#c++", "tag=c++"},
		{"#and", "tag=and"},
		{"#tech and unread", "(tag=tech and unread=true)"},
		{"unread or #tech", "(unread=true or tag=tech)"},
		{"not #tech", "not tag=tech"},
		{"(#a or #b) and #c", "((tag=a or tag=b) and tag=c)"},
		{"(#news)", "tag=news"},
		{"folder # news", "folder#news"},
		{"folder #news", "folder#news"},
		{"folder !# news and #x", "(not folder#news and tag=x)"},
		{"tag = news", "tag=news"},
		{"tag # news", "tag#news"},
		{"#é", "tag=é"},
	} {
		e, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := show(e); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// show prints a tree compactly, for the tests.
func show(e Expr) string {
	switch x := e.(type) {
	case *And:
		return "(" + show(x.L) + " and " + show(x.R) + ")"
	case *Or:
		return "(" + show(x.L) + " or " + show(x.R) + ")"
	case *Not:
		return "not " + show(x.X)
	case *Cond:
		s := x.Field.String() + map[Op]string{Eq: "=", Has: "#", Match: "=~"}[x.Op]
		if x.Negate {
			s = "not " + s
		}
		if x.Field.Kind() == KindBool {
			return s + map[bool]string{true: "true", false: "false"}[x.Bool]
		}
		return s + x.Str
	}
	return "?"
}

func mustCond(t *testing.T, s string) *Cond {
	t.Helper()
	e, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return e.(*Cond)
}

func TestLooksLikeExpr(t *testing.T) {
	for in, want := range map[string]bool{
		"climate change": false, "title =~ climate": true, "unread and age < 3": true,
		"unread and starred": true, "not starred": true, "age between 1:3": true,
		"between the lines": false, "C# tips": false, "unread": false, "title": false,
		"the title = wrong": true, `title = "open`: false, "(starred)": false,
		"not the end": false, "folder#news": true,
		"#tech": true, `#"two words"`: true, "unread and #tech": true, "not #tech": true,
		"(#tech or #news)": true, "# tech": false, "#": false, "news #tech": false,
		"C#": false, "tag = x": true,
	} {
		if got := LooksLikeExpr(in); got != want {
			t.Errorf("LooksLikeExpr(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"unread and age < 3", `title =~ "(?i)clim\d+" or not feed = x`,
		`published between 2026-01-01:"2026-02-01 10:00"`, `speaker # "Jane Doe" and quotes > 2`,
		`((content # "a b" ))`, `folder !# news`, "\"", "(((", "title = \xff",
		`#tech and not (#"two words" or folder # "News/World")`, "# x", "#", `#""`, "#(", "a #b", "tag =~ ^t"} {
		f.Add(s)
	}
	now := testNow
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) || fe.Col < 1 || fe.Col > len([]rune(s))+1 {
				t.Fatalf("Parse(%q): error %v has no column within the input", s, err)
			}
			return
		}
		Eval(e, Record{Title: s, Content: s, Speakers: []string{s}, Folders: []string{s}, Tags: []string{s}, Now: now})
		walk(e, func(c *Cond) {
			c.IndexWords()
			c.RegexpLiteral()
			c.TimeRange(now)
		})
		LooksLikeExpr(s)
	})
}

func walk(e Expr, fn func(*Cond)) {
	switch x := e.(type) {
	case *And:
		walk(x.L, fn)
		walk(x.R, fn)
	case *Or:
		walk(x.L, fn)
		walk(x.R, fn)
	case *Not:
		walk(x.X, fn)
	case *Cond:
		fn(x)
	}
}
