package service

import (
	"context"
	"errors"
	"testing"

	"github.com/byline-reader/byline/model"
)

type readingLibrary struct {
	fakeLibrary
	needsPage bool
}

func (r *readingLibrary) OpenStored(_ context.Context, id int64) (model.Reading, bool, error) {
	return model.Reading{Article: model.Article{ID: id}, Body: "Stored text."}, r.needsPage, r.err
}

func (r *readingLibrary) FetchPage(_ context.Context, id int64) (model.Reading, error) {
	return model.Reading{Article: model.Article{ID: id}, Body: "The whole page."}, r.err
}

func (r *readingLibrary) Read(_ context.Context, link string) (model.Reading, error) {
	return model.Reading{Article: model.Article{URL: link}, Body: "A linked page."}, r.err
}

// TestReadingAnswersCarryTheirOpening: every answer about the article in
// the reader carries the opening (and the page's fetch) it was asked for,
// made ready for the reader, or the error, said with what was being done.
func TestReadingAnswersCarryTheirOpening(t *testing.T) {
	lib := &readingLibrary{needsPage: true}
	ctx := context.Background()
	if msg := OpenArticle(ctx, lib, 3, 9)().(ArticleMsg); msg.Seq != 3 || msg.Reading.Article.ID != 9 || msg.Doc == nil || !msg.NeedsPage {
		t.Errorf("open: %+v", msg)
	}
	if msg := GivenArticle(4, model.Reading{Body: "Given."})().(ArticleMsg); msg.Seq != 4 || msg.Doc == nil || msg.NeedsPage {
		t.Errorf("given: %+v", msg)
	}
	if msg := ReadLink(ctx, lib, 5, "https://example.com/a")().(ArticleMsg); msg.Seq != 5 || msg.Reading.Article.URL != "https://example.com/a" || msg.Doc == nil {
		t.Errorf("link: %+v", msg)
	}
	if msg := FetchPage(ctx, lib, 6, 2, 9, 60, true, false)().(PageMsg); msg.Seq != 6 || msg.Fetch != 2 || msg.Ready.Doc == nil || msg.Err != nil {
		t.Errorf("page: %+v", msg)
	}
	lib.err = errors.New("locked")
	if msg := OpenArticle(ctx, lib, 3, 9)().(ArticleMsg); msg.Seq != 3 || msg.Err == nil || msg.Err.Error() != "open article 9: locked" {
		t.Errorf("open failed: %+v", msg)
	}
	if msg := FetchPage(ctx, lib, 6, 2, 9, 60, true, false)().(PageMsg); msg.Fetch != 2 || msg.Err == nil || msg.Err.Error() != "fetch the page: locked" {
		t.Errorf("page failed: %+v", msg)
	}
}
