package markdown

import "testing"

func TestLinkSpan(t *testing.T) {
	cases := []struct {
		s            string
		textEnd, end int
		ok           bool
	}{
		{"[words](https://x.example/a_(b)) after", 6, 32, true},
		{"[words][ref] after", 6, 12, true},
		{"[a \\] b](u)", 7, 11, true},
		{"[no target] here", 0, 0, false},
		{"[unclosed](https://x", 0, 0, false},
	}
	for _, c := range cases {
		te, e, ok := LinkSpan(c.s, 0, len(c.s))
		if te != c.textEnd || e != c.end || ok != c.ok {
			t.Errorf("LinkSpan(%q) = %d %d %v, want %d %d %v", c.s, te, e, ok, c.textEnd, c.end, c.ok)
		}
	}
	if _, _, ok := LinkSpan("[words](u)", 0, 8); ok {
		t.Error("a link past to was read")
	}
}

func TestEntity(t *testing.T) {
	for s, want := range map[string]rune{"&amp;x": '&', "&#39;": '\'', "&nbsp;": '\u00a0'} {
		if r, n := Entity(s); r != want || n == 0 {
			t.Errorf("Entity(%q) = %q %d", s, r, n)
		}
	}
	if _, n := Entity("&copy;"); n != 0 {
		t.Error("an entity converters do not leave was decoded")
	}
}
