package extract

import (
	"strings"
	"testing"
)

// blocksMarkdown converts an HTML fragment as an article's body.
func blocksMarkdown(t *testing.T, fragment string) string {
	t.Helper()
	return convertNode(t, parseHTML(t, "<html><body><div>"+fragment+"</div></body></html>"))
}

func TestBlockquoteKeepsItsCodeAndLists(t *testing.T) {
	md := blocksMarkdown(t, `<blockquote><p>The packet:</p>`+
		"<pre><code class=\"language-json\">rekt: {\n  list: [\n\n  ]\n}</code></pre>"+
		`<ul><li>one</li><li>two</li></ul><blockquote><pre>inner
code</pre></blockquote><p>After.</p></blockquote><p>Outside.</p>`)
	want := "> The packet:\n> \n> ```json\n> rekt: {\n>   list: [\n> \n>   ]\n> }\n> ```\n> \n> - one\n> - two\n> \n" +
		"> > ```\n> > inner\n> > code\n> > ```\n> \n> After.\n\nOutside."
	if md != want {
		t.Errorf("got\n%s\nwant\n%s", md, want)
	}
}

func TestOrderedListNumbersAreNotPadded(t *testing.T) {
	var items strings.Builder
	for i := range 11 {
		items.WriteString("<li>item " + string(rune('a'+i)) + "</li>")
	}
	md := blocksMarkdown(t, `<ol>`+items.String()+`<li>last<p>its second paragraph</p><pre>x
y</pre></li></ol><ol start="7"><li>seventh</li></ol>`)
	for _, want := range []string{"1. item a\n2. item b\n", "9. item i\n10. item j\n11. item k\n12. last\n\n    its second paragraph\n\n    ```\n    x\n    y\n    ```", "7. seventh"} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
	if strings.Contains(md, "01.") {
		t.Errorf("a padded number:\n%s", md)
	}
}

func TestTableCellsStayOnOneLine(t *testing.T) {
	md := blocksMarkdown(t, `<table>
<tr><td>Stop</td><td>Times</td><td>Notes</td></tr>
<tr><td><p>Harbour.</p><p>North pier</p></td><td>Monday<br>10 am</td><td><ul><li>step-free</li><li>café</li></ul></td></tr>
<tr><td><h4>Market</h4>square</td><td>daily</td><td>a | b</td></tr>
</table>`)
	lines := strings.Split(md, "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "| Stop") || !strings.HasPrefix(lines[1], "|---") {
		t.Fatalf("not one table of three rows with the first row as its header:\n%s", md)
	}
	for _, cell := range []string{"| Harbour. North pier ", "| Monday; 10 am ", "| step-free; café ", "| **Market**; square ", `| a \| b `} {
		if !strings.Contains(md, cell) {
			t.Errorf("no cell %q in\n%s", cell, md)
		}
	}
}

func TestLayoutTablesAreLeftAlone(t *testing.T) {
	// One cell of code: a box drawn with a table, not data.
	md := blocksMarkdown(t, "<table><tr><td><pre>a := 1\nb := 2</pre></td></tr></table>")
	if !strings.Contains(md, "```\na := 1\nb := 2\n```") {
		t.Errorf("the code lost its lines:\n%s", md)
	}
	// A single row: a layout, its cells' paragraphs kept.
	md = blocksMarkdown(t, "<table><tr><td><p>First.</p><p>Second.</p></td><td>Side</td></tr></table>")
	if !strings.Contains(md, "First.\n\nSecond.") {
		t.Errorf("a layout's paragraphs were joined:\n%s", md)
	}
}

func TestBreakInRunInHeadingKeepsWordsApart(t *testing.T) {
	for html, want := range map[string]string{
		`<h3>Title<br>subtitle</h3>`:                      "### Title subtitle",
		`<p><strong>Lead:</strong><br>The text goes.</p>`: "**Lead:**  \nThe text goes.",
		`<h2><strong>Alpha<br>Beta</strong></h2>`:         "## **Alpha** **Beta**",
	} {
		if md := blocksMarkdown(t, html); md != want {
			t.Errorf("%s: got %q, want %q", html, md, want)
		}
	}
}

// FuzzBlockRules converts fragments with quotes, lists, code and tables:
// whatever the nesting, every line of a code block opened inside a block
// quote stays inside it.
func FuzzBlockRules(f *testing.F) {
	f.Add("<blockquote><pre>a\n\nb</pre><ol><li>x<pre>c\nd</pre></li></ol></blockquote>")
	f.Add("<table><tr><td><ol><li>a</li></ol></td><td>b<br>c</td></tr><tr><td>d</td><td><h2>e</h2></td></tr></table>")
	f.Add("<ol start=\"-3\"><li><blockquote><pre>x\ny</pre></blockquote></li></ol>")
	f.Fuzz(func(t *testing.T, fragment string) {
		md := blocksMarkdown(t, fragment)
		lines := strings.Split(md, "\n")
		for i := 0; i < len(lines); i++ {
			fence := quotedFence(lines[i])
			if fence == "" {
				continue
			}
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "> "+fence; i++ {
				if !strings.HasPrefix(lines[i], ">") {
					t.Fatalf("line %d left the quote's code block:\n%s", i, md)
				}
			}
		}
	})
}

// quotedFence is the fence a line opens inside a block quote ("> ```go"
// opens "```"), or "".
func quotedFence(l string) string {
	rest, ok := strings.CutPrefix(l, "> ")
	if !ok {
		return ""
	}
	n := len(rest) - len(strings.TrimLeft(rest, "`"))
	if n < 3 {
		return ""
	}
	return rest[:n]
}

// TestCodeKeepsItsLanguage extracts a whole page: readability drops every
// class, yet each code block's fence names the language the page gave it.
func TestCodeKeepsItsLanguage(t *testing.T) {
	para := "<p>The harbour authority published the new tide tables on Monday, and the ferry company changed its timetable to match them for the summer season.</p>"
	page := "<html><head><title>Tides</title></head><body><article><h1>Tides</h1>" + strings.Repeat(para, 4) +
		`<pre><code class="hljs language-python">print("tide")</code></pre>` + para +
		`<pre class="lang-js">tide();</pre>` + para +
		`<div class="highlight highlight-source-go"><pre>func tide() {}</pre></div>` + para +
		`<pre data-lang="Rust">fn tide() {}</pre>` + para +
		"<pre><code class=\"language-x```\">x</code></pre>" + para +
		"</article></body></html>"
	ex, err := Extract([]byte(page), "https://tides.example/2024/tides")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"```python\nprint(\"tide\")\n```", "```js\ntide();\n```", "```go\nfunc tide() {}\n```", "```rust\nfn tide() {}\n```", "```\nx\n```"} {
		if !strings.Contains(ex.Markdown, want) {
			t.Errorf("no %q in\n%s", want, ex.Markdown)
		}
	}
}

func TestCodeLanguageFromClass(t *testing.T) {
	md := blocksMarkdown(t, "<pre><code class=\"language-x```\">a</code></pre><pre><code class=\"lang-c++\">b</code></pre>")
	if md != "```\na\n```\n\n```c++\nb\n```" {
		t.Errorf("got %q", md)
	}
}
