package miniflux

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// Entry is an entry as Miniflux's REST API reports it.
type Entry struct {
	ID      int64  `json:"id"`
	FeedID  int64  `json:"feed_id"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	Status  string `json:"status"` // "read" or "unread"
	Starred bool   `json:"starred"`
}

// Feed is a subscription as Miniflux's REST API reports it.
type Feed struct {
	ID       int64
	FeedURL  string
	Title    string
	Category string // the category's title
}

// AddFeed subscribes u to feedURL in the category titled categoryTitle,
// made when u has none of that title ("" takes u's first category, "All").
// Miniflux fetches the feed and stores its entries before it answers, so
// they are there when AddFeed returns.
func (u User) AddFeed(t testing.TB, feedURL, categoryTitle string) int64 {
	t.Helper()
	var categoryID int64
	if categoryTitle != "" {
		categoryID = u.category(t, categoryTitle)
	}
	var created struct {
		FeedID int64 `json:"feed_id"`
	}
	u.call(t, http.MethodPost, "/v1/feeds",
		map[string]any{"feed_url": feedURL, "category_id": categoryID}, http.StatusCreated, &created)
	if created.FeedID == 0 {
		t.Fatalf("miniflux: POST /v1/feeds for %s answered no feed_id", feedURL)
	}
	return created.FeedID
}

// category returns the ID of u's category titled title, made if missing.
func (u User) category(t testing.TB, title string) int64 {
	t.Helper()
	var categories []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	u.call(t, http.MethodGet, "/v1/categories", nil, http.StatusOK, &categories)
	for _, c := range categories {
		if c.Title == title {
			return c.ID
		}
	}
	var created struct {
		ID int64 `json:"id"`
	}
	u.call(t, http.MethodPost, "/v1/categories", map[string]any{"title": title}, http.StatusCreated, &created)
	return created.ID
}

// RefreshFeed has Miniflux fetch feed id now, whatever the feed's HTTP
// caching headers say, and returns once the new entries are stored.
func (u User) RefreshFeed(t testing.TB, id int64) {
	t.Helper()
	u.call(t, http.MethodPut, "/v1/feeds/"+strconv.FormatInt(id, 10)+"/refresh?force=true",
		nil, http.StatusNoContent, nil)
}

// Entries returns all of u's entries, read or not, oldest ID first.
func (u User) Entries(t testing.TB) []Entry {
	t.Helper()
	const page = 1000 // the most Miniflux gives at once
	var all []Entry
	for {
		var resp struct {
			Total   int     `json:"total"`
			Entries []Entry `json:"entries"`
		}
		q := url.Values{"order": {"id"}, "direction": {"asc"},
			"limit": {strconv.Itoa(page)}, "offset": {strconv.Itoa(len(all))}}
		u.call(t, http.MethodGet, "/v1/entries?"+q.Encode(), nil, http.StatusOK, &resp)
		all = append(all, resp.Entries...)
		if len(resp.Entries) < page || len(all) >= resp.Total {
			return all
		}
	}
}

// SetStatus marks entryIDs "read" or "unread".
func (u User) SetStatus(t testing.TB, entryIDs []int64, status string) {
	t.Helper()
	u.call(t, http.MethodPut, "/v1/entries",
		map[string]any{"entry_ids": entryIDs, "status": status}, http.StatusNoContent, nil)
}

// SetStarred stars or unstars entryID. Miniflux 2.3.5's PUT /v1/entries
// sets the state outright, so there is no toggling (PUT .../bookmark) to
// get wrong.
func (u User) SetStarred(t testing.TB, entryID int64, starred bool) {
	t.Helper()
	u.call(t, http.MethodPut, "/v1/entries",
		map[string]any{"entry_ids": []int64{entryID}, "starred": starred}, http.StatusNoContent, nil)
}

// Feeds returns u's subscriptions.
func (u User) Feeds(t testing.TB) []Feed {
	t.Helper()
	var feeds []struct {
		ID       int64  `json:"id"`
		FeedURL  string `json:"feed_url"`
		Title    string `json:"title"`
		Category struct {
			Title string `json:"title"`
		} `json:"category"`
	}
	u.call(t, http.MethodGet, "/v1/feeds", nil, http.StatusOK, &feeds)
	out := make([]Feed, len(feeds))
	for i, f := range feeds {
		out[i] = Feed{ID: f.ID, FeedURL: f.FeedURL, Title: f.Title, Category: f.Category.Title}
	}
	return out
}

// DeleteFeed unsubscribes u from feed id.
func (u User) DeleteFeed(t testing.TB, id int64) {
	t.Helper()
	u.call(t, http.MethodDelete, "/v1/feeds/"+strconv.FormatInt(id, 10), nil, http.StatusNoContent, nil)
}

func (u User) call(t testing.TB, method, path string, in any, want int, out any) {
	t.Helper()
	u.server.call(t, u.Name, u.Password, method, path, in, want, out)
}

// call sends in as JSON (when not nil) to the REST API with basic auth,
// fails the test unless the answer has status want, and decodes the answer
// into out (when not nil).
func (s *Server) call(t testing.TB, user, password, method, path string, in any, want int, out any) {
	t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("miniflux: %s %s: %v", method, path, err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		t.Fatalf("miniflux: %s %s: %v", method, path, err)
	}
	req.SetBasicAuth(user, password)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("miniflux: %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("miniflux: %s %s: reading the answer: %v", method, path, err)
	}
	if resp.StatusCode != want {
		t.Fatalf("miniflux: %s %s as %s: %s (want %d): %s", method, path, user, resp.Status, want, answer)
	}
	if out != nil {
		if err := json.Unmarshal(answer, out); err != nil {
			t.Fatalf("miniflux: %s %s: decoding %.200q: %v", method, path, answer, err)
		}
	}
}
