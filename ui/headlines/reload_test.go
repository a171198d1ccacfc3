package headlines

import "testing"

// TestReloadChasesTheSelection: when more new headlines arrive above the
// cursor than the reloaded window holds, the cursor follows the selected
// one down to the window that has it.
func TestReloadChasesTheSelection(t *testing.T) {
	l := New("All articles")
	l.AskWindow(20)
	l.SetWindow(0, 1000, window(0, WindowSize), 20)
	l.SelectRow(30, 20)
	row := l.Cursor() - l.Offset()
	sel, _ := l.Selected()
	start, ok := l.Reload(20)
	if !ok || start != 0 {
		t.Fatalf("reload from %d %v", start, ok)
	}
	// 600 new ones on top: the window from 0 holds only new headlines.
	l.SetWindow(0, 1600, window(5000, WindowSize), 20)
	start, ok = l.AskWindow(20)
	if !ok || start > 630 || start+WindowSize <= 630 {
		t.Fatalf("the next window, from %d (%v), does not reach row 630", start, ok)
	}
	l.SetWindow(start, 1600, append(window(5000+start, 600-start), window(0, WindowSize-(600-start))...), 20)
	if got, _ := l.Selected(); got.ID != sel.ID || l.Cursor()-l.Offset() != row {
		t.Fatalf("selected %d at row %d, want %d at row %d", got.ID, l.Cursor()-l.Offset(), sel.ID, row)
	}
}

// TestReloadChasesOnce: a selected headline that is gone is not chased
// twice, and a later window leaves the cursor alone.
func TestReloadChasesOnce(t *testing.T) {
	l := New("All articles")
	l.AskWindow(20)
	l.SetWindow(0, 1000, window(0, WindowSize), 20)
	l.SelectRow(30, 20)
	l.Reload(20)
	l.SetWindow(0, 1600, window(5000, WindowSize), 20)
	start, _ := l.AskWindow(20)
	l.SetWindow(start, 1600, window(9000, WindowSize), 20) // it is not there either
	cursor := l.Cursor()
	l.SelectRow(cursor+5, 20)
	if l.Cursor() != cursor+5 {
		t.Fatalf("the cursor is stuck at %d", l.Cursor())
	}
	// A window with the old selection in it no longer moves the cursor.
	l.SetWindow(0, 1600, window(0, WindowSize), 20)
	if l.Cursor() != cursor+5 {
		t.Fatalf("a stale anchor moved the cursor to %d", l.Cursor())
	}
}

// TestReloadWithFewNew: a few new headlines above the selection, all in
// the reloaded window: no chase, no window asked for.
func TestReloadWithFewNew(t *testing.T) {
	l := New("All articles")
	l.AskWindow(20)
	l.SetWindow(0, 1000, window(0, WindowSize), 20)
	l.SelectRow(30, 20)
	l.Reload(20)
	l.SetWindow(0, 1004, append(window(7000, 4), window(0, WindowSize-4)...), 20)
	if sel, _ := l.Selected(); sel.ID != 31 || l.Cursor() != 34 {
		t.Fatalf("selected %d at %d", sel.ID, l.Cursor())
	}
	if _, ok := l.AskWindow(20); ok {
		t.Fatal("a window asked for without need")
	}
}
