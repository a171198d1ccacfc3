package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/ui/jsonout"
)

// readDoc is a small article file with what --plain and --json must
// carry: headings, emphasis, links (one twice), an image and its caption.
const readDoc = `# A harbour reopens

## After the storm

The **harbour** reopened on *Monday*, said [the port authority](https://port.example/news?utm_source=feed).
Boats [returned](https://boats.example/) at dawn; see [the port authority](https://port.example/news?utm_source=feed) again.

![Fishing boats at the quay](https://img.example/quay.png)

*Boats at the quay on Monday. Photo: A. Person*

- first item with ` + "`code`" + `
`

func writeReadDoc(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "harbour.md")
	if err := os.WriteFile(p, []byte(readDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadPlainIsTextAsShown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	r := byline(t, db, "read", "--plain", writeReadDoc(t))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"After the storm", "The harbour reopened on Monday, said the port authority [1].",
		"at dawn; see the port authority [1] again.", "[Image: Fishing boats at the quay]", "Boats at the quay on Monday. Photo: A. Person",
		"first item with code", "Links\n[1] https://port.example/news?utm_source=feed\n[2] https://boats.example/\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("plain text lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, mark := range []string{"##", "**", "](", "`", "*Monday*"} {
		if strings.Contains(r.stdout, mark) {
			t.Errorf("plain text holds markdown %q:\n%s", mark, r.stdout)
		}
	}
}

func TestReadJSONListsImagesAndLinks(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	r := byline(t, db, "read", "--json", writeReadDoc(t))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got jsonout.Read
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Images) != 1 || got.Images[0] != (jsonout.Image{URL: "https://img.example/quay.png", Alt: "Fishing boats at the quay",
		Caption: "Boats at the quay on Monday. Photo: A. Person"}) {
		t.Errorf("images: %+v", got.Images)
	}
	want := []jsonout.Link{{N: 1, Text: "the port authority", URL: "https://port.example/news?utm_source=feed"}, {N: 2, Text: "returned", URL: "https://boats.example/"}}
	if len(got.Links) != 2 || got.Links[0] != want[0] || got.Links[1] != want[1] {
		t.Errorf("links: %+v", got.Links)
	}
	// An article without any still gives empty lists, not null.
	if !strings.Contains(byline(t, db, "read", "--json", writeEmpty(t)).stdout, `"images": []`) {
		t.Error("no images should be []")
	}
}

func writeEmpty(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "plain.txt")
	os.WriteFile(p, []byte("Just words.\n"), 0o644)
	return p
}

// TestReadPlainKeepsAnglesOfAltText: an image's alt text is words, even
// with angle brackets in them, not HTML that the text drops.
func TestReadPlainKeepsAnglesOfAltText(t *testing.T) {
	p := filepath.Join(t.TempDir(), "alt.md")
	os.WriteFile(p, []byte("# Tags\n\n![a <b>c</b> d](https://img.example/t.png)\n\nText.\n"), 0o644)
	r := byline(t, filepath.Join(t.TempDir(), "b.db"), "read", "--plain", p)
	if r.code != 0 || !strings.Contains(r.stdout, "[Image: a <b>c</b> d]") {
		t.Errorf("alt text: %+v", r)
	}
}
