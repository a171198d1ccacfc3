package main

import (
	"encoding/json"
	"io"
	"reflect"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// The command line's output edge: everything a command prints goes
// through a cleanWriter (text) or writeJSON (objects), which sanitise what
// came from strangers once, on the way out. Commands print plainly; only
// byline's own escape codes (the refresh progress line) go to the raw
// terminal, env.term.

// cleanWriter sanitises what is written to it (model.Sanitize). A UTF-8
// sequence cut by a Write is held back until the next one completes it.
type cleanWriter struct {
	w     io.Writer
	carry []byte
}

func newCleanWriter(w io.Writer) *cleanWriter { return &cleanWriter{w: w} }

func (c *cleanWriter) Write(p []byte) (int, error) {
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

// writeJSON prints v as indented JSON with every string in it sanitised.
func writeJSON(w io.Writer, v any) error {
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

// oneLine is outside text flattened to one line (newlines and tabs become
// spaces) and sanitised, for a table cell or a one-line message.
func oneLine(s string) string { return model.SanitizeLine(s) }

// trimWriter drops the spaces at the ends of lines: fang pads its help to
// a width of 120 when it cannot ask a terminal for one, and help piped to
// a file or a pager should fit 80 columns. It passes the terminal's file
// descriptor on, so that colour is still detected on a terminal.
type trimWriter struct {
	w      io.Writer
	spaces int // spaces held back until a character follows them
}

func (t *trimWriter) Write(p []byte) (int, error) {
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
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Fd is the terminal's descriptor, or an invalid one.
func (t *trimWriter) Fd() uintptr {
	if f, ok := t.w.(interface{ Fd() uintptr }); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}

func (t *trimWriter) Read([]byte) (int, error) { return 0, io.EOF }
func (t *trimWriter) Close() error             { return nil }
