package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// TestMarkChangesSaysWhichChanged: each flag's changed articles are named,
// so the change can be reversed exactly.
func TestMarkChangesSaysWhichChanged(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	save(t, s, addFeed(t, s, "https://f.example/feed"), items(0, 3))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	a, b, c := list[0].ID, list[1].ID, list[2].ID
	if _, err := s.Mark(ctx, []int64{a}, ptr(true), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Mark(ctx, []int64{b}, nil, ptr(true)); err != nil {
		t.Fatal(err)
	}
	readIDs, starIDs, err := s.MarkChanges(ctx, []int64{a, b, c}, ptr(true), ptr(true))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(readIDs)
	slices.Sort(starIDs)
	if !slices.Equal(readIDs, sorted(b, c)) || !slices.Equal(starIDs, sorted(a, c)) {
		t.Errorf("changed read %v, starred %v; want read %v, starred %v", readIDs, starIDs, sorted(b, c), sorted(a, c))
	}
	if n, err := s.Mark(ctx, []int64{a, b}, ptr(false), ptr(true)); n != 2 || err != nil {
		t.Errorf("Mark counts an article once whatever changed: %d, %v", n, err)
	}
	if _, _, err := s.MarkChanges(ctx, []int64{998}, ptr(true), nil); !isNotFound(err) {
		t.Errorf("MarkChanges of no article: %v", err)
	}
}

func sorted(ids ...int64) []int64 { slices.Sort(ids); return ids }

// TestMarkQueryRead: a folder marked read gives back exactly the articles
// it changed, and marking those unread restores the folder as it was.
func TestMarkQueryRead(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f, err := s.AddFeed(ctx, model.Feed{URL: "https://f.example/feed", Tags: []string{"Tech"}})
	if err != nil {
		t.Fatal(err)
	}
	g := addFeed(t, s, "https://g.example/feed")
	save(t, s, f, items(0, 4))
	save(t, s, g, items(10, 12))
	inF, _ := s.Articles(ctx, model.ArticleQuery{FeedID: f.ID})
	s.Mark(ctx, []int64{inF[0].ID}, ptr(true), nil) // read before: stays read after the undo
	ids, err := s.MarkQueryRead(ctx, model.ArticleQuery{Tag: "tech", Limit: 1})
	if err != nil || len(ids) != 3 || slices.Contains(ids, inF[0].ID) {
		t.Fatalf("MarkQueryRead = %v, %v; want the 3 unread of the folder", ids, err)
	}
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{Unread: true}); n != 2 {
		t.Errorf("%d unread left, want the other feed's 2", n)
	}
	if again, err := s.MarkQueryRead(ctx, model.ArticleQuery{Tag: "tech"}); len(again) != 0 || err != nil {
		t.Errorf("marking again changed %v, %v", again, err)
	}
	if _, err := s.Mark(ctx, ids, ptr(false), nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{FeedID: f.ID, Unread: true}); n != 3 {
		t.Errorf("after the undo %d unread in the folder, want 3", n)
	}
	if a, _ := s.Article(ctx, inF[0].ID); !a.Read {
		t.Error("the undo marked unread an article the mark did not change")
	}
}

// TestMarkQueryReadQueuesAccountItems: marking an account's view read
// queues an outbox entry for each item changed, as Mark does.
func TestMarkQueryReadQueuesAccountItems(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	acct := newAccount(t, s, "home")
	s.SyncFeeds(ctx, acct.ID, []model.Feed{{RemoteID: "feed/1", URL: "https://example.com/feed"}})
	if _, _, err := s.SaveItems(ctx, acct.ID, []model.SyncItem{
		syncItem(1, "feed/1", false, false), syncItem(2, "feed/1", true, false)}, time.Now()); err != nil {
		t.Fatal(err)
	}
	save(t, s, addFeed(t, s, "https://local.example/feed"), items(0, 2))
	ids, err := s.MarkQueryRead(ctx, model.ArticleQuery{Account: "home"})
	if err != nil || len(ids) != 1 {
		t.Fatalf("MarkQueryRead = %v, %v", ids, err)
	}
	out, _ := s.Outbox(ctx, acct.ID)
	if len(out) != 1 || out[0].Item != 1 || out[0].Starred || !out[0].Set {
		t.Fatalf("outbox = %+v", out)
	}
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{Unread: true}); n != 2 {
		t.Errorf("%d unread left, want byline's own 2", n)
	}
}

func TestFeedsCountStarred(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://f.example/feed")
	save(t, s, f, items(0, 3))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	s.Mark(ctx, []int64{list[0].ID, list[2].ID}, nil, ptr(true))
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0].Starred != 2 {
		t.Errorf("Feeds = %+v, %v; want 2 starred", feeds, err)
	}
}

// TestMarkChangesAllOrNothing: one id that names no article makes
// MarkChanges change nothing and name the missing ids, once each, in the
// order given; Mark (the app's undo) still marks the ones that exist.
func TestMarkChangesAllOrNothing(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 2))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	a, b := list[0].ID, list[1].ID

	readIDs, starIDs, err := s.MarkChanges(ctx, []int64{a, 9999, b, 9998, 9999}, ptr(true), ptr(true))
	var me *MissingError
	if !errors.As(err, &me) || !errors.Is(err, ErrNotFound) || readIDs != nil || starIDs != nil {
		t.Fatalf("MarkChanges = %v, %v, %v; want a MissingError and nothing changed", readIDs, starIDs, err)
	}
	if want := []int64{9999, 9998}; !reflect.DeepEqual(me.IDs, want) {
		t.Errorf("missing %v, want %v", me.IDs, want)
	}
	if got := me.Error(); got != "no article with id 9999, 9998" {
		t.Errorf("error %q", got)
	}
	for _, id := range []int64{a, b} {
		if art, _ := s.Article(ctx, id); art.Read || art.Starred {
			t.Errorf("article %d changed by a refused mark: read %v starred %v", id, art.Read, art.Starred)
		}
	}

	readIDs, _, err = s.MarkChanges(ctx, []int64{a, a}, ptr(true), nil)
	if err != nil || !reflect.DeepEqual(readIDs, []int64{a}) {
		t.Errorf("MarkChanges of one id twice = %v, %v", readIDs, err)
	}
	if n, err := s.Mark(ctx, []int64{b, 9999}, ptr(true), nil); n != 1 || err != nil {
		t.Errorf("Mark with one missing = %d, %v; want the other marked", n, err)
	}
	if _, err := s.Mark(ctx, []int64{9999, 9999}, ptr(true), nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("Mark of none that exist: %v", err)
	}
}
