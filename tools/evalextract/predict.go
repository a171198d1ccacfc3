package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/byline-reader/byline/feeds/extract"
)

// predict runs byline's extraction on one page and gives its plain text.
func predict(dir, key, pageURL string) (string, time.Duration, error) {
	raw, err := readPage(dir, key)
	if err != nil {
		return "", 0, err
	}
	page, _ := extract.DecodePage(raw, "")
	if pageURL == "" {
		pageURL = "https://pages.example/" + key
	}
	start := time.Now()
	ex, err := extract.Extract(page, pageURL)
	took := time.Since(start)
	if err != nil {
		return "", took, fmt.Errorf("%s: %w", key, err)
	}
	return plainText(ex.Markdown), took, nil
}

func isNoArticle(err error) bool { return errors.Is(err, extract.ErrNoArticle) }

// readPage reads KEY.html.gz, KEY.html or KEY.htm from dir.
func readPage(dir, key string) ([]byte, error) {
	for _, name := range []string{key + ".html.gz", key + ".html", key + ".htm"} {
		f, err := os.Open(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var r io.Reader = f
		if filepath.Ext(name) == ".gz" {
			gz, err := gzip.NewReader(f)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			r = gz
		}
		var b bytes.Buffer
		if _, err := io.Copy(&b, r); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return b.Bytes(), nil
	}
	return nil, fmt.Errorf("no page %s.html(.gz) in %s", key, dir)
}
