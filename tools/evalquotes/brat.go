package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// span is a byte range of an article's text.
type span struct{ start, end int }

// attribution is one annotated attribution: who (source) said what
// (content), each possibly in several pieces.
type attribution struct {
	source  []span
	content []span
}

// article is one PolNeAR article with its annotations.
type article struct {
	name  string
	text  string
	attrs []attribution
}

// loadArticles reads dir/text/*.txt and, for each, the first annotator's
// file in dir/attributions (NAME_ANNOTATOR.ann, sorted by name).
func loadArticles(dir string) ([]article, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(texts)
	var out []article
	for _, tf := range texts {
		name := strings.TrimSuffix(filepath.Base(tf), ".txt")
		anns, _ := filepath.Glob(filepath.Join(dir, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		raw, err := os.ReadFile(tf)
		if err != nil {
			return nil, err
		}
		attrs, err := readAnn(anns[0], string(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", anns[0], err)
		}
		out = append(out, article{name: name, text: string(raw), attrs: attrs})
	}
	return out, nil
}

// readAnn reads a brat standoff file. Its offsets count characters (code
// points); they are turned into byte offsets of text.
func readAnn(path, text string) ([]attribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byteAt := runeOffsets(text)
	spans := map[string][]span{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 || fields[0] == "" {
			continue
		}
		switch fields[0][0] {
		case 'T':
			head := strings.Fields(fields[1])
			if len(head) < 2 {
				continue
			}
			ranges := strings.Join(head[1:], " ")
			for _, r := range strings.Split(ranges, ";") {
				var s, e int
				if _, err := fmt.Sscan(r, &s, &e); err != nil || s < 0 || e < s || e >= len(byteAt) {
					return nil, fmt.Errorf("bad span %q", r)
				}
				spans[fields[0]] = append(spans[fields[0]], span{byteAt[s], byteAt[e]})
			}
		case 'E':
			events = append(events, strings.Fields(fields[1]))
		}
	}
	var out []attribution
	for _, ev := range events {
		var a attribution
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.source = append(a.source, spans[id]...)
			case "Content":
				a.content = append(a.content, spans[id]...)
			}
		}
		if len(a.content) > 0 {
			out = append(out, a)
		}
	}
	return out, sc.Err()
}

// runeOffsets maps a character index to its byte offset (one past the end
// included).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// joinSpans is the text of spans, joined by spaces.
func joinSpans(text string, ss []span) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = text[s.start:s.end]
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// hull is the smallest span holding all of ss.
func hull(ss []span) span {
	h := ss[0]
	for _, s := range ss[1:] {
		h.start, h.end = min(h.start, s.start), max(h.end, s.end)
	}
	return h
}
