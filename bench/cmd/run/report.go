package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/byline-reader/byline/bench/feedserver"
)

// Readers, in the table's column order.
const (
	newsboat = "newsboat"
	byline   = "byline"
)

var readers = []string{newsboat, byline}

// sample is one measurement of one reader for one row of the table.
type sample struct {
	result
	run    int
	server *feedserver.Stats // what the server answered during it, for refreshes
}

// row is a line of the table: what was measured, and each reader's
// samples.
type row struct {
	key, label string
	refresh    bool // show the server's counts
	samples    map[string][]sample
	skipped    map[string]string // why a reader has no samples
}

// report is every row measured, in order.
type report struct {
	rows []*row
}

func (r *report) row(key, label string, refresh bool) *row {
	for _, x := range r.rows {
		if x.key == key {
			return x
		}
	}
	x := &row{key: key, label: label, refresh: refresh, samples: map[string][]sample{}, skipped: map[string]string{}}
	r.rows = append(r.rows, x)
	return x
}

// summary is the median of durations and their range.
type summary struct {
	median, min, max time.Duration
	rssKB            int64 // median peak RSS
	n, failed        int
}

func summarise(ss []sample) summary {
	var walls []time.Duration
	var rss []int64
	s := summary{}
	for _, x := range ss {
		if x.err != nil {
			s.failed++
			continue
		}
		walls = append(walls, x.wall)
		rss = append(rss, x.rssKB)
	}
	s.n = len(walls)
	if s.n == 0 {
		return s
	}
	slices.Sort(walls)
	slices.Sort(rss)
	s.min, s.max = walls[0], walls[len(walls)-1]
	s.median = median(walls)
	s.rssKB = median(rss)
	return s
}

func median[T time.Duration | int64](sorted []T) T {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// seconds writes a duration as README does: 8.8 s, 0.41 s, 0.046 s.
func seconds(d time.Duration) string {
	s := d.Seconds()
	switch {
	case s >= 1:
		return fmt.Sprintf("%.1f", s)
	case s >= 0.1:
		return fmt.Sprintf("%.2f", s)
	default:
		return fmt.Sprintf("%.3f", s)
	}
}

// cell is a reader's entry in a row: "5.2 s (5.0–5.4), 78 MiB", with the
// server's counts for a refresh.
func (x *row) cell(reader string) string {
	if why, ok := x.skipped[reader]; ok {
		return why
	}
	ss := x.samples[reader]
	if len(ss) == 0 {
		return ""
	}
	s := summarise(ss)
	if s.n == 0 {
		return fmt.Sprintf("failed (%d of %d runs)", s.failed, len(ss))
	}
	text := seconds(s.median) + " s"
	if s.n > 1 {
		text += fmt.Sprintf(" (%s–%s)", seconds(s.min), seconds(s.max))
	}
	if s.rssKB > 0 {
		text += fmt.Sprintf(", %.0f MiB", float64(s.rssKB)/1024)
	}
	if x.refresh {
		text += "; " + serverCounts(ss)
	}
	if s.failed > 0 {
		text += fmt.Sprintf("; %d of %d runs failed", s.failed, len(ss))
	}
	return text
}

// serverCounts says what the server answered in the last successful run:
// "500 requests, 500 × 304".
func serverCounts(ss []sample) string {
	for i := len(ss) - 1; i >= 0; i-- {
		st := ss[i].server
		if ss[i].err != nil || st == nil {
			continue
		}
		text := fmt.Sprintf("%d requests", st.Requests)
		if st.ConditionalRequests > 0 || st.NotModified > 0 {
			text += fmt.Sprintf(" (%d conditional), %d × 304", st.ConditionalRequests, st.NotModified)
		}
		if bad := st.Requests - st.ByStatus["200"] - st.NotModified; bad > 0 {
			text += fmt.Sprintf(", %d other", bad)
		}
		return text
	}
	return "no counts"
}

// table writes the report as a markdown table, newsboat's column first.
func (r *report) table(w io.Writer, heads map[string]string) {
	fmt.Fprintf(w, "| | %s | %s |\n|---|---|---|\n", heads[newsboat], heads[byline])
	for _, x := range r.rows {
		fmt.Fprintf(w, "| %s | %s | %s |\n", cellText(x.label), cellText(x.cell(newsboat)), cellText(x.cell(byline)))
	}
}

// cellText keeps a cell on its line of the table.
func cellText(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

// tsv writes every sample, one a line, for whoever wants more than the
// medians.
func (r *report) tsv(w io.Writer) {
	fmt.Fprintln(w, "row\treader\trun\twall_s\tpeak_rss_kib\terror\trequests\tconditional\tnot_modified\tbytes_out\tmax_inflight")
	for _, x := range r.rows {
		for _, reader := range readers {
			for _, s := range x.samples[reader] {
				errText := ""
				if s.err != nil {
					errText = strings.ReplaceAll(s.err.Error(), "\n", " ")
				}
				fmt.Fprintf(w, "%s\t%s\t%d\t%.4f\t%d\t%s", x.key, reader, s.run, s.wall.Seconds(), s.rssKB, errText)
				if st := s.server; st != nil {
					fmt.Fprintf(w, "\t%d\t%d\t%d\t%d\t%d", st.Requests, st.ConditionalRequests, st.NotModified, st.BytesOut, st.MaxInFlight)
				}
				fmt.Fprintln(w)
			}
		}
	}
}
