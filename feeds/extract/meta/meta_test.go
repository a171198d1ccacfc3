package meta

import (
	"testing"
	"time"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		in           string
		author, site string
		ok           bool
	}{
		{"James Meyers of the OAN", "James Meyers", "OAN", true},
		{"By Jane Doe", "Jane Doe", "", true},
		{"by Jane Doe and John Roe", "Jane Doe and John Roe", "", true},
		{"By JANE DOE, Reuters", "Jane Doe", "Reuters", true},
		{"By Jane Doe, Associated Press", "Jane Doe", "Associated Press", true},
		{"Jane Doe, Staff Writer", "Jane Doe", "", true},
		{"Written by Ana de la Cruz for The Guardian", "Ana de la Cruz", "The Guardian", true},
		{"Jane Doe | The Daily Planet", "Jane Doe", "The Daily Planet", true},
		{"By Seán O’Brien", "Seán O’Brien", "", true},
		{"James Meyers", "James Meyers", "", true},
		{"", "", "", false},
		{"https://www.facebook.com/janedoe", "", "", false},
		{"The president said on Friday that the talks would go on.", "", "", false},
		{"by the river bank", "", "", false},
	}
	for _, tt := range tests {
		a, s, ok := ParseByline(tt.in)
		if a != tt.author || s != tt.site || ok != tt.ok {
			t.Errorf("ParseByline(%q) = %q, %q, %v; want %q, %q, %v", tt.in, a, s, ok, tt.author, tt.site, tt.ok)
		}
	}
}

func TestParseBylineMarked(t *testing.T) {
	for in, want := range map[string]bool{
		"James Meyers of the OAN": true,
		"By Jane Doe":             true,
		"Jane Doe | Reuters":      true,
		"James Meyers":            false, // a bare name could be a heading
		"Breaking News":           false,
		"Putin warns South Korea": false,
	} {
		if _, _, ok := ParseBylineMarked(in); ok != want {
			t.Errorf("ParseBylineMarked(%q) ok = %v, want %v", in, ok, want)
		}
	}
}

func TestParseDateline(t *testing.T) {
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"8:37 am – Friday, June 21, 2024", at(2024, 6, 21, 8, 37), true},
		{"8:37 pm – Friday, June 21, 2024", at(2024, 6, 21, 20, 37), true},
		{"12:05 a.m. June 21, 2024", at(2024, 6, 21, 0, 5), true},
		{"June 21, 2024 at 8:37 p.m. ET", at(2024, 6, 21, 20, 37), true},
		{"Published 21 June 2024, 14:05", at(2024, 6, 21, 14, 5), true},
		{"Updated: Sat 22nd Jun 2024 09:00 GMT", at(2024, 6, 22, 9, 0), true},
		{"2024-06-21", at(2024, 6, 21, 0, 0), true},
		{"21/06/2024", at(2024, 6, 21, 0, 0), true},
		{"Sept. 3, 2023", at(2023, 9, 3, 0, 0), true},
		{"06/07/2024", time.Time{}, false}, // day and month can't be told apart
		{"June 31, 2024", time.Time{}, false},
		{"Friday", time.Time{}, false},
		{"The talks resumed on June 21, 2024 in Hanoi.", time.Time{}, false},
		{"2 hours ago", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDateline(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseDateline(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseTimestamp(t *testing.T) {
	pdt := time.FixedZone("", -7*3600)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-06-21T08:37:00-07:00", time.Date(2024, 6, 21, 8, 37, 0, 0, pdt)},
		{"2024-06-21T15:37:00Z", time.Date(2024, 6, 21, 15, 37, 0, 0, time.UTC)},
		{"2024-06-21T08:37:00.123-0700", time.Date(2024, 6, 21, 8, 37, 0, 123e6, pdt)},
		{"2024-06-21T08:37", time.Date(2024, 6, 21, 8, 37, 0, 0, time.UTC)},
		{"2024-06-21", time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)},
		{"Fri, 21 Jun 2024 08:37:00 -0700", time.Date(2024, 6, 21, 8, 37, 0, 0, pdt)},
	}
	for _, tt := range tests {
		got, ok := ParseTimestamp(tt.in)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseTimestamp(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	// The clock is kept as the page gave it.
	got, _ := ParseTimestamp("2024-06-21T08:37:00-07:00")
	if got.Hour() != 8 || got.Minute() != 37 {
		t.Errorf("clock changed: %v", got)
	}
	if _, ok := ParseTimestamp("yesterday"); ok {
		t.Error("ParseTimestamp(yesterday) ok")
	}
}

func TestArticleTitle(t *testing.T) {
	tests := []struct{ page, og, h1, site, want string }{
		{"Putin warns South Korea – One America News Network", "Putin warns South Korea", "Putin warns South Korea", "One America News Network", "Putin warns South Korea"},
		{"Story title | The Site", "", "", "The Site", "Story title"},
		{"The Site: Story title", "", "", "The Site", "Story title"},
		{"A long story title - Blog", "", "", "", "A long story title"},
		{"Real headline – Site", "SEO headline for sharing", "Real headline", "Site", "Real headline"},
		{"", "Only OG – Site", "", "Site", "Only OG"},
		{"Rock - Paper - Scissors", "", "", "", "Rock - Paper"},
		{"", "", "Just the h1", "", "Just the h1"},
	}
	for _, tt := range tests {
		if got := ArticleTitle(tt.page, tt.og, tt.h1, tt.site); got != tt.want {
			t.Errorf("ArticleTitle(%q, %q, %q, %q) = %q, want %q", tt.page, tt.og, tt.h1, tt.site, got, tt.want)
		}
	}
}
