package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// badServer answers the Google Reader API's calls as configured: what a
// real server cannot easily be made to do.
type badServer struct {
	login    func(w http.ResponseWriter) // nil: a good login
	contents string                      // the body of stream/items/contents
	huge     bool                        // subscription/list answers 20 MB
	refuse   string                      // edit-tag answers 400 to a batch naming this item
	edited   *[]string                   // the items edit-tag took
}

func (b badServer) serve(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/accounts/ClientLogin" && b.login != nil:
			b.login(w)
		case r.URL.Path == "/accounts/ClientLogin":
			fmt.Fprint(w, "SID=x\nLSID=x\nAuth=tok-123456789\n")
		case r.Header.Get("Authorization") != "GoogleLogin auth=tok-123456789":
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
		case strings.HasSuffix(r.URL.Path, "/token"):
			fmt.Fprint(w, "T-token")
		case strings.HasSuffix(r.URL.Path, "/subscription/list") && b.huge:
			w.Write([]byte(`{"subscriptions":[{"id":"feed/1","title":"`))
			w.Write([]byte(strings.Repeat("x", 20<<20)))
		case strings.HasSuffix(r.URL.Path, "/subscription/list"):
			fmt.Fprint(w, `{"subscriptions":[{"id":"feed/1","title":"One","url":"https://one.example/feed","htmlUrl":"https://one.example/","categories":[]}]}`)
		case strings.HasSuffix(r.URL.Path, "/stream/items/ids"):
			if r.URL.Query().Get("xt") != "" || strings.HasSuffix(r.URL.Query().Get("s"), "starred") {
				fmt.Fprint(w, `{"itemRefs":[]}`)
				return
			}
			fmt.Fprint(w, `{"itemRefs":[{"id":"1"},{"id":"2"}]}`)
		case strings.HasSuffix(r.URL.Path, "/stream/items/contents"):
			fmt.Fprint(w, b.contents)
		case strings.HasSuffix(r.URL.Path, "/edit-tag"):
			r.ParseForm()
			for _, id := range r.PostForm["i"] {
				if strings.HasSuffix(id, b.refuse) {
					http.Error(w, `{"error_message":"no such item"}`, http.StatusBadRequest)
					return
				}
			}
			if b.edited != nil {
				*b.edited = append(*b.edited, r.PostForm["i"]...)
			}
			fmt.Fprint(w, "OK")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

const twoItems = `{"items":[
 {"id":"tag:google.com,2005:reader/item/0000000000000001","title":"Kept","published":1700000000,
  "canonical":[{"href":"https://one.example/1"}],"origin":{"streamId":"feed/1"},"categories":[]},
 {"id":"tag:google.com,2005:reader/item/0000000000000002","title":"Orphan","published":1700000000,
  "canonical":[{"href":"https://one.example/2"}],"origin":{"streamId":"feed/99"},"categories":[]}]}`

// fakeAccountLibrary opens a library with the account "fake" on url, and
// a local feed served by local.
func fakeAccountLibrary(t *testing.T, url string) *Library {
	t.Helper()
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("secret-password\n"), 0o600)
	l, err := Open(context.Background(), filepath.Join(dir, "b.db"), Options{
		Accounts: map[string]model.AccountConfig{"fake": {Type: "greader", URL: url, Username: "u", PasswordFile: pw}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// TestBadServers: a wrong password, a server that is no Google Reader API,
// an HTML login page, a 20 MB answer: one line naming the account, nothing
// written, and the refresh goes on to byline's own feeds.
func TestBadServers(t *testing.T) {
	local := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Local</title><item><title>Local story</title><guid>l1</guid></item></channel></rss>`)
	}))
	defer local.Close()
	cases := map[string]struct {
		server badServer
		want   string
	}{
		"wrong password": {badServer{login: func(w http.ResponseWriter) {
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
		}}, "wrong user name or password"},
		"not the API": {badServer{login: func(w http.ResponseWriter) {
			http.Error(w, "404 page not found", http.StatusNotFound)
		}}, "does not speak the Google Reader API"},
		"a login page": {badServer{login: func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<!doctype html><html><body><form>Sign in</form></body></html>")
		}}, "does not speak the Google Reader API"},
		"20 MB": {badServer{huge: true}, "too large"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			l := fakeAccountLibrary(t, tc.server.serve(t).URL)
			ctx := context.Background()
			if _, err := l.Add(ctx, local.URL); err != nil {
				t.Fatal(err)
			}
			sum, err := l.Refresh(ctx, Progress{})
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Accounts) != 1 || sum.Accounts[0].Err == nil {
				t.Fatalf("accounts = %+v", sum.Accounts)
			}
			msg := sum.Accounts[0].Err.Error()
			if !strings.HasPrefix(msg, "account fake: ") || !strings.Contains(msg, tc.want) ||
				strings.Contains(msg, "\n") || strings.Contains(msg, "secret-password") || len(msg) > 300 {
				t.Errorf("error = %q; want one line naming the account and saying %q", msg, tc.want)
			}
			if sum.OK != 1 || sum.New != 1 {
				t.Errorf("the refresh did not go on: %+v", sum)
			}
			if n, _ := l.CountArticles(ctx, model.ArticleQuery{Account: "fake"}); n != 0 {
				t.Errorf("%d articles written", n)
			}
			fs, _ := l.Feeds(ctx)
			if len(fs) != 1 {
				t.Errorf("feeds written: %+v", fs)
			}
			accts, _ := l.Accounts(ctx)
			if len(accts) != 1 || accts[0].LastError == "" {
				t.Errorf("the failure is not recorded: %+v", accts)
			}
		})
	}
}

// TestItemWithoutAFeed: an item whose feed the account does not list is
// skipped with a count, and the rest are stored.
func TestItemWithoutAFeed(t *testing.T) {
	l := fakeAccountLibrary(t, badServer{contents: twoItems}.serve(t).URL)
	res, err := l.Sync(context.Background(), nil, nil)
	if err != nil || len(res) != 1 || res[0].Err != nil {
		t.Fatalf("sync = %+v, %v", res, err)
	}
	if r := res[0]; r.New != 1 || r.Orphans != 1 || !strings.Contains(SyncLine(r), "1 item without a feed skipped") {
		t.Errorf("result = %+v (%s)", r, SyncLine(r))
	}
}

// TestNoPasswordToBeHad: an account with no way to get a password, and
// nobody to ask, fails with a message that says what to do.
func TestNoPasswordToBeHad(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(context.Background(), filepath.Join(dir, "b.db"), Options{
		Accounts: map[string]model.AccountConfig{"x": {Type: "greader", URL: badServer{}.serve(t).URL, Username: "u"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	res, _ := l.Sync(context.Background(), nil, nil)
	if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "password_command or password_file") {
		t.Errorf("sync = %+v", res)
	}
	if _, err := l.Sync(context.Background(), []string{"nobody"}, nil); err == nil {
		t.Error("an unknown account synced")
	}
}

// TestRefusedChangeDropped: a change the server refuses (its item is gone)
// is dropped with a message; the others in its batch are sent.
func TestRefusedChangeDropped(t *testing.T) {
	var edited []string
	both := strings.ReplaceAll(twoItems, "feed/99", "feed/1")
	l := fakeAccountLibrary(t, badServer{contents: both, refuse: "0000000000000002", edited: &edited}.serve(t).URL)
	ctx := context.Background()
	if res, _ := l.Sync(ctx, nil, nil); res[0].Err != nil || res[0].New != 2 {
		t.Fatalf("first sync = %+v", res)
	}
	arts, _ := l.Articles(ctx, model.ArticleQuery{})
	l.Mark(ctx, []int64{arts[0].ID, arts[1].ID}, ptr(false), nil)
	l.Mark(ctx, []int64{arts[0].ID, arts[1].ID}, nil, ptr(true))
	res, _ := l.Sync(ctx, nil, nil)
	r := res[0]
	if r.Err != nil || r.Sent != 2 || len(r.Dropped) != 2 || !strings.Contains(r.Dropped[0], "item 2") {
		t.Errorf("result = %+v", r)
	}
	if len(edited) != 2 || !strings.HasSuffix(edited[0], "1") {
		t.Errorf("sent %v", edited)
	}
	if accts, _ := l.Accounts(ctx); accts[0].Pending != 0 {
		t.Errorf("%d changes left in the outbox", accts[0].Pending)
	}
}

// TestExpiredTokenLogsInAgain: when the server refuses the token kept from
// before, the sync logs in again with the password and goes on.
func TestExpiredTokenLogsInAgain(t *testing.T) {
	both := strings.ReplaceAll(twoItems, "feed/99", "feed/1")
	l := fakeAccountLibrary(t, badServer{contents: both}.serve(t).URL)
	ctx := context.Background()
	if res, _ := l.Sync(ctx, nil, nil); res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	a, _ := l.store.Account(ctx, "fake")
	l.store.SetAccountToken(ctx, a.ID, "expired")
	res, _ := l.Sync(ctx, nil, nil)
	if res[0].Err != nil {
		t.Fatalf("sync with an expired token: %v", res[0].Err)
	}
	if tok, _ := l.store.AccountToken(ctx, a.ID); tok != "tok-123456789" {
		t.Errorf("token kept = %q", tok)
	}
}
