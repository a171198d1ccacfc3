package progress

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/reader"
)

// Line redraws one line on a terminal (the command line's stderr), a few
// times a second, in the words of the app's status line: the progress of
// `byline refresh`, `byline sync` and `byline download`. Its methods may
// be called from the refresh's goroutines.
type Line struct {
	w     io.Writer
	mu    sync.Mutex
	last  time.Time
	tally Tally
	drawn bool
}

// NewLine is a Line drawn on w.
func NewLine(w io.Writer) *Line { return &Line{w: w} }

// Feed counts a feed done and redraws the line.
func (p *Line) Feed(fd model.FeedDone) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tally.Feed(fd)
	if fd.Done != fd.Total && time.Since(p.last) < 80*time.Millisecond {
		return
	}
	p.draw(p.tally.Line())
}

// Sync shows an account's sync under way, and clears the line when it ends.
func (p *Line) Sync(sp model.SyncProgress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tally.Sync(sp) {
		fmt.Fprint(p.w, "\r\x1b[K")
		return
	}
	if sp.Stage == model.SyncItems && sp.Done != sp.Total && time.Since(p.last) < 80*time.Millisecond {
		return
	}
	p.draw(p.tally.Line())
}

// Bytes shows a download's progress: the bytes done of the total (-1
// when unknown), a few times a second and when it is done.
func (p *Line) Bytes(done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if done != total && time.Since(p.last) < 80*time.Millisecond {
		return
	}
	text := "downloading: " + reader.FileSize(done)
	if total > 0 {
		text += fmt.Sprintf(" of %s (%d%%)", reader.FileSize(total), done*100/total)
	}
	p.draw(text)
}

func (p *Line) draw(text string) {
	p.last = time.Now()
	fmt.Fprint(p.w, "\r\x1b[K"+text)
	p.drawn = true
}

// Clear takes the line away, before what is printed after it.
func (p *Line) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}
