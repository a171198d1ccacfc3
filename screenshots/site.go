package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync"
	"text/template"
	"time"
)

// site is the fixture web: the feeds and article pages of several made-up
// sites under testdata/sites/HOST/, served on loopback as the HTTP proxy
// that byline is told to use, so that their addresses read like real ones
// (http://harbourgazette.test/feed.rss). Every file is a text/template
// whose dates are relative to the moment the site started, so the ages the
// app shows ("40m", "2d") are the same on every run.
type site struct {
	srv   *httptest.Server
	files fs.FS
	start time.Time

	mu    sync.Mutex
	late  bool                     // serve the items marked {{if .Late}}
	delay map[string]time.Duration // per host, while late
}

// pageData is what a fixture template sees.
type pageData struct {
	Late bool // true while a shot refreshes: newer items have appeared
}

func newSite(files fs.FS) *site {
	s := &site{files: files, start: time.Now()}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func (s *site) close() { s.srv.Close() }

// proxy is the address to give byline as its HTTP proxy.
func (s *site) proxy() string { return s.srv.URL }

// setLate, given delays, makes the sites publish their late items and
// answer each named host after its delay, so that a refresh in the app
// runs long enough to be seen and finds new articles; nil puts them back.
func (s *site) setLate(delays map[string]time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.late = delays != nil
	s.delay = delays
}

// serve answers a proxied request for http://HOST/PATH from
// testdata/sites/HOST/PATH.
func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	host := strings.ToLower(r.Host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	name := path.Join("sites", host, path.Clean("/"+r.URL.Path))
	if host == "" || strings.ContainsAny(host, "/\\") || strings.HasPrefix(host, ".") {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	late, wait := s.late, s.delay[host]
	s.mu.Unlock()
	if !holdBack(r, wait) {
		return
	}
	body, err := s.render(name, late)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	_, _ = w.Write(body)
}

// holdBack waits d before a response, and reports false when the request
// was given up meanwhile.
func holdBack(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
		return false
	}
}

// render fills in one fixture template.
func (s *site) render(name string, late bool) ([]byte, error) {
	raw, err := fs.ReadFile(s.files, name)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(contentType(name), "image/") {
		return raw, nil // pictures are served as they are
	}
	return fillTemplate(name, string(raw), s.start, pageData{Late: late})
}

// fillTemplate runs a fixture template. Its functions take an age such as
// "40m" or "27h" and print the moment that long before now in a feed's
// formats: rss (RFC 1123), date (RFC 3339) and day ("2 January 2006").
func fillTemplate(name, text string, now time.Time, data pageData) ([]byte, error) {
	at := func(age string) (time.Time, error) {
		d, err := time.ParseDuration(age)
		if err != nil {
			return time.Time{}, fmt.Errorf("%s: age %q: %w", name, age, err)
		}
		return now.Add(-d).UTC().Truncate(time.Second), nil
	}
	layout := func(l string) func(string) (string, error) {
		return func(age string) (string, error) {
			t, err := at(age)
			return t.Format(l), err
		}
	}
	tmpl, err := template.New(name).Funcs(template.FuncMap{
		"rss":  layout(time.RFC1123Z),
		"date": layout(time.RFC3339),
		"day":  layout("2 January 2006"),
	}).Parse(text)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func contentType(name string) string {
	switch ext := path.Ext(name); {
	case ext == ".rss" || path.Base(name) == "rss":
		return "application/rss+xml; charset=utf-8"
	case ext == ".atom":
		return "application/atom+xml; charset=utf-8"
	case ext == ".xml":
		return "application/xml; charset=utf-8"
	case ext == ".json":
		return "application/feed+json; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "text/plain; charset=utf-8"
}
