package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/byline-reader/byline/feeds"
)

// ImageData is the bytes of the picture at url (an article's image, as its
// body names it): from the disk cache when it is kept there, else fetched
// (feeds.Client.FetchImage: http(s) only, capped, non-images refused) and
// kept. A picture that cannot be kept is still given: the cache only ever
// saves a fetch.
func (l *Library) ImageData(ctx context.Context, url string) ([]byte, error) {
	if data, ok := l.images.get(url, l.now()); ok {
		return data, nil
	}
	data, err := l.client.FetchImage(ctx, url)
	if err != nil {
		return nil, err
	}
	l.images.put(url, data, l.now())
	return data, nil
}

// imageCache keeps fetched pictures in a folder, one file per URL named by
// its hash, written whole (a temporary file renamed into place, so two
// fetches of one picture at once each leave a whole file). After each
// write the least recently used files (by modification time, which a hit
// renews) go until the folder holds at most limit bytes.
type imageCache struct {
	dir   string
	limit int64
	mu    sync.Mutex // one eviction at a time in this process
}

// tempPrefix names the files being written; one older than staleTemp was
// left by a process that stopped mid-write.
const (
	tempPrefix = ".tmp-"
	staleTemp  = time.Hour
)

func (c *imageCache) enabled() bool { return c != nil && c.dir != "" && c.limit > 0 }

// path is where the picture at url is kept.
func (c *imageCache) path(url string) string {
	sum := sha256.Sum256([]byte(url))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:]))
}

// get reads a kept picture and marks it used now.
func (c *imageCache) get(url string, now time.Time) ([]byte, bool) {
	if !c.enabled() {
		return nil, false
	}
	p := c.path(url)
	data, err := os.ReadFile(p)
	if err != nil || len(data) == 0 || len(data) > feeds.MaxImageBytes {
		return nil, false
	}
	_ = os.Chtimes(p, now, now)
	return data, true
}

// put keeps a picture, then trims the folder to the limit. Every failure
// is ignored: the picture has been fetched, and is shown either way.
func (c *imageCache) put(url string, data []byte, now time.Time) {
	if !c.enabled() || int64(len(data)) > c.limit || len(data) == 0 {
		return
	}
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(c.dir, tempPrefix+"*")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return
	}
	p := c.path(url)
	if err := os.Rename(f.Name(), p); err != nil {
		os.Remove(f.Name())
		return
	}
	_ = os.Chtimes(p, now, now)
	c.evict(now)
}

// evict deletes the least recently used pictures until the folder holds
// at most limit bytes, and temporary files left behind long ago.
func (c *imageCache) evict(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type kept struct {
		name string
		size int64
		used time.Time
	}
	var files []kept
	var total int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if strings.HasPrefix(e.Name(), tempPrefix) {
			if now.Sub(info.ModTime()) > staleTemp {
				os.Remove(filepath.Join(c.dir, e.Name()))
			}
			continue
		}
		files = append(files, kept{e.Name(), info.Size(), info.ModTime()})
		total += info.Size()
	}
	sort.Slice(files, func(i, j int) bool { return files[i].used.Before(files[j].used) })
	for _, f := range files {
		if total <= c.limit {
			break
		}
		if err := os.Remove(filepath.Join(c.dir, f.name)); err == nil || os.IsNotExist(err) {
			total -= f.size
		}
	}
}
