package panes

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/theme"
)

func TestFeedsPaneCountsStars(t *testing.T) {
	set, _ := keys.New(nil)
	p := NewFeeds(set.On(keys.Feeds))
	p.SetFeeds([]model.Feed{{ID: 1, Title: "One", Starred: 2}, {ID: 2, Title: "Two"}})
	p.AdjustCounts(2, 0, 1)
	p.AdjustCounts(1, 0, -1)
	s := theme.New(true)
	rows := strings.Split(ansi.Strip(p.View(s, 20, 5, true)), "\n")
	if len(rows) < 3 || !strings.HasPrefix(rows[2], "  Starred") || !strings.HasSuffix(rows[2], " 2") {
		t.Errorf("the Starred row shows its count: %q", rows)
	}
}
