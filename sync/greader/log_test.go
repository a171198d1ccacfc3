package greader

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

func TestCallsLoggedWithoutSecrets(t *testing.T) {
	_, c := newFake(t, "")
	var buf bytes.Buffer
	c.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ctx := context.Background()
	if _, err := c.Login(ctx, fakeUser, fakePass); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Subscriptions(ctx); err != nil {
		t.Fatal(err)
	}
	_, _ = c.Login(ctx, fakeUser, "wrong-password")
	log := buf.String()
	if n := strings.Count(log, `msg="sync request"`); n != 3 {
		t.Fatalf("want a record per call, got %d:\n%s", n, log)
	}
	for _, want := range []string{"path=/accounts/ClientLogin", "path=/reader/api/0/subscription/list", "status=200", "status=401", "took="} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	for _, secret := range []string{fakePass, fakeToken, "wrong-password"} {
		if strings.Contains(log, secret) {
			t.Errorf("the log holds a secret %q:\n%s", secret, log)
		}
	}
}

func TestCallsNotLoggedAboveDebug(t *testing.T) {
	_, c := newFake(t, "")
	var buf bytes.Buffer
	c.Logger = slog.New(slog.NewTextHandler(&buf, nil))
	if _, err := c.Login(context.Background(), fakeUser, fakePass); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("a call logged at Info: %s", buf.String())
	}
}
