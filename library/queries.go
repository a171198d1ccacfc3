package library

import (
	"context"
	"errors"
	"fmt"

	"github.com/byline-reader/byline/model"
)

// QueryCounts counts the unread articles each expression of the filter
// language selects: the live counts of the saved queries in the feeds
// pane, one query of the store each. A count that cannot be made is -1
// and the error names its expression; the others are counted all the
// same, unless ctx ends.
func (l *Library) QueryCounts(ctx context.Context, exprs []string) ([]int, error) {
	counts := make([]int, len(exprs))
	var errs []error
	for i, expr := range exprs {
		n, err := l.CountArticles(ctx, model.ArticleQuery{Unread: true, Filter: expr})
		if err != nil {
			n = -1
			errs = append(errs, fmt.Errorf("count %q: %w", expr, err))
		}
		counts[i] = n
		if ctx.Err() != nil {
			for j := i + 1; j < len(counts); j++ {
				counts[j] = -1
			}
			errs = append(errs, ctx.Err())
			break
		}
	}
	return counts, errors.Join(errs...)
}
