package model

import (
	"errors"
	"fmt"
	"sort"

	"github.com/BurntSushi/toml"

	"github.com/byline-reader/byline/model/filter"
)

// SavedQuery is one line of [queries]: a name for an expression of the
// filter language, which the feeds pane lists with its unread count and
// `list --query` runs. Err is why the expression is refused (nil when it
// parses): such a query stays listed with its error, never run, so one
// mistake does not stop byline.
type SavedQuery struct {
	Name, Filter string
	Err          error
}

// Queries are the saved queries, in the file's order.
type Queries []SavedQuery

// UnmarshalTOML reads the [queries] table, each expression checked;
// ParseConfig then puts them in the file's order.
func (qs *Queries) UnmarshalTOML(v any) error {
	table, ok := v.(map[string]any)
	if !ok {
		return errors.New(`[queries] must be a table of name = "expression"`)
	}
	for name, value := range table {
		q := SavedQuery{Name: name}
		if q.Filter, ok = value.(string); !ok {
			q.Err = errors.New(`the expression must be a "quoted string"`)
		} else if _, err := filter.Parse(q.Filter); err != nil {
			q.Err = err
		}
		if q.Err != nil {
			q.Err = fmt.Errorf("query %q: %w", SanitizeLine(name), q.Err)
		}
		*qs = append(*qs, q)
	}
	sort.Slice(*qs, func(i, j int) bool { return (*qs)[i].Name < (*qs)[j].Name })
	return nil
}

// order puts the queries in the order of the file's keys, and cleans
// their names, which are shown.
func (qs Queries) order(keys []toml.Key) {
	at := map[string]int{}
	for i, k := range keys {
		if len(k) == 2 && k[0] == "queries" {
			at[k[1]] = i
		}
	}
	sort.SliceStable(qs, func(i, j int) bool { return at[qs[i].Name] < at[qs[j].Name] })
	for i := range qs {
		qs[i].Name = SanitizeLine(qs[i].Name)
	}
}

// Query is the saved query named name.
func (c Config) Query(name string) (SavedQuery, bool) {
	for _, q := range c.Queries {
		if q.Name == name {
			return q, true
		}
	}
	return SavedQuery{}, false
}
