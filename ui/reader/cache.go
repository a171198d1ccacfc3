package reader

// Key names one render of one article: a render for another article,
// width, theme or doc is never shown.
type Key struct {
	ID    int64  // the article
	Width int    // the wrap width
	Dark  bool   // the theme
	Sig   uint64 // the doc's Signature: what is marked in the source
}

// Cache keeps the last few renders, by Key.
type Cache struct {
	order   []Key
	renders map[Key]*Rendered
}

// cacheSize is how many renders a Cache keeps.
const cacheSize = 12

// NewCache is an empty Cache.
func NewCache() *Cache { return &Cache{renders: map[Key]*Rendered{}} }

// Get is the render for k, if it is kept.
func (c *Cache) Get(k Key) (*Rendered, bool) {
	r, ok := c.renders[k]
	return r, ok
}

// Put keeps r as the render for k, forgetting the oldest render when
// there are more than the cache holds.
func (c *Cache) Put(k Key, r *Rendered) {
	if _, ok := c.renders[k]; !ok {
		c.order = append(c.order, k)
	}
	c.renders[k] = r
	if len(c.order) > cacheSize {
		delete(c.renders, c.order[0])
		c.order = c.order[1:]
	}
}
