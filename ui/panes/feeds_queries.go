package panes

import (
	"cmp"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/feedtree"
)

// The feeds pane's saved queries: a row each after the views (ui/feedtree
// lays them out), with the count of their unread articles, which the app
// asks the library for after each reload of the feeds and each mark. One
// count is asked at a time: a question asked meanwhile waits for it.

// queryCounts is where the counting of the saved queries stands.
type queryCounts struct {
	seq      int  // the number of the last question
	inflight bool // a question is on its way
	again    bool // counts changed meanwhile: ask again when it lands
}

// SetQueries lists the saved queries of the configuration, uncounted;
// it gives the error of the first one refused (its row shows it too).
func (p *Feeds) SetQueries(qs []model.SavedQuery) (refused error) {
	p.queries = p.queries[:0]
	for _, q := range qs {
		p.queries = append(p.queries, feedtree.SavedQuery{Name: q.Name, Filter: q.Filter, Err: q.Err, Unread: -1})
		refused = cmp.Or(refused, q.Err)
	}
	p.rebuild()
	return refused
}

// AskCounts is the next question about the saved queries' counts: its
// number and the expressions to count (those that can run); ok is false
// when there is nothing to count, or when a question is on its way (it is
// asked again when that one lands).
func (p *Feeds) AskCounts() (seq int, exprs []string, ok bool) {
	for _, q := range p.queries {
		if q.Err == nil {
			exprs = append(exprs, q.Filter)
		}
	}
	if len(exprs) == 0 {
		return 0, nil, false
	}
	if p.counts.inflight {
		p.counts.again = true
		return 0, nil, false
	}
	p.counts.seq++
	p.counts.inflight, p.counts.again = true, false
	return p.counts.seq, exprs, true
}

// SetCounts shows the counts that answer question seq (counts[i] is
// exprs[i]'s; -1: not known); an answer to an older question is dropped.
// again says that counts changed since it was asked: ask again.
func (p *Feeds) SetCounts(seq int, exprs []string, counts []int) (again bool) {
	if seq != p.counts.seq {
		return false
	}
	p.counts.inflight = false
	byExpr := map[string]int{}
	for i, e := range exprs {
		if i < len(counts) {
			byExpr[e] = counts[i]
		}
	}
	for i, q := range p.queries {
		if n, ok := byExpr[q.Filter]; ok && q.Err == nil {
			p.queries[i].Unread = n
		}
	}
	p.rebuild()
	return p.counts.again
}
