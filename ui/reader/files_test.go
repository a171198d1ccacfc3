package reader

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
)

func TestFilesLine(t *testing.T) {
	ep := model.Enclosure{URL: "https://cdn.example/1.mp3", Type: "audio/mpeg", Length: 48 << 20, Duration: 34*time.Minute + 12*time.Second}
	tests := []struct {
		files []model.Enclosure
		want  string
	}{
		{nil, ""},
		{[]model.Enclosure{ep}, "Audio · 34 min · 48 MB"},
		{[]model.Enclosure{{Type: "video/mp4", Duration: 62 * time.Minute}, ep, ep}, "Video · 1 h 2 min · 2 more files"},
		{[]model.Enclosure{{Type: "image/jpeg", Length: 300 << 10}, ep}, "Image · 300 KB · 1 more file"},
		{[]model.Enclosure{{Length: 3 << 29, Duration: 45 * time.Second}}, "File · 45 s · 1.5 GB"},
		{[]model.Enclosure{{Type: "application/pdf", Length: 20 << 30, Duration: 2 * time.Hour}}, "File · 2 h · 20 GB"},
	}
	for _, tt := range tests {
		if got := FilesLine(model.Article{Enclosures: tt.files}); got != tt.want {
			t.Errorf("FilesLine(%+v) = %q, want %q", tt.files, got, tt.want)
		}
	}
	if got := FileSize(999); got != "999 bytes" {
		t.Errorf("FileSize(999) = %q", got)
	}
}

func TestHeaderShowsFilesAndComments(t *testing.T) {
	a := model.Article{Title: "Episode 12", Comments: "https://www.news.example/item?id=1",
		Enclosures: []model.Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg", Length: 48 << 20, Duration: 34 * time.Minute}}}
	st := testStyles()
	got := ansi.Strip(strings.Join(Header(&st, a, 0, 80, nil), "\n"))
	if !strings.Contains(got, "Audio · 34 min · 48 MB · comments on news.example") {
		t.Errorf("header:\n%s", got)
	}
	text, err := Text(model.Reading{Article: a, Body: "Notes."}, 80)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Audio · 34 min · 48 MB: https://cdn.example/12.mp3\nComments: https://www.news.example/item?id=1\n") {
		t.Errorf("plain text:\n%s", text)
	}
	if plain, _ := Text(model.Reading{Article: model.Article{Title: "x"}, Body: "y"}, 80); strings.Contains(plain, "Comments") {
		t.Errorf("an article without files:\n%s", plain)
	}
}
