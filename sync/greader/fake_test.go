package greader

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// fake is an in-memory server of the Google Reader API, written from the
// protocol's description: ClientLogin, the T token, subscription/list,
// quickadd, subscription/edit, stream/items/ids with continuations,
// stream/items/contents and edit-tag. It checks the auth header on every
// call and the T token on every POST, as FreshRSS does, and answers 401
// with Miniflux's bad-token header. Unknown API paths answer "[]" with
// 200, as Miniflux does.
type fake struct {
	mu sync.Mutex

	user, pass, token string
	editT             string // the current T token
	tRotations        int

	subs     []fakeSub
	nextFeed int
	items    []fakeItem // in listing order
	read     map[int64]bool
	starred  map[int64]bool

	pageSize    int                  // largest page of ids the server gives
	idForm      func(int64) string   // how itemRefs write ids (decimal when nil)
	overlap     bool                 // pages overlap by one id (a sort without tie-break)
	stuckCont   bool                 // the continuation never advances
	numericCont bool                 // the continuation is a JSON number
	noFeedFound bool                 // quickadd finds nothing
	alwaysBadT  bool                 // every POST's T is refused
	phpTypes    bool                 // every answer typed text/html, as PHP does by default
	answers     map[string]fakeFault // injected answers, by path

	requests []fakeRequest
}

// fakeFault replaces the answer to a path.
type fakeFault struct {
	status int    // 0: 200
	ctype  string // Content-Type
	body   string
}

type fakeRequest struct {
	method, path string
	form         url.Values // query and body
	query        url.Values
	auth         string
}

type fakeSub struct {
	id                   int
	url, title, site     string
	folder               string
	extraCategoryLabelID string // a label category given by id only
}

type fakeItem struct {
	id                                    int64
	feed                                  int
	title, author, link, content, summary string
	published                             int64
}

const (
	fakeUser  = "alice"
	fakePass  = "s3cret pass/word"
	fakeToken = "alice/7f3a9c0e51d2b8aa"
)

// newFake starts a fake under prefix ("" like Miniflux, "/api/greader.php"
// like FreshRSS) and a Client for it.
func newFake(t *testing.T, prefix string) (*fake, *Client) {
	t.Helper()
	f := &fake{
		user: fakeUser, pass: fakePass, token: fakeToken, editT: "T-first-0001",
		read: map[int64]bool{}, starred: map[int64]bool{}, pageSize: 10000,
		answers: map[string]fakeFault{}, nextFeed: 1,
	}
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, f))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c, err := New(srv.URL+prefix, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return f, c
}

// rotateT makes the T token the client holds stale.
func (f *fake) rotateT() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tRotations++
	f.editT = fmt.Sprintf("T-next-%04d", f.tRotations)
}

// calls returns the requests made to a path.
func (f *fake) calls(path string) []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeRequest
	for _, r := range f.requests {
		if r.path == path {
			out = append(out, r)
		}
	}
	return out
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	path := r.URL.Path
	f.requests = append(f.requests, fakeRequest{method: r.Method, path: path, form: r.Form,
		query: r.URL.Query(), auth: r.Header.Get("Authorization")})
	if f.phpTypes {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	}
	if fault, ok := f.answers[path]; ok {
		if fault.ctype != "" {
			w.Header().Set("Content-Type", fault.ctype)
		}
		w.WriteHeader(max(fault.status, http.StatusOK))
		fmt.Fprint(w, fault.body)
		return
	}
	if path == "/accounts/ClientLogin" && r.Method == http.MethodPost {
		f.login(w, r)
		return
	}
	if !strings.HasPrefix(path, "/reader/api/0/") {
		http.NotFound(w, r)
		return
	}
	if !f.authorised(r) {
		w.Header().Set("X-Reader-Google-Bad-Token", "true")
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	f.route(w, r, strings.TrimPrefix(path, "/reader/api/0/"))
}

func (f *fake) route(w http.ResponseWriter, r *http.Request, call string) {
	switch r.Method + " " + call {
	case "GET token":
		fmt.Fprint(w, f.editT+"\n")
	case "GET subscription/list":
		f.subscriptionList(w)
	case "POST subscription/quickadd":
		f.quickAdd(w, r)
	case "POST subscription/edit":
		f.editSubscription(w, r)
	case "GET stream/items/ids":
		f.itemIDs(w, r)
	case "POST stream/items/contents":
		f.contents(w, r)
	case "POST edit-tag":
		f.editTag(w, r)
	default:
		writeJSON(w, []string{}) // Miniflux's answer to what it does not implement
	}
}

func (f *fake) login(w http.ResponseWriter, r *http.Request) {
	if r.PostForm.Get("Email") != f.user || r.PostForm.Get("Passwd") != f.pass {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error_message":"access unauthorized"}`)
		return
	}
	fmt.Fprintf(w, "SID=%s\nLSID=%s\nAuth=%s\n", f.token, f.token, f.token)
}

// authorised checks the auth header, and a POST's T token.
func (f *fake) authorised(r *http.Request) bool {
	if r.Header.Get("Authorization") != "GoogleLogin auth="+f.token {
		return false
	}
	if r.Method == http.MethodPost {
		return !f.alwaysBadT && r.PostForm.Get("T") == f.editT
	}
	return true
}

func writeJSON(w http.ResponseWriter, v any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	_ = json.NewEncoder(w).Encode(v)
}

func (f *fake) subscriptionList(w http.ResponseWriter) {
	type category struct {
		ID    string `json:"id"`
		Label string `json:"label,omitempty"`
		Type  string `json:"type,omitempty"`
	}
	subs := []map[string]any{}
	for _, s := range f.subs {
		cats := []category{}
		if s.folder != "" {
			cats = append(cats, category{"user/1/label/" + s.folder, s.folder, "folder"})
		}
		if s.extraCategoryLabelID != "" {
			cats = append(cats, category{ID: "user/-/label/" + s.extraCategoryLabelID})
		}
		cats = append(cats, category{ID: "user/1/state/com.google/starred"})
		subs = append(subs, map[string]any{"id": "feed/" + strconv.Itoa(s.id), "title": s.title,
			"url": s.url, "htmlUrl": s.site, "categories": cats, "iconUrl": ""})
	}
	writeJSON(w, map[string]any{"subscriptions": subs})
}

func (f *fake) quickAdd(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.Form.Get("quickadd"))
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		w.WriteHeader(http.StatusBadRequest)
		writeJSON(w, map[string]string{"error_message": "googlereader: invalid URL"})
		return
	}
	if f.noFeedFound {
		writeJSON(w, map[string]int{"numResults": 0})
		return
	}
	s := fakeSub{id: f.nextFeed, url: u.String(), title: u.Host}
	f.nextFeed++
	f.subs = append(f.subs, s)
	writeJSON(w, map[string]any{"numResults": 1, "query": s.url,
		"streamId": "feed/" + strconv.Itoa(s.id), "streamName": s.title})
}

func (f *fake) editSubscription(w http.ResponseWriter, r *http.Request) {
	i := slices.IndexFunc(f.subs, func(s fakeSub) bool { return "feed/"+strconv.Itoa(s.id) == r.Form.Get("s") })
	if i < 0 {
		http.Error(w, `{"error_message":"googlereader: feed not found"}`, http.StatusBadRequest)
		return
	}
	switch r.Form.Get("ac") {
	case "edit":
		if t := r.Form.Get("t"); t != "" {
			f.subs[i].title = t
		}
		if a, ok := strings.CutPrefix(r.Form.Get("a"), "user/-/label/"); ok {
			f.subs[i].folder = a
		}
		if rm, ok := strings.CutPrefix(r.Form.Get("r"), "user/-/label/"); ok && f.subs[i].folder == rm {
			f.subs[i].folder = ""
		}
	case "unsubscribe":
		f.subs = slices.Delete(f.subs, i, i+1)
	default:
		http.Error(w, `{"error_message":"unrecognized action"}`, http.StatusBadRequest)
		return
	}
	fmt.Fprint(w, "OK")
}
