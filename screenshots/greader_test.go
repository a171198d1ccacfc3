package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// TestGReader speaks to the account's server as byline's client does:
// log in, list the feeds and the ids, fetch the items, mark one read.
func TestGReader(t *testing.T) {
	start := time.Date(2030, 5, 6, 12, 0, 0, 0, time.UTC)
	g, err := newGReader(os.DirFS("testdata"), start, "ana", "secret")
	if err != nil {
		t.Fatal(err)
	}
	defer g.close()
	call := func(method, path string, form url.Values, auth bool) (int, string) {
		t.Helper()
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, err := http.NewRequest(method, g.url()+path, body)
		if err != nil {
			t.Fatal(err)
		}
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if auth {
			req.Header.Set("Authorization", "GoogleLogin auth="+greaderAuth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	if code, _ := call("POST", "/accounts/ClientLogin", url.Values{"Email": {"ana"}, "Passwd": {"wrong"}}, false); code != http.StatusUnauthorized {
		t.Errorf("a wrong password: %d, want 401", code)
	}
	if code, body := call("POST", "/accounts/ClientLogin", url.Values{"Email": {"ana"}, "Passwd": {"secret"}}, false); code != http.StatusOK || !strings.Contains(body, "\nAuth="+greaderAuth) {
		t.Errorf("login: %d %q", code, body)
	}
	if code, _ := call("GET", "/reader/api/0/subscription/list?output=json", nil, false); code != http.StatusUnauthorized {
		t.Errorf("no token: %d, want 401", code)
	}
	if _, body := call("GET", "/reader/api/0/token", nil, true); body != greaderEdit {
		t.Errorf("token %q", body)
	}
	_, body := call("GET", "/reader/api/0/subscription/list?output=json", nil, true)
	if !strings.Contains(body, `"id":"feed/7"`) || !strings.Contains(body, `{"id":"user/-/label/World","label":"World"}`) {
		t.Errorf("subscriptions: %s", body)
	}

	ids := func(query string) []string {
		t.Helper()
		_, body := call("GET", "/reader/api/0/stream/items/ids?output=json&n=10000&"+query, nil, true)
		var page struct{ ItemRefs []struct{ ID string } }
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		var out []string
		for _, r := range page.ItemRefs {
			out = append(out, r.ID)
		}
		return out
	}
	all := ids("s=" + url.QueryEscape(streamReadingList))
	unread := ids("s=" + url.QueryEscape(streamReadingList) + "&xt=user/-/state/com.google/read")
	starred := ids("s=user/-/state/com.google/starred")
	if len(all) != len(g.items) || len(unread) == 0 || len(unread) >= len(all) || len(starred) != 1 {
		t.Fatalf("%d ids, %d unread, %d starred", len(all), len(unread), len(starred))
	}

	edit := url.Values{"T": {greaderEdit}, "i": {"tag:google.com,2005:reader/item/000000000000bc48", all[1]}}
	_, body = call("POST", "/reader/api/0/stream/items/contents?output=json", edit, true)
	var doc struct {
		Items []struct {
			ID         string
			Title      string
			Published  int64
			Canonical  []struct{ Href string }
			Origin     struct{ StreamID string }
			Categories []string
		}
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || len(doc.Items) != 2 {
		t.Fatalf("contents: %v: %s", err, body)
	}
	first := doc.Items[0]
	if first.ID != "tag:google.com,2005:reader/item/000000000000bc48" || first.Title == "" ||
		!strings.HasPrefix(first.Canonical[0].Href, "http://") || !strings.HasPrefix(first.Origin.StreamID, "feed/") ||
		first.Published != g.items[0].published.Unix() || first.Published >= start.Unix() {
		t.Errorf("first item: %+v", first)
	}

	if code, _ := call("POST", "/reader/api/0/edit-tag", url.Values{"i": {all[0]}, "a": {"user/-/state/com.google/read"}}, true); code != http.StatusUnauthorized {
		t.Errorf("edit-tag without T: %d, want 401", code)
	}
	mark := url.Values{"T": {greaderEdit}, "i": {all[0]}, "a": {"user/-/state/com.google/read"}}
	if _, body := call("POST", "/reader/api/0/edit-tag", mark, true); body != "OK" {
		t.Errorf("edit-tag: %q", body)
	}
	if now := ids("s=" + url.QueryEscape(streamReadingList) + "&xt=user/-/state/com.google/read"); len(now) != len(unread)-1 {
		t.Errorf("after marking one read, %d unread, want %d", len(now), len(unread)-1)
	}

	g.setHold(time.Hour)
	req, _ := http.NewRequest("GET", g.url()+"/reader/api/0/subscription/list", nil)
	req.Header.Set("Authorization", "GoogleLogin auth="+greaderAuth)
	client := http.Client{Timeout: 200 * time.Millisecond}
	if resp, err := client.Do(req); err == nil {
		resp.Body.Close()
		t.Error("the subscription list was not held back")
	}
}
