package keys

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/byline-reader/byline/model"
)

// ConfigError is a mistake in the configuration's [keys]. Action is the
// entry at fault as the file names it, for Line to find its line.
type ConfigError struct {
	Action  string
	Problem string // what is wrong, naming the action
}

func (e *ConfigError) Error() string { return "[keys] " + e.Problem }

// Line is the line of the configuration file data that sets the entry
// err (Check's) blames; 0 when it cannot tell.
func Line(data []byte, err error) int {
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return 0
	}
	return model.KeyLine(data, "keys", ce.Action)
}

// Check checks the configuration's [keys] (action → "key,key") against
// the table: every name is an action that can be rebound, every entry has
// keys, and no key is two actions' on one screen once the entries are
// applied (a conflict the defaults alone would make is the table's, not
// the file's). The error is the first mistake, a *ConfigError.
func Check(conf map[string]string) error {
	byName := actionNames()
	for _, name := range slices.Sorted(maps.Keys(conf)) {
		if _, ok := byName[name]; !ok {
			names := slices.Sorted(maps.Keys(byName))
			if near := nearest(name, names); near != "" {
				return &ConfigError{name, fmt.Sprintf("%q is not an action: did you mean %q?", name, near)}
			}
			return &ConfigError{name, fmt.Sprintf("%q is not an action (actions: %s)", name, strings.Join(names, ", "))}
		}
		if len(splitKeys(conf[name])) == 0 {
			return &ConfigError{name, fmt.Sprintf("%s has no keys", name)}
		}
	}
	actions := table
	rebind(&actions, conf)
	for sc := range numScreens {
		if err := checkScreen(&actions, conf, sc); err != nil {
			return err
		}
	}
	return nil
}

// checkScreen finds a key that two actions have on the screen, one of
// them set by the file.
func checkScreen(actions *[count]Action, conf map[string]string, sc Screen) error {
	owner := map[string]ID{}
	for id, a := range actions {
		for _, u := range a.On {
			if u.Screen != sc {
				continue
			}
			ks := a.Keys
			if u.Keys != nil {
				ks = u.Keys
			}
			for _, k := range ks {
				prev, taken := owner[k]
				if !taken {
					owner[k] = ID(id)
					continue
				}
				if prev == ID(id) {
					continue // "j,j"
				}
				// Blame the entry the file set: this action's, else the other's.
				blamed, other := a, actions[prev]
				if _, set := conf[blamed.Name]; !set {
					blamed, other = other, blamed
				}
				if _, set := conf[blamed.Name]; !set {
					continue // the table's own: not the file's mistake
				}
				return &ConfigError{blamed.Name, fmt.Sprintf("%s = %q: %s is also the key of %s on the %s screen",
					blamed.Name, conf[blamed.Name], k, describe(other), sc)}
			}
		}
	}
	return nil
}

// describe names an action for an error: its [keys] name, or what it does
// for a fixed key.
func describe(a Action) string {
	if a.Name != "" {
		return a.Name
	}
	return fmt.Sprintf("%q (fixed)", a.Desc)
}

// actionNames are the actions [keys] can rebind, by name.
func actionNames() map[string]ID {
	byName := map[string]ID{}
	for id, a := range table {
		if a.Name != "" {
			byName[a.Name] = ID(id)
		}
	}
	return byName
}

// splitKeys reads an entry's keys: comma separated, blanks ignored.
func splitKeys(s string) []string {
	var ks []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			ks = append(ks, k)
		}
	}
	return ks
}

// nearest is the name a mistyped one most likely meant: the closest by
// edits (a letter added, dropped or changed), when there is at most one
// edit for every three letters typed; "" when none is that close.
func nearest(typed string, names []string) string {
	best, bestDist := "", len(typed)/3+1
	for _, n := range names {
		if d := edits(typed, n); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// edits is the Levenshtein distance between a and b, over bytes (action
// names are ASCII).
func edits(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
