package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"

	"modernc.org/sqlite"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/filtersql"
)

// The filter language runs in the database (store/filtersql makes an
// expression SQL); the Go functions its SQL calls back into are
// registered with the driver here, the one package that imports it.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction(filtersql.MatchFunc, 2,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			return filtersql.Match(args)
		})
	sqlite.MustRegisterDeterministicScalarFunction(filtersql.TextFunc, 3,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			return filtersql.Text(args)
		})
}

// filterWhere is q.Filter compiled, ready to join the other conditions;
// nil when there is none. It brings the full-text index up to date first
// when the filter reads it.
func (s *Store) filterWhere(ctx context.Context, q model.ArticleQuery, walk bool) (*filtersql.Compiled, error) {
	if strings.TrimSpace(q.Filter) == "" {
		return nil, nil
	}
	f, err := filtersql.Compile(q.Filter, s.now(), walk)
	if err != nil {
		return nil, err
	}
	if f.ReadsIndex {
		if _, err := s.IndexPending(ctx); err != nil {
			f.Release()
			return nil, err
		}
	}
	return f, nil
}

// SaveQuoteStats keeps what the filter language's quotes and speaker read
// of an opened article: how many quotations it holds and who speaks in
// them (each name once, in order of first appearance, one a line). It
// writes only when they changed.
func (s *Store) SaveQuoteStats(ctx context.Context, id int64, quotes int, speakers []string) error {
	var names []string
	seen := map[string]bool{}
	for _, sp := range speakers {
		name := strings.Join(strings.Fields(sp), " ")
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, capText(name, maxLineBytes))
		}
	}
	list := strings.Join(names, "\n")
	_, err := s.db.ExecContext(ctx, `UPDATE articles SET quote_count = ?1, speakers = ?2
		WHERE id = ?3 AND (quote_count <> ?1 OR speakers <> ?2)`, quotes, list, id)
	if err != nil {
		return fmt.Errorf("save quote stats of article %d: %w", id, err)
	}
	return nil
}
