// Package miniflux gives tests a real Miniflux server to sync against: the
// one `.ci/miniflux start` runs on loopback (Miniflux 2.3.5 on a private
// PostgreSQL), found through the environment its DIR/env file exports.
// Each test takes a fresh user of its own, with the Google Reader API
// enabled, and sets up that user's feeds and entries through Miniflux's
// REST API.
//
// Miniflux fetches what a feed points at as well as the feed (the site's
// page and icon), so every URL in a test feed should be on 127.0.0.1.
package miniflux

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The environment `.ci/miniflux start` writes to DIR/env.
const (
	envURL           = "BYLINE_MINIFLUX_URL"
	envAdminUser     = "BYLINE_MINIFLUX_ADMIN_USER"
	envAdminPassword = "BYLINE_MINIFLUX_ADMIN_PASSWORD"
	envPSQL          = "BYLINE_MINIFLUX_PSQL"
	envRequire       = "BYLINE_REQUIRE_MINIFLUX"
)

const noServer = "no Miniflux server: run `.ci/miniflux start` and " +
	"`. ${TMPDIR:-/tmp}/byline-miniflux/env`, then run the tests again"

// Server is the running Miniflux the environment names.
type Server struct {
	URL           string // base URL, http://127.0.0.1:PORT
	adminUser     string
	adminPassword string
	psql          []string // psql against the miniflux database, as superuser
}

// User is a Miniflux user made for one test.
type User struct {
	Name, Password string
	// GReaderURL is the base for a Google Reader client: Miniflux serves
	// /accounts/ClientLogin and /reader/api/0/ at its base URL's root.
	GReaderURL string
	ID         int64
	server     *Server
}

// client talks to loopback only, so it never takes a proxy.
var client = &http.Client{
	Timeout:   30 * time.Second,
	Transport: &http.Transport{Proxy: nil},
}

// Start returns the Miniflux server the environment names. Without one the
// test is skipped, or fails when BYLINE_REQUIRE_MINIFLUX=1 (as in CI).
func Start(t testing.TB) *Server {
	t.Helper()
	s := &Server{
		URL:           strings.TrimRight(os.Getenv(envURL), "/"),
		adminUser:     os.Getenv(envAdminUser),
		adminPassword: os.Getenv(envAdminPassword),
		psql:          strings.Fields(os.Getenv(envPSQL)),
	}
	if s.URL == "" || s.adminUser == "" || s.adminPassword == "" || len(s.psql) == 0 {
		unavailable(t, noServer)
	}
	if err := healthcheck(s.URL); err != nil {
		unavailable(t, fmt.Sprintf("the Miniflux server at %s (%s) is not healthy: %v; %s",
			s.URL, envURL, err, strings.TrimPrefix(noServer, "no Miniflux server: ")))
	}
	return s
}

// unavailable skips the test, or fails it when a server is required.
func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(envRequire) == "1" {
		t.Fatalf("%s=1 but %s", envRequire, why)
	}
	t.Skip(why)
}

func healthcheck(base string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/healthcheck", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK || strings.TrimSpace(string(body)) != "OK" {
		return fmt.Errorf("GET /healthcheck: %s %q", resp.Status, body)
	}
	return nil
}

var userCount atomic.Int64

// NewUser makes a fresh user with a unique name and its Google Reader API
// enabled (same name and password), and deletes it when the test ends.
func (s *Server) NewUser(t testing.TB) User {
	t.Helper()
	u := User{
		Name:       uniqueName(t),
		Password:   randomHex(12),
		GReaderURL: s.URL,
		server:     s,
	}
	var created struct {
		ID int64 `json:"id"`
	}
	s.call(t, s.adminUser, s.adminPassword, http.MethodPost, "/v1/users",
		map[string]any{"username": u.Name, "password": u.Password}, http.StatusCreated, &created)
	if created.ID == 0 {
		t.Fatalf("miniflux: POST /v1/users for %s answered no id", u.Name)
	}
	u.ID = created.ID
	t.Cleanup(func() {
		// Miniflux removes the user in the background after answering.
		s.call(t, s.adminUser, s.adminPassword, http.MethodDelete,
			"/v1/users/"+strconv.FormatInt(u.ID, 10), nil, http.StatusNoContent, nil)
	})
	s.enableGReader(t, u)
	return u
}

// uniqueName: the test's name for whoever reads Miniflux's log, the
// process and a counter so that test binaries running at once never meet.
func uniqueName(t testing.TB) string {
	var b strings.Builder
	for _, r := range t.Name() {
		if b.Len() == 24 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return fmt.Sprintf("%s-%d-%d-%s", b.String(), os.Getpid(), userCount.Add(1), randomHex(3))
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// enableGReader turns on u's Google Reader API in the integrations table,
// which is the only way: Miniflux has no REST endpoint for it. The values
// go in as psql variables, read from stdin, so psql quotes them.
func (s *Server) enableGReader(t testing.TB, u User) {
	t.Helper()
	const update = `UPDATE integrations SET googlereader_enabled = true,
	googlereader_username = :'name',
	googlereader_password = crypt(:'password', gen_salt('bf', 10))
WHERE user_id = :'id' RETURNING user_id;
`
	args := append(slices.Clone(s.psql[1:]), "-qtAX", "-v", "ON_ERROR_STOP=1",
		"-v", "name="+u.Name, "-v", "password="+u.Password,
		"-v", "id="+strconv.FormatInt(u.ID, 10), "-f", "-")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.psql[0], args...)
	cmd.Stdin = strings.NewReader(update)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("miniflux: enabling the Google Reader API with %s: %v\n%s", envPSQL, err, stderr.Bytes())
	}
	if got := strings.TrimSpace(string(out)); got != strconv.FormatInt(u.ID, 10) {
		t.Fatalf("miniflux: enabling the Google Reader API for user %d updated %q", u.ID, got)
	}
}
