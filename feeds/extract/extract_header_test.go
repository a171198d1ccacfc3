package extract

import (
	"testing"
	"time"
)

func TestDropHeaderRepeats(t *testing.T) {
	ex := Extracted{Title: "Ferry service to resume on Monday", Author: "Jane Doe",
		Published: time.Date(2024, 6, 21, 8, 37, 0, 0, time.UTC)}
	tests := []struct{ name, in, want string }{
		{"title heading", "# Ferry service to resume on Monday\n\nText.", "Text."},
		{"title paragraph", "Ferry Service to Resume on Monday\n\nText.", "Text."},
		{"byline", "By Jane Doe\n\nText.", "Text."},
		{"bare name of the author", "Jane Doe\n\nText.", "Text."},
		{"linked byline", "By [Jane Doe](/staff/jane)\n\nText.", "Text."},
		{"dateline", "June 21, 2024\n\nText.", "Text."},
		{"byline and dateline", "By Jane Doe\n\nJune 21, 2024 at 8:37 a.m.\n\nText.", "Text."},
		{"image before byline stays", "![A ferry](https://x.example/ferry.jpg)\n\nBy Jane Doe\n\nText.", "![A ferry](https://x.example/ferry.jpg)\n\nText."},
		{"byline with a role and a dateline", "By Jane Doe, Local Reporter · 21 June 2024\n\nText.", "Text."},
		{"another author stays", "By John Roe\n\nText.", "By John Roe\n\nText."},
		{"another author with a role stays", "By John Roe, Local Reporter · 21 June 2024\n\nText.", "By John Roe, Local Reporter · 21 June 2024\n\nText."},
		{"another date stays", "June 22, 2024\n\nText.", "June 22, 2024\n\nText."},
		{"labelled timestamp of another day", "Updated June 22, 2024\n\nText.", "Text."},
		{"labelled timestamps without a year", "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM\n\nText.", "Text."},
		{"timestamp with weekday", "Updated: Sat 8:31 PM, Feb 17, 2018\n\nText.", "Text."},
		{"a sentence with a label stays", "Updated rules take effect June 22, 2024\n\nText.", "Updated rules take effect June 22, 2024\n\nText."},
		{"unlabelled timestamps stay", "Nov 19, 9:41 AM; Nov 18, 8:19 PM\n\nText.", "Nov 19, 9:41 AM; Nov 18, 8:19 PM\n\nText."},
		{"banner over the title", "## Breaking News\n\n## Ferry service to resume on Monday\n\nText.", "Text."},
		{"past a bare link and a mark", "/*\n\nhttps://example.com/ferry\n\n## Ferry service to resume on Monday\n\nText.", "/*\n\nhttps://example.com/ferry\n\nText."},
		{"short heading after the title stays", "## Ferry service to resume on Monday\n\n## The plan\n\nText.", "## The plan\n\nText."},
		{"short heading without a title stays", "## The plan\n\nText.", "## The plan\n\nText."},
		{"later repeat stays", "Text.\n\nBy Jane Doe", "Text.\n\nBy Jane Doe"},
		{"trailing empty heading", "Text.\n\n## Related", "Text."},
		{"only headings stay", "## One\n\n## Two", "## One\n\n## Two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dropHeaderRepeats(tt.in, ex); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
