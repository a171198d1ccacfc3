package library

import (
	"context"
)

// ImageData is the bytes of the picture at url (an article's image, as its
// body names it): from the disk cache when it is kept there, else fetched
// (feeds.Client.FetchImage: http(s) only, capped, non-images refused) and
// kept. A picture that cannot be kept is still given: the cache only ever
// saves a fetch.
func (l *Library) ImageData(ctx context.Context, url string) ([]byte, error) {
	if data, ok := l.images.Get(url, l.now()); ok {
		return data, nil
	}
	data, err := l.client.FetchImage(ctx, url)
	if err != nil {
		return nil, err
	}
	l.images.Put(url, data, l.now())
	return data, nil
}
