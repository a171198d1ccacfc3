package feeds

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxFreshness bounds how long one response can say it stays fresh.
const maxFreshness = 7 * 24 * time.Hour

// throttleWait is how long a feed waits after a 429 that names no
// Retry-After: the server said too many requests, without saying until
// when.
const throttleWait = 15 * time.Minute

// freshness is how long a response says it stays fresh from now: its
// Cache-Control max-age less its Age, or else its Expires (against its
// own Date, so a server's clock off by hours does not matter). It is zero
// when the response forbids keeping it (no-store) or asks to be checked
// each time (no-cache), when nothing says, or when what says cannot be
// read; at most maxFreshness. s-maxage is for shared caches and is not
// read: byline is a private one.
func freshness(h http.Header) time.Duration {
	maxAge, found := -1, false
	for _, line := range h.Values("Cache-Control") {
		for _, d := range strings.Split(line, ",") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), "=")
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "no-store", "no-cache":
				return 0
			case "max-age":
				n, ok := seconds(value)
				if !ok {
					continue
				}
				if !found || n < maxAge {
					maxAge = n
				}
				found = true
			}
		}
	}
	var fresh time.Duration
	switch {
	case found:
		age, _ := seconds(h.Get("Age"))
		fresh = time.Duration(max(0, maxAge-age)) * time.Second
	case h.Get("Expires") != "":
		exp, err := http.ParseTime(h.Get("Expires"))
		if err != nil {
			return 0
		}
		date, err := http.ParseTime(h.Get("Date"))
		if err != nil {
			date = time.Now()
		}
		fresh = exp.Sub(date)
	}
	return min(max(fresh, 0), maxFreshness)
}

// seconds reads a delta-seconds value (digits, perhaps quoted); values
// past maxFreshness are maxFreshness. ok is false when it is not one.
func seconds(v string) (n int, ok bool) {
	v = strings.Trim(strings.TrimSpace(v), `"`)
	if v == "" {
		return 0, false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	limit := int(maxFreshness / time.Second)
	n, err := strconv.Atoi(v)
	if err != nil || n > limit { // too many digits, or more than byline keeps
		return limit, true
	}
	return n, true
}
