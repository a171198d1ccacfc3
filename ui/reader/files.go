package reader

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
)

// FilesLine is the header's line about an article's files: the first
// one's kind, playing time and size ("Audio · 34 min · 48 MB"), and how
// many more there are; "" when it has none.
func FilesLine(a model.Article) string {
	if len(a.Enclosures) == 0 {
		return ""
	}
	e := a.Enclosures[0]
	parts := []string{FileKind(e.Type)}
	if e.Duration > 0 {
		parts = append(parts, PlayingTime(e.Duration))
	}
	if e.Length > 0 {
		parts = append(parts, FileSize(e.Length))
	}
	switch n := len(a.Enclosures) - 1; {
	case n == 1:
		parts = append(parts, "1 more file")
	case n > 1:
		parts = append(parts, fmt.Sprintf("%d more files", n))
	}
	return strings.Join(parts, " · ")
}

// FileKind is the word for a file of media type t: Audio, Video, Image,
// else File.
func FileKind(t string) string {
	switch kind, _, _ := strings.Cut(t, "/"); kind {
	case "audio":
		return "Audio"
	case "video":
		return "Video"
	case "image":
		return "Image"
	}
	return "File"
}

// PlayingTime says d in minutes ("34 min", "1 h 2 min"), or seconds
// under a minute.
func PlayingTime(d time.Duration) string {
	switch m := int(d.Round(time.Minute) / time.Minute); {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d/time.Second))
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	default:
		return fmt.Sprintf("%d h %d min", m/60, m%60)
	}
}

// FileSize says n bytes in the unit that suits it: "820 KB", "48 MB",
// "1.2 GB" (units of 1024).
func FileSize(n int64) string {
	const k, m, g = 1 << 10, 1 << 20, 1 << 30
	switch {
	case n < k:
		return fmt.Sprintf("%d bytes", n)
	case n < m:
		return fmt.Sprintf("%d KB", (n+k/2)/k)
	case n < g:
		return fmt.Sprintf("%d MB", (n+m/2)/m)
	case n < 10*g:
		return fmt.Sprintf("%.1f GB", float64(n)/g)
	}
	return fmt.Sprintf("%d GB", (n+g/2)/g)
}

// extrasLine is the header's line under the byline: the files, and the
// site where the article is discussed.
func extrasLine(a model.Article) string {
	parts := []string{}
	if f := FilesLine(a); f != "" {
		parts = append(parts, f)
	}
	if u, err := url.Parse(a.Comments); err == nil && u.Host != "" {
		parts = append(parts, "comments on "+strings.TrimPrefix(u.Host, "www."))
	}
	return model.SanitizeLine(strings.Join(parts, " · "))
}

// plainExtras are the lines `byline read` prints under the byline: the
// files with their addresses, and the comments page.
func plainExtras(a model.Article) string {
	var b strings.Builder
	if f := FilesLine(a); f != "" {
		b.WriteString(f + ": " + a.Enclosures[0].URL + "\n")
	}
	if a.Comments != "" {
		b.WriteString("Comments: " + a.Comments + "\n")
	}
	return b.String()
}
