// Package furniture removes page furniture from an article's markdown: the
// ad labels, subscribe boxes, share bars, related-story lists, bare photo
// credits and other lines a page carries around its article, which
// extraction keeps but a reader does not want.
//
// It owns line-level rules over markdown: strings in, strings out. It
// reads no HTML (that is feeds/extract's) and removes only what carries a
// furniture marker (a vocabulary and a shape), never ordinary prose.
package furniture
