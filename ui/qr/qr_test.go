package qr

import (
	"strings"
	"testing"
)

func TestLinesHaveTheirQuietZone(t *testing.T) {
	for _, link := range []string{"https://x.example/", "https://news.example/" + strings.Repeat("long/", 30)} {
		lines, err := Lines(link)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(lines[0], "██") || strings.Trim(lines[0], "█") != "" {
			t.Errorf("%s: the code starts with a row of quiet zone: %q", link, lines[0])
		}
		if !HalfRow(lines[len(lines)-1]) || HalfRow(lines[1]) {
			t.Errorf("%s: only the last line is the half row of quiet zone", link)
		}
	}
	if _, err := Lines("https://x.example/" + strings.Repeat("a", 1200)); err == nil {
		t.Error("a link too long for a code says so")
	}
}
