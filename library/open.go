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
	"syscall"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/feeds/extract"
	"github.com/byline-reader/byline/model"
)

// maxLocalFile bounds a local file given to `read`.
const maxLocalFile = 16 << 20

// pageRetry is how long opening an article waits before it tries again a
// page that failed n times in a row: a minute after the first failure,
// doubling with each, to at most an hour. (It was an hour from the first:
// a page that failed once, offline, showed the feed's text for the next
// hour of reading, which read as never.)
func pageRetry(n int) time.Duration {
	return min(time.Hour, time.Minute<<min(max(n-1, 0), 6))
}

// loadArticle loads an article to read, whole: what is stored (loadStored)
// and, when its page is still to be had, the page fetched and extracted
// (fetchStored), so it opens instantly (and offline) the next time.
func (l *Library) loadArticle(ctx context.Context, id int64) (model.Article, error) {
	a, needsPage, err := l.loadStored(ctx, id)
	if err != nil || !needsPage {
		return a, err
	}
	f, err := l.fetchStored(ctx, id)
	if err != nil && ctx.Err() == nil && a.Markdown != "" && a.Notice == "" {
		return a, nil // the body read before (an older extraction's) stands
	}
	return f, err
}

// loadStored loads an article to read without the network, with its body
// as markdown: the one extracted before (or the feed's text kept with a
// notice when the page could not be had), else the feed's own text. It
// says whether the page is still to be fetched (fetchStored): never
// opened and the feed's text is not the whole article, or it failed and
// its back-off (pageRetry) is over. When the feed carries the whole text,
// or the article has no link, the page is never fetched: that text is
// kept at once.
func (l *Library) loadStored(ctx context.Context, id int64) (a model.Article, needsPage bool, err error) {
	a, err = l.Article(ctx, id)
	if err != nil {
		return a, false, err
	}
	feedOnly := l.feedOf(ctx, a).Settings.FetchMode == "feed"
	outdated := l.outdated(a) && !feedOnly
	if (a.Markdown != "" || a.Notice != "") && !outdated { // opened before
		due := l.now().Sub(a.ExtractedAt) >= pageRetry(max(a.PageFailures, 1))
		return a, a.Notice != "" && a.URL != "" && due && !feedOnly, nil
	}
	start := time.Now()
	feed := feedTextOf(a)
	whole := extract.FeedHasFullText(feed.content, feed.summary)
	source, why := textFallback, ""
	switch {
	case outdated && !whole:
		return a, true, nil // the body read before, shown while the page is fetched again
	case whole:
		a.Markdown, a.Notice = feed.content, ""
		source, why = textFeed, "the feed has the whole text"
	case a.URL == "" && len(a.Enclosures) > 0: // an episode: its notes are all there is
		a.Markdown, a.Notice = feed.content, ""
		if strings.TrimSpace(a.Markdown) == "" {
			a.Markdown = feed.summary
		}
		source, why = textFeed, "an episode without a page"
	case a.URL == "":
		why = "The article has no link"
		a = feed.fallback(a, why)
	case feedOnly:
		why = feedOnlyNotice
		a = feed.fallback(a, why)
	default: // shown while the page is fetched; nothing is kept yet
		a.Markdown = feed.summary
		if strings.TrimSpace(feed.content) != "" {
			a.Markdown = feed.content
		}
		return a, true, nil
	}
	l.logText(ctx, a, source, why, time.Since(start))
	a.ExtractedAt, a.ExtractVersion = l.now(), extract.Version
	if err := l.store.SaveExtractionVersion(ctx, a.ID, a.Markdown, a.Notice, a.Site, a.ExtractedAt, a.ExtractVersion); err != nil {
		return a, false, fmt.Errorf("keep the article's text: %w", err)
	}
	return a, false, nil
}

// outdated reports a body made by an older version of extraction (one
// that dropped pictures, say), which is made anew when the page can be
// had; tried at most once an hour. A body the page's failure left (with a
// notice) is retried on its own schedule instead.
func (l *Library) outdated(a model.Article) bool {
	return a.Markdown != "" && a.Notice == "" && a.ExtractVersion < extract.Version &&
		isWebURL(a.URL) &&
		l.now().Sub(a.ExtractedAt) >= time.Hour
}

// fetchStored fetches and extracts the page of stored article id, now,
// and keeps the result: the whole article or, when the page cannot be
// had, the feed's text with a notice saying why, one more failure counted
// (Article.PageFailures) and when (ExtractedAt). A whole article read
// before is never replaced by the feed's text: the page's failure is then
// the error, and the article kept is returned.
func (l *Library) fetchStored(ctx context.Context, id int64) (model.Article, error) {
	a, err := l.Article(ctx, id)
	if err != nil {
		return a, err
	}
	if a.URL == "" {
		return a, badInput("the article has no link to fetch")
	}
	feed := l.feedOf(ctx, a)
	if feed.Settings.FetchMode == "feed" {
		return a, badInput("%s: its pages are not fetched (byline feed set %d fetch=full changes that)", feedOnlyNotice, feed.ID)
	}
	start := time.Now()
	ex, err := l.client.FetchArticleAs(ctx, a.URL, feed.Settings.UserAgent)
	if ctx.Err() != nil {
		return a, ctx.Err()
	}
	now := l.now()
	if err != nil { // an empty extraction is ErrNoArticle
		why := pageProblem(err)
		if a.Markdown != "" && a.Notice == "" {
			l.logText(ctx, a, textKept, why, time.Since(start))
			// Never lost to a failed fetch; the try is kept, so a body of
			// an older extraction asks again only in an hour.
			if err := l.store.SaveExtraction(ctx, a.ID, a.Markdown, a.Notice, a.Site, now); err != nil {
				return a, fmt.Errorf("keep the article: %w", err)
			}
			return a, fmt.Errorf("%s; kept the text read before", why)
		}
		f := feedTextOf(a).fallback(a, why)
		l.logText(ctx, f, textFallback, why, time.Since(start))
		f.ExtractedAt, f.PageFailures = now, a.PageFailures+1
		if err := l.store.SavePageFailure(ctx, a.ID, f.Markdown, f.Notice, now); err != nil {
			return f, fmt.Errorf("keep the feed's text: %w", err)
		}
		return f, nil
	}
	a.Markdown, a.Notice, a.ExtractedAt, a.PageFailures, a.ExtractVersion = ex.Markdown, "", now, 0, extract.Version
	if ex.Site != "" {
		a.Site = ex.Site
	}
	if a.Author == "" {
		a.Author = ex.Author
	}
	l.logText(ctx, a, textPage, "", time.Since(start))
	if err := l.store.SaveExtractionVersion(ctx, a.ID, a.Markdown, a.Notice, a.Site, a.ExtractedAt, a.ExtractVersion); err != nil {
		return a, fmt.Errorf("keep the extracted article: %w", err)
	}
	return a, nil
}

// feedOnlyNotice says why a feed's text is shown: the feed's setting.
const feedOnlyNotice = "This feed is set to show its own text (fetch = feed)"

// feedTextOf is the feed's own text for a, as markdown.
func feedTextOf(a model.Article) feedText {
	return feedText{
		content: extract.FragmentToMarkdown(a.Content, a.URL),
		summary: extract.FragmentToMarkdown(a.Summary, a.URL),
	}
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
	// What is not a regular file (a symbolic link to one is) is refused
	// before it is opened: opening a named pipe waits for a writer, and a
	// device may never end.
	st, err := os.Stat(path)
	if err == nil {
		err = regularFile(st.Mode())
	}
	if err != nil {
		return model.Article{}, badInput("read %s: %w", path, unwrapPathError(err))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return model.Article{}, badInput("read %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	st, err = f.Stat() // what was opened, should the path have changed since
	if err == nil {
		err = regularFile(st.Mode())
	}
	if err != nil {
		return model.Article{}, badInput("read %s: %w", path, unwrapPathError(err))
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

// regularFile says why a file of this mode cannot be read as an article:
// nil for a regular file.
func regularFile(m os.FileMode) error {
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a folder, not a file")
	case m&os.ModeNamedPipe != 0:
		return errors.New("is a pipe, not a file (save it to a file first)")
	case m&os.ModeDevice != 0:
		return errors.New("is a device, not a file")
	case m&os.ModeSocket != 0:
		return errors.New("is a socket, not a file")
	}
	return errors.New("is not a regular file")
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
