package main

import (
	"slices"
	"strings"

	"github.com/byline-reader/byline/model"
)

// withSavedQuery is the filter of `list`: --filter's expression, and the
// saved query that --query names, both holding when both are given. A
// query not in the configuration, or refused when it was read, is bad
// usage that says why.
func withSavedQuery(e *env, name, expr string) (string, error) {
	if name == "" {
		return expr, nil
	}
	cfg, err := e.config()
	if err != nil {
		return "", err
	}
	saved := cfg.SavedQueries()
	i := slices.IndexFunc(saved, func(q model.SavedQuery) bool { return q.Name == name })
	var q model.SavedQuery
	if i >= 0 {
		q = saved[i]
	}
	switch ok := i >= 0; {
	case !ok && len(saved) == 0:
		return "", usagef("no saved query %q: the configuration has no [queries]", name)
	case !ok:
		return "", usagef("no saved query %q (the configuration has %s)", name, queryNames(saved))
	case q.Err != nil:
		return "", usagef("%v", q.Err)
	case strings.TrimSpace(expr) == "":
		return q.Filter, nil
	}
	return "(" + q.Filter + ") and (" + expr + ")", nil
}

func queryNames(qs []model.SavedQuery) string {
	names := make([]string, len(qs))
	for i, q := range qs {
		names[i] = q.Name
	}
	return strings.Join(names, ", ")
}
