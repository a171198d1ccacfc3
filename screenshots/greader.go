package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// greader is a sync server of the account shot: the little of the Google
// Reader API that byline's client speaks (as Miniflux and FreshRSS do),
// serving one made-up account from testdata/account.json on loopback.
// Its articles link to the made-up sites, and their ages, like the
// sites', count from the moment the fixture web started. Read and starred
// marks sent to it are kept, as a real server would.
type greader struct {
	srv            *httptest.Server
	user, password string
	subs           []greaderSub
	items          []greaderItem // newest first; an item's id is itemBase+its index

	mu      sync.Mutex
	read    map[int64]bool
	starred map[int64]bool
	hold    time.Duration // how long the subscription list waits: a sync in progress
}

// greaderSub is a subscription of testdata/account.json.
type greaderSub struct {
	ID      string `json:"id"` // "feed/7"
	Title   string `json:"title"`
	URL     string `json:"url"`
	HTMLURL string `json:"htmlUrl"`
	Folder  string `json:"folder"` // "" for none
}

// greaderItem is an article of testdata/account.json; age is how long
// before now it was published ("25m", "28h").
type greaderItem struct {
	Feed    string `json:"feed"`
	Age     string `json:"age"`
	Author  string `json:"author"`
	Title   string `json:"title"`
	Link    string `json:"link"`
	Summary string `json:"summary"`
	Read    bool   `json:"read"`
	Starred bool   `json:"starred"`

	published time.Time
}

// The server's tokens, and where its item ids start.
const (
	greaderAuth = "screenshots-auth-0001"
	greaderEdit = "screenshots-edit-0001"
	itemBase    = 48200
)

// The stream ids and tags of the API's built-in states.
const (
	streamReadingList = "user/-/state/com.google/reading-list"
	stateRead         = "/state/com.google/read"
	stateStarred      = "/state/com.google/starred"
	longItemID        = "tag:google.com,2005:reader/item/"
)

// newGReader reads testdata/account.json from files and serves it to the
// given user and password.
func newGReader(files fs.FS, start time.Time, user, password string) (*greader, error) {
	raw, err := fs.ReadFile(files, "account.json")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Subscriptions []greaderSub  `json:"subscriptions"`
		Items         []greaderItem `json:"items"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("account.json: %w", err)
	}
	g := &greader{user: user, password: password, subs: doc.Subscriptions, items: doc.Items,
		read: map[int64]bool{}, starred: map[int64]bool{}}
	for i := range g.items {
		it := &g.items[i]
		age, err := time.ParseDuration(it.Age)
		if err != nil {
			return nil, fmt.Errorf("account.json: %q: age: %w", it.Title, err)
		}
		it.published = start.Add(-age).UTC().Truncate(time.Second)
	}
	sort.SliceStable(g.items, func(i, j int) bool { return g.items[i].published.After(g.items[j].published) })
	for i, it := range g.items {
		g.read[itemBase+int64(i)], g.starred[itemBase+int64(i)] = it.Read, it.Starred
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /accounts/ClientLogin", g.login)
	mux.Handle("GET /reader/api/0/token", g.authed(g.token))
	mux.Handle("GET /reader/api/0/subscription/list", g.authed(g.subscriptions))
	mux.Handle("GET /reader/api/0/stream/items/ids", g.authed(g.itemIDs))
	mux.Handle("POST /reader/api/0/stream/items/contents", g.authed(g.editing(g.contents)))
	mux.Handle("POST /reader/api/0/edit-tag", g.authed(g.editing(g.editTag)))
	g.srv = httptest.NewServer(mux)
	return g, nil
}

func (g *greader) close() { g.srv.Close() }

// url is the account's server address, for the configuration.
func (g *greader) url() string { return g.srv.URL }

// setHold makes the subscription list wait d (until the request is given
// up), so that a sync started in the app stays in progress; 0 puts it back.
func (g *greader) setHold(d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.hold = d
}

// login is ClientLogin: the user name and password for the auth token.
func (g *greader) login(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("Email") != g.user || r.PostFormValue("Passwd") != g.password {
		http.Error(w, "Error=BadAuthentication", http.StatusUnauthorized)
		return
	}
	text(w, "SID="+greaderAuth+"\nLSID="+greaderAuth+"\nAuth="+greaderAuth+"\n")
}

// authed lets through requests that carry the auth token.
func (g *greader) authed(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "GoogleLogin auth="+greaderAuth {
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	})
}

// editing lets through POSTs that carry the edit token T.
func (g *greader) editing(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.PostFormValue("T") != greaderEdit {
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func (g *greader) token(w http.ResponseWriter, _ *http.Request) { text(w, greaderEdit) }

func (g *greader) subscriptions(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	hold := g.hold
	g.mu.Unlock()
	if !holdBack(r, hold) {
		return
	}
	type category struct {
		ID    string `json:"id"`
		Label string `json:"label"`
	}
	type sub struct {
		ID         string     `json:"id"`
		Title      string     `json:"title"`
		URL        string     `json:"url"`
		HTMLURL    string     `json:"htmlUrl"`
		Categories []category `json:"categories"`
	}
	out := []sub{}
	for _, s := range g.subs {
		cats := []category{}
		if s.Folder != "" {
			cats = append(cats, category{ID: "user/-/label/" + s.Folder, Label: s.Folder})
		}
		out = append(out, sub{ID: s.ID, Title: s.Title, URL: s.URL, HTMLURL: s.HTMLURL, Categories: cats})
	}
	writeJSON(w, map[string]any{"subscriptions": out})
}

// itemIDs lists a stream's item ids, newest first: the reading list or
// the starred items, without the read ones when xt says so.
func (g *greader) itemIDs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	stream, exclude := q.Get("s"), q.Get("xt")
	starredOnly := strings.HasSuffix(stream, stateStarred)
	if stream != streamReadingList && !starredOnly {
		http.Error(w, "unknown stream", http.StatusBadRequest)
		return
	}
	n, err := strconv.Atoi(q.Get("n"))
	if err != nil || n <= 0 {
		n = 20
	}
	type ref struct {
		ID string `json:"id"`
	}
	refs := []ref{}
	g.mu.Lock()
	for i := range g.items {
		id := itemBase + int64(i)
		if (starredOnly && !g.starred[id]) || (strings.HasSuffix(exclude, stateRead) && g.read[id]) {
			continue
		}
		if len(refs) < n {
			refs = append(refs, ref{ID: strconv.FormatInt(id, 10)})
		}
	}
	g.mu.Unlock()
	writeJSON(w, map[string]any{"itemRefs": refs})
}

// contents sends the items named by the i values, in their long form.
func (g *greader) contents(w http.ResponseWriter, r *http.Request) {
	type link struct {
		Href string `json:"href"`
		Type string `json:"type,omitempty"`
	}
	type item struct {
		ID         string            `json:"id"`
		Title      string            `json:"title"`
		Author     string            `json:"author"`
		Published  int64             `json:"published"`
		Canonical  []link            `json:"canonical"`
		Alternate  []link            `json:"alternate"`
		Summary    map[string]string `json:"summary"`
		Origin     map[string]string `json:"origin"`
		Categories []string          `json:"categories"`
	}
	_ = r.ParseForm()
	out := []item{}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, s := range r.PostForm["i"] {
		id, ok := parseID(s)
		if !ok || id < itemBase || id >= itemBase+int64(len(g.items)) {
			continue
		}
		it := g.items[id-itemBase]
		cats := []string{streamReadingList}
		if g.read[id] {
			cats = append(cats, "user/-"+stateRead)
		}
		if g.starred[id] {
			cats = append(cats, "user/-"+stateStarred)
		}
		sub := g.sub(it.Feed)
		if sub.Folder != "" {
			cats = append(cats, "user/-/label/"+sub.Folder)
		}
		out = append(out, item{
			ID: fmt.Sprintf("%s%016x", longItemID, id), Title: it.Title, Author: it.Author,
			Published: it.published.Unix(),
			Canonical: []link{{Href: it.Link}}, Alternate: []link{{Href: it.Link, Type: "text/html"}},
			Summary:    map[string]string{"content": "<p>" + html.EscapeString(it.Summary) + "</p>"},
			Origin:     map[string]string{"streamId": sub.ID, "title": sub.Title, "htmlUrl": sub.HTMLURL},
			Categories: cats,
		})
	}
	writeJSON(w, map[string]any{"items": out})
}

// sub is the subscription with the stream id.
func (g *greader) sub(id string) greaderSub {
	for _, s := range g.subs {
		if s.ID == id {
			return s
		}
	}
	return greaderSub{ID: id}
}

// editTag marks the items named by the i values read or starred (a) or
// not (r).
func (g *greader) editTag(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, s := range r.PostForm["i"] {
		id, ok := parseID(s)
		if !ok {
			http.Error(w, "bad item id", http.StatusBadRequest)
			return
		}
		for _, e := range []struct {
			tag string
			set bool
		}{{r.PostFormValue("a"), true}, {r.PostFormValue("r"), false}} {
			switch {
			case strings.HasSuffix(e.tag, stateRead):
				g.read[id] = e.set
			case strings.HasSuffix(e.tag, stateStarred):
				g.starred[id] = e.set
			}
		}
	}
	text(w, "OK")
}

// parseID reads an item id in its long form or as a decimal number.
func parseID(s string) (int64, bool) {
	if hex, ok := strings.CutPrefix(s, longItemID); ok {
		u, err := strconv.ParseUint(hex, 16, 64)
		return int64(u), err == nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func text(w http.ResponseWriter, s string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte(s))
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
