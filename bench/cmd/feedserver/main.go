// Command feedserver serves the benchmark's corpus on loopback addresses
// until it is stopped or its lifetime ends, then prints the lifetime's
// counts. With -lists-only it writes the urls and OPML files and exits.
//
//	go run ./cmd/feedserver -feeds 500 -items 50 -hosts 25 -port 18080 -latency 50ms \
//	    -write-urls /tmp/urls -write-opml /tmp/feeds.opml
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/byline-reader/byline/bench/corpus"
	"github.com/byline-reader/byline/bench/feedserver"
)

type options struct {
	server            feedserver.Options
	formats           string
	lifetime          time.Duration
	urls, opml, stats string
	ready             string
	listsOnly         bool
}

func main() {
	o, err := parse(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "feedserver:", err)
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "feedserver:", err)
		os.Exit(1)
	}
}

func parse(args []string, stderr io.Writer) (options, error) {
	o := options{server: feedserver.Options{Corpus: corpus.Default()}}
	c := &o.server.Corpus
	fs := flag.NewFlagSet("feedserver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.Feeds, "feeds", c.Feeds, "feeds to serve")
	fs.IntVar(&c.Items, "items", c.Items, "items in each feed")
	fs.StringVar(&o.formats, "formats", strings.Join(c.Formats, ","), "feed formats, feed i in the (i mod n)th: rss, atom, json")
	fs.Float64Var(&c.ContentFrac, "content-frac", c.ContentFrac, "fraction of feeds whose items carry the whole article")
	fs.IntVar(&c.MinWords, "min-words", c.MinWords, "shortest article, in words")
	fs.IntVar(&c.MaxWords, "max-words", c.MaxWords, "longest article, in words")
	fs.Uint64Var(&c.Seed, "seed", c.Seed, "the corpus's seed: the same seed, the same bytes")
	fs.StringVar(&o.server.Host, "host", "127.0.0.1", "first loopback address")
	fs.IntVar(&o.server.Hosts, "hosts", 1, "loopback addresses the feeds are spread over (from -host on, one port)")
	fs.IntVar(&o.server.Port, "port", 18080, "port on every address (0: any free one)")
	fs.DurationVar(&o.server.Latency, "latency", 0, "delay before every feed or page answer, 304s included")
	fs.DurationVar(&o.lifetime, "max-lifetime", 2*time.Hour, "exit after this long")
	fs.StringVar(&o.urls, "write-urls", "", "write a newsboat urls `FILE` of the feeds")
	fs.StringVar(&o.opml, "write-opml", "", "write an OPML `FILE` of the feeds")
	fs.StringVar(&o.stats, "stats-file", "", "on exit, write the lifetime's counts as JSON to `FILE`")
	fs.StringVar(&o.ready, "ready-file", "", "once serving, write `FILE`: JSON of the port, the hosts and the feeds' size")
	fs.BoolVar(&o.listsOnly, "lists-only", false, "write the -write-urls/-write-opml files for -port and exit, serving nothing")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	c.Formats = strings.Split(o.formats, ",")
	if o.lifetime <= 0 {
		return o, fmt.Errorf("max-lifetime %v: want more than 0", o.lifetime)
	}
	if o.listsOnly && o.server.Port == 0 {
		return o, errors.New("-lists-only needs the -port the server will use")
	}
	return o, c.Validate()
}

func run(o options) error {
	if o.listsOnly {
		hosts, err := feedserver.LoopbackHosts(o.server.Host, o.server.Hosts)
		if err != nil {
			return err
		}
		return writeLists(o, feedserver.Sites(hosts, o.server.Port))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, o.lifetime)
	defer cancel()
	s, err := feedserver.Start(o.server)
	if err != nil {
		return err
	}
	if err := writeLists(o, s.Site); err != nil {
		s.Close()
		return err
	}
	if err := writeReady(o.ready, s); err != nil {
		s.Close()
		return err
	}
	hosts := s.Hosts()
	fmt.Fprintf(os.Stderr, "feedserver: %d feeds × %d items (%.1f MB) on %s..%s port %d, latency %v, for at most %v\n",
		o.server.Corpus.Feeds, o.server.Corpus.Items, float64(s.FeedBytes())/1e6, hosts[0], hosts[len(hosts)-1], s.Port(), o.server.Latency, o.lifetime)
	<-ctx.Done()
	closeErr := s.Close()
	counts, _ := json.MarshalIndent(s.Lifetime(), "", "  ")
	fmt.Fprintf(os.Stderr, "feedserver: stopped (%v); lifetime counts:\n%s\n", context.Cause(ctx), counts)
	if o.stats != "" {
		if err := os.WriteFile(o.stats, append(counts, '\n'), 0o644); err != nil {
			return err
		}
	}
	return closeErr
}

func writeLists(o options, site func(int) string) error {
	c := o.server.Corpus
	for _, f := range []struct {
		path  string
		write func(io.Writer, func(int) string) error
	}{{o.urls, c.WriteURLs}, {o.opml, c.WriteOPML}} {
		if f.path == "" {
			continue
		}
		var b strings.Builder
		if err := f.write(&b, site); err != nil {
			return err
		}
		if err := os.WriteFile(f.path, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeReady writes the ready file whole (a reader polling for it never
// sees half of it).
func writeReady(path string, s *feedserver.Server) error {
	if path == "" {
		return nil
	}
	b, err := json.Marshal(feedserver.Ready{Port: s.Port(), Hosts: s.Hosts(), FeedBytes: s.FeedBytes()})
	if err != nil {
		return err
	}
	if err := os.WriteFile(path+".tmp", b, 0o644); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}
