package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/service"
	"github.com/charmbracelet/colorprofile"
)

// picturedBody is an article with one picture between two paragraphs.
const picturedBody = "The boats came in at dawn, and the harbour woke.\n\n" +
	"![A red boat on grey water](https://img.example/boat.png)\n\n" +
	"*The boat at six.*\n\nThe market opened an hour later.\n"

// boatPNG is a small picture: red over grey.
func boatPNG(t testing.TB) []byte { return boatPNGSized(t, 64, 36) }

// boatPNGSized is the boat w×h pixels.
func boatPNGSized(t testing.TB, w, h int) []byte {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{128, 128, 128, 255}
			if y < h/2 {
				c = color.NRGBA{255, 0, 0, 255}
			}
			m.SetNRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// openUntilRendered opens the first article and delivers the answers up
// to its render, returning the commands asked for then, not yet run.
func openUntilRendered(t *testing.T, h *harness) []tea.Cmd {
	t.Helper()
	pending := []tea.Cmd{h.sendRaw(press("enter"))}
	for range 10 {
		var next []tea.Cmd
		rendered := false
		for _, c := range pending {
			for _, msg := range runCmd(c, 2*time.Second) {
				if _, ok := msg.(service.PictureMsg); ok {
					t.Fatal("a picture arrived with the text")
				}
				_, rendered = msg.(renderedMsg)
				next = append(next, h.sendRaw(msg))
			}
		}
		if rendered {
			return next
		}
		pending = next
	}
	t.Fatal("the body never rendered")
	return nil
}

func pictureHarness(t *testing.T, images string) (*harness, *fakeLibrary) {
	lib := newFake(10)
	lib.body = picturedBody
	lib.images = map[string][]byte{"https://img.example/boat.png": boatPNG(t)}
	h := newHarness(t, lib, 120, 40)
	a := h.app()
	a.cfg.Images, a.pics.config = images, images
	h.m = a
	h.send(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	return h, lib
}

func TestPictureArrivesAfterTheText(t *testing.T) {
	h, lib := pictureHarness(t, "blocks")
	cmds := openUntilRendered(t, h)
	s := h.screen()
	if !strings.Contains(s, "The market opened an hour later.") || !strings.Contains(s, "▣ A red boat on grey water · loading…") {
		t.Fatalf("the text shows first, the picture's box saying it loads:\n%s", s)
	}
	lineOf := func(s string) int { return strings.Count(s[:strings.Index(s, "The market")], "\n") }
	before := lineOf(s)
	for _, c := range cmds {
		h.settle(c)
	}
	if lib.imageCalls != 1 {
		t.Errorf("%d fetches, want 1", lib.imageCalls)
	}
	frame := h.app().View().Content
	if !strings.Contains(frame, "38;2;255;0;0") || !strings.Contains(frame, "▀") {
		t.Fatalf("the picture's half blocks are drawn in its box:\n%s", h.screen())
	}
	if strings.Contains(h.screen(), "loading…") || lineOf(h.screen()) != before {
		t.Errorf("the label stays or the text moved:\n%s", h.screen())
	}
	h.send(press("j"), press("k"))
	if lib.imageCalls != 1 {
		t.Errorf("a shown picture is fetched again (%d)", lib.imageCalls)
	}
}

func TestPicturesOffShowAltText(t *testing.T) {
	h, lib := pictureHarness(t, "off")
	h.send(press("enter"))
	s := h.screen()
	if !strings.Contains(s, "▣ A red boat on grey water") || strings.Contains(s, "loading") || lib.imageCalls != 0 {
		t.Fatalf("images off: the alt text, nothing fetched (%d):\n%s", lib.imageCalls, s)
	}
	if strings.Contains(h.app().View().Content, "▀") {
		t.Error("no cells with images off")
	}
}

func TestFailedPictureSaysWhy(t *testing.T) {
	h, lib := pictureHarness(t, "blocks")
	lib.images["https://img.example/boat.png"] = []byte("<html>not a picture</html>")
	h.send(press("enter"))
	if s := h.screen(); !strings.Contains(s, "▣ A red boat on grey water · not a picture") {
		t.Fatalf("a failed picture shows its alt text and why:\n%s", s)
	}
	delete(lib.images, "https://img.example/boat.png")
	h.send(press("esc"), press("j"), press("enter"))
	if s := h.screen(); !strings.Contains(s, "· not fetched") {
		t.Fatalf("a picture the library cannot fetch:\n%s", s)
	}
}

func TestViewerShowsThePictureWhole(t *testing.T) {
	h, _ := pictureHarness(t, "blocks")
	h.send(press("enter"), press("i"))
	s := h.screen()
	if !strings.Contains(s, "The boat at six.") || !strings.Contains(s, "picture 1/1") || strings.Contains(s, "The market opened") {
		t.Fatalf("the viewer shows the picture, its caption and the keys:\n%s", s)
	}
	if n := strings.Count(h.app().View().Content, "▀"); n < 1000 {
		t.Errorf("the picture fills the window: %d cells", n)
	}
	h.send(press("esc"))
	if s := h.screen(); !strings.Contains(s, "The market opened") {
		t.Fatalf("esc goes back to the text:\n%s", s)
	}
}

// TestViewerRedrawsForANewWindowSize: after a resize the viewer shows
// the picture as one opened at the new size does, not the old one cut.
func TestViewerRedrawsForANewWindowSize(t *testing.T) {
	big := boatPNGSized(t, 640, 360) // larger than either window: fitted to each
	h, lib := pictureHarness(t, "blocks")
	lib.images["https://img.example/boat.png"] = big
	h.send(press("enter"), press("i"), tea.WindowSizeMsg{Width: 80, Height: 30})
	fresh, lib := pictureHarness(t, "blocks")
	lib.images["https://img.example/boat.png"] = big
	fresh.send(tea.WindowSizeMsg{Width: 80, Height: 30}, press("enter"), press("i"))
	got, want := h.app().View().Content, fresh.app().View().Content
	if n := strings.Count(want, "▀"); n < 1000 || strings.Count(got, "▀") != n {
		t.Fatalf("resized: %d cells of picture, opened at that size: %d\n%s", strings.Count(got, "▀"), n, h.screen())
	}
}

func TestKittyPicturesUsePlaceholders(t *testing.T) {
	h, _ := pictureHarness(t, "kitty")
	var raw []string
	pending := []tea.Cmd{h.sendRaw(press("enter"))}
	for len(pending) > 0 {
		var next []tea.Cmd
		for _, c := range pending {
			for _, msg := range runCmd(c, 2*time.Second) {
				if r, ok := msg.(tea.RawMsg); ok {
					raw = append(raw, r.Msg.(string))
				}
				next = append(next, h.sendRaw(msg))
			}
		}
		pending = next
	}
	if len(raw) != 1 || !strings.HasPrefix(raw[0], "\x1b_Ga=T,f=100,t=d,i=") || !strings.Contains(raw[0], ",U=1,") {
		t.Fatalf("one transmit sequence is written: %d %.60q", len(raw), raw)
	}
	if frame := h.app().View().Content; !strings.Contains(frame, "\U0010EEEE") {
		t.Fatalf("the box paints placeholder cells:\n%s", h.screen())
	}
}

func TestPictureEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if k, tm := picture.Env(env(map[string]string{"TERM": "xterm-kitty"})); !k || tm {
		t.Error("kitty's TERM")
	}
	if k, tm := picture.Env(env(map[string]string{"TERM": "tmux-256color", "TMUX": "/tmp/x", "TERM_PROGRAM": "ghostty"})); !k || !tm {
		t.Error("ghostty in tmux")
	}
	if k, _ := picture.Env(env(map[string]string{"TERM": "xterm-256color"})); k {
		t.Error("xterm")
	}
}

// picturesHarness opens an article of 20 pictures, each 1200×675 (as
// large as Decode keeps), and scrolls through it so that every one
// arrives, in half blocks.
func picturesHarness(t testing.TB) *harness {
	lib := newFake(10)
	lib.images = map[string][]byte{}
	var body strings.Builder
	for i := range 20 {
		url := fmt.Sprintf("https://img.example/%d.png", i)
		lib.images[url] = bigPNG(t, i)
		fmt.Fprintf(&body, "Paragraph %d of the story, long enough to wrap once or twice in the reader's column of text.\n\n![Picture %d](%s)\n\n*Caption %d.*\n\n", i, i, url, i)
	}
	lib.body = body.String()
	h := newHarness(t, lib, 120, 40)
	h.send(tea.ColorProfileMsg{Profile: colorprofile.TrueColor}, press("enter"))
	for range 40 {
		h.send(press("ctrl+d"))
	}
	if lib.imageCalls != 20 {
		t.Fatalf("%d of 20 pictures fetched", lib.imageCalls)
	}
	return h
}

// bigPNG is a 1200×675 picture of noise-free bands.
func bigPNG(t testing.TB, seed int) []byte {
	m := image.NewNRGBA(image.Rect(0, 0, 1200, 675))
	for y := range 675 {
		for x := range 1200 {
			m.SetNRGBA(x, y, color.NRGBA{uint8(x + seed), uint8(y), uint8(x ^ y), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestMemoryWith20Pictures: the app keeps the cells it draws, never the
// decoded pictures.
func TestMemoryWith20Pictures(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	used := heapHeld(func() any { return picturesHarness(t) })
	t.Logf("heap held with 20 pictures shown: %.1f MiB", float64(used)/(1<<20))
	if used > 50<<20 {
		t.Fatalf("the app holds %d MiB", used>>20)
	}
}

// BenchmarkReaderScrollPictures is one line of scrolling through an
// article of 20 pictures, all arrived in half blocks: Update and View.
func BenchmarkReaderScrollPictures(b *testing.B) {
	h := picturesHarness(b)
	h.send(press("g"), press("ctrl+d"))
	if !strings.Contains(h.app().View().Content, "▀") {
		b.Fatal("no picture in view")
	}
	benchKeys(b, h, press("j"), press("j"), press("k"))
}
