package markdown

import (
	"strings"
	"testing"
)

func TestLineOf(t *testing.T) {
	for _, c := range []struct {
		line string
		want Line
	}{
		{"", Line{Kind: Blank}},
		{"  \t ", Line{Kind: Blank, Indent: 2, Start: 4, End: 4, Body: 4}},
		{"plain text", Line{Kind: Text, End: 10}},
		{"# Title", Line{Kind: Heading, Mark: '#', N: 1, End: 7, Body: 1}},
		{"###### six", Line{Kind: Heading, Mark: '#', N: 6, End: 10, Body: 6}},
		{"####### seven", Line{Kind: Text, End: 13}},
		{"#hashtag", Line{Kind: Text, End: 8}},
		{"#", Line{Kind: Heading, Mark: '#', N: 1, End: 1, Body: 1}},
		{"##\tTab", Line{Kind: Heading, Mark: '#', N: 2, End: 6, Body: 2}},
		{"   # three spaces", Line{Kind: Heading, Mark: '#', N: 1, Indent: 3, Start: 3, End: 17, Body: 4}},
		{"    # four spaces", Line{Kind: Heading, Mark: '#', N: 1, Indent: 4, Indented: true, Start: 4, End: 17, Body: 5}},
		{"\tcode", Line{Kind: Text, Indented: true, Start: 1, End: 5, Body: 1}},
		{"  \tnot indented code", Line{Kind: Text, Indent: 2, Start: 3, End: 20, Body: 3}},
		{"```", Line{Kind: CodeFence, Mark: '`', N: 3, End: 3, Body: 3}},
		{"````go", Line{Kind: CodeFence, Mark: '`', N: 4, End: 6, Body: 4}},
		{"~~~~~", Line{Kind: CodeFence, Mark: '~', N: 5, End: 5, Body: 5}},
		{"``", Line{Kind: Text, End: 2}},
		{"***", Line{Kind: ThematicBreak, Mark: '*', Marks: Star, N: 3, End: 3}},
		{"* * *", Line{Kind: ThematicBreak, Mark: '*', Marks: Star | Space, N: 3, End: 5}},
		{"* item", Line{Kind: ListItem, Mark: '*', End: 6, Body: 2}},
		{"---", Line{Kind: ThematicBreak, Mark: '-', Marks: Dash, N: 3, End: 3}},
		{"- - -", Line{Kind: ThematicBreak, Mark: '-', Marks: Dash | Space, N: 3, End: 5}},
		{"-\t-\t-", Line{Kind: ThematicBreak, Mark: '-', Marks: Dash | Tab, N: 3, End: 5}},
		{"___", Line{Kind: ThematicBreak, Mark: '_', Marks: Underscore, N: 3, End: 3}},
		{"--", Line{Kind: SetextUnderline, Mark: '-', Marks: Dash, N: 2, End: 2}},
		{"-", Line{Kind: SetextUnderline, Mark: '-', Marks: Dash, N: 1, End: 1}},
		{"===", Line{Kind: SetextUnderline, Mark: '=', Marks: Equals, N: 3, End: 3}},
		{"= = =", Line{Kind: Text, Marks: Equals | Space, N: 3, End: 5}},
		{"-*-", Line{Kind: Text, Marks: Dash | Star, N: 3, End: 3}},
		{"- -", Line{Kind: ListItem, Mark: '-', Marks: Dash | Space, End: 3, Body: 2}},
		{"- item", Line{Kind: ListItem, Mark: '-', End: 6, Body: 2}},
		{"+ item", Line{Kind: ListItem, Mark: '+', End: 6, Body: 2}},
		{"-\titem", Line{Kind: ListItem, Mark: '-', End: 6, Body: 2}},
		{"-item", Line{Kind: Text, End: 5}},
		{"1. one", Line{Kind: ListItem, Mark: '.', N: 1, End: 6, Body: 3}},
		{"12) twelve", Line{Kind: ListItem, Mark: ')', N: 2, End: 10, Body: 4}},
		{"123456789. nine digits", Line{Kind: ListItem, Mark: '.', N: 9, End: 22, Body: 11}},
		{"1234567890. ten digits", Line{Kind: Text, End: 22}},
		{"2024.", Line{Kind: Text, End: 5}},
		{"> quote", Line{Kind: BlockQuote, Mark: '>', N: 1, End: 7, Body: 2}},
		{"> > nested", Line{Kind: BlockQuote, Mark: '>', N: 2, End: 10, Body: 4}},
		{">>deep", Line{Kind: BlockQuote, Mark: '>', N: 2, End: 6, Body: 2}},
		{">\ttab", Line{Kind: BlockQuote, Mark: '>', N: 1, End: 5, Body: 1}},
		{"| a | b |", Line{Kind: TableRow, Mark: '|', End: 9}},
		{"|---|:--:|", Line{Kind: TableRule, Mark: '|', End: 10}},
		{"| --- | --- |", Line{Kind: TableRule, Mark: '|', End: 13}},
		{"<div>", Line{Kind: HTML, Mark: '<', End: 5}},
		{"<https://example.com>", Line{Kind: HTML, Mark: '<', End: 21}},
		{"![alt](src.png)", Line{Kind: Image, Mark: '!', End: 15}},
		{"[![alt](src.png)](href)", Line{Kind: Text, End: 23}},
		{"[![logo]: /logo.png", Line{Kind: LinkRefDef, Mark: '[', End: 19, Body: 9}},
		{"!important", Line{Kind: Text, End: 10}},
		{"[id]: https://example.com", Line{Kind: LinkRefDef, Mark: '[', End: 25, Body: 5}},
		{"[^1]: a footnote", Line{Kind: Text, End: 16}},
		{"[a](b): not a definition", Line{Kind: Text, End: 24}},
		{"[]: empty label", Line{Kind: Text, End: 15}},
		{"\u00a0# after a no-break space", Line{Kind: Heading, Mark: '#', N: 1, Start: 2, End: 26, Body: 3}},
		{"text \r", Line{Kind: Text, End: 4}},
	} {
		if got := LineOf(c.line); got != c.want {
			t.Errorf("LineOf(%q)\n got %+v\nwant %+v", c.line, got, c.want)
		}
	}
}

func TestLineOfTrimsLikeTrimSpace(t *testing.T) {
	for _, s := range []string{"", " ", " a ", "\u2003x\u00a0", "\xffx\xff", " \x85y\x85", "\u3000"} {
		l := LineOf(s)
		if got, want := s[l.Start:l.End], strings.TrimSpace(s); got != want {
			t.Errorf("LineOf(%q) content %q, TrimSpace %q", s, got, want)
		}
	}
}

func TestUnderlineAndOpens(t *testing.T) {
	for line, want := range map[string]int{"===": 1, "=": 1, "---": 2, "--": 2, "- - -": 0, "***": 0, "==-": 0, "text": 0} {
		if got := LineOf(line).Underline(); got != want {
			t.Errorf("Underline(%q) = %d, want %d", line, got, want)
		}
	}
	for line, want := range map[string]bool{"```": true, "   ```": true, "    ```": false, "\t```": false, " \t```": false, "\u00a0```": false} {
		if got := LineOf(line).Opens(); got != want {
			t.Errorf("Opens(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestFence(t *testing.T) {
	open := LineOf("````go").Fence()
	if open != (Fence{Mark: '`', N: 4}) {
		t.Fatalf("Fence = %+v", open)
	}
	for line, want := range map[string]bool{
		"````": true, "`````": true, "   ````  ": true, "```": false, "~~~~": false, "```` x": false, "text": false,
	} {
		if got := open.ClosedBy(line); got != want {
			t.Errorf("ClosedBy(%q) = %v, want %v", line, got, want)
		}
	}
	if (LineOf("text").Fence() != Fence{}) {
		t.Error("a text line opens a fence")
	}
	if !(Fence{Mark: '~', N: 3}).ClosedBy("~~~") || (Fence{}).ClosedBy("\x00\x00\x00") {
		t.Error("~~~ does not close ~~~")
	}
}

func TestListMarker(t *testing.T) {
	for _, c := range []struct {
		s    string
		want Marker
		ok   bool
	}{
		{"- a", Marker{Mark: '-', Sep: ' ', End: 2}, true},
		{"*\ta", Marker{Mark: '*', Sep: '\t', End: 2}, true},
		{"+ ", Marker{Mark: '+', Sep: ' ', End: 2}, true},
		{"- - -", Marker{Mark: '-', Sep: ' ', End: 2}, true},
		{"1) a", Marker{Mark: ')', Digits: 1, Sep: ' ', End: 3}, true},
		{"10. a", Marker{Mark: '.', Digits: 2, Sep: ' ', End: 4}, true},
		{"-", Marker{}, false},
		{"-a", Marker{}, false},
		{" - a", Marker{}, false},
		{"1.", Marker{}, false},
		{"1.a", Marker{}, false},
		{"a. b", Marker{}, false},
		{"• a", Marker{}, false},
	} {
		got, ok := ListMarker(c.s)
		if got != c.want || ok != c.ok {
			t.Errorf("ListMarker(%q) = %+v, %v; want %+v, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}

func TestQuoteEnd(t *testing.T) {
	for s, want := range map[string]int{"": 0, "a": 0, "> a": 2, ">> a": 3, " > > a": 5, ">\ta": 1, "  a": 2} {
		if got := QuoteEnd(s); got != want {
			t.Errorf("QuoteEnd(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestHeading(t *testing.T) {
	for _, c := range []struct {
		s              string
		level          int
		from, to       int
		text, wantText string
	}{
		{s: "# Title", level: 1, from: 1, to: 7, wantText: " Title"},
		{s: "## Title ##", level: 2, from: 2, to: 9, wantText: " Title "},
		{s: "### Title#", level: 3, from: 3, to: 10, wantText: " Title#"},
		{s: "# #", level: 1, from: 1, to: 2, wantText: " "},
		{s: "#\t\t", level: 1, from: 1, to: 1, wantText: ""},
		{s: "# Title\r", level: 1, from: 1, to: 8, wantText: " Title\r"},
		{s: "#\r", level: 0},
		{s: "####### x", level: 0},
		{s: " # x", level: 0},
	} {
		if got := HeadingLevel(c.s); got != c.level {
			t.Errorf("HeadingLevel(%q) = %d, want %d", c.s, got, c.level)
		}
		from, to := HeadingText(c.s)
		if from != c.from || to != c.to || c.s[from:to] != c.wantText {
			t.Errorf("HeadingText(%q) = %d, %d (%q)", c.s, from, to, c.s[from:to])
		}
	}
}

func TestNextLine(t *testing.T) {
	s := "a\r\nbc\n\nd"
	var got []string
	for off := 0; off <= len(s); {
		end, next := NextLine(s, off)
		got = append(got, s[off:end])
		off = next
	}
	if want := []string{"a\r", "bc", "", "d"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
	if end, next := NextLine("x\n", 2); end != 2 || next != 3 {
		t.Errorf("NextLine at the end = %d, %d", end, next)
	}
}

func TestKindString(t *testing.T) {
	if Heading.String() != "Heading" || LinkRefDef.String() != "LinkRefDef" || Kind(200).String() != "Kind(?)" {
		t.Error("Kind names")
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{"", "# h", "> > - 1. x", "```go", "- - -", "|-|:-:|", "[a]: b", "![a](b)",
		"<div>", "    code", "\t\u00a0x \r", "123456789) x", "===", "\xff#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := LineOf(s)
		if l.Start < 0 || l.Start > l.Body || l.Body > l.End || l.End > len(s) || l.Indent > len(s) {
			t.Fatalf("LineOf(%q) = %+v: offsets outside the line", s, l)
		}
		if l.Kind == Blank != (strings.TrimSpace(s) == "") || s[l.Start:l.End] != strings.TrimSpace(s) {
			t.Fatalf("LineOf(%q) = %+v: content is not the trimmed line", s, l)
		}
		if l.Kind > LinkRefDef {
			t.Fatalf("LineOf(%q): kind %d", s, l.Kind)
		}
		if m, ok := ListMarker(s); ok && (m.End > len(s) || m.End < 2) {
			t.Fatalf("ListMarker(%q) = %+v", s, m)
		}
		if q := QuoteEnd(s); q > len(s) {
			t.Fatalf("QuoteEnd(%q) = %d", s, q)
		}
		if from, to := HeadingText(s); from > to || to > len(s) {
			t.Fatalf("HeadingText(%q) = %d, %d", s, from, to)
		}
		if closes := l.Fence().ClosedBy(s); closes != (l.Kind == CodeFence && l.Body == l.End) {
			t.Fatalf("LineOf(%q) = %+v: a bare fence closes itself: %v", s, l, closes)
		}
		if u := l.Underline(); u < 0 || u > 2 || u > 0 && l.Kind != SetextUnderline && l.Kind != ThematicBreak {
			t.Fatalf("LineOf(%q) = %+v: underline %d", s, l, u)
		}
		if l.Opens() && (l.Start > 3 || l.Indented) {
			t.Fatalf("LineOf(%q) = %+v opens", s, l)
		}
		for off := 0; off <= len(s); {
			end, next := NextLine(s, off)
			if end < off || end > len(s) || next <= end {
				t.Fatalf("NextLine(%q, %d) = %d, %d", s, off, end, next)
			}
			off = next
		}
	})
}

func BenchmarkLineOf(b *testing.B) {
	lines := []string{"Officials in the capital spent the week weighing a response to the crisis.", "", "# Heading",
		"- item", "> quote", "```go", "    code", "| a | b |", "* * *", "1. one", "![img](src)"}
	n := 0
	for b.Loop() {
		for _, s := range lines {
			n += int(LineOf(s).Kind)
		}
	}
}
