package headlines

import (
	"testing"

	"github.com/byline-reader/byline/model"
)

// window is n made-up headlines from start, numbered from 1.
func window(start, n int) []model.Article {
	arts := make([]model.Article, n)
	for i := range arts {
		arts[i] = model.Article{ID: int64(start + i + 1)}
	}
	return arts
}

func TestAWindowAroundTheCursor(t *testing.T) {
	l := New("All articles")
	start, ok := l.AskWindow(20)
	if !ok || start != 0 || !l.Inflight() {
		t.Fatalf("the first window: %d %v", start, ok)
	}
	if _, ok := l.AskWindow(20); ok {
		t.Fatal("one window on its way at a time")
	}
	l.SetWindow(0, 100_000, window(0, WindowSize), 20)
	if _, ok := l.AskWindow(20); ok || l.Count() != 100_000 || l.Held() != WindowSize {
		t.Fatalf("the rows on screen are loaded: count %d, held %d", l.Count(), l.Held())
	}
	l.SelectRow(50_000, 20)
	start, ok = l.AskWindow(20)
	if !ok || start != 50_000-WindowSize/2 {
		t.Fatalf("a window around the cursor: %d %v", start, ok)
	}
	if _, ok := l.At(50_000); ok {
		t.Fatal("a row not loaded is not there")
	}
}

// TestReloadKeepsTheSelection: new headlines arriving above the cursor
// leave the selected one on its screen row.
func TestReloadKeepsTheSelection(t *testing.T) {
	l := New("All articles")
	l.AskWindow(20)
	l.SetWindow(0, 100, window(0, 100), 20)
	l.SelectRow(5, 20)
	if start, ok := l.Reload(20); !ok || start != 0 {
		t.Fatalf("reload from %d %v", start, ok)
	}
	l.SetWindow(0, 110, append(window(1000, 10), window(0, 100)...), 20)
	if sel, _ := l.Selected(); sel.ID != 6 || l.Cursor()-l.Offset() != 5 {
		t.Fatalf("selected %d at row %d", sel.ID, l.Cursor()-l.Offset())
	}
}

// TestFilterKeepsItsRowsUntilItsWindow: a new filter's query is a new
// generation; the old rows show until its first window lands at the top.
func TestFilterKeepsItsRowsUntilItsWindow(t *testing.T) {
	l := New("All articles")
	l.AskWindow(20)
	l.SetWindow(0, 100, window(0, 100), 20)
	l.SelectRow(30, 20)
	gen := l.Gen()
	if _, differs := l.TypeFilter("  "); differs {
		t.Fatal("a blank filter is no filter")
	}
	if _, differs := l.TypeFilter("x"); !differs || !l.ApplyFilter() || l.Gen() == gen || !l.Filtering() {
		t.Fatalf("the filter is a new query: gen %d→%d", gen, l.Gen())
	}
	if l.Count() != 100 || l.Cursor() != 30 {
		t.Fatal("the old rows stay meanwhile")
	}
	if start, ok := l.AskWindow(20); !ok || start != 0 {
		t.Fatalf("the new query's first window: %d %v", start, ok)
	}
	l.SetWindow(0, 3, window(500, 3), 20)
	if l.Cursor() != 0 || l.Count() != 3 || l.Filtering() || l.Query().Text != "x" {
		t.Fatalf("cursor %d, %d rows", l.Cursor(), l.Count())
	}
	if !l.ClearFilter() || l.Query().Text != "" || l.Filtered() {
		t.Fatal("clearing the filter is a new query too")
	}
}

func TestSearchResultsInPlaceOfTheView(t *testing.T) {
	l := New("All articles")
	l.ShowResults("harbor", window(0, 2))
	if q, ok := l.Search(); !ok || q != "harbor" || l.Count() != 2 {
		t.Fatalf("results %q %v, %d rows", q, ok, l.Count())
	}
	read := true
	if !l.Mark(2, &read, nil) || l.Mark(2, &read, nil) {
		t.Fatal("a mark changes a result once")
	}
	if _, ok := l.AskWindow(20); ok {
		t.Fatal("no window while results show")
	}
	l.ClearSearch(20)
	if _, ok := l.Search(); ok {
		t.Fatal("cleared")
	}
}
