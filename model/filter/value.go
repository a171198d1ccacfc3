package filter

import (
	"math"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"time"
)

// setValue reads v as the value of c's field.
func setValue(c *Cond, v token) error {
	switch c.Field.Kind() {
	case KindString, KindList, KindText:
		return setText(c, v)
	case KindNumber:
		n, err := number(c.Field, v)
		c.Num = n
		return err
	case KindTime:
		if c.Field == Age {
			n, err := number(c.Field, v)
			c.Num = n
			return err
		}
		lo, hi, err := instant(v)
		c.Lo, c.Hi = lo, hi
		return err
	}
	switch strings.ToLower(v.text) {
	case "yes", "true", "1":
		c.Bool = true
	case "no", "false", "0":
		c.Bool = false
	default:
		return errorf(v.col, "%s is yes or no (true, false, 1, 0), not %q", c.Field, v.text)
	}
	return nil
}

func setText(c *Cond, v token) error {
	switch {
	case c.Op == Match:
		re, err := compileRegexp(v.text)
		if err != nil {
			return errorf(v.col, "%s", err)
		}
		c.Re = re
	case c.Field.Kind() == KindText:
		c.Str = v.text
		c.words = words(v.text)
		if len(c.words) == 0 {
			return errorf(v.col, "content %s needs words to look for, not %q", opText(c), v.text)
		}
	default:
		c.Str = v.text
	}
	return nil
}

func opText(c *Cond) string {
	if c.Op == Has {
		return "#"
	}
	return "="
}

// compileRegexp compiles a pattern of the language: RE2, matched without
// regard to case unless the pattern turns that off with (?-i).
func compileRegexp(pattern string) (*regexp.Regexp, error) {
	if _, err := syntax.Parse(pattern, syntax.Perl); err != nil {
		if se, ok := err.(*syntax.Error); ok {
			return nil, &badRegexp{se.Code.String(), se.Expr}
		}
		return nil, &badRegexp{err.Error(), pattern}
	}
	return regexp.Compile("(?i)" + pattern)
}

type badRegexp struct{ what, expr string }

func (e *badRegexp) Error() string { return "bad regexp: " + e.what + ": `" + e.expr + "`" }

func number(f Field, v token) (float64, error) {
	n, err := strconv.ParseFloat(v.text, 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		what := "a number"
		if f == Age {
			what = "a number of days"
		}
		return 0, errorf(v.col, "%s needs %s, not %q", f, what, v.text)
	}
	return n, nil
}

// dateLayouts are the forms of a published value, each with how long the
// instant it names lasts (a date is its whole day).
var dateLayouts = []struct {
	layout string
	span   time.Duration // 0: a day
}{
	{"2006-01-02", 0},
	{"2006-01-02 15:04", time.Minute},
	{"2006-01-02T15:04", time.Minute},
	{"2006-01-02 15:04:05", time.Second},
	{"2006-01-02T15:04:05", time.Second},
	{time.RFC3339, time.Second},
}

// instant reads a date or date-time, in local time unless it gives a
// zone, as the instants [lo, hi) in unix nanoseconds.
func instant(v token) (lo, hi int64, err error) {
	s := strings.TrimSpace(v.text)
	for _, d := range dateLayouts {
		t, err := time.ParseInLocation(d.layout, s, time.Local)
		if err != nil {
			continue
		}
		end := t.Add(d.span)
		if d.span == 0 {
			end = t.AddDate(0, 0, 1)
		}
		return clampNanos(t), clampNanos(end), nil
	}
	return 0, 0, errorf(v.col, "published needs a date like 2026-11-30 or \"2026-11-30 14:30\", not %q", v.text)
}

// clampNanos is t in unix nanoseconds, held within what they can count.
func clampNanos(t time.Time) int64 {
	switch {
	case t.Year() < 1678:
		return math.MinInt64
	case t.Year() > 2261:
		return math.MaxInt64
	}
	return t.UnixNano()
}

// setRange reads "FIELD between lo:hi".
func setRange(c *Cond, lo, hi token) error {
	if c.Field == Published {
		a, _, err := instant(lo)
		if err != nil {
			return err
		}
		_, b, err := instant(hi)
		c.Lo, c.Hi = a, b
		return err
	}
	a, err := number(c.Field, lo)
	if err != nil {
		return err
	}
	b, err := number(c.Field, hi)
	c.Num, c.Num2 = a, b
	return err
}
