package undo

import (
	"fmt"
	"testing"

	"github.com/byline-reader/byline/model"
)

func mark(id int64, read bool) Change {
	return Change{Kind: Read, IDs: []int64{id}, FeedID: 1, To: read, What: fmt.Sprint("mark ", id)}
}

func TestPushPop(t *testing.T) {
	var s Stack
	if _, ok := s.Pop(); ok {
		t.Fatal("an empty stack popped a change")
	}
	s.Push(mark(1, true))
	s.Push(Change{Kind: Star, IDs: []int64{2}, To: true})
	s.Push(Change{Kind: Read, IDs: []int64{3, 4, 5}, To: true})
	s.Push(Change{Kind: Highlight, Highlight: model.Highlight{ID: 9, Text: "x"}})
	want := []Kind{Highlight, Read, Star, Read}
	for i, k := range want {
		c, ok := s.Pop()
		if !ok || c.Kind != k {
			t.Fatalf("pop %d = %+v, %v; want kind %d", i, c, ok, k)
		}
	}
	if s.Len() != 0 {
		t.Errorf("%d left", s.Len())
	}
}

func TestDepthForgetsTheOldest(t *testing.T) {
	var s Stack
	for i := range Depth + 5 {
		s.Push(mark(int64(i+1), true))
	}
	if s.Len() != Depth {
		t.Fatalf("Len = %d, want %d", s.Len(), Depth)
	}
	var last Change
	for s.Len() > 0 {
		last, _ = s.Pop()
	}
	if last.IDs[0] != 6 {
		t.Errorf("the oldest kept is %d, want 6", last.IDs[0])
	}
}

func TestCombining(t *testing.T) {
	var s Stack
	s.Push(mark(7, true)) // an older change, kept
	s.Push(mark(1, true)) // opened: marked read
	s.Push(mark(1, false))
	s.Push(mark(1, true))
	s.Push(mark(1, false))
	if c, _ := s.Pop(); s.Len() != 1 || c.IDs[0] != 1 || c.To {
		t.Errorf("toggling one article's mark did not take one level: %+v, %d left", c, s.Len())
	}
	for _, tt := range []struct {
		name string
		a, b Change
	}{
		{"other article", mark(1, true), mark(2, false)},
		{"same direction", mark(1, true), mark(1, true)},
		{"other flag", mark(1, true), Change{Kind: Star, IDs: []int64{1}, To: false}},
		{"many articles", Change{Kind: Read, IDs: []int64{1, 2}, To: true}, mark(1, false)},
	} {
		var s Stack
		s.Push(tt.a)
		s.Push(tt.b)
		if s.Len() != 2 {
			t.Errorf("%s: combined (%d left)", tt.name, s.Len())
		}
	}
	var st Stack
	st.Push(Change{Kind: Star, IDs: []int64{3}, To: true})
	st.Push(Change{Kind: Star, IDs: []int64{3}, To: false})
	if c, _ := st.Pop(); st.Len() != 0 || c.To {
		t.Errorf("star then unstar: %+v, %d left", c, st.Len())
	}
}

func TestWords(t *testing.T) {
	for got, want := range map[string]string{
		MarkedMany(37, "Ars Technica"): "marked 37 articles read in Ars Technica",
		MarkedMany(1, "folder Tech"):   "marked 1 article read in folder Tech",
		MarkedOne("A\ntitle", false):   "marked “A title” unread",
		StarredOne("Storm", true):      "starred “Storm”",
		RemovedHighlight(model.Highlight{Text: "It was a dark and stormy night, and the rain fell in torrents"}): "removed the highlight “It was a dark and stormy night, and the rain fe…”",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
