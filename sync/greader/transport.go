package greader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/model"
)

// apiPath is where every call but ClientLogin lives, under the base.
const apiPath = "/reader/api/0/"

// errorPeek is how much of a non-2xx answer is read, for its first line.
const errorPeek = 4 << 10

// maxTokenBytes bounds a token taken from a server.
const maxTokenBytes = 4 << 10

// request is one call of the API.
type request struct {
	op      string // what is being done, for errors: "list subscriptions"
	method  string
	path    string     // after the base: "/reader/api/0/subscription/list"
	query   url.Values // nil: none
	form    url.Values // a POST's body; nil: none
	auth    bool       // send the Authorization header
	secrets []string   // besides the tokens, words no error may repeat (the password)
}

// answer is a server's answer, its body read and capped.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) ok() bool { return a.status >= 200 && a.status <= 299 }

// notGReader says why the server does not seem to speak the API.
func notGReader(why string) error {
	return fmt.Errorf("%w (%s)", ErrNotGReader, why)
}

// wrap prefixes err with the package and the operation.
func wrap(op string, err error) error {
	return fmt.Errorf("greader: %s: %w", op, err)
}

// do sends r and reads the answer, whatever its status. A 2xx answer over
// MaxResponse bytes is ErrTooLarge; of other answers only the start is
// read.
func (c *Client) do(ctx context.Context, r request) (answer, error) {
	if c.Logger == nil || !c.Logger.Enabled(ctx, slog.LevelDebug) {
		return c.send(ctx, r)
	}
	start := time.Now()
	a, err := c.send(ctx, r)
	attrs := []slog.Attr{slog.String("op", r.op), slog.String("method", r.method), slog.String("path", r.path),
		slog.Int("status", a.status), slog.Int("bytes", len(a.body)), slog.Duration("took", time.Since(start))}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.Logger.LogAttrs(ctx, slog.LevelDebug, "sync request", attrs...)
	return a, err
}

// send is do without its log record.
func (c *Client) send(ctx context.Context, r request) (answer, error) {
	endpoint := c.base + r.path
	if len(r.query) > 0 {
		endpoint += "?" + r.query.Encode()
	}
	var body io.Reader
	if r.form != nil {
		body = strings.NewReader(r.form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, r.method, endpoint, body)
	if err != nil {
		return answer{}, wrap(r.op, errors.New("cannot make the request"))
	}
	if r.form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if r.auth {
		token, _ := c.tokens()
		if !validToken(token) {
			return answer{}, wrap(r.op, fmt.Errorf("%w (log in first)", ErrAuth))
		}
		req.Header.Set("Authorization", "GoogleLogin auth="+token)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return answer{}, c.transportError(ctx, r, err)
	}
	defer resp.Body.Close()
	a := answer{status: resp.StatusCode, header: resp.Header}
	limit := c.maxResponse()
	if !a.ok() {
		limit = min(limit, errorPeek)
	} else if resp.ContentLength > limit {
		return a, wrap(r.op, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, limit))
	}
	a.body, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return a, c.transportError(ctx, r, err)
	}
	if int64(len(a.body)) > limit {
		if a.ok() {
			return a, wrap(r.op, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, limit))
		}
		a.body = a.body[:limit]
	}
	return a, nil
}

// transportError words a failure to talk to the server: a cancelled or
// expired context as itself, others as the transport said (which names
// the URL, never a header or a body).
func (c *Client) transportError(ctx context.Context, r request, err error) error {
	if ctx.Err() != nil {
		return wrap(r.op, ctx.Err())
	}
	msg := c.redact(cut(model.SanitizeLine(err.Error()), 300), r.secrets)
	return wrap(r.op, &transportErr{msg: msg, err: err})
}

// transportErr is an error worded anew (safely, or shorter), still wrapping the original so
// that callers can tell a timeout, a refused connection or a sentinel.
type transportErr struct {
	msg string
	err error
}

func (e *transportErr) Error() string { return e.msg }
func (e *transportErr) Unwrap() error { return e.err }

// statusError words a non-2xx answer.
func (c *Client) statusError(r request, a answer) error {
	switch a.status {
	case http.StatusUnauthorized, http.StatusForbidden:
		return wrap(r.op, ErrAuth)
	case http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusGone, http.StatusNotImplemented:
		return wrap(r.op, notGReader(fmt.Sprintf("HTTP %d at %s", a.status, r.path)))
	}
	return wrap(r.op, &StatusError{Code: a.status, Body: c.firstLine(a.body, r.secrets)})
}

// get sends an authorised GET; an answer other than 2xx is an error.
func (c *Client) get(ctx context.Context, r request) (answer, error) {
	r.method, r.auth = http.MethodGet, true
	a, err := c.do(ctx, r)
	if err == nil && !a.ok() {
		err = c.statusError(r, a)
	}
	return a, err
}

// post sends an authorised POST carrying the T token. When the server
// refuses the T token (401) it fetches a fresh one and tries once more.
func (c *Client) post(ctx context.Context, r request) (answer, error) {
	r.method, r.auth = http.MethodPost, true
	for retry := false; ; retry = true {
		t, err := c.editTokenFor(ctx, r.op, retry)
		if err != nil {
			return answer{}, err
		}
		rt := r
		rt.form = maps.Clone(r.form)
		if rt.form == nil {
			rt.form = url.Values{}
		}
		rt.form.Set("T", t)
		a, err := c.do(ctx, rt)
		if err != nil {
			return a, err
		}
		if a.status == http.StatusUnauthorized && !retry {
			continue
		}
		if !a.ok() {
			return a, c.statusError(rt, a)
		}
		return a, nil
	}
}

// editTokenFor returns the T token, fetched when none is cached or when
// fresh is set.
func (c *Client) editTokenFor(ctx context.Context, op string, fresh bool) (string, error) {
	if _, t := c.tokens(); t != "" && !fresh {
		return t, nil
	}
	r := request{op: op, path: apiPath + "token"}
	a, err := c.get(ctx, r)
	if err != nil {
		return "", err
	}
	text, err := textBody(a)
	if err != nil {
		return "", wrap(op, err)
	}
	if !validToken(text) {
		return "", wrap(op, notGReader("the edit token is malformed"))
	}
	c.mu.Lock()
	c.editToken = text
	c.mu.Unlock()
	return text, nil
}

// validToken reports whether a token can go into a header and a form: not
// empty, bounded, with no space or control character.
func validToken(t string) bool {
	if t == "" || len(t) > maxTokenBytes || !utf8.ValidString(t) {
		return false
	}
	for _, r := range t {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return false
		}
	}
	return true
}

// looksHTML reports whether an answer is a web page: its text starts with
// '<' (which neither JSON nor the API's text does), or it is typed HTML
// and its start holds a document's tag. The type alone proves nothing:
// PHP serves FreshRSS's "OK", tokens and some JSON as text/html.
func looksHTML(a answer) bool {
	body := trimBody(a.body)
	if bytes.HasPrefix(body, []byte("<")) {
		return true
	}
	if !strings.Contains(strings.ToLower(a.header.Get("Content-Type")), "html") {
		return false
	}
	start := bytes.ToLower(body[:min(len(body), 1024)])
	return bytes.Contains(start, []byte("<html")) || bytes.Contains(start, []byte("<!doctype")) ||
		bytes.Contains(start, []byte("<body"))
}

// trimBody drops a byte order mark and surrounding white space.
func trimBody(b []byte) []byte {
	return bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\xef\xbb\xbf")))
}

// jsonBody returns a 2xx answer's body when it can be JSON: not empty (an
// unsupported call on some servers), not a web page (a login page).
func jsonBody(a answer) ([]byte, error) {
	body := trimBody(a.body)
	switch {
	case len(body) == 0:
		return nil, notGReader("an empty answer where JSON was expected")
	case looksHTML(a):
		return nil, notGReader("a web page where JSON was expected; a login page?")
	}
	return body, nil
}

// textBody returns a 2xx answer's text, trimmed, unless it is a web page.
func textBody(a answer) (string, error) {
	if looksHTML(a) {
		return "", notGReader("a web page where text was expected; a login page?")
	}
	return string(trimBody(a.body)), nil
}

// expectOK checks the "OK" the API answers a change with.
func expectOK(a answer) error {
	text, err := textBody(a)
	if err != nil {
		return err
	}
	if !strings.EqualFold(text, "OK") {
		if text == "" {
			return notGReader("an empty answer where OK was expected")
		}
		return notGReader("the answer was not OK")
	}
	return nil
}

// maxErrorLine bounds the server's words quoted in an error, in bytes.
const maxErrorLine = 120

// firstLine is the first non-blank line of an error answer (or the
// error_message of Miniflux's JSON errors), made plain and safe, at most
// maxErrorLine bytes, with the secrets taken out.
func (c *Client) firstLine(body []byte, secrets []string) string {
	var doc struct {
		Message string `json:"error_message"`
	}
	if isObject(body) && json.Unmarshal(trimBody(body), &doc) == nil && doc.Message != "" {
		body = []byte(doc.Message)
	}
	text := c.redact(string(body), secrets)
	for line := range strings.Lines(text) {
		line = feeds.CleanLine(line)
		if line == "" {
			continue
		}
		return cut(c.redact(line, secrets), maxErrorLine)
	}
	return ""
}

// redact replaces the tokens and the given secrets, as they are and as a
// query or a path would escape them, wherever they appear in s.
func (c *Client) redact(s string, secrets []string) string {
	auth, edit := c.tokens()
	for _, w := range append([]string{auth, edit}, secrets...) {
		if w == "" {
			continue
		}
		for _, form := range []string{w, url.QueryEscape(w), url.PathEscape(w)} {
			s = strings.ReplaceAll(s, form, "[redacted]")
		}
	}
	return s
}

// guard keeps the tokens and the given secrets out of *err's message: a
// last net under the redaction where a server's words enter an error.
func (c *Client) guard(err *error, secrets ...string) {
	if *err == nil {
		return
	}
	// Here the message is byline's own words around the server's (which
	// were redacted as they came in), so a short password is left out of
	// this net: "wrong" must not blank out "wrong user name".
	long := secrets[:0:0]
	for _, s := range secrets {
		if len(s) >= 8 {
			long = append(long, s)
		}
	}
	msg := (*err).Error()
	if clean := c.redact(msg, long); clean != msg {
		*err = &transportErr{msg: clean, err: *err}
	}
}

// cut shortens s to at most n bytes on a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
