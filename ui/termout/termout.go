// Package termout is the command line's output edge: everything a command
// prints goes through a Clean writer (text) or JSON (objects), which
// sanitise what came from strangers once, on the way out, and help goes
// through a Trim writer. Commands print plainly; only byline's own escape
// codes (the refresh progress line, ui/progress) go to the raw terminal.
// No Bubble Tea.
package termout

import (
	"encoding/json"
	"io"
	"reflect"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// Clean sanitises what is written to it (model.Sanitize). A UTF-8
// sequence cut by a Write is held back until the next one completes it.
type Clean struct {
	w     io.Writer
	carry []byte
}

// NewClean is a Clean writer to w.
func NewClean(w io.Writer) *Clean { return &Clean{w: w} }

func (c *Clean) Write(p []byte) (int, error) {
	data := p
	if len(c.carry) > 0 {
		data = append(c.carry, p...)
		c.carry = nil
	}
	cut := incompleteTail(data)
	if cut < len(data) {
		c.carry = append([]byte(nil), data[cut:]...)
		data = data[:cut]
	}
	if _, err := io.WriteString(c.w, model.Sanitize(string(data))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incompleteTail is where a multi-byte UTF-8 sequence that data ends in
// the middle of begins, or len(data).
func incompleteTail(data []byte) int {
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				return i
			}
			break
		}
	}
	return len(data)
}

// JSON prints v as indented JSON with every string in it sanitised.
func JSON(w io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	clean := reflect.New(rv.Type()).Elem()
	clean.Set(rv)
	sanitizeValue(clean)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(clean.Interface())
}

// sanitizeValue sanitises, in place, every string reachable from v (a
// settable value), copying slices and pointers so that the caller's value
// is left as it was.
func sanitizeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(model.Sanitize(v.String()))
	case reflect.Pointer:
		if !v.IsNil() {
			p := reflect.New(v.Type().Elem())
			p.Elem().Set(v.Elem())
			sanitizeValue(p.Elem())
			v.Set(p)
		}
	case reflect.Slice:
		if !v.IsNil() {
			s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(s, v)
			for i := range s.Len() {
				sanitizeValue(s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				sanitizeValue(f)
			}
		}
	case reflect.Interface:
		if !v.IsNil() {
			inner := reflect.New(v.Elem().Type()).Elem()
			inner.Set(v.Elem())
			sanitizeValue(inner)
			v.Set(inner)
		}
	}
}

// Trim drops the spaces at the ends of lines: fang pads its help to
// a width of 120 when it cannot ask a terminal for one, and help piped to
// a file or a pager should fit 80 columns. It passes the terminal's file
// descriptor on, so that colour is still detected on a terminal.
type Trim struct {
	W      io.Writer
	spaces int // spaces held back until a character follows them
}

func (t *Trim) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p))
	for _, b := range p {
		switch b {
		case ' ':
			t.spaces++
			continue
		case '\n':
			t.spaces = 0
		default:
			for ; t.spaces > 0; t.spaces-- {
				out = append(out, ' ')
			}
		}
		out = append(out, b)
	}
	if _, err := t.W.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Fd is the terminal's descriptor, or an invalid one.
func (t *Trim) Fd() uintptr {
	if f, ok := t.W.(interface{ Fd() uintptr }); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}

func (t *Trim) Read([]byte) (int, error) { return 0, io.EOF }
func (t *Trim) Close() error             { return nil }
