package picture

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif" // GIF: its first frame
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// Why a picture is not shown: short labels a reader sees under the alt
// text.
var (
	ErrTooLarge   = errors.New("image too large")
	ErrNotPicture = errors.New("not a picture")
	ErrBroken     = errors.New("broken image")
)

// Limits on what Decode accepts, checked on the file's header before any
// pixel is decoded, and the size it keeps.
const (
	MaxBytes  = 32 << 20   // the file
	MaxSide   = 8192       // either side, in pixels
	MaxPixels = 24_000_000 // width × height
	MaxAspect = 40         // the longer side over the shorter
	KeepSide  = 1200       // what Decode keeps: fitted in KeepSide×KeepSide
)

// Decode reads a PNG, JPEG, GIF (its first frame) or WebP file and returns
// it fitted in KeepSide×KeepSide, the most byline draws. It refuses,
// before decoding, a file too big, a picture with a side of zero, over
// MaxSide, over MaxPixels in all or longer than MaxAspect times its width
// (or height); and, after, one cut short or corrupt, or a file that is
// also a web page or script (a polyglot). A decoder's panic is a broken
// image. The errors are ErrTooLarge, ErrNotPicture and ErrBroken.
func Decode(data []byte) (img image.Image, err error) {
	defer func() {
		if recover() != nil {
			img, err = nil, ErrBroken
		}
	}()
	if len(data) > MaxBytes {
		return nil, ErrTooLarge
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case errors.Is(err, image.ErrFormat):
		return nil, ErrNotPicture
	case err != nil:
		return nil, ErrBroken
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	if hasMarkup(data) {
		return nil, ErrNotPicture
	}
	full, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, ErrBroken
	}
	b := full.Bounds()
	if b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, ErrBroken
	}
	w, h := Fit(b.Dx(), b.Dy(), KeepSide, KeepSide)
	return Scale(full, w, h), nil
}

// checkSize refuses a size no article's picture has.
func checkSize(w, h int) error {
	switch {
	case w <= 0 || h <= 0:
		return ErrBroken
	case w > MaxSide || h > MaxSide || int64(w)*int64(h) > MaxPixels:
		return ErrTooLarge
	case w > h*MaxAspect || h > w*MaxAspect:
		return ErrTooLarge
	}
	return nil
}

// markupTags open a web page or a script; found in a picture's bytes, they
// make it a polyglot, a file that is a page too.
var markupTags = [][]byte{
	[]byte("<!doctype"), []byte("<html"), []byte("<script"), []byte("<body"),
	[]byte("<head"), []byte("<svg"), []byte("<iframe"), []byte("<?php"), []byte("<?xml"),
}

// hasMarkup says whether data holds a tag that opens a page or a script,
// in any case. Image data holds one by chance about never.
func hasMarkup(data []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		for _, tag := range markupTags {
			if len(data)-i >= len(tag) && bytes.EqualFold(data[i:i+len(tag)], tag) {
				return true
			}
		}
		i++
	}
}
