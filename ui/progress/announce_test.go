package progress

import (
	"errors"
	"testing"

	"github.com/byline-reader/byline/model"
)

func TestAnnounce(t *testing.T) {
	feed := func(title string, n int) model.FeedDone {
		return model.FeedDone{Feed: model.Feed{Title: title, URL: "https://x.example/" + title}, New: n}
	}
	for _, c := range []struct {
		name   string
		feeds  []model.FeedDone
		synced []Account
		want   string
	}{
		{name: "nothing new", feeds: []model.FeedDone{feed("Quiet", 0), {Err: errors.New("HTTP 500")}}},
		{name: "one", feeds: []model.FeedDone{feed("Ars Technica", 1)}, want: "1 new article · Ars Technica"},
		{name: "most first", feeds: []model.FeedDone{feed("Ars Technica", 1), feed("Quiet", 0), feed("The Verge", 3)},
			want: "4 new articles · The Verge, Ars Technica"},
		{name: "more than three", feeds: []model.FeedDone{feed("A", 1), feed("B", 2), feed("C", 3), feed("D", 4), feed("E", 1000)},
			want: "1,010 new articles · E, D, C +2 more"},
		{name: "an account", feeds: []model.FeedDone{feed("Ars Technica", 2)}, synced: []Account{{Name: "home", New: 5}, {Name: "work"}},
			want: "7 new articles · home, Ars Technica"},
		{name: "a user's title", feeds: []model.FeedDone{{Feed: model.Feed{Title: "Feed", Settings: model.FeedSettings{Title: "Mine"}}, New: 2}},
			want: "2 new articles · Mine"},
	} {
		var tl Tally
		for _, fd := range c.feeds {
			tl.Feed(fd)
		}
		tl.Synced = c.synced
		if got := tl.Announce(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
