package sublist

import (
	"fmt"
	"strings"
	"testing"
)

// TestOPMLBombs: a hostile document is refused whole, with one line
// naming where, before it costs much.
func TestOPMLBombs(t *testing.T) {
	deep := func(levels int, tag string) string {
		var b strings.Builder
		b.WriteString("<opml><body>\n")
		for i := range levels {
			fmt.Fprintf(&b, "<%s text=\"f%d\">\n", tag, i)
		}
		b.WriteString(`<outline text="x" xmlUrl="https://x.example/"/>`)
		for range levels {
			fmt.Fprintf(&b, "</%s>", tag)
		}
		return b.String() + "</body></opml>"
	}
	var many strings.Builder
	many.WriteString("<opml><body>\n")
	for i := range maxOutlines + 1 {
		fmt.Fprintf(&many, "<outline text=\"f\" xmlUrl=\"https://f%d.example/\"/>\n", i)
	}
	many.WriteString("</body></opml>")
	tests := []struct{ name, doc, want string }{
		{"deep folders", deep(40, "outline"), "opml line 35: folders nest deeper than 32 levels"},
		{"deep elements", deep(80, "div"), "opml line 64: elements nest deeper than 64 levels"},
		{"many outlines", many.String(), "opml line 100002: more than 100000 outlines"},
		{"too big", "<opml><body>" + strings.Repeat(" ", maxImportBytes) + "</body></opml>", "opml: larger than 32 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseOPML(strings.NewReader(tt.doc))
			if err == nil || err.Error() != tt.want || f.Subs != nil {
				t.Errorf("err = %v, want %q (%d feeds)", err, tt.want, len(f.Subs))
			}
		})
	}
	// 32 levels of folders are fine.
	f, err := ParseOPML(strings.NewReader(deep(32, "outline")))
	if err != nil || len(f.Subs) != 1 || strings.Count(f.Subs[0].Folder, "/") != 31 {
		t.Errorf("32 levels: %+v, %v", f.Subs, err)
	}
}

// TestOPMLBillionLaughs: Go's decoder expands no DTD entity, and byline
// refuses a document that declares any; one that only uses an undeclared
// one gets its literal text, never an expansion.
func TestOPMLBillionLaughs(t *testing.T) {
	var dtd strings.Builder
	dtd.WriteString(`<?xml version="1.0"?>` + "\n<!DOCTYPE opml [\n<!ENTITY lol \"lol\">\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&dtd, "<!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	dtd.WriteString("]>\n")
	body := `<opml><body><outline text="&lol9;" xmlUrl="https://x.example/" category="&lol9;"/></body></opml>`
	f, err := ParseOPML(strings.NewReader(dtd.String() + body))
	if err == nil || err.Error() != "opml line 2: the document declares entities; refused" || f.Subs != nil {
		t.Errorf("declared entities: %+v, %v", f.Subs, err)
	}
	f, err = ParseOPML(strings.NewReader(body))
	if err != nil || len(f.Subs) != 1 {
		t.Fatalf("undeclared entity: %+v, %v", f.Subs, err)
	}
	if s := f.Subs[0]; s.Title != "&lol9;" || len(s.Tags) != 1 || s.Tags[0] != "&lol9;" {
		t.Errorf("undeclared entity read as %+v", s)
	}
}

func TestOPMLHugeAttribute(t *testing.T) {
	huge := strings.Repeat("é", 2<<20)
	doc := `<opml><body><outline text="` + huge + `" xmlUrl="https://x.example/" category="` +
		strings.Repeat("t,", 1<<20) + huge + `"><outline text="` + huge + `" xmlUrl="https://y.example/"/></outline></body></opml>`
	f, err := ParseOPML(strings.NewReader(doc))
	if err != nil || len(f.Subs) != 2 {
		t.Fatalf("%d feeds, %v", len(f.Subs), err)
	}
	for _, s := range f.Subs {
		checkSubscription(t, s)
		if len(s.Title) > maxLineField+len("…") {
			t.Errorf("title of %d bytes", len(s.Title))
		}
	}
	if len(f.Subs[0].Tags) != 1 {
		t.Errorf("tags %d", len(f.Subs[0].Tags))
	}
}
