package panes

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/qr"
	"github.com/byline-reader/byline/ui/theme"
)

// TestQRCodeEndsWithItsQuietZone draws QR codes of several sizes: the
// last line, the quiet zone's last half row (package qr), is drawn on the
// page's background, not above a dark strip; every other line on the
// code's.
func TestQRCodeEndsWithItsQuietZone(t *testing.T) {
	st := theme.New(true)
	black := "48;2;0;0;0m" // the code's background
	for _, link := range []string{"https://x.example/", "https://news.example/a/1?id=4", "https://news.example/" + strings.Repeat("long/", 30)} {
		code, err := qr.Lines(link)
		if err != nil {
			t.Fatal(err)
		}
		m := ShareMenu{qr: code, qrLink: link}
		lines := strings.Split(m.qrView(st, 200, 200), "\n")[2:]
		for i, l := range lines {
			onBlack := strings.Contains(l, black)
			if last := i == len(lines)-1; onBlack == last {
				t.Errorf("%s: line %d of %d on the dark background: %v\n%q", link, i+1, len(lines), onBlack, l)
			}
		}
	}
}

func TestShareMenuKeysAndQR(t *testing.T) {
	set, _ := keys.New(nil)
	m := NewShareMenu(set.On(keys.ShareMenu))
	m.Open(model.Article{Title: "A title", URL: "https://a.example/1"}, nil, nil)
	if act := m.Key(press("enter"), 20); act != Open {
		t.Fatalf("enter chooses: %v", act)
	}
	if l, isQR := m.Selected(); !isQR || l.Label != "" {
		t.Fatalf("with no links the one entry is the QR code: %+v %v", l, isQR)
	}
	m.ShowQR([]string{"██"}, "https://a.example/1")
	if act := m.Key(press("enter"), 20); act != None || !m.ShowsQR() {
		t.Fatalf("the QR code takes no key but esc: %v", act)
	}
	if act := m.Key(press("esc"), 20); act != None || m.ShowsQR() {
		t.Fatalf("esc goes back from the QR code to the menu: %v", act)
	}
	if act := m.Key(press("esc"), 20); act != Close {
		t.Fatalf("esc closes the menu: %v", act)
	}
	if v := m.View(theme.New(true), 60, 20); !strings.Contains(v, "A title") || !strings.Contains(v, "QR code") {
		t.Errorf("view: %q", v)
	}
}
