package greader

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestNewChecksTheAddress(t *testing.T) {
	for _, bad := range []string{"", "ftp://host", "host:8080", "http://", "http://u:p@host",
		"https://host/?x=1", "https://host/#f", "http://h\x7fost", "javascript:alert(1)"} {
		if _, err := New(bad, nil); err == nil {
			t.Errorf("New(%q) = nil error", bad)
		}
	}
	c, err := New(" https://host/api/greader.php/ ", nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.base != "https://host/api/greader.php" || c.hc == nil || c.hc.Timeout != defaultTimeout {
		t.Errorf("base %q, client %+v", c.base, c.hc)
	}
}

func TestLogin(t *testing.T) {
	for _, prefix := range []string{"", "/api/greader.php"} {
		f, c := newFake(t, prefix)
		token, err := c.Login(context.Background(), fakeUser, fakePass)
		if err != nil || token != fakeToken {
			t.Fatalf("%q: Login = %q, %v", prefix, token, err)
		}
		if _, err := c.Subscriptions(context.Background()); err != nil {
			t.Fatalf("%q: after login: %v", prefix, err)
		}
		got := f.calls("/reader/api/0/subscription/list")
		if len(got) != 1 || got[0].auth != "GoogleLogin auth="+fakeToken {
			t.Errorf("%q: auth header %+v", prefix, got)
		}
		login := f.calls("/accounts/ClientLogin")[0]
		if login.method != http.MethodPost || login.form.Get("Email") != fakeUser || login.form.Get("Passwd") != fakePass {
			t.Errorf("%q: login request %+v", prefix, login)
		}
	}
}

func TestLoginRefused(t *testing.T) {
	_, c := newFake(t, "")
	_, err := c.Login(context.Background(), fakeUser, "wrong")
	if !errors.Is(err, ErrAuth) {
		t.Fatalf("wrong password: %v, want ErrAuth", err)
	}
	if !strings.HasPrefix(err.Error(), "greader: log in: ") {
		t.Errorf("message %q does not name the operation", err)
	}
	if _, err := c.Subscriptions(context.Background()); !errors.Is(err, ErrAuth) {
		t.Errorf("a call without a token: %v, want ErrAuth", err)
	}
}

func TestSetTokenAndExpiredToken(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	if _, err := c.Subscriptions(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	f.token = "alice/expired"
	f.mu.Unlock()
	if _, err := c.Subscriptions(context.Background()); !errors.Is(err, ErrAuth) {
		t.Errorf("expired token: %v, want ErrAuth", err)
	}
	if err := c.EditTag(context.Background(), []int64{1}, StreamRead, ""); !errors.Is(err, ErrAuth) {
		t.Errorf("expired token on a POST: %v, want ErrAuth", err)
	}
}

func TestNotGReader(t *testing.T) {
	const page = "<!DOCTYPE html><html><body><form>Sign in</form></body></html>"
	cases := []struct {
		name, path string
		fault      fakeFault
		call       func(*Client) error
	}{
		{"HTML login page", "/accounts/ClientLogin", fakeFault{ctype: "text/html", body: page}, login},
		{"HTML page, no type", "/accounts/ClientLogin", fakeFault{body: "\n  " + page}, login},
		{"login without Auth", "/accounts/ClientLogin", fakeFault{body: "SID=x\nLSID=y\n"}, login},
		{"404 on login", "/accounts/ClientLogin", fakeFault{status: 404, body: "not found"}, login},
		{"404 on the API", "/reader/api/0/subscription/list", fakeFault{status: 404}, subscriptions},
		{"empty 200", "/reader/api/0/subscription/list", fakeFault{}, subscriptions},
		{"array 200", "/reader/api/0/subscription/list", fakeFault{body: "[]"}, subscriptions},
		{"wrong shape", "/reader/api/0/subscription/list", fakeFault{body: `{"subs":[]}`}, subscriptions},
		{"HTML list", "/reader/api/0/subscription/list", fakeFault{ctype: "text/html; charset=utf-8", body: page}, subscriptions},
		{"empty ids", "/reader/api/0/stream/items/ids", fakeFault{}, itemIDs},
		{"bad id", "/reader/api/0/stream/items/ids", fakeFault{body: `{"itemRefs":[{"id":"5a1b2c3d4e5f6a7b8c9d0e1f"}]}`}, itemIDs},
		{"empty contents", "/reader/api/0/stream/items/contents", fakeFault{}, contents},
		{"edit-tag not OK", "/reader/api/0/edit-tag", fakeFault{body: "[]"}, editTag},
		{"HTML token", "/reader/api/0/token", fakeFault{body: page}, editTag},
	}
	for _, tc := range cases {
		f, c := newFake(t, "")
		if tc.path != "/accounts/ClientLogin" {
			c.SetToken(fakeToken)
		}
		f.answers[tc.path] = tc.fault
		err := tc.call(c)
		if !errors.Is(err, ErrNotGReader) {
			t.Errorf("%s: %v, want ErrNotGReader", tc.name, err)
		} else if !strings.HasPrefix(err.Error(), "greader: ") {
			t.Errorf("%s: message %q", tc.name, err)
		}
	}
}

func login(c *Client) error {
	_, err := c.Login(context.Background(), fakeUser, fakePass)
	return err
}

func subscriptions(c *Client) error {
	_, err := c.Subscriptions(context.Background())
	return err
}

func itemIDs(c *Client) error {
	_, err := c.ItemIDs(context.Background(), StreamReadingList, "")
	return err
}

func contents(c *Client) error {
	_, err := c.Contents(context.Background(), []int64{1})
	return err
}

func editTag(c *Client) error {
	return c.EditTag(context.Background(), []int64{1}, StreamRead, "")
}

func TestTooLarge(t *testing.T) {
	for _, size := range []int{1500, 100 << 10} { // one with a length, one chunked
		f, c := newFake(t, "")
		c.SetToken(fakeToken)
		c.MaxResponse = 1024
		f.answers["/reader/api/0/subscription/list"] = fakeFault{body: `{"subscriptions":[` + strings.Repeat(" ", size) + `]}`}
		if _, err := c.Subscriptions(context.Background()); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%d bytes: %v, want ErrTooLarge", size, err)
		}
	}
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	c.MaxResponse = 1024
	f.answers["/reader/api/0/subscription/list"] = fakeFault{body: `{"subscriptions":[` + strings.Repeat(" ", 990) + `]}`}
	if _, err := c.Subscriptions(context.Background()); err != nil {
		t.Errorf("just under the cap: %v", err)
	}
}

func TestStatusError(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	f.answers["/reader/api/0/subscription/list"] = fakeFault{status: 500,
		body: "\n\x1b[31mdatabase\x07 <b>gone</b> &amp; " + strings.Repeat("x", 300) + "\nsecond line"}
	_, err := c.Subscriptions(context.Background())
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 500 {
		t.Fatalf("%v, want a StatusError 500", err)
	}
	if !strings.HasPrefix(se.Body, "database gone & xxx") || len(se.Body) > 120 ||
		strings.ContainsAny(se.Body, "\x1b\x07\n") || strings.Contains(err.Error(), "second") {
		t.Errorf("body %q", se.Body)
	}
	if !strings.HasPrefix(err.Error(), "greader: list subscriptions: HTTP 500: database") {
		t.Errorf("message %q", err)
	}
}

func TestContextCancelled(t *testing.T) {
	_, c := newFake(t, "")
	c.SetToken(fakeToken)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Subscriptions(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("%v, want context.Canceled", err)
	}
	if err := c.EditTag(ctx, []int64{1}, StreamRead, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("POST: %v, want context.Canceled", err)
	}
}

// TestSecretsNeverInErrors drives every failure with a server that
// repeats the secrets the client holds (the token, the T token, and while
// logging in the password, as it is and as a form escapes it), and looks
// for them in the messages.
func TestSecretsNeverInErrors(t *testing.T) {
	f, c := newFake(t, "")
	passwords := []string{fakePass, "s3cret+pass%2Fword", "s3cret%20pass%2Fword"}
	var errs []error
	for _, path := range []string{"/accounts/ClientLogin", "/reader/api/0/subscription/list",
		"/reader/api/0/edit-tag", "/reader/api/0/token", "/reader/api/0/stream/items/ids",
		"/reader/api/0/stream/items/contents", "/reader/api/0/subscription/quickadd",
		"/reader/api/0/subscription/edit"} {
		echo := "echo " + fakeToken + " T-first-0001"
		switch path {
		case "/accounts/ClientLogin":
			echo += " " + strings.Join(passwords, " ")
		case "/reader/api/0/token", "/reader/api/0/subscription/list", "/reader/api/0/stream/items/ids":
			echo = "echo " + fakeToken // the client may not have a T token yet
		}
		for _, status := range []int{200, 400, 401, 404, 500, 503} {
			f.answers[path] = fakeFault{status: status, body: echo + "\nand again " + echo}
			_, err := c.Login(context.Background(), fakeUser, fakePass)
			errs = append(errs, err)
			c.SetToken(fakeToken)
			errs = append(errs, subscriptions(c), editTag(c), itemIDs(c), contents(c),
				c.EditSubscription(context.Background(), "feed/1", "t", "", ""))
			_, err = c.Subscribe(context.Background(), "https://example.org/feed", "", "")
			errs = append(errs, err)
			delete(f.answers, path)
		}
	}
	seen := 0
	for _, err := range errs {
		if err == nil {
			continue
		}
		seen++
		msg := err.Error()
		for _, secret := range append(passwords, fakeToken, "T-first-0001") {
			if strings.Contains(msg, secret) {
				t.Errorf("%q holds a secret", msg)
			}
		}
	}
	if seen < 50 {
		t.Errorf("only %d errors: the test is not driving failures", seen)
	}
	if s := c.String(); strings.Contains(s, fakeToken) {
		t.Errorf("String() = %q", s)
	}
}
