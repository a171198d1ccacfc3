package model

import (
	"strings"
	"testing"
)

func TestAnchorHighlight(t *testing.T) {
	md := "One said “yes”. Two said “no”. Three said “yes”."
	i1 := strings.Index(md, "yes")
	i2 := strings.LastIndex(md, "yes")
	first := Highlight{Text: "yes", Start: i1, End: i1 + 3}
	if s, e, ok := AnchorHighlight(md, first); !ok || md[s:e] != "yes" || s != i1 {
		t.Fatalf("in place: %d %d %v", s, e, ok)
	}
	moved := "Intro. " + md
	if s, _, ok := AnchorHighlight(moved, first); !ok || s != i1+7 {
		t.Fatalf("nearest occurrence after a re-extraction: %d %v", s, ok)
	}
	last := Highlight{Text: "yes", Start: i2, End: i2 + 3}
	if s, _, ok := AnchorHighlight(moved, last); !ok || s != i2+7 {
		t.Fatalf("the later occurrence stays the later one: %d %v", s, ok)
	}
	if _, _, ok := AnchorHighlight("gone", first); ok {
		t.Fatal("text that is gone cannot be anchored")
	}
	if _, _, ok := AnchorHighlight(md, Highlight{Text: "no", Start: 500, End: 900}); !ok {
		t.Fatal("a span past the end is searched for")
	}
}
