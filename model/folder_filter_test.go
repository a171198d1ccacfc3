package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model/filter"
)

// The filter language's folder list (filter.FolderList, which cannot
// import this package) splits a path as FolderNames does: the path and
// every path it sits in.
func TestFilterFolderListAgrees(t *testing.T) {
	for _, path := range []string{"", "News", "News/World", " News / World /x", "/", "a//b/", "Café/∕x",
		FolderPath("Sport", "Rugby/Union", "  Six Nations ")} {
		names := FolderNames(path)
		var want []string
		for i := len(names); i > 0; i-- {
			want = append(want, strings.Join(names[:i], FolderSep))
		}
		if got := filter.FolderList(path); !slices.Equal(got, want) {
			t.Errorf("filter.FolderList(%q) = %q, want %q", path, got, want)
		}
	}
}
