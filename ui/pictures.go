package ui

import (
	"context"
	"errors"
	"image"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
)

// Pictures in the reader. Each box that comes into view (or within a
// screen below it) asks, in a command, for its picture: the library's
// bytes, decoded and drawn into cells off the event loop, at most a few
// at once. The answer puts the lines in the reader's view, unless it is
// for another article; a picture that fails says why in its box. With
// kitty's graphics protocol the command also makes the sequence that
// sends the picture, which the answer writes (tea.Raw) before the
// placeholder cells are painted.

// pictureMode is how pictures are drawn.
type pictureMode int

const (
	modeBlocks pictureMode = iota
	modeKitty
	modeOff
)

// maxPictureFetches is how many pictures are fetched at once.
const maxPictureFetches = 3

// kittyQueryID names the graphics query that asks the terminal whether it
// speaks kitty's protocol.
const kittyQueryID = 0x627969

// pictureState is what the app knows of the terminal's pictures and the
// pictures being fetched.
type pictureState struct {
	config    string // model.Config.Images
	envKitty  bool   // the environment names a terminal with kitty graphics
	tmux      bool   // inside tmux: sequences are passed through
	answered  bool   // the terminal answered the graphics query
	truecolor bool   // 24-bit colours; else the 256 palette
	inFlight  map[pictureKey]bool
	nextID    uint32 // the last kitty image id used
	viewer    imageViewer
}

// pictureKey names one fetch: the reader's opening, the picture, and the
// cells it is drawn in (full: the window, for the viewer).
type pictureKey struct {
	seq, image, cols, rows int
	full                   bool
}

// mode is how pictures are drawn now.
func (p *pictureState) mode() pictureMode {
	switch p.config {
	case "off":
		return modeOff
	case "kitty":
		return modeKitty
	case "blocks":
		return modeBlocks
	}
	if p.answered || p.envKitty {
		return modeKitty
	}
	return modeBlocks
}

// pictureEnv reads what the environment says of the terminal: kitty and
// Ghostty speak the graphics protocol; $TMUX means sequences must be
// passed through.
func pictureEnv(getenv func(string) string) (kitty, tmux bool) {
	term, prog := getenv("TERM"), strings.ToLower(getenv("TERM_PROGRAM"))
	kitty = term == "xterm-kitty" || term == "xterm-ghostty" || getenv("KITTY_WINDOW_ID") != "" ||
		prog == "ghostty" || getenv("GHOSTTY_RESOURCES_DIR") != ""
	return kitty, getenv("TMUX") != ""
}

// askTerminal asks, with images = auto, whether the terminal speaks
// kitty's graphics protocol. tmux answers for the terminal itself, so
// inside it the environment decides.
func (p *pictureState) askTerminal() tea.Cmd {
	if (p.config != "auto" && p.config != "") || p.tmux {
		return nil
	}
	return tea.Raw(picture.KittyQuery(kittyQueryID))
}

// handleTerminalAnswer takes the terminal's answer to the graphics query,
// and its colour profile; ok is false for any other message.
func (a App) handleTerminalAnswer(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case uv.KittyGraphicsEvent:
		if msg.Options.ID == kittyQueryID {
			a.pics.answered = true
		}
	case tea.ColorProfileMsg:
		a.pics.truecolor = msg.Profile == colorprofile.TrueColor
	case uv.PrimaryDeviceAttributesEvent:
		// The end of the query: a terminal that speaks the protocol has
		// answered it by now; the environment stays the fallback.
	default:
		return nil, nil, false
	}
	return a, nil, true
}

// pictureMsg carries a picture drawn for its key, or why it is not.
type pictureMsg struct {
	key   pictureKey
	lines []string
	raw   string // kitty: the sequence that sends the picture
	err   error
}

// pictureJob is what a fetch needs to draw a picture.
type pictureJob struct {
	key       pictureKey
	url       string
	mode      pictureMode
	truecolor bool
	tmux      bool
	id        uint32
}

// fetchPicture asks the library for a picture's bytes, decodes them and
// draws the cells, off the event loop. The decoded picture is dropped
// once its cells are made.
func fetchPicture(ctx context.Context, lib service.Library, job pictureJob) tea.Cmd {
	return func() tea.Msg {
		data, err := lib.ImageData(ctx, job.url)
		if err != nil {
			return pictureMsg{key: job.key, err: err}
		}
		img, err := picture.Decode(data)
		if err != nil {
			return pictureMsg{key: job.key, err: err}
		}
		lines, raw := drawPicture(img, job)
		return pictureMsg{key: job.key, lines: lines, raw: raw}
	}
}

// drawPicture makes a picture's cells for its key's box.
func drawPicture(img image.Image, job pictureJob) (lines []string, raw string) {
	cols, rows := job.key.cols, job.key.rows
	if job.mode != modeKitty {
		return picture.Blocks(img, cols, rows, job.truecolor), ""
	}
	b := img.Bounds()
	pw, ph := picture.Fit(b.Dx(), b.Dy(), cols, 2*rows)
	kc, kr := pw, (ph+1)/2
	sw, sh := picture.Fit(b.Dx(), b.Dy(), kc*10, kr*20) // about a cell's pixels
	raw = picture.KittyTransmit(job.id, picture.Scale(img, sw, sh), kc, kr)
	if job.tmux {
		raw = picture.Passthrough(raw)
	}
	return picture.KittyPlaceholder(job.id, kc, kr), raw
}

// pictureNote is the short reason a box shows for a failed picture.
func pictureNote(err error) string {
	for _, known := range []error{picture.ErrTooLarge, picture.ErrNotPicture, picture.ErrBroken} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	return "not fetched"
}

// startFetch asks for a picture unless it is being fetched or enough
// are; it says whether it did.
func (a *App) startFetch(key pictureKey, url string) tea.Cmd {
	if a.pics.inFlight == nil {
		a.pics.inFlight = map[pictureKey]bool{}
	}
	if a.pics.inFlight[key] || len(a.pics.inFlight) >= maxPictureFetches {
		return nil
	}
	a.pics.inFlight[key] = true
	job := pictureJob{key: key, url: url, mode: a.pics.mode(), truecolor: a.pics.truecolor, tmux: a.pics.tmux}
	if job.mode == modeKitty {
		a.pics.nextID++
		job.id = a.pics.nextID
		if a.pics.truecolor {
			job.id |= 0x10000 // 24-bit ids: fewer clashes with other programs'
		} else {
			job.id = 1 + (a.pics.nextID-1)%255 // 256-colour ids: the colour survives
		}
	}
	return fetchPicture(a.ctx, a.lib, job)
}

// wantPictures asks for the pictures of the boxes on the reader's screen
// and in the screen below it, that it has not shown yet.
func (a *App) wantPictures() tea.Cmd {
	if a.screen != screenReader || a.pics.mode() == modeOff || !a.reader.hasRender() {
		return nil
	}
	h := a.bodyHeight()
	pics := a.reader.doc().Pictures()
	var cmds []tea.Cmd
	for _, b := range a.reader.v.BoxesNear(h, h) {
		if b.Image >= len(pics) || a.reader.v.PictureShown(b.Image, b.Cols) {
			continue
		}
		key := pictureKey{seq: a.reader.seq, image: b.Image, cols: b.Cols, rows: b.Rows}
		if cmd := a.startFetch(key, pics[b.Image].URL); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(cmds...)
}

// withPictures asks for the pictures that a message brought into view.
func withPictures(m tea.Model, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	a, ok := m.(App)
	if !ok || a.screen != screenReader {
		return m, cmd
	}
	more := a.wantPictures()
	if more == nil {
		return m, cmd // a new App in a tea.Model would be an allocation
	}
	return a, tea.Batch(cmd, more)
}

func (a App) handlePicture(msg pictureMsg) (tea.Model, tea.Cmd) {
	delete(a.pics.inFlight, msg.key)
	if msg.key.full {
		return a.handleViewerPicture(msg)
	}
	if msg.key.seq != a.reader.seq || a.screen != screenReader || errors.Is(msg.err, context.Canceled) {
		return a, nil
	}
	if msg.err != nil {
		a.reader.v.SetPictureNote(msg.key.image, pictureNote(msg.err))
		return a, nil
	}
	a.reader.v.SetPicture(msg.key.image, msg.key.cols, msg.lines)
	if msg.raw != "" && a.reader.v.PictureShown(msg.key.image, a.readerWidth()) {
		return a, tea.Raw(msg.raw)
	}
	return a, nil
}

// readerWidth is the reader's text column.
func (a App) readerWidth() int { return reader.WrapWidth(a.width, a.cfg.TextWidth) }
