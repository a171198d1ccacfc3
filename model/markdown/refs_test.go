package markdown

import (
	"reflect"
	"testing"
)

func TestRefsNumbersLinksByURL(t *testing.T) {
	body := "Read [the *report*](https://a.example/r \"title\") and [its data](https://a.example/d).\n\n" +
		"Again, [the report](https://a.example/r); [top](#top) and [run](javascript:alert(1)) are no links.\n\n" +
		"```\n[in code](https://code.example)\n```\n\n    [indented](https://code.example)\n\n" +
		"Escaped \\[not](https://x.example) and `[tick](https://x.example)`.\n"
	links, images := Refs(body)
	var got []string
	for _, l := range links {
		got = append(got, string(rune('0'+l.N))+" "+l.Text+" "+l.URL)
		if body[l.Start] != '[' || body[l.End-1] != ')' || body[l.TextEnd] != ']' {
			t.Errorf("link %q: bounds %d..%d", l.Text, l.Start, l.End)
		}
	}
	want := []string{"1 the report https://a.example/r", "2 its data https://a.example/d", "1 the report https://a.example/r"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("links:\n got %q\nwant %q", got, want)
	}
	if len(images) != 0 {
		t.Errorf("images: %v", images)
	}
}

func TestRefsImagesAndCaptions(t *testing.T) {
	body := "Text.\n\n![A fox \\[red\\]](https://img.example/fox.png)\n\n*The fox, in 2024. Photo: A. Person*\n\n" +
		"[![logo](https://img.example/logo.png)](https://site.example/)\n\n" +
		"![bare](https://img.example/bare.jpg)\nnot a caption\n"
	links, images := Refs(body)
	if len(images) != 3 {
		t.Fatalf("images: %+v", images)
	}
	if im := images[0]; im.Alt != "A fox [red]" || im.URL != "https://img.example/fox.png" || im.Caption != "The fox, in 2024. Photo: A. Person" {
		t.Errorf("first image: %+v", im)
	}
	if body[images[0].Start:images[0].End] != "![A fox \\[red\\]](https://img.example/fox.png)" {
		t.Errorf("bounds: %q", body[images[0].Start:images[0].End])
	}
	if images[1].Caption != "" || images[2].Caption != "" {
		t.Errorf("captions: %+v", images[1:])
	}
	if len(links) != 1 || links[0].Text != "logo" || links[0].URL != "https://site.example/" {
		t.Errorf("links: %+v", links)
	}
}

func TestRefsReadDestinationsAsCommonMark(t *testing.T) {
	links, _ := Refs("[a](https://a.example/?a=1&amp;b=2) [b](https://a.example/\\_x)\n")
	if len(links) != 2 || links[0].URL != "https://a.example/?a=1&b=2" || links[1].URL != "https://a.example/_x" {
		t.Errorf("links: %+v", links)
	}
}

func TestInlineTextKeepsWordUnderscores(t *testing.T) {
	if got := inlineText("_the_ scheduled_timestamp &amp; **more**"); got != "the scheduled_timestamp & more" {
		t.Errorf("got %q", got)
	}
}

func FuzzRefs(f *testing.F) {
	f.Add("[a](b) ![c](d)\n*e*\n")
	f.Add("[[x](y)](z) \\[ ` [q](r) `")
	f.Fuzz(func(t *testing.T, body string) {
		links, images := Refs(body)
		for _, l := range links {
			if l.Start < 0 || l.End > len(body) || l.Start >= l.End || l.TextStart > l.TextEnd || l.N < 1 {
				t.Fatalf("bad link %+v", l)
			}
		}
		for _, im := range images {
			if im.Start < 0 || im.End > len(body) || im.Start >= im.End {
				t.Fatalf("bad image %+v", im)
			}
		}
	})
}

// TestRefsPassCodeInABlockQuote: a link in fenced code inside a block
// quote is code, not a link to number, as one outside a quote is.
func TestRefsPassCodeInABlockQuote(t *testing.T) {
	body := "> ```\n> [a](http://x.example/)\n> ```\n\n[b](http://y.example/)\n"
	links, _ := Refs(body)
	if len(links) != 1 || links[0].URL != "http://y.example/" || links[0].N != 1 {
		t.Errorf("links %+v, want only b, numbered 1", links)
	}
}

// TestFenceStep: a fence opens code when indented three spaces at most,
// in or out of a block quote, and a run at least as long closes it.
func TestFenceStep(t *testing.T) {
	var f Fence
	for i, c := range []struct {
		line string
		code bool
		open bool
	}{
		{"text", false, false}, {"    ```", false, false}, {"> ````go", true, true},
		{"> ```", true, true}, {"> ````", true, false}, {"```", true, true}, {"~~~", true, true}, {"```", true, false},
	} {
		var code bool
		code, f = f.Step(c.line)
		if code != c.code || (f.Mark != 0) != c.open {
			t.Errorf("line %d %q: code %v, open %v; want %v, %v", i, c.line, code, f.Mark != 0, c.code, c.open)
		}
	}
}
