package panes

import (
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// An undated headline shows its fetch's age marked "~", as `byline list`
// does (model.HeadlineAge).
func TestHeadlineRowAges(t *testing.T) {
	now := time.Date(2024, 6, 21, 12, 0, 0, 0, time.UTC)
	dated := headlineRow(model.Article{Title: "Dated", Published: now.Add(-5 * time.Hour)}, 80, now)
	undated := headlineRow(model.Article{Title: "Undated", FetchedAt: now.Add(-5 * time.Hour)}, 80, now)
	if !strings.HasSuffix(dated, "  5h") || !strings.HasSuffix(undated, " ~5h") {
		t.Errorf("rows:\n%q\n%q", dated, undated)
	}
}
