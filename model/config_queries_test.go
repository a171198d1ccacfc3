package model

import (
	"errors"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model/filter"
)

func TestSavedQueriesKeepTheFileOrder(t *testing.T) {
	cfg, err := ParseConfig([]byte(`
theme = "dark"

[queries]
long-reads = "age < 3 and content =~ \"climate\""
"b.dotted" = 'starred'
apples = "unread and title # apple"

[fetch]
workers = 4
`))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	qs := cfg.SavedQueries()
	for _, q := range qs {
		names = append(names, q.Name)
		if q.Err != nil {
			t.Errorf("%s: %v", q.Name, q.Err)
		}
	}
	if got := strings.Join(names, ","); got != "long-reads,b.dotted,apples" {
		t.Fatalf("order %s", got)
	}
	if qs[0].Filter != `age < 3 and content =~ "climate"` {
		t.Fatalf("long-reads: %+v", qs[0])
	}
	byHand := Config{Queries: map[string]string{"b": "starred", "a": "unread"}}
	if qs := byHand.SavedQueries(); len(qs) != 2 || qs[0].Name != "a" {
		t.Fatalf("a Config not parsed lists by name: %+v", qs)
	}
}

// A bad query is kept with its error, naming it and the column; it does
// not make the configuration an error.
func TestBadSavedQueryIsKeptWithItsError(t *testing.T) {
	cfg, err := ParseConfig([]byte("[queries]\ngood = \"unread\"\nbad = \"titel = x\"\n\"\\u001b[31mred\" = \"starred\"\n"))
	if err != nil {
		t.Fatalf("a bad query is not a configuration error: %v", err)
	}
	qs := cfg.SavedQueries()
	if len(qs) != 3 || qs[0].Err != nil {
		t.Fatalf("queries %+v", qs)
	}
	var fe *filter.Error
	if !errors.As(qs[1].Err, &fe) || fe.Col != 1 || !strings.Contains(qs[1].Err.Error(), `query "bad": column 1: `) {
		t.Fatalf("bad: %v", qs[1].Err)
	}
	if strings.ContainsRune(qs[2].Name, 0x1b) {
		t.Fatalf("name not cleaned: %q", qs[2].Name)
	}
	if _, err := ParseConfig([]byte("[queries]\nnum = 3\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("an expression is a string: %v", err)
	}
}
