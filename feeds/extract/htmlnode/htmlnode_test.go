package htmlnode

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestWalkFindAttrRawText(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div id="a"><p>one <b>two</b></p><script>x = 1</script><p class="last">three</p></div>`))
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	Walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			order = append(order, n.Data)
		}
		return n.Data != "script" // stops the walk there
	})
	if got := strings.Join(order, " "); got != "html head body div p b script" {
		t.Errorf("walk order %q", got)
	}
	last := Find(doc, func(n *html.Node) bool { return Attr(n, "class") == "last" })
	if last == nil || RawText(last) != "three" {
		t.Fatalf("Find: %v", last)
	}
	script := Find(doc, func(n *html.Node) bool { return n.Data == "script" })
	if script == nil || RawText(script) != "x = 1" || Attr(script, "id") != "" {
		t.Fatalf("script %v", script)
	}
	if Find(last, func(*html.Node) bool { return true }) != nil {
		t.Error("Find must not return the node it starts from")
	}
}
