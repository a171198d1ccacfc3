package model

import (
	"testing"
	"time"
)

// An undated headline shows the age of its first fetch, marked "~", the
// same in the app and on the command line.
func TestHeadlineAge(t *testing.T) {
	now := time.Date(2024, 6, 21, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		a    Article
		want string
	}{
		{Article{Published: now.Add(-3 * time.Hour), FetchedAt: now.Add(-time.Hour)}, "3h"},
		{Article{FetchedAt: now.Add(-3 * time.Hour)}, "~3h"},
		{Article{FetchedAt: now.Add(-20 * 24 * time.Hour)}, "~2w"},
		{Article{FetchedAt: now}, "~now"},
		{Article{Published: now.AddDate(1, 0, 0), FetchedAt: now}, "now"},
		{Article{}, ""},
	}
	for _, tt := range tests {
		if got := HeadlineAge(now, tt.a); got != tt.want {
			t.Errorf("HeadlineAge(%v, %v) = %q, want %q", tt.a.Published, tt.a.FetchedAt, got, tt.want)
		}
	}
}
