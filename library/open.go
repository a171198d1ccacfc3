package library

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/feeds/extract"
	"github.com/byline-reader/byline/model"
)

// retryFallbackAfter is how long a fallback (the page could not be had)
// is trusted before opening the article tries the page again.
const retryFallbackAfter = time.Hour

// maxLocalFile bounds a local file given to `read`.
const maxLocalFile = 16 << 20

// loadArticle loads an article to read: whole, with its body as markdown.
// When the article has no extracted body yet, its page is fetched and
// extracted, and the result kept, so it opens instantly (and offline) the
// next time. When the page cannot be had, the feed's content or summary
// stands in and Notice says why. When the feed carries the whole text, the
// page is not fetched at all.
func (l *Library) loadArticle(ctx context.Context, id int64) (model.Article, error) {
	a, err := l.Article(ctx, id)
	if err != nil {
		return a, err
	}
	outdated := l.outdated(a)
	if a.Markdown != "" && (a.Notice == "" || l.now().Sub(a.ExtractedAt) < retryFallbackAfter) && !outdated {
		return a, nil
	}
	old := a
	a = l.extract(ctx, a)
	if outdated && (ctx.Err() != nil || a.Notice != "") {
		return l.keepOutdated(ctx, old)
	}
	if ctx.Err() != nil {
		return a, ctx.Err()
	}
	a.ExtractVersion = extract.Version
	if err := l.store.SaveExtractionVersion(ctx, a.ID, a.Markdown, a.Notice, a.Site, a.ExtractedAt, a.ExtractVersion); err != nil {
		return a, fmt.Errorf("keep the extracted article: %w", err)
	}
	return a, nil
}

// outdated reports a body extracted from the article's page by an older
// version of extraction (one that dropped pictures, say), which is made
// anew when the page can be had; tried at most once in retryFallbackAfter.
func (l *Library) outdated(a model.Article) bool {
	return a.Markdown != "" && a.Notice == "" && a.ExtractVersion < extract.Version &&
		(strings.HasPrefix(a.URL, "https://") || strings.HasPrefix(a.URL, "http://")) &&
		l.now().Sub(a.ExtractedAt) >= retryFallbackAfter
}

// keepOutdated keeps an older body when its page could not be had to make
// it anew: a body is never lost to a failed fetch. The time of the try is
// kept, so the page is asked for again only after retryFallbackAfter.
func (l *Library) keepOutdated(ctx context.Context, a model.Article) (model.Article, error) {
	if ctx.Err() != nil {
		return a, ctx.Err()
	}
	a.ExtractedAt = l.now()
	if err := l.store.SaveExtractionVersion(ctx, a.ID, a.Markdown, a.Notice, a.Site, a.ExtractedAt, a.ExtractVersion); err != nil {
		return a, fmt.Errorf("keep the extracted article: %w", err)
	}
	return a, nil
}

// extract fills a.Markdown from the feed's full text, the page, or the
// feed's summary, in that order of preference.
func (l *Library) extract(ctx context.Context, a model.Article) model.Article {
	a.ExtractedAt = l.now()
	feed := feedText{
		content: extract.FragmentToMarkdown(a.Content, a.URL),
		summary: extract.FragmentToMarkdown(a.Summary, a.URL),
	}
	if extract.FeedHasFullText(feed.content, feed.summary) {
		a.Markdown, a.Notice = feed.content, ""
		return a
	}
	if a.URL == "" {
		return feed.fallback(a, "The article has no link")
	}
	ex, err := l.client.FetchArticle(ctx, a.URL)
	if err != nil { // an empty extraction is ErrNoArticle
		return feed.fallback(a, pageProblem(err))
	}
	a.Markdown, a.Notice = ex.Markdown, ""
	if ex.Site != "" {
		a.Site = ex.Site
	}
	if a.Author == "" {
		a.Author = ex.Author
	}
	return a
}

// feedText is a feed's own text for an article, as markdown.
type feedText struct{ content, summary string }

// fallback shows the feed's own text with a one-line notice that says why.
func (f feedText) fallback(a model.Article, why string) model.Article {
	if strings.TrimSpace(f.content) != "" {
		a.Markdown, a.Notice = f.content, why+"; showing the feed's full text."
		return a
	}
	if strings.TrimSpace(f.summary) != "" {
		a.Markdown, a.Notice = f.summary, why+"; showing the feed's summary."
		return a
	}
	a.Markdown, a.Notice = "", why+", and the feed gave no text."
	return a
}

// pageProblem words why a page could not be used, for the notice.
func pageProblem(err error) string {
	var he *feeds.HTTPError
	switch {
	case errors.As(err, &he):
		return fmt.Sprintf("The page answered %d %s", he.Status, http.StatusText(he.Status))
	case errors.Is(err, context.DeadlineExceeded):
		return "The page took too long to answer"
	case errors.Is(err, extract.ErrNoArticle):
		return "No article text was found on the page"
	}
	msg := strings.TrimSpace(err.Error()) // feeds words its errors in clean text
	if msg == "" {
		return "The page could not be read"
	}
	return "The page could not be read (" + msg + ")"
}

var digitsOnly = regexp.MustCompile(`^[0-9]+$`)

// find loads what `byline read TARGET` names: a stored article's id, a
// local .html/.htm/.txt/.md file, or a URL (a stored article with that
// link, else the page fetched and extracted, not stored).
func (l *Library) find(ctx context.Context, target string) (model.Article, error) {
	switch {
	case digitsOnly.MatchString(target):
		id, err := strconv.ParseInt(target, 10, 64)
		if err != nil {
			return model.Article{}, badInput("not an article id: %q", target)
		}
		return l.loadArticle(ctx, id)
	case isLocalFile(target):
		return readFile(target)
	}
	u, err := normaliseURL(target)
	if err != nil {
		return model.Article{}, badInput("%q is not an article id, a readable .html/.htm/.txt/.md file or an http(s) URL", target)
	}
	if id, err := l.store.ArticleIDByURL(ctx, u); err == nil {
		return l.loadArticle(ctx, id)
	}
	ex, err := l.client.FetchArticle(ctx, u)
	if err != nil {
		return model.Article{}, fmt.Errorf("read %s: %w", u, err)
	}
	return fromExtracted(ex, u), nil
}

// isLocalFile reports a target meant as a file: one that exists, or one
// named like an article file.
func isLocalFile(target string) bool {
	if strings.Contains(target, "://") {
		return false
	}
	if _, err := os.Stat(target); err == nil {
		return true
	}
	switch strings.ToLower(filepath.Ext(target)) {
	case ".html", ".htm", ".txt", ".md", ".markdown":
		return true
	}
	return false
}

func readFile(path string) (model.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return model.Article{}, badInput("read %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return model.Article{}, badInput("read %s: %w", path, unwrapPathError(err))
	}
	if st.IsDir() {
		return model.Article{}, badInput("read %s: is a folder, not a file", path)
	}
	if st.Size() > maxLocalFile {
		return model.Article{}, badInput("read %s: larger than %d MiB", path, maxLocalFile>>20)
	}
	data := make([]byte, st.Size())
	if _, err := f.ReadAt(data, 0); err != nil && st.Size() > 0 {
		return model.Article{}, badInput("read %s: %w", path, unwrapPathError(err))
	}
	var ex extract.Extracted
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		ex, err = extract.Extract(data, "")
		if err != nil {
			return model.Article{}, badInput("read %s: %w", path, err)
		}
	default:
		ex = extract.ExtractText(string(data), filepath.Base(path))
	}
	return fromExtracted(ex, ex.Canonical), nil
}

func fromExtracted(ex extract.Extracted, pageURL string) model.Article {
	a := model.Article{
		Title: ex.Title, Site: ex.Site, Author: ex.Author, Published: ex.Published,
		Markdown: ex.Markdown, URL: pageURL,
	}
	if ex.Canonical != "" && strings.HasPrefix(ex.Canonical, "http") {
		a.URL = ex.Canonical
	}
	return a
}
