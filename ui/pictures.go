package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/byline-reader/byline/ui/panes"
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

// kittyQueryID names the graphics query that asks the terminal whether it
// speaks kitty's protocol.
const kittyQueryID = 0x627969

// pictureState is what the app knows of the terminal's pictures and the
// pictures being fetched.
type pictureState struct {
	config    string           // model.Config.Images
	envKitty  bool             // the environment names a terminal with kitty graphics
	tmux      bool             // inside tmux: sequences are passed through
	answered  bool             // the terminal answered the graphics query
	truecolor bool             // 24-bit colours; else the 256 palette
	fetches   service.Pictures // the fetches under way
	viewer    panes.Viewer     // the picture viewer (viewer.go)
}

// pictureKey names one fetch (service.PictureKey).
type pictureKey = service.PictureKey

// mode is how pictures are drawn now.
func (p *pictureState) mode() picture.Mode {
	return picture.Choose(p.config, p.answered, p.envKitty)
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

// startPictureFetch asks for a picture, for the terminal, unless it is
// being fetched or enough are (nil then).
func (a *App) startPictureFetch(key pictureKey, url string) tea.Cmd {
	job := service.PictureJob{Key: key, URL: url, Mode: a.pics.mode(), Truecolor: a.pics.truecolor, Tmux: a.pics.tmux}
	return a.pics.fetches.Fetch(a.ctx, a.lib, job)
}

// wantPictures asks for the pictures of the boxes on the reader's screen
// and in the screen below it, that it has not shown yet.
func (a *App) wantPictures() tea.Cmd {
	if a.screen != screenReader || a.pics.mode() == picture.Off || !a.reader.Text().HasRender() {
		return nil
	}
	h := a.bodyHeight()
	pics := a.reader.Doc().Pictures()
	var cmds []tea.Cmd
	for _, b := range a.reader.Text().BoxesNear(h, h) {
		if b.Image >= len(pics) || a.reader.Text().PictureShown(b.Image, b.Cols) {
			continue
		}
		key := pictureKey{Seq: a.reader.Seq(), Image: b.Image, Cols: b.Cols, Rows: b.Rows}
		if cmd := a.startPictureFetch(key, pics[b.Image].URL); cmd != nil {
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

func (a App) handlePicture(msg service.PictureMsg) (tea.Model, tea.Cmd) {
	a.pics.fetches.Done(msg.Key)
	if msg.Key.Full {
		return a.handleViewerPicture(msg)
	}
	if msg.Key.Seq != a.reader.Seq() || a.screen != screenReader || errors.Is(msg.Err, context.Canceled) {
		return a, nil
	}
	if msg.Err != nil {
		a.reader.Text().SetPictureNote(msg.Key.Image, service.PictureNote(msg.Err))
		return a, nil
	}
	a.reader.Text().SetPicture(msg.Key.Image, msg.Key.Cols, msg.Lines)
	if msg.Raw != "" && a.reader.Text().PictureShown(msg.Key.Image, a.readerWidth()) {
		return a, tea.Raw(msg.Raw)
	}
	return a, nil
}

// readerWidth is the reader's text column.
func (a App) readerWidth() int { return reader.WrapWidth(a.width, a.cfg.TextWidth) }
