// Package diskcache keeps files in a folder up to a byte limit, the least
// recently used going first: the reader's pictures, fetched once and kept
// across runs. It knows nothing of what it keeps.
package diskcache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Cache keeps files in a folder, one file per key named by its hash, written whole (a temporary file renamed into place, so two
// writes of one key at once each leave a whole file). After each
// write the least recently used files (by modification time, which a hit
// renews) go until the folder holds at most limit bytes.
type Cache struct {
	dir     string
	limit   int64
	maxFile int64      // a kept file larger than this is not read back
	mu      sync.Mutex // one eviction at a time in this process
}

// New is a cache in dir of at most limit bytes, whose files are each at
// most maxFile bytes. An empty dir or a limit of 0 keeps nothing.
func New(dir string, limit, maxFile int64) *Cache {
	return &Cache{dir: dir, limit: limit, maxFile: maxFile}
}

// tempPrefix names the files being written; one older than staleTemp was
// left by a process that stopped mid-write.
const (
	tempPrefix = ".tmp-"
	staleTemp  = time.Hour
)

func (c *Cache) enabled() bool { return c != nil && c.dir != "" && c.limit > 0 }

// path is where the file of key is kept.
func (c *Cache) path(key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:]))
}

// Get reads a kept file and marks it used now.
func (c *Cache) Get(key string, now time.Time) ([]byte, bool) {
	if !c.enabled() {
		return nil, false
	}
	p := c.path(key)
	data, err := os.ReadFile(p)
	if err != nil || len(data) == 0 || int64(len(data)) > c.maxFile {
		return nil, false
	}
	_ = os.Chtimes(p, now, now)
	return data, true
}

// Put keeps a file, then trims the folder to the limit. Every failure is
// ignored: a cache only ever saves work.
func (c *Cache) Put(key string, data []byte, now time.Time) {
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
	p := c.path(key)
	if err := os.Rename(f.Name(), p); err != nil {
		os.Remove(f.Name())
		return
	}
	_ = os.Chtimes(p, now, now)
	c.evict(now)
}

// evict deletes the least recently used files until the folder holds
// at most limit bytes, and temporary files left behind long ago.
func (c *Cache) evict(now time.Time) {
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
