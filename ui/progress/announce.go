package progress

import (
	"fmt"
	"slices"
	"strings"
)

// Source is a feed or an account that brought new articles.
type Source struct {
	Name string
	New  int
}

// announceNames is how many sources an announcement names.
const announceNames = 3

// Announce is what the status line says when an automatic refresh
// brought new articles: "4 new articles · Ars Technica, The Verge", the
// sources that brought most first, and "+N more" past three. It is ""
// when nothing new came.
func (t Tally) Announce() string {
	sources := slices.Clone(t.NewIn)
	for _, s := range t.Synced {
		if s.New > 0 {
			sources = append(sources, Source{Name: s.Name, New: s.New})
		}
	}
	total := 0
	for _, s := range sources {
		total += s.New
	}
	if total == 0 {
		return ""
	}
	slices.SortStableFunc(sources, func(a, b Source) int { return b.New - a.New })
	names := make([]string, 0, announceNames)
	for _, s := range sources[:min(len(sources), announceNames)] {
		names = append(names, s.Name)
	}
	line := fmt.Sprintf("%s new %s · %s", Thousands(total), plural(total, "article", "articles"), strings.Join(names, ", "))
	if more := len(sources) - len(names); more > 0 {
		line += fmt.Sprintf(" +%d more", more)
	}
	return line
}
