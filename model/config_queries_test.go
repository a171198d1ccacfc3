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
	for _, q := range cfg.Queries {
		names = append(names, q.Name)
		if q.Err != nil {
			t.Errorf("%s: %v", q.Name, q.Err)
		}
	}
	if got := strings.Join(names, ","); got != "long-reads,b.dotted,apples" {
		t.Fatalf("order %s", got)
	}
	if q, ok := cfg.Query("long-reads"); !ok || q.Filter != `age < 3 and content =~ "climate"` {
		t.Fatalf("long-reads: %+v", q)
	}
	if _, ok := cfg.Query("nope"); ok {
		t.Fatal("found a query not there")
	}
}

// A bad query is kept with its error, naming it and the column; it does
// not make the configuration an error.
func TestBadSavedQueryIsKeptWithItsError(t *testing.T) {
	cfg, err := ParseConfig([]byte("[queries]\ngood = \"unread\"\nbad = \"titel = x\"\nnum = 3\n\"\\u001b[31mred\" = \"starred\"\n"))
	if err != nil {
		t.Fatalf("a bad query is not a configuration error: %v", err)
	}
	if len(cfg.Queries) != 4 {
		t.Fatalf("queries %+v", cfg.Queries)
	}
	bad, _ := cfg.Query("bad")
	var fe *filter.Error
	if !errors.As(bad.Err, &fe) || fe.Col != 1 || !strings.Contains(bad.Err.Error(), `query "bad": column 1: `) {
		t.Fatalf("bad: %v", bad.Err)
	}
	if num, _ := cfg.Query("num"); num.Err == nil || !strings.Contains(num.Err.Error(), "quoted string") {
		t.Fatalf("num: %v", num.Err)
	}
	for _, q := range cfg.Queries {
		if strings.ContainsRune(q.Name, 0x1b) {
			t.Fatalf("name not cleaned: %q", q.Name)
		}
	}
	if _, err := ParseConfig([]byte("queries = 3\n")); err == nil {
		t.Fatal("queries must be a table")
	}
}
