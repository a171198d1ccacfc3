package feeds

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// MaxImageBytes bounds the bytes of one image: a picture in an article is
// rarely above a megabyte, and a larger one is not worth the wait.
const MaxImageBytes = 10 << 20

// ErrNotImage is returned for a response that is clearly not a picture (a
// web page, a script, JSON…), as a server answers a missing image.
var ErrNotImage = errors.New("not an image")

// imageAccept asks for the formats byline draws, then any other image.
const imageAccept = "image/png, image/jpeg, image/gif, image/webp, image/*;q=0.8, */*;q=0.1"

// FetchImage GETs the bytes of an article's picture with the client's
// limits and at most MaxImageBytes of it ("image too large" past that). A
// response whose Content-Type is not an image is refused (ErrNotImage);
// one without a type is sniffed. Errors are a few words and never hold
// the address, which may carry a token in its query.
func (c *Client) FetchImage(ctx context.Context, imageURL string) ([]byte, error) {
	u, err := url.Parse(imageURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &reasonError{msg: "not an http(s) image address", err: ErrNotImage}
	}
	r, err := c.getBody(ctx, imageURL, imageAccept, "", "image", MaxImageBytes, imageReason, checkImage)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(r.mediaType, "image/") {
		sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(r.body))
		if !strings.HasPrefix(sniffed, "image/") {
			return nil, notImage(sniffed)
		}
	}
	return r.body, nil
}

// checkImage accepts an image type and the types that say nothing (none,
// or a bare stream), which are sniffed once the bytes are in.
func checkImage(mediaType string) error {
	switch {
	case strings.HasPrefix(mediaType, "image/"):
	case mediaType == "", mediaType == "application/octet-stream", mediaType == "binary/octet-stream":
	default:
		return notImage(mediaType)
	}
	return nil
}

func notImage(mediaType string) error {
	what := "not an image"
	switch {
	case mediaType == "text/html", mediaType == "application/xhtml+xml":
		what = "a web page, not an image"
	case mediaType != "" && len(mediaType) <= 60 && !strings.ContainsAny(mediaType, "\x00\x1b"):
		what = mediaType + ", not an image"
	}
	return &reasonError{msg: "the image is " + what, err: ErrNotImage}
}

// imageReason words a transport failure for an image, keeping the address
// out of it.
func imageReason(err error) error {
	if errors.Is(err, ErrTooLarge) {
		return &reasonError{msg: "image too large", err: ErrTooLarge}
	}
	r := reason(err)
	var re *reasonError
	if errors.As(r, &re) && strings.Contains(re.msg, "://") {
		return &reasonError{msg: "the image could not be fetched", err: err}
	}
	return r
}
