package filtersql

import (
	"database/sql/driver"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/byline-reader/byline/model/filter"
	"github.com/byline-reader/byline/store/searchtext"
)

// The names of the SQL functions a compiled condition calls, which the
// store registers with the driver: MatchFunc(id, value) is Match,
// TextFunc(id, text, html) is Text.
const (
	MatchFunc = "filter_match"
	TextFunc  = "filter_text"
)

// conds holds the conditions of the queries running now, by the id their
// SQL passes to filter_match and filter_text: compiled once per query.
var (
	conds   sync.Map // int64 → *filter.Cond
	condSeq atomic.Int64
)

// register gives c's id for filter_match and filter_text, once per query.
func (f *Compiled) register(c *filter.Cond) string {
	id, ok := f.byCond[c]
	if !ok {
		id = condSeq.Add(1)
		conds.Store(id, c)
		f.ids = append(f.ids, id)
		f.byCond[c] = id
	}
	return f.arg(id)
}

// Release forgets f's conditions: the query that used them is done.
func (f *Compiled) Release() {
	for _, id := range f.ids {
		conds.Delete(id)
	}
}

func condOf(v driver.Value) (*filter.Cond, error) {
	id, _ := v.(int64)
	c, ok := conds.Load(id)
	if !ok {
		return nil, fmt.Errorf("filter condition %v is not registered", v)
	}
	return c.(*filter.Cond), nil
}

func textOf(v driver.Value) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	}
	return ""
}

// Match is filter_match(id, value): the condition's operator, not
// negated, on one text, on a list given as its lines, or on a feed's
// folder path as the list of it and the folders it sits in.
func Match(args []driver.Value) (driver.Value, error) {
	c, err := condOf(args[0])
	if err != nil {
		return nil, err
	}
	v := textOf(args[1])
	if c.Field == filter.Folder {
		return boolInt(c.MatchItems(filter.FolderList(v))), nil
	}
	if c.Field.Kind() == filter.KindList {
		return boolInt(c.MatchList(v)), nil
	}
	return boolInt(c.MatchString(v)), nil
}

// Text is filter_text(id, text, html): a content condition, not negated,
// on the text the full-text index keeps (textSQL), made plain when it is
// HTML.
func Text(args []driver.Value) (driver.Value, error) {
	c, err := condOf(args[0])
	if err != nil {
		return nil, err
	}
	text := textOf(args[1])
	if html, _ := args[2].(int64); html != 0 {
		text = searchtext.PlainText(text)
	}
	return boolInt(c.MatchText(text)), nil
}

// textSQL is searchtext.IndexText in SQL, less its PlainText and its
// cut: the text, and whether it is HTML.
const textSQL = `CASE WHEN a.markdown <> '' THEN a.markdown WHEN a.content <> '' THEN a.content ELSE a.summary END,
	a.markdown = ''`

// boolInt is b as SQLite stores it.
func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
