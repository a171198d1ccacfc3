package model

import (
	"strings"
	"testing"
	"time"
)

// TestConfigAutoRefresh: automatic refresh is on unless the file says
// auto_refresh = false; refresh_interval is a fixed interval of at least
// a minute, and cannot be set with auto_refresh off.
func TestConfigAutoRefresh(t *testing.T) {
	for _, c := range []struct {
		in    string
		auto  bool
		every time.Duration
		err   string
	}{
		{in: "", auto: true},
		{in: "auto_refresh = false\n", auto: false},
		{in: "auto_refresh = true\nrefresh_interval = \"30m\"\n", auto: true, every: 30 * time.Minute},
		{in: "refresh_interval = \"0s\"\n", auto: true},
		{in: "refresh_interval = \"10s\"\n", auto: true, every: time.Minute}, // raised to the shortest
		{in: "auto_refresh = false\nrefresh_interval = \"1h\"\n", err: "auto_refresh = false says not to"},
		{in: "auto_refresh = \"no\"\n", err: "line 1"},
	} {
		cfg, err := ParseConfig([]byte(c.in))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: want an error with %q, got %v", c.in, c.err, err)
			}
			continue
		}
		if err != nil || cfg.AutoRefresh != c.auto || cfg.RefreshInterval.Duration != c.every {
			t.Errorf("%q: auto %v every %v, %v; want %v %v", c.in, cfg.AutoRefresh, cfg.RefreshInterval.Duration, err, c.auto, c.every)
		}
	}
}
