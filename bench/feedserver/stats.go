package feedserver

import (
	"maps"
	"strconv"
	"sync"
)

// Stats counts what the server answered since its last reset.
type Stats struct {
	Requests            int            `json:"requests"`
	ByStatus            map[string]int `json:"by_status"`
	ByKind              map[string]int `json:"by_kind"`   // feed, article, list, other
	ByFormat            map[string]int `json:"by_format"` // feeds only: rss, atom, json
	ConditionalRequests int            `json:"conditional_requests"`
	NotModified         int            `json:"not_modified_304"`
	BytesOut            int64          `json:"bytes_out"`
	MaxInFlight         int            `json:"max_inflight"`
	UserAgents          map[string]int `json:"user_agents"`
}

// maxAgents bounds the user agents counted, so that a client making up a
// new one per request cannot grow the map.
const maxAgents = 16

// counter is the server's counts, the current phase's and the lifetime's.
type counter struct {
	mu       sync.Mutex
	phase    Stats
	lifetime Stats
	inFlight int
}

func newStats() Stats {
	return Stats{ByStatus: map[string]int{}, ByKind: map[string]int{}, ByFormat: map[string]int{}, UserAgents: map[string]int{}}
}

func newCounter() *counter { return &counter{phase: newStats(), lifetime: newStats()} }

// begin counts a request starting; end must follow.
func (c *counter) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inFlight++
	for _, s := range []*Stats{&c.phase, &c.lifetime} {
		s.MaxInFlight = max(s.MaxInFlight, c.inFlight)
	}
}

// answered is one finished request: what it was and how it was answered.
type answered struct {
	kind, format, agent string
	status              int
	conditional         bool
	bytes               int64
}

func (c *counter) end(a answered) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inFlight--
	for _, s := range []*Stats{&c.phase, &c.lifetime} {
		s.Requests++
		s.ByStatus[strconv.Itoa(a.status)]++
		s.ByKind[a.kind]++
		if a.format != "" {
			s.ByFormat[a.format]++
		}
		if a.conditional {
			s.ConditionalRequests++
		}
		if a.status == 304 {
			s.NotModified++
		}
		s.BytesOut += a.bytes
		if _, seen := s.UserAgents[a.agent]; seen || len(s.UserAgents) < maxAgents {
			s.UserAgents[a.agent]++
		}
	}
}

func (s Stats) clone() Stats {
	s.ByStatus, s.ByKind, s.ByFormat, s.UserAgents = maps.Clone(s.ByStatus), maps.Clone(s.ByKind), maps.Clone(s.ByFormat), maps.Clone(s.UserAgents)
	return s
}

// snapshot is the phase's counts; with reset, the phase starts again.
func (c *counter) snapshot(reset bool) Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.phase.clone()
	if reset {
		c.phase = newStats()
		c.phase.MaxInFlight = c.inFlight
	}
	return s
}

func (c *counter) total() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lifetime.clone()
}
