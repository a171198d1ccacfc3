package failures

import (
	"fmt"
	"strings"
	"testing"
)

func TestGroupsByCause(t *testing.T) {
	var g Groups
	if g.String() != "" || g.Len() != 0 {
		t.Fatalf("empty: %q", g.String())
	}
	for i := range 400 {
		g.Add("connection refused", fmt.Sprintf("https://site%d.example/feed", i))
	}
	for i := range 12 {
		g.Add("HTTP 404 Not Found", fmt.Sprintf("https://gone%d.example/rss", i%2))
	}
	g.Add("timeout", "https://slow.example/feed")
	want := "413 failed: 400 connection refused (e.g. site0.example, site1.example, site2.example, …), " +
		"12 HTTP 404 Not Found (e.g. gone0.example, gone1.example, …), 1 timeout (slow.example)"
	if got := g.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if g.Len() != 413 {
		t.Errorf("len %d", g.Len())
	}
}

func TestOneCauseAndManyCauses(t *testing.T) {
	var one Groups
	one.Add("HTTP 500 Internal Server Error", "https://a.example/feed")
	if got := one.String(); got != "1 failed: HTTP 500 Internal Server Error (a.example)" {
		t.Errorf("one: %q", got)
	}
	var many Groups
	for i := range 6 {
		for range 6 - i {
			many.Add(fmt.Sprintf("cause %d\nsecond line", i), "not a url")
		}
	}
	got := many.String()
	if !strings.HasPrefix(got, "21 failed: 6 cause 0 second line (e.g. not a url, …), 5 cause 1") ||
		!strings.HasSuffix(got, ", 6 for 3 other reasons") {
		t.Errorf("many: %q", got)
	}
}
