package service

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/byline-reader/byline/model"
)

type markLibrary struct {
	fakeLibrary
	marked model.ArticleQuery
	ids    []int64
	read   *bool
}

func (m *markLibrary) MarkQueryRead(_ context.Context, q model.ArticleQuery) ([]int64, error) {
	m.marked = q
	return []int64{4, 5}, m.err
}

func (m *markLibrary) Mark(_ context.Context, ids []int64, read, _ *bool) (int, error) {
	m.ids, m.read = ids, read
	return len(ids), m.err
}

func TestMarksOfManyCarryWhatWasAsked(t *testing.T) {
	lib := &markLibrary{}
	ctx := context.Background()
	if msg := CountUnread(ctx, lib, 3, model.ArticleQuery{Tag: "tech", Limit: 50, Offset: 100})().(CountMsg); msg.Seq != 3 || msg.N != 1000 {
		t.Fatalf("%+v", msg)
	}
	if lib.counted != (model.ArticleQuery{Tag: "tech", Unread: true}) {
		t.Errorf("counted %+v", lib.counted)
	}
	msg := MarkQueryRead(ctx, lib, model.ArticleQuery{FeedID: 2}, "Ars Technica")().(MarkedManyMsg)
	if !slices.Equal(msg.IDs, []int64{4, 5}) || msg.Where != "Ars Technica" || msg.Undo || lib.marked.FeedID != 2 {
		t.Errorf("%+v", msg)
	}
	msg = UnmarkMany(ctx, lib, []int64{4, 5}, false, "marked 2 articles read in Ars Technica")().(MarkedManyMsg)
	if !msg.Undo || msg.What == "" || !slices.Equal(lib.ids, []int64{4, 5}) || lib.read == nil || *lib.read {
		t.Errorf("%+v, marked %v read=%v", msg, lib.ids, lib.read)
	}
	lib.err = errors.New("locked")
	if msg := MarkQueryRead(ctx, lib, model.ArticleQuery{}, "All articles")().(MarkedManyMsg); msg.Err == nil ||
		msg.Err.Error() != "mark All articles read: locked" {
		t.Errorf("%+v", msg)
	}
}
