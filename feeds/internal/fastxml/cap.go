package fastxml

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// maxElements bounds the XML elements of one feed document once its items
// are capped: gofeed spends a few hundred bytes on each, so 10 MiB of
// "<item/>" would otherwise take half a gigabyte.
const maxElements = 200_000

// maxNesting bounds how deeply a feed's XML elements nest: feeds nest a
// handful deep, and each level costs the XML decoder memory.
const maxNesting = 256

// CapItems cuts a document with more than maxItems items (RSS <item>,
// Atom <entry>, JSON Feed "items") down to its first maxItems before it
// is parsed, so that the parser's memory is bound by the item cap and not
// only by the size cap. It fails when an XML document holds more than
// maxElements elements even so, or nests deeper than maxNesting.
func CapItems(data []byte, isJSON bool, maxItems int) ([]byte, error) {
	if maxItems <= 0 {
		return data, nil
	}
	if isJSON {
		if bytes.Count(data, []byte("{")) <= maxItems+1 {
			return data, nil
		}
		return capJSONItems(data, maxItems), nil
	}
	if bytes.Count(data, []byte("<")) <= 2*maxNesting {
		return data, nil // too few tags to break a limit
	}
	return capXMLItems(data, maxItems)
}

// capXMLItems walks the document's tags (skipping comments, CDATA,
// processing instructions and declarations), and at the start of item
// maxItems+1 cuts it, closing the elements still open.
func capXMLItems(data []byte, maxItems int) ([]byte, error) {
	var open [][]byte
	items, elements := 0, 0
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 || i+j+1 >= len(data) {
			return data, nil
		}
		p := i + j
		switch c := data[p+1]; {
		case bytes.HasPrefix(data[p:], []byte(cdataOpen)):
			i = skipPast(data, p, cdataClose)
		case bytes.HasPrefix(data[p:], []byte("<!--")):
			i = skipPast(data, p, "-->")
		case c == '?' || c == '!':
			i = skipPast(data, p, ">")
		case c == '/':
			end := skipPast(data, p, ">")
			name := tagName(data[p+2:])
			for k := len(open) - 1; k >= 0; k-- {
				if bytes.Equal(open[k], name) {
					open = open[:k]
					break
				}
			}
			i = end
		default:
			name := tagName(data[p+1:])
			local := name
			if k := bytes.LastIndexByte(local, ':'); k >= 0 {
				local = local[k+1:]
			}
			if string(local) == "item" || string(local) == "entry" {
				if items++; items > maxItems {
					return closeOpen(data[:p], open), nil
				}
			}
			if elements++; elements > maxElements {
				return nil, fmt.Errorf("more than %d XML elements", maxElements)
			}
			end := tagEnd(data, p)
			if end < 0 {
				return data, nil
			}
			if data[end-1] != '/' {
				if open = append(open, name); len(open) > maxNesting {
					return nil, fmt.Errorf("XML nested more than %d deep", maxNesting)
				}
			}
			i = end + 1
		}
		if i < 0 || i >= len(data) {
			return data, nil
		}
	}
}

// skipPast is the index just after the first end at or after p, or -1.
func skipPast(data []byte, p int, end string) int {
	k := bytes.Index(data[p:], []byte(end))
	if k < 0 {
		return -1
	}
	return p + k + len(end)
}

// tagEnd is the index of the '>' that ends the tag starting at p, quoted
// attribute values skipped; -1 when there is none.
func tagEnd(data []byte, p int) int {
	var quote byte
	for k := p + 1; k < len(data); k++ {
		c := data[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k
		}
	}
	return -1
}

func tagName(b []byte) []byte {
	k := 0
	for k < len(b) && isNameByte(b[k]) {
		k++
	}
	return b[:k]
}

// closeOpen is doc with end tags for the open elements, innermost first.
func closeOpen(doc []byte, open [][]byte) []byte {
	out := make([]byte, len(doc), len(doc)+64)
	copy(out, doc)
	for k := len(open) - 1; k >= 0; k-- {
		out = append(out, "</"...)
		out = append(out, open[k]...)
		out = append(out, '>')
	}
	return out
}

// capJSONItems keeps the first maxItems elements of a JSON Feed's
// top-level "items" array, dropping the rest of the document after them.
// A document it cannot follow is left for the parser to judge.
func capJSONItems(data []byte, maxItems int) []byte {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return data
	}
	var skip json.RawMessage
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return data
		}
		if key != "items" {
			if dec.Decode(&skip) != nil {
				return data
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return data
		}
		for n := 0; dec.More(); n++ {
			if n == maxItems {
				cut := dec.InputOffset()
				out := make([]byte, 0, cut+2)
				return append(append(out, data[:cut]...), "]}"...)
			}
			if dec.Decode(&skip) != nil {
				return data
			}
		}
		return data
	}
	return data
}
