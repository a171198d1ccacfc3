package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestEnclosuresAndCommentsRoundTrip(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://pod.example/feed")
	files := []model.Enclosure{
		{URL: "https://cdn.example/1.mp3", Type: "audio/mpeg", Length: 50 << 20, Duration: 34*time.Minute + 12*time.Second},
		{URL: "https://cdn.example/1.ogg"},
	}
	in := item(1)
	in.Comments, in.Enclosures = "https://pod.example/1#comments", files
	plain := item(2)
	save(t, s, f, []model.Article{in, plain})
	get := func(key string) model.Article {
		t.Helper()
		list, err := s.Articles(ctx, model.ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range list {
			if h.Enclosures != nil || h.Comments != "" {
				t.Errorf("a headline carries files or comments: %+v", h)
			}
			if h.Key == key {
				a, err := s.Article(ctx, h.ID)
				if err != nil {
					t.Fatal(err)
				}
				return a
			}
		}
		t.Fatalf("no article %s", key)
		return model.Article{}
	}
	a := get(in.Key)
	if a.Comments != in.Comments || !reflect.DeepEqual(a.Enclosures, files) {
		t.Fatalf("stored %q %+v, want %q %+v", a.Comments, a.Enclosures, in.Comments, files)
	}
	if b := get(plain.Key); b.Comments != "" || b.Enclosures != nil {
		t.Errorf("an article without files reads %q %+v", b.Comments, b.Enclosures)
	}

	// The item changes and no longer lists them: they are kept.
	edited := item(1)
	edited.Title = "Headline 1, corrected"
	save(t, s, f, []model.Article{edited})
	if a := get(in.Key); a.Title != edited.Title || a.Comments != in.Comments || !reflect.DeepEqual(a.Enclosures, files) {
		t.Errorf("after an update: %q %q %+v", a.Title, a.Comments, a.Enclosures)
	}
	// New files replace them.
	moved := edited
	moved.Enclosures = []model.Enclosure{{URL: "https://cdn2.example/1.mp3", Type: "audio/mpeg"}}
	save(t, s, f, []model.Article{moved})
	if a := get(in.Key); !reflect.DeepEqual(a.Enclosures, moved.Enclosures) || a.Comments != in.Comments {
		t.Errorf("after new files: %q %+v", a.Comments, a.Enclosures)
	}
}

// TestOldItemsGainTheirFiles: an item stored before files were kept has
// the same sum as before unless it has files, so a refresh rewrites only
// the podcasts, which then gain theirs.
func TestOldItemsGainTheirFiles(t *testing.T) {
	a := item(1)
	before := feedHash(a)
	a.Enclosures = []model.Enclosure{}
	if feedHash(a) != before {
		t.Error("an item without files sums differently")
	}
	a.Enclosures = []model.Enclosure{{URL: "https://cdn.example/1.mp3"}}
	if feedHash(a) == before {
		t.Error("files do not change the sum")
	}
}

func TestEnclosuresEncoding(t *testing.T) {
	many := make([]model.Enclosure, 20)
	for i := range many {
		many[i] = model.Enclosure{URL: "https://cdn.example/x.mp3", Length: -5, Duration: -time.Second}
	}
	got := decodeEnclosures(encodeEnclosures(many))
	if len(got) != maxEnclosures || got[0].Length != 0 || got[0].Duration != 0 {
		t.Errorf("kept %d, first %+v", len(got), got[0])
	}
	if encodeEnclosures([]model.Enclosure{{URL: ""}, {URL: "https://x/" + strings.Repeat("a", maxLinkBytes)}}) != "" {
		t.Error("files without a usable link were kept")
	}
	for _, bad := range []string{"", "{", "null", `[{"url": 5}]`} {
		if es := decodeEnclosures(bad); len(es) != 0 {
			t.Errorf("decode(%q) = %+v", bad, es)
		}
	}
}

func TestInsertArticleKeepsFiles(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://pod.example/feed")
	in := item(3)
	in.FeedID, in.Comments = f.ID, "https://pod.example/3#c"
	in.Enclosures = []model.Enclosure{{URL: "https://cdn.example/3.mp3", Type: "audio/mpeg", Length: 9}}
	id, err := s.InsertArticle(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, id)
	if err != nil || a.Comments != in.Comments || !reflect.DeepEqual(a.Enclosures, in.Enclosures) {
		t.Errorf("%v: %q %+v", err, a.Comments, a.Enclosures)
	}
}
