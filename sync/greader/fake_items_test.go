package greader

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// The fake's item calls.

// fakeParseID reads an id as servers do: long form, else decimal.
func fakeParseID(s string) (int64, bool) {
	if hex, ok := strings.CutPrefix(s, "tag:google.com,2005:reader/item/"); ok {
		u, err := strconv.ParseUint(hex, 16, 64)
		return int64(u), err == nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func fakeLongID(id int64) string {
	return fmt.Sprintf("tag:google.com,2005:reader/item/%016x", uint64(id))
}

// stream lists the ids of a stream without those of the excluded one.
func (f *fake) stream(s, xt string) []int64 {
	var out []int64
	for _, it := range f.items {
		in := false
		switch {
		case s == StreamReadingList:
			in = true
		case s == StreamStarred:
			in = f.starred[it.id]
		case s == StreamRead:
			in = f.read[it.id]
		case s == "feed/"+strconv.Itoa(it.feed):
			in = true
		}
		if in && !(xt == StreamRead && f.read[it.id]) {
			out = append(out, it.id)
		}
	}
	return out
}

func (f *fake) itemIDs(w http.ResponseWriter, r *http.Request) {
	if r.Form.Get("output") != "json" {
		http.Error(w, "output=json please", http.StatusBadRequest)
		return
	}
	ids := f.stream(r.Form.Get("s"), r.Form.Get("xt"))
	n, _ := strconv.Atoi(r.Form.Get("n"))
	if n <= 0 || n > f.pageSize {
		n = f.pageSize
	}
	offset, _ := strconv.Atoi(r.Form.Get("c"))
	start := offset
	if f.overlap && start > 0 {
		start-- // the last id of the page before, again
	}
	start = min(start, len(ids))
	page := ids[start:min(len(ids), start+n)]
	refs := []map[string]string{}
	for _, id := range page {
		s := strconv.FormatInt(id, 10)
		if f.idForm != nil {
			s = f.idForm(id)
		}
		refs = append(refs, map[string]string{"id": s})
	}
	doc := map[string]any{"itemRefs": refs}
	if next := offset + n; next < len(ids) {
		if f.stuckCont {
			next = n
		}
		doc["continuation"] = strconv.Itoa(next)
		if f.numericCont {
			doc["continuation"] = next
		}
	}
	writeJSON(w, doc)
}

func (f *fake) contents(w http.ResponseWriter, r *http.Request) {
	items := []map[string]any{}
	for _, s := range r.Form["i"] {
		id, ok := fakeParseID(s)
		if !ok {
			http.Error(w, `{"error_message":"bad id"}`, http.StatusBadRequest)
			return
		}
		for _, it := range f.items {
			if it.id == id {
				items = append(items, f.itemJSON(it))
			}
		}
	}
	writeJSON(w, map[string]any{"direction": "ltr", "id": StreamReadingList, "items": items})
}

func (f *fake) itemJSON(it fakeItem) map[string]any {
	cats := []string{"user/1/state/com.google/reading-list", "user/1/label/News"}
	if f.read[it.id] {
		cats = append(cats, "user/1/state/com.google/read")
	}
	if f.starred[it.id] {
		cats = append(cats, "user/1/state/com.google/starred")
	}
	m := map[string]any{
		"id":            fakeLongID(it.id),
		"categories":    cats,
		"title":         it.title,
		"author":        it.author,
		"published":     it.published,
		"updated":       it.published + 60,
		"crawlTimeMsec": strconv.FormatInt(it.published*1000, 10),
		"alternate":     []map[string]string{{"href": it.link, "type": "text/html"}},
		"canonical":     []map[string]string{{"href": it.link}},
		"origin":        map[string]string{"streamId": "feed/" + strconv.Itoa(it.feed), "title": "Feed"},
	}
	if it.summary != "" {
		m["summary"] = map[string]string{"direction": "ltr", "content": it.summary}
	}
	if it.content != "" {
		m["content"] = map[string]string{"direction": "ltr", "content": it.content}
	}
	return m
}

func (f *fake) editTag(w http.ResponseWriter, r *http.Request) {
	set := func(tag string, on bool, id int64) {
		switch tag {
		case StreamRead, "user/1/state/com.google/read":
			f.read[id] = on
		case StreamStarred, "user/1/state/com.google/starred":
			f.starred[id] = on
		}
	}
	for _, s := range r.PostForm["i"] {
		id, ok := fakeParseID(s)
		if !ok {
			http.Error(w, `{"error_message":"bad id"}`, http.StatusBadRequest)
			return
		}
		for _, tag := range r.PostForm["a"] {
			set(tag, true, id)
		}
		for _, tag := range r.PostForm["r"] {
			set(tag, false, id)
		}
	}
	fmt.Fprint(w, "OK")
}
