package library

import (
	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/model"
)

// FetchOptions turns the [fetch] settings into the fetcher's options; a
// setting left out keeps the default. version names byline in the
// User-Agent.
func FetchOptions(cfg model.Config, version string) feeds.Options {
	o := feeds.DefaultOptions(version)
	f := cfg.Fetch
	if f.Workers > 0 {
		o.Workers = f.Workers
	}
	if f.PerHost > 0 {
		o.PerHost = f.PerHost
	}
	if f.Timeout.Duration > 0 {
		o.Limits.RequestTimeout = f.Timeout.Duration
		o.Limits.HeaderTimeout = min(o.Limits.HeaderTimeout, f.Timeout.Duration)
		o.Limits.ConnectTimeout = min(o.Limits.ConnectTimeout, f.Timeout.Duration)
	}
	if f.MaxFeedMiB > 0 {
		o.Limits.MaxFeedBytes = f.MaxFeedMiB << 20
	}
	if f.MaxPageMiB > 0 {
		o.Limits.MaxPageBytes = f.MaxPageMiB << 20
	}
	if f.MaxItems > 0 {
		o.Limits.MaxItems = f.MaxItems
	}
	return o
}
