package feedset

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestEditFeedSetsAndResets(t *testing.T) {
	f := model.Feed{ID: 1, Title: "Own", Folder: "News", Tags: []string{"old"}}
	f, err := EditFeed(f, []FeedValue{{"title", " Mine "}, {"interval", "90m"}, {"fetch", "FEED"},
		{"user_agent", "Bot/1"}, {"keep_days", "30"}, {"keep_items", "200"}, {"folder", " Tech / Go "},
		{"tags", "#go, tools,, go"}})
	if err != nil {
		t.Fatal(err)
	}
	want := model.FeedSettings{Title: "Mine", Interval: 90 * time.Minute, FetchMode: "feed",
		UserAgent: "Bot/1", KeepDays: 30, KeepItems: 200}
	if f.Settings != want || f.Title != "Own" || f.Folder != "Tech/Go" || !slices.Equal(f.Tags, []string{"go", "tools"}) {
		t.Fatalf("edited: %+v", f)
	}
	if f.DisplayTitle() != "Mine" {
		t.Errorf("display title %q", f.DisplayTitle())
	}
	got := FeedValues(f)
	wantValues := []FeedValue{{"title", "Mine"}, {"folder", "Tech/Go"}, {"tags", "go, tools"}, {"interval", "1h30m"},
		{"fetch", "feed"}, {"user_agent", "Bot/1"}, {"keep_days", "30"}, {"keep_items", "200"}}
	if !slices.Equal(got, wantValues) {
		t.Errorf("values %v", got)
	}
	// The values shown, given back, change nothing; "" resets each.
	if again, err := EditFeed(f, got); err != nil || again.Settings != f.Settings || again.Folder != f.Folder || !slices.Equal(again.Tags, f.Tags) {
		t.Errorf("round trip: %+v, %v", again, err)
	}
	var resets []FeedValue
	for _, k := range FeedKeys {
		resets = append(resets, FeedValue{k, ""})
	}
	f, err = EditFeed(f, resets)
	if err != nil || f.Settings != (model.FeedSettings{}) || f.Tags != nil || f.Folder != "" {
		t.Errorf("reset: %+v, %v", f, err)
	}
}

func TestEditFeedAllAndAuto(t *testing.T) {
	f, err := EditFeed(model.Feed{}, []FeedValue{{"keep_days", "all"}, {"keep_items", "0"}, {"interval", "auto"}, {"fetch", "full"}})
	if err != nil {
		t.Fatal(err)
	}
	if f.Settings.KeepDays != -1 || f.Settings.KeepItems != 0 || f.Settings.Interval != 0 || f.Settings.FetchMode != "" {
		t.Errorf("%+v", f.Settings)
	}
	if v := FeedValues(f); v[6].Value != "all" {
		t.Errorf("keep_days shows %q", v[6].Value)
	}
}

func TestEditFeedRefusesNamingTheKey(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"interval", "soon", `interval: "soon" is not allowed: a duration`},
		{"interval", "10s", `interval: "10s" is not allowed`},
		{"interval", "-5m", `interval: "-5m"`},
		{"fetch", "page", `fetch: "page" is not allowed: "full"`},
		{"keep_days", "-3", `keep_days: "-3" is not allowed: a number of days`},
		{"keep_items", "many", `keep_items: "many" is not allowed: a number of articles`},
		{"keep_items", "99999999999", `keep_items: "99999999999"`},
		{"user_agent", strings.Repeat("x", 400), `user_agent: at most 300 bytes`},
	} {
		_, err := EditFeed(model.Feed{}, []FeedValue{{c.key, c.value}})
		var se *SettingError
		if !errors.As(err, &se) || se.Key != c.key || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s=%s: %v", c.key, c.value, err)
		}
	}
	_, err := EditFeed(model.Feed{}, []FeedValue{{"colour", "red"}})
	if !errors.Is(err, ErrUnknownKey) || !strings.Contains(err.Error(), `"colour"`) || !strings.Contains(err.Error(), "keep_items") {
		t.Errorf("unknown key: %v", err)
	}
}

func TestEditFeedOfAnAccount(t *testing.T) {
	f := model.Feed{Account: "mf", Title: "Server's", Folder: "a", Tags: []string{"b"}}
	if v := FeedValues(f); v[0].Value != "Server's" || v[1].Value != "a" || v[2].Value != "b" {
		t.Errorf("values %v", v)
	}
	g, err := EditFeed(f, []FeedValue{{"title", ""}, {"folder", "a"}, {"user_agent", "X"}})
	if err != nil || g.Title != "Server's" || g.Settings.Title != "" || g.Folder != "a" || g.Settings.UserAgent != "X" {
		t.Errorf("unchanged title and folders: %+v %v", g, err)
	}
	g, _ = EditFeed(f, []FeedValue{{"title", "Renamed"}})
	if g.Title != "Renamed" || g.Settings.Title != "" {
		t.Errorf("renamed: %+v", g)
	}
}

func TestEditFeedSanitises(t *testing.T) {
	f, err := EditFeed(model.Feed{}, []FeedValue{{"title", "a\x1b[31m\nb"}, {"user_agent", "UA\tx"}})
	if err != nil || strings.ContainsAny(f.Settings.Title+f.Settings.UserAgent, "\x1b\n\t") {
		t.Errorf("%q %q %v", f.Settings.Title, f.Settings.UserAgent, err)
	}
}

// FuzzEditFeed: whatever is typed, a setting is refused with one line
// naming its key, or kept in its limits and shown back as it is read.
func FuzzEditFeed(f *testing.F) {
	for _, s := range []string{"", "30m", "auto", "all", "0", "12", "feed", "full", "x\x00y", "1e9h", "-1"} {
		for i := range FeedKeys {
			f.Add(i, s)
		}
	}
	f.Fuzz(func(t *testing.T, k int, value string) {
		key := FeedKeys[(k%len(FeedKeys)+len(FeedKeys))%len(FeedKeys)]
		g, err := EditFeed(model.Feed{}, []FeedValue{{key, value}})
		if err != nil {
			var se *SettingError
			if !errors.As(err, &se) || se.Key != key || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("%s=%q: %v", key, value, err)
			}
			return
		}
		st := g.Settings
		if st.KeepDays < -1 || st.KeepDays > maxKeepDays || st.KeepItems < 0 || st.KeepItems > maxKeep ||
			(st.Interval != 0 && (st.Interval < model.MinRefreshInterval || st.Interval > maxInterval)) ||
			(st.FetchMode != "" && st.FetchMode != "feed") {
			t.Fatalf("%s=%q: out of limits %+v", key, value, st)
		}
		again, err := EditFeed(model.Feed{}, FeedValues(g))
		if err != nil || again.Settings != st {
			t.Fatalf("%s=%q: shown as %v, read back %+v, %v", key, value, FeedValues(g), again.Settings, err)
		}
	})
}
