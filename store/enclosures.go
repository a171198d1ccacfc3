package store

import (
	"encoding/json"
	"time"

	"github.com/byline-reader/byline/model"
)

// maxEnclosures bounds the files kept of one article (feeds keeps as
// many; an article inserted whole could bring more).
const maxEnclosures = 8

// maxLinkBytes bounds an article's comments link and each file's.
const maxLinkBytes = 8 << 10

// storedEnclosure is one file of articles.enclosures, a JSON array.
type storedEnclosure struct {
	URL      string `json:"url"`
	Type     string `json:"type,omitempty"`
	Length   int64  `json:"length,omitempty"`
	Duration int64  `json:"seconds,omitempty"`
}

// encodeEnclosures is the column's text for es: "" for none.
func encodeEnclosures(es []model.Enclosure) string {
	out := make([]storedEnclosure, 0, min(len(es), maxEnclosures))
	for _, e := range es[:min(len(es), maxEnclosures)] {
		if e.URL == "" || len(e.URL) > maxLinkBytes {
			continue
		}
		out = append(out, storedEnclosure{URL: e.URL, Type: capText(e.Type, 200),
			Length: max(e.Length, 0), Duration: int64(max(e.Duration, 0) / time.Second)})
	}
	if len(out) == 0 {
		return ""
	}
	b, err := json.Marshal(out)
	if err != nil {
		return ""
	}
	return string(b)
}

// decodeEnclosures reads the column back; text it cannot read is no files.
func decodeEnclosures(s string) []model.Enclosure {
	if s == "" {
		return nil
	}
	var in []storedEnclosure
	if json.Unmarshal([]byte(s), &in) != nil {
		return nil
	}
	es := make([]model.Enclosure, 0, len(in))
	for _, e := range in {
		es = append(es, model.Enclosure{URL: e.URL, Type: e.Type, Length: e.Length,
			Duration: time.Duration(e.Duration) * time.Second})
	}
	return es
}
