package greader

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestItemIDsCatchTiesAcrossPages: a server paging by offset over a sort
// whose tied items swap places from one query to the next (as Miniflux's
// sort by published date does) still gives every id once.
func TestItemIDsCatchTiesAcrossPages(t *testing.T) {
	const total, page = 40, 10
	queries := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		order := make([]int, total)
		for i := range order {
			order[i] = i + 1
		}
		queries++
		if queries%2 == 0 { // items 10 and 11 tie, and swap
			order[9], order[10] = order[10], order[9]
		}
		from, _ := strconv.Atoi(r.URL.Query().Get("c"))
		to := min(from+page, total)
		var refs []string
		for _, id := range order[from:to] {
			refs = append(refs, fmt.Sprintf(`{"id":"%d"}`, id))
		}
		next := ""
		if to < total {
			next = fmt.Sprintf(`,"continuation":"%d"`, to)
		}
		fmt.Fprintf(w, `{"itemRefs":[%s]%s}`, strings.Join(refs, ","), next)
	}))
	defer srv.Close()
	c, err := New(srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.SetToken("t")
	ids, err := c.ItemIDs(context.Background(), StreamReadingList, "")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	if len(ids) != total || len(seen) != total {
		t.Errorf("%d ids, %d different; want all %d once", len(ids), len(seen), total)
	}
}
