package service

import (
	"context"
	"errors"
	"image"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/picture"
)

// PictureKey names one picture fetch: the reader's opening, the picture,
// and the cells it is drawn in (Full: the window, for the viewer).
type PictureKey struct {
	Seq, Image, Cols, Rows int
	Full                   bool
}

// PictureJob is what a fetch needs to draw a picture.
type PictureJob struct {
	Key       PictureKey
	URL       string
	Mode      picture.Mode
	Truecolor bool
	Tmux      bool   // kitty's sequence is passed through tmux
	ID        uint32 // kitty's image id
}

// PictureMsg carries a picture drawn for its key, or why it is not.
type PictureMsg struct {
	Key   PictureKey
	Lines []string
	Raw   string // kitty: the sequence that sends the picture
	Err   error
}

// maxPictureFetches is how many pictures are fetched at once.
const maxPictureFetches = 3

// Pictures are the picture fetches under way: one per key, a few at
// once, each kitty picture with an image id of its own.
type Pictures struct {
	inFlight map[PictureKey]bool
	lastID   uint32 // the last kitty image id given
}

// Fetch asks for job's picture (FetchPicture), giving a kitty picture its
// image id, unless it is being fetched or enough are: nil then.
func (p *Pictures) Fetch(ctx context.Context, lib Library, job PictureJob) tea.Cmd {
	if p.inFlight == nil {
		p.inFlight = map[PictureKey]bool{}
	}
	if p.inFlight[job.Key] || len(p.inFlight) >= maxPictureFetches {
		return nil
	}
	p.inFlight[job.Key] = true
	if job.Mode == picture.Kitty {
		p.lastID++
		job.ID = p.lastID
		if job.Truecolor {
			job.ID |= 0x10000 // 24-bit ids: fewer clashes with other programs'
		} else {
			job.ID = 1 + (p.lastID-1)%255 // 256-colour ids: the colour survives
		}
	}
	return FetchPicture(ctx, lib, job)
}

// Done forgets a fetch: its answer came, or it is to be asked again.
func (p *Pictures) Done(key PictureKey) { delete(p.inFlight, key) }

// FetchPicture asks the library for a picture's bytes, decodes them and
// draws the cells, off the event loop. The decoded picture is dropped
// once its cells are made.
func FetchPicture(ctx context.Context, lib Library, job PictureJob) tea.Cmd {
	return func() tea.Msg {
		data, err := lib.ImageData(ctx, job.URL)
		if err != nil {
			return PictureMsg{Key: job.Key, Err: err}
		}
		img, err := picture.Decode(data)
		if err != nil {
			return PictureMsg{Key: job.Key, Err: err}
		}
		lines, raw := drawPicture(img, job)
		return PictureMsg{Key: job.Key, Lines: lines, Raw: raw}
	}
}

// drawPicture makes a picture's cells for its key's box.
func drawPicture(img image.Image, job PictureJob) (lines []string, raw string) {
	cols, rows := job.Key.Cols, job.Key.Rows
	if job.Mode != picture.Kitty {
		return picture.Blocks(img, cols, rows, job.Truecolor), ""
	}
	lines, raw = picture.KittyCells(img, job.ID, cols, rows)
	if job.Tmux {
		raw = picture.Passthrough(raw)
	}
	return lines, raw
}

// PictureNote is the short reason a box shows for a failed picture.
func PictureNote(err error) string {
	for _, known := range []error{picture.ErrTooLarge, picture.ErrNotPicture, picture.ErrBroken} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	return "not fetched"
}
