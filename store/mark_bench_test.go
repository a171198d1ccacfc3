package store

import (
	"context"
	"testing"

	"github.com/byline-reader/byline/model"
)

// BenchmarkMarkQueryRead marks a view of the big store read (A) and then
// exactly those articles unread again (its undo), so each round starts
// from the same state.
func BenchmarkMarkQueryRead(b *testing.B) {
	s := openBig(b)
	ctx := context.Background()
	unread := false
	for _, bm := range []struct {
		name string
		q    model.ArticleQuery
	}{
		{"one feed", model.ArticleQuery{FeedID: 250}},
		{"folder", model.ArticleQuery{Tag: "group 3"}},
		{"all", model.ArticleQuery{}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				ids, err := s.MarkQueryRead(ctx, bm.q)
				if err != nil || len(ids) == 0 {
					b.Fatal(len(ids), err)
				}
				if _, err := s.Mark(ctx, ids, &unread, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
