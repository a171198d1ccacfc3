package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/byline-reader/byline/bench/corpus"
)

// scenario is one refresh benchmark: feeds × items behind a latency.
type scenario struct {
	feeds, items int
	latency      time.Duration
}

// tag names a scenario in file names and progress lines: 500x50@50ms.
func (s scenario) tag() string {
	return fmt.Sprintf("%dx%d@%v", s.feeds, s.items, s.latency)
}

// parseScenarios reads "500:50:50ms 100:50:0ms" (spaces or commas
// between them); a scenario without its latency gets def.
func parseScenarios(text string, def time.Duration) ([]scenario, error) {
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' })
	if len(fields) == 0 {
		return nil, fmt.Errorf("no scenario in %q: want FEEDS:ITEMS[:LATENCY], e.g. 500:50:50ms", text)
	}
	var out []scenario
	for _, f := range fields {
		s, err := parseScenario(f, def)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func parseScenario(text string, def time.Duration) (scenario, error) {
	parts := strings.Split(text, ":")
	bad := func(why string) (scenario, error) {
		return scenario{}, fmt.Errorf("scenario %q: %s (want FEEDS:ITEMS[:LATENCY], e.g. 500:50:50ms)", text, why)
	}
	if len(parts) < 2 || len(parts) > 3 {
		return bad("not two or three fields")
	}
	feeds, err1 := strconv.Atoi(parts[0])
	items, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return bad("feeds and items are whole numbers")
	}
	s := scenario{feeds: feeds, items: items, latency: def}
	if len(parts) == 3 {
		d, err := time.ParseDuration(parts[2])
		if err != nil {
			return bad("latency is a duration such as 50ms")
		}
		s.latency = d
	}
	if s.latency < 0 || s.latency > time.Minute {
		return bad("latency out of 0..1m")
	}
	c := corpus.Default()
	c.Feeds, c.Items = s.feeds, s.items
	if err := c.Validate(); err != nil {
		return bad(err.Error())
	}
	return s, nil
}
