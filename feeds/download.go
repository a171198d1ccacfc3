package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/byline-reader/byline/feeds/media"
)

// MaxDownloadBytes bounds one downloaded file (an episode, a video): far
// above the caps of feeds and pages, which are read into memory; a file
// is written to disk as it comes.
const MaxDownloadBytes = 4 << 30

// DownloadIdle is how long a download may receive nothing before it
// fails. A download has no limit on its whole time, only this one.
const DownloadIdle = 60 * time.Second

// Downloaded is what Download did (as `byline download --json` prints it).
type Downloaded struct {
	Path    string `json:"path"`    // the file written
	Bytes   int64  `json:"bytes"`   // its size
	Resumed int64  `json:"resumed"` // bytes that were already there from an earlier try
	Existed bool   `json:"existed"` // the file was there already; nothing was fetched
}

// Download fetches fileURL into the folder dir, under the name its path
// ends with (media.FileName). It writes NAME.part and, when complete, renames
// it NAME; a NAME.part left by an earlier try is resumed with a Range
// request (started over when the server does not take ranges). A NAME
// already there is kept and reported (Existed). progress, when not nil, is
// told the bytes done and the total (-1 when unknown) as they come.
func (c *Client) Download(ctx context.Context, fileURL, dir string, progress func(done, total int64)) (Downloaded, error) {
	u, err := url.Parse(fileURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Downloaded{}, errors.New("not an http(s) file address")
	}
	final := filepath.Join(dir, media.FileName(u))
	if fi, err := os.Stat(final); err == nil && fi.Mode().IsRegular() {
		return Downloaded{Path: final, Bytes: fi.Size(), Existed: true}, nil
	}
	if progress == nil {
		progress = func(int64, int64) {}
	}
	part := final + ".part"
	d, err := c.downloadPart(ctx, u.String(), part, progress)
	if err != nil {
		if fi, serr := os.Stat(part); serr == nil && fi.Size() == 0 {
			os.Remove(part) // nothing to resume
		}
		return d, err
	}
	if err := os.Rename(part, final); err != nil {
		return d, fmt.Errorf("keep the file: %w", pathless(err))
	}
	d.Path = final
	return d, nil
}

// downloadPart brings the file at addr into part, resuming what is there.
func (c *Client) downloadPart(ctx context.Context, addr, part string, progress func(done, total int64)) (Downloaded, error) {
	f, err := os.OpenFile(part, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return Downloaded{}, fmt.Errorf("write the file: %w", pathless(err))
	}
	defer f.Close()
	have, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return Downloaded{}, fmt.Errorf("write the file: %w", pathless(err))
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	resp, release, err := c.getFile(ctx, addr, have)
	if err != nil {
		return Downloaded{}, err
	}
	defer release()
	defer resp.Body.Close()
	start, total, err := rangeStart(resp, have)
	if err != nil || start == have && total == have {
		return Downloaded{Bytes: have, Resumed: have}, err // complete already
	}
	if total > MaxDownloadBytes {
		return Downloaded{}, fmt.Errorf("%w: the file is %s, more than %s", ErrTooLarge, byteSize(total), byteSize(MaxDownloadBytes))
	}
	if err := f.Truncate(start); err != nil {
		return Downloaded{}, fmt.Errorf("write the file: %w", pathless(err))
	}
	if _, err := f.Seek(start, io.SeekStart); err != nil {
		return Downloaded{}, fmt.Errorf("write the file: %w", pathless(err))
	}
	n, err := copyIdle(ctx, cancel, f, resp.Body, start, total, progress)
	d := Downloaded{Bytes: start + n, Resumed: start}
	if err == nil && total >= 0 && d.Bytes != total {
		err = fmt.Errorf("the server sent %d of %d bytes", d.Bytes, total)
	}
	return d, err
}

// getFile GETs addr from byte from on (all of it when from is 0), with
// no limit on the whole request's time: the transport's limits on
// connecting and on waiting for the headers still apply, and copyIdle
// bounds the silences.
func (c *Client) getFile(ctx context.Context, addr string, from int64) (*http.Response, func(), error) {
	var extra http.Header
	if from > 0 {
		extra = http.Header{"Range": {"bytes=" + strconv.FormatInt(from, 10) + "-"}}
	}
	untimed := &http.Client{Transport: c.http.Transport, CheckRedirect: c.http.CheckRedirect}
	resp, release, err := c.getWith(ctx, untimed, addr, extra)
	if err != nil {
		return nil, nil, reason(err)
	}
	ok := resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusPartialContent ||
		(resp.StatusCode == http.StatusRequestedRangeNotSatisfiable && from > 0)
	if !ok {
		drain(resp.Body)
		resp.Body.Close()
		release()
		he := &HTTPError{Status: resp.StatusCode}
		return nil, nil, fmt.Errorf("the server answered %w", he)
	}
	return resp, release, nil
}

// rangeStart reads where the response's body goes in the file and the
// file's whole size (-1 when unknown), for a request from byte have on.
func rangeStart(resp *http.Response, have int64) (start, total int64, err error) {
	switch resp.StatusCode {
	case http.StatusPartialContent:
		first, size, ok := media.ContentRange(resp.Header.Get("Content-Range"))
		if !ok || first != have {
			return 0, 0, errors.New("the server sent a part of the file that was not asked for")
		}
		return first, size, nil
	case http.StatusRequestedRangeNotSatisfiable:
		// Asked from the end of a file that is whole: nothing is left.
		if _, size, _ := media.ContentRange(resp.Header.Get("Content-Range")); size == have {
			return have, have, nil
		}
		return 0, 0, errors.New("the server refused to resume the download; delete the .part file to start over")
	}
	return 0, resp.ContentLength, nil // 200: the whole file, from the start
}

// copyIdle copies body into f, failing when nothing comes for
// DownloadIdle (it cancels the request) or past MaxDownloadBytes in all.
func copyIdle(ctx context.Context, cancel context.CancelFunc, f *os.File, body io.Reader, start, total int64,
	progress func(done, total int64)) (int64, error) {
	var idle atomic.Bool
	timer := time.AfterFunc(DownloadIdle, func() { idle.Store(true); cancel() })
	defer timer.Stop()
	buf := make([]byte, 256<<10)
	var n int64
	for {
		m, rerr := body.Read(buf)
		if m > 0 {
			timer.Reset(DownloadIdle)
			if start+n+int64(m) > MaxDownloadBytes {
				return n, fmt.Errorf("%w: more than %s", ErrTooLarge, byteSize(MaxDownloadBytes))
			}
			if _, err := f.Write(buf[:m]); err != nil {
				return n, fmt.Errorf("write the file: %w", pathless(err))
			}
			n += int64(m)
			progress(start+n, total)
		}
		switch {
		case rerr == io.EOF:
			return n, nil
		case idle.Load():
			return n, fmt.Errorf("the server sent nothing for %v; run it again to resume", DownloadIdle)
		case ctx.Err() != nil:
			return n, ctx.Err()
		case rerr != nil:
			return n, fmt.Errorf("%w; run it again to resume", reason(describeNetError(rerr)))
		}
	}
}

// pathless is a file error without its path (the command says which
// file), so that it stays one short line.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
