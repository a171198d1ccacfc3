package library

import (
	"context"

	"github.com/byline-reader/byline/store"
	"github.com/byline-reader/byline/store/newsboat"
)

// StateImport counts what ImportNewsboatState did (or would do).
type StateImport = store.StateResult

// ImportNewsboatState carries the read and starred state of the articles
// in newsboat's cache.db at path onto the same articles here, in one
// transaction (store.ApplyState: state merged, never taken away). An
// article newsboat flagged with any of starFlags is starred. The file is
// only read; one that is missing or not newsboat's is ErrBadInput.
func (l *Library) ImportNewsboatState(ctx context.Context, path, starFlags string, dryRun bool) (StateImport, error) {
	marks, err := newsboat.Read(ctx, path, starFlags)
	if err != nil {
		if ctx.Err() != nil {
			return StateImport{}, err
		}
		return StateImport{}, badInput("%w", err)
	}
	// Feed URLs as byline keeps them, as import would have written them.
	seen := map[string]string{}
	for i, m := range marks {
		u, ok := seen[m.FeedURL]
		if !ok {
			if u, err = normaliseURL(m.FeedURL); err != nil {
				u = m.FeedURL
			}
			seen[m.FeedURL] = u
		}
		marks[i].FeedURL = u
	}
	return l.store.ApplyState(ctx, marks, dryRun)
}
