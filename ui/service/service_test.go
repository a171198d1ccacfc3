package service

import (
	"context"
	"errors"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/desktop"
)

// fakeLibrary answers the few calls these tests make.
type fakeLibrary struct {
	Library
	counted model.ArticleQuery
	err     error
}

func (f *fakeLibrary) CountArticles(_ context.Context, q model.ArticleQuery) (int, error) {
	f.counted = q
	return 1000, f.err
}

func (f *fakeLibrary) Articles(_ context.Context, q model.ArticleQuery) ([]model.Article, error) {
	return make([]model.Article, q.Limit), nil
}

func (f *fakeLibrary) Mark(_ context.Context, ids []int64, _, _ *bool) (int, error) {
	return len(ids), f.err
}

func TestLoadWindowCountsTheWholeQuery(t *testing.T) {
	lib := &fakeLibrary{}
	msg := LoadWindow(context.Background(), lib, model.ArticleQuery{Text: "x", Offset: 400, Limit: 50}, 7)().(WindowMsg)
	if msg.Gen != 7 || msg.Start != 400 || msg.Total != 1000 || len(msg.Articles) != 50 || msg.Err != nil {
		t.Fatalf("%+v", msg)
	}
	if lib.counted != (model.ArticleQuery{Text: "x"}) {
		t.Fatalf("counted %+v", lib.counted)
	}
	lib.err = errors.New("locked")
	if msg := LoadWindow(context.Background(), lib, model.ArticleQuery{}, 8)().(WindowMsg); msg.Gen != 8 || msg.Err == nil ||
		msg.Err.Error() != "count headlines: locked" {
		t.Fatalf("%+v", msg)
	}
}

func TestAnswersCarryWhatWasAsked(t *testing.T) {
	lib := &fakeLibrary{}
	if msg := Mark(context.Background(), lib, 2, nil, nil, "star")().(MarkedMsg); msg.What != "star" || msg.Err != nil {
		t.Fatalf("%+v", msg)
	}
	if msg := OpenMail(nil, "mailto:x")().(MailMsg); msg.Link != "mailto:x" || !errors.Is(msg.Err, desktop.ErrNoMailProgram) {
		t.Fatalf("%+v", msg)
	}
	ch := make(chan model.FeedDone)
	close(ch)
	if msg := NextFeedDone(context.Background(), 4, ch)().(FeedDoneMsg); msg.Gen != 4 || !msg.Done {
		t.Fatalf("%+v", msg)
	}
	if msg := Copy(context.Background(), nil, "x", "link")().(CopiedMsg); msg.What != "link" || msg.Tool != "" || msg.Err != nil {
		t.Fatalf("%+v", msg)
	}
}
