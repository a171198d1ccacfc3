package model

import (
	"slices"
	"testing"
)

func TestFolderAndAncestors(t *testing.T) {
	for in, want := range map[string][]string{
		"":                 {},
		"News":             {"News"},
		"News/World":       {"News/World", "News"},
		" News / World /x": {"News/World/x", "News/World", "News"},
	} {
		if got := FolderAndAncestors(in); !slices.Equal(got, want) {
			t.Errorf("FolderAndAncestors(%q) = %q, want %q", in, got, want)
		}
	}
}
