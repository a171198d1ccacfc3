package reader

import "github.com/byline-reader/byline/model"

// Highlights are the article's highlights, anchored to the doc's body.
func (v *View) Highlights() []model.Highlight { return v.hls }

// HighlightAt is the index of the highlight on span s, or -1.
func (v *View) HighlightAt(s model.Span) int {
	for i, h := range v.hls {
		if h.Start == s.Start && h.End == s.End && s.Start >= 0 {
			return i
		}
	}
	return -1
}

// FocusHighlight puts the focus on highlight id, on its quote or sentence
// when it covers one exactly (so that moving goes on from there), scrolls
// to it and says what has the focus.
func (v *View) FocusHighlight(id int64, height int) string {
	i := -1
	for j, h := range v.hls {
		if h.ID == id {
			i = j
		}
	}
	if i < 0 || v.hls[i].Start < 0 {
		return "this highlight's text is no longer in the article"
	}
	s := model.Span{Start: v.hls[i].Start, End: v.hls[i].End}
	v.focus = Focus{Highlight, i}
	if v.doc != nil {
		for _, kind := range []Kind{Quote, Sentence} {
			for j := 0; j < v.units(kind); j++ {
				if v.doc.unitSpan(kind, j) == s {
					v.focus = Focus{kind, j}
				}
			}
		}
	}
	v.restyle()
	v.reveal(height)
	return v.Describe()
}

// AddHighlight shows a stored highlight of the article.
func (v *View) AddHighlight(h model.Highlight) {
	for _, o := range v.hls {
		if o.ID == h.ID {
			return // highlighted before: the library gave the old one back
		}
	}
	v.hls = append(v.hls, h)
	v.restyle()
}

// DropHighlight stops showing a removed highlight.
func (v *View) DropHighlight(id int64) {
	for i, h := range v.hls {
		if h.ID != id {
			continue
		}
		if v.focus.Kind == Highlight {
			switch {
			case v.focus.I == i:
				v.focus = Focus{}
			case v.focus.I > i:
				v.focus.I--
			}
		}
		v.hls = append(v.hls[:i:i], v.hls[i+1:]...)
		break
	}
	v.restyle()
}

// FocusQuote is the focus as a quote to share: the quote itself, or a
// sentence or highlight as a quote without a speaker. nil: no focus.
func (v *View) FocusQuote() *model.Quote {
	s := v.FocusSpan()
	if s.Start < 0 || v.doc == nil {
		return nil
	}
	if v.focus.Kind == Quote {
		q := v.doc.quotes[v.focus.I]
		return &q
	}
	for _, q := range v.doc.quotes {
		if q.Start == s.Start && q.End == s.End {
			return &q
		}
	}
	return &model.Quote{Text: v.doc.SpanText(s), Start: s.Start, End: s.End}
}
