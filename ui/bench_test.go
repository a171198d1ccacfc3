package ui

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/headlines"
	"github.com/byline-reader/byline/ui/service"
)

// BenchmarkKeyPress is one key press on a list of 100,000 and of 500,000
// articles: Update and View, the work between a key and its frame (the
// goal is 2 ms at 500,000).
func BenchmarkKeyPress(b *testing.B) {
	for _, n := range []int{100_000, 500_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			h := newHarness(b, newFake(n), 120, 40)
			h.send(press("G"), press("ctrl+u"), press("ctrl+u"))
			benchKeys(b, h, press("j"), press("k"))
		})
	}
}

// BenchmarkFilterKeyPress is one typed character of a `/` filter on a
// 100,000-article list: Update and View. The library is asked by a
// command after typing pauses, never here.
func BenchmarkFilterKeyPress(b *testing.B) {
	h := newHarness(b, newFake(100_000), 120, 40)
	h.send(press("/"))
	benchKeys(b, h, press("9"), press("backspace"))
}

// BenchmarkFilterLands is the app's part of a filter's answer: the pause's
// timer, the first window of the new query landing (400 headlines), and
// the frame.
func BenchmarkFilterLands(b *testing.B) {
	h := newHarness(b, newFake(100_000), 120, 40)
	h.send(press("/"), press("9"))
	arts, _ := newFake(headlines.WindowSize).Articles(context.Background(), model.ArticleQuery{})
	texts := []string{"9", "99"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := h.m.(App)
		seq, _ := a.list.TypeFilter(texts[i%2])
		m, _ := a.Update(filterTickMsg{seq: seq})
		m, _ = m.Update(service.WindowMsg{Gen: m.(App).list.Gen(), Articles: arts, Total: 10_000})
		_ = m.(App).View()
		h.m = m
	}
}

// BenchmarkFirstFrame is start to first full frame over 50,000 articles:
// New, Init's loads, the window size, View.
func BenchmarkFirstFrame(b *testing.B) {
	lib := newFake(50_000)
	b.ReportAllocs()
	for b.Loop() {
		h := newHarness(b, lib, 120, 40)
		if !strings.Contains(h.app().View().Content, "Headline number 1") {
			b.Fatal("no headlines in the first frame")
		}
	}
}

// BenchmarkReaderFirstFrame opens an extracted 4,000-word article: from
// enter to the reader's first frame (the header, with the body rendering
// in a command).
func BenchmarkReaderFirstFrame(b *testing.B) {
	lib := newFake(100)
	lib.body = testarticle.Words4000()
	h := newHarness(b, lib, 120, 40)
	r, _ := lib.OpenArticle(context.Background(), 1)
	msg := service.ArticleMsg{Reading: r} // no doc: the body as Glamour lays it out
	b.ReportAllocs()
	for b.Loop() {
		m, _ := h.m.Update(press("enter"))
		a := m.(App)
		msg.Seq = a.reader.Seq()
		m, _ = a.Update(msg)
		_ = m.(App).View()
		m, _ = m.Update(press("esc"))
		h.m = m
	}
}

// BenchmarkReaderScroll is one line of scrolling through a rendered
// 4,000-word article.
func BenchmarkReaderScroll(b *testing.B) {
	lib := newFake(10)
	lib.body = testarticle.Words4000()
	h := newHarness(b, lib, 120, 40).send(press("enter"))
	benchKeys(b, h, press("j"), press("j"), press("k"))
}

func TestMemoryWith100kArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	used := heapHeld(func() any {
		h := newHarness(t, newFake(100_000), 160, 50)
		for _, k := range []string{"G", "g", "ctrl+d", "ctrl+d", "/"} {
			h.send(press(k))
		}
		return h
	})
	t.Logf("heap held by the app over 100,000 articles: %.1f MiB", float64(used)/(1<<20))
	if used > 80<<20 {
		t.Fatalf("the app holds %d MiB", used>>20)
	}
}

// benchKeys is the benchmark of pressing keys in turn: each Update and
// the frame after it.
func benchKeys(b *testing.B, h *harness, keys ...tea.Msg) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m, _ := h.m.Update(keys[i%len(keys)])
		h.m = m
		_ = m.(App).View()
	}
}

// heapHeld is the heap that what build returns holds, measured between
// two collections.
func heapHeld(build func() any) int64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	kept := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// BenchmarkReaderFocusQuote is one n: the focus moves, the screen is drawn.
func BenchmarkReaderFocusQuote(b *testing.B) {
	lib := newFake(10)
	lib.body = testarticle.Quotes4000()
	h := newHarness(b, lib, 120, 40).send(press("enter"))
	benchKeys(b, h, press("n"), press("n"), press("N"))
}
