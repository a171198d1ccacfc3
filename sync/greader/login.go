package greader

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// Login exchanges a user name and password for an auth token
// (ClientLogin), keeps it for the calls that follow and returns it, to be
// given to SetToken another time. A refused login is ErrAuth.
func (c *Client) Login(ctx context.Context, user, password string) (_ string, err error) {
	defer c.guard(&err, password)
	r := request{
		op:      "log in",
		method:  http.MethodPost,
		path:    "/accounts/ClientLogin",
		form:    url.Values{"Email": {user}, "Passwd": {password}},
		secrets: []string{password},
	}
	a, err := c.do(ctx, r)
	if err != nil {
		return "", err
	}
	if !a.ok() {
		return "", c.statusError(r, a)
	}
	if looksHTML(a) {
		return "", wrap(r.op, notGReader("a web page where the login answer was expected"))
	}
	token, err := decodeLogin(a.body)
	if err != nil {
		return "", wrap(r.op, err)
	}
	c.SetToken(token)
	return token, nil
}

// decodeLogin reads ClientLogin's answer: lines "SID=…", "LSID=…",
// "Auth=…" (or, from some servers, the same as a JSON object); the token
// is Auth. "Error=…" without Auth is a refused login.
func decodeLogin(body []byte) (string, error) {
	body = trimBody(body)
	switch {
	case len(body) == 0:
		return "", notGReader("an empty login answer")
	case body[0] == '<':
		return "", notGReader("a web page where the login answer was expected")
	}
	var auth string
	refused := false
	if body[0] == '{' {
		var doc struct {
			Auth  string `json:"Auth"`
			Error string `json:"Error"`
		}
		if json.Unmarshal(body, &doc) != nil {
			return "", notGReader("the login answer is not the JSON expected")
		}
		auth, refused = doc.Auth, doc.Error != ""
	} else {
		for line := range strings.Lines(string(body)) {
			key, value, _ := strings.Cut(strings.TrimSpace(line), "=")
			switch {
			case strings.EqualFold(key, "Auth"):
				auth = strings.TrimSpace(value)
			case strings.EqualFold(key, "Error"):
				refused = true
			}
		}
	}
	switch {
	case auth == "" && refused:
		return "", ErrAuth
	case auth == "":
		return "", notGReader("the login answer holds no Auth token")
	case !validToken(auth):
		return "", notGReader("the login answer's token is malformed")
	}
	return auth, nil
}
