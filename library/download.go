package library

import (
	"context"
	"fmt"

	"github.com/byline-reader/byline/feeds"
)

// Download fetches file n (from 1) of article id into the folder dir
// (feeds.Client.Download: resumed when a part is there, a safe name from
// the file's address); progress is told the bytes done and the total.
func (l *Library) Download(ctx context.Context, id int64, n int, dir string, progress func(done, total int64)) (feeds.Downloaded, error) {
	a, err := l.Article(ctx, id)
	if err != nil {
		return feeds.Downloaded{}, err
	}
	switch {
	case len(a.Enclosures) == 0:
		return feeds.Downloaded{}, fmt.Errorf("article %d has no file to download", id) // exit 1: nothing to do
	case n < 1 || n > len(a.Enclosures):
		return feeds.Downloaded{}, badInput("article %d has no file %d (its files are 1 to %d)", id, n, len(a.Enclosures))
	}
	d, err := l.client.Download(ctx, a.Enclosures[n-1].URL, dir, progress)
	if err != nil {
		return d, fmt.Errorf("file %d of article %d: %w", n, id, err)
	}
	return d, nil
}
