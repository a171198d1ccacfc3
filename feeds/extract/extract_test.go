package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

func init() {
	// -update rewrites golden files; another test file of the package may
	// declare the same flag, and whichever comes first serves both.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func pageGoldenUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// renderExtracted writes an Extracted as a golden file shows it.
func renderExtracted(ex Extracted) string {
	published := ""
	if !ex.Published.IsZero() {
		published = ex.Published.Format(time.RFC3339)
	}
	return fmt.Sprintf("title: %s\nsite: %s\nauthor: %s\npublished: %s\ncanonical: %s\nminutes: %d\n---\n%s",
		ex.Title, ex.Site, ex.Author, published, ex.Canonical, ex.ReadingMinutes, ex.Markdown)
}

// TestExtractGolden extracts each testdata/pages/*.html (decoded as
// FetchPage would) and compares with its .golden.md; -update rewrites them.
func TestExtractGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	if len(files) < 5 {
		t.Fatalf("only %d fixture pages", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			page, _ := DecodePage(raw, "")
			name := strings.TrimSuffix(filepath.Base(f), ".html")
			ex, err := Extract(page, "https://"+name+".example/story")
			if err != nil {
				t.Fatal(err)
			}
			got := renderExtracted(ex)
			golden := strings.TrimSuffix(f, ".html") + ".golden.md"
			if pageGoldenUpdate() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", f, golden, got)
			}
		})
	}
}

func TestExtractKeepsStructure(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", "wordpress.html"))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Extract(raw, "https://valley.example/2024/05/river/")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## What the volunteers did", "- Planted 4,000 trees", "**every week**", "*one of the dirtiest rivers in the county*",
		"> We didn't know", "| 2024 | 9 ", "[we reported in 2014](https://valley.example/2014/03/wend-fine/)",
	} {
		if !strings.Contains(ex.Markdown, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	// The photo is a picture line, its caption under it; its alt text
	// says what the text around it says, and is left out.
	if want := "![](https://valley.example/wp-content/uploads/2024/05/otter.jpg)\n\n_An otter"; !strings.Contains(ex.Markdown, want) {
		t.Errorf("markdown lacks the picture and its caption:\n%s", ex.Markdown)
	}
	for _, gone := range []string{"[Image: An otter", "cookies", "Leave a Reply", "Recent Posts", "newsletter", "Proudly powered", "Share this"} {
		if strings.Contains(ex.Markdown, gone) {
			t.Errorf("markdown keeps %q", gone)
		}
	}
	if ex.Author != "Meera Patel" || ex.Site != "Valley Gazette" || ex.Canonical != "https://valley.example/2024/05/river/" {
		t.Errorf("meta: %q %q %q", ex.Author, ex.Site, ex.Canonical)
	}
}

func TestExtractText(t *testing.T) {
	text := "# The shipyard deal\n\nBy Priya Raman | The Ledger\nFebruary 14, 2024\n\nFirst paragraph of the story.\n\nAdvertisement\n\nSecond paragraph of the story.\n"
	ex := ExtractText(text, "notes/shipyard.md")
	want := Extracted{
		Title: "The shipyard deal", Site: "The Ledger", Author: "Priya Raman",
		Published: time.Date(2024, 2, 14, 0, 0, 0, 0, time.UTC),
		Markdown:  "First paragraph of the story.\n\nSecond paragraph of the story.\n", ReadingMinutes: 1,
	}
	if ex != want {
		t.Errorf("ExtractText =\n%+v\nwant\n%+v", ex, want)
	}
	// Plain text with a line per paragraph and a heading-like first line
	// that is not a byline.
	ex = ExtractText("Harbour News\nThe ferry was late again.\nPassengers waited an hour.\n", "ferry_report.txt")
	if ex.Author != "" || ex.Title != "ferry report" ||
		ex.Markdown != "Harbour News\n\nThe ferry was late again.\n\nPassengers waited an hour.\n" {
		t.Errorf("ExtractText plain = %+v", ex)
	}
}

// TestSeed checks the project's seed article when BYLINE_SEED names its
// directory (it is not part of the repository).
func TestSeed(t *testing.T) {
	dir := os.Getenv("BYLINE_SEED")
	if dir == "" {
		t.Skip("BYLINE_SEED not set")
	}
	txt, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	fromText := ExtractText(string(txt), "article.txt")
	fromHTML, err := Extract(page, "https://www.oann.com/putin-warns-south-korea/")
	if err != nil {
		t.Fatal(err)
	}
	furniture := []string{"Advertisement", "Stay informed!", "Get breaking news delivered straight to your inbox",
		"Subscribe here.", "https://www.oann.com/alerts", "Share this post!"}
	mustKeep := []string{"Technically, both Koreas are still at war", "National Security Council spokesman John Kirby"}
	for name, ex := range map[string]Extracted{"article.txt": fromText, "article.html": fromHTML} {
		if ex.Author != "James Meyers" {
			t.Errorf("%s: author %q", name, ex.Author)
		}
		if ex.Site != "OAN" && ex.Site != "One America News Network" {
			t.Errorf("%s: site %q", name, ex.Site)
		}
		if got := ex.Published.Format("2006-01-02T15:04"); got != "2024-06-21T08:37" {
			t.Errorf("%s: published %s", name, got)
		}
		if n := len(strings.Split(strings.TrimSpace(ex.Markdown), "\n\n")); n != 13 {
			t.Errorf("%s: %d paragraphs, want 13:\n%s", name, n, ex.Markdown)
		}
		for _, f := range furniture {
			if strings.Contains(ex.Markdown, f) {
				t.Errorf("%s: keeps furniture %q", name, f)
			}
		}
		for _, k := range mustKeep {
			if !strings.Contains(ex.Markdown, k) {
				t.Errorf("%s: lost %q", name, k)
			}
		}
		for _, gone := range []string{"cookies", "Newsroom", "Related Stories", "Leave a Reply", "All rights reserved", "Trending"} {
			if strings.Contains(ex.Markdown, gone) {
				t.Errorf("%s: keeps page furniture %q", name, gone)
			}
		}
	}
}

func TestExtractNestingBomb(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 100000) + "deep" + strings.Repeat("</div>", 100000) + "</body></html>"
	start := time.Now()
	_, _ = Extract([]byte(page), "https://bomb.example/")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("nested divs took %v", d)
	}
	// Nesting deep enough to slow extraction but within what the HTML
	// parser accepts.
	page = "<html><body>" + strings.Repeat("<div>", 500) + strings.Repeat("<p>Some text that goes on. </p>", 50) + strings.Repeat("</div>", 500)
	start = time.Now()
	_, _ = Extract([]byte(page), "https://bomb.example/")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("500 nested divs took %v", d)
	}
}

func TestExtractNoArticle(t *testing.T) {
	if _, err := Extract([]byte("<html><body></body></html>"), "https://empty.example/"); err == nil {
		t.Error("empty page extracted")
	}
}

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<p>\x1b]8;;http://evil\x07click\x1b]8;;\x07 \u202eevil</p>"))
	f.Add([]byte("<div><img alt=\"a]\x1b[2J\"><table><tr><td>x</td></tr></table></div>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		ex, err := Extract(page, "https://fuzz.example/a")
		if err != nil {
			return
		}
		for _, s := range []string{ex.Title, ex.Site, ex.Author, ex.Markdown, ex.Canonical} {
			if s != model.Sanitize(s) || !utf8.ValidString(s) {
				t.Fatalf("not sanitised: %q", s)
			}
		}
		if ex.ReadingMinutes < 1 {
			t.Fatalf("reading minutes %d", ex.ReadingMinutes)
		}
	})
}

// benchPage builds a page of about 200 KB shaped like a news site's:
// scripts, styles, menus, a sidebar and comments around an article of
// articleKB kilobytes with a link in every paragraph and ad slots.
func benchPage(articleKB int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>A long read – Bench Times</title>
<meta property="og:site_name" content="Bench Times"><meta name="author" content="Ada Bench">
<meta property="article:published_time" content="2024-01-02T03:04:05Z"><style>`)
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, ".c%d{margin:%dpx;padding:0 %dpx;color:#%06x}\n", i, i%17, i%9, i*4099)
	}
	b.WriteString(`</style><script>window.cfg={`)
	for i := 0; i < 1200; i++ {
		fmt.Fprintf(&b, `"k%d":"value-%d-abcdefghij",`, i, i)
	}
	b.WriteString(`};</script></head><body><header><nav><ul>`)
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, `<li class="menu-item"><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><main><article><h1>A long read</h1><div class="content">`)
	articleEnd := b.Len() + articleKB<<10
	for i := 0; b.Len() < articleEnd; i++ {
		fmt.Fprintf(&b, `<p>Paragraph %d of the story, in which the <a href="/p/%d">reporter</a> explains, at some length and with <em>care</em>, what happened on the day the bridge closed and why the council had not seen it coming.</p>`, i, i)
		if i%10 == 9 {
			fmt.Fprintf(&b, `<h2>Part %d</h2><div class="ad"><span>Advertisement</span></div><ul><li>One point</li><li>Another point</li></ul>`, i/10)
		}
	}
	b.WriteString(`</div></article><aside class="sidebar">`)
	for i := 0; b.Len() < 190<<10; i++ {
		fmt.Fprintf(&b, `<div class="comment"><p class="who"><a href="/u/%d">reader%d</a></p><p>Comment %d: I disagree with the council, as usual.</p></div>`, i, i, i)
	}
	b.WriteString(`</aside></main><footer>© Bench Times</footer></body></html>`)
	return []byte(b.String())
}

// BenchmarkExtract extracts a typical 200 KB page (60 KB of it article).
func BenchmarkExtract(b *testing.B) { benchmarkExtract(b, 60) }

// BenchmarkExtractAllArticle is the worst case: 190 KB of article text.
func BenchmarkExtractAllArticle(b *testing.B) { benchmarkExtract(b, 190) }

func benchmarkExtract(b *testing.B, articleKB int) {
	page := benchPage(articleKB)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		ex, err := Extract(page, "https://bench.example/long-read")
		if err != nil || !strings.Contains(ex.Markdown, "Paragraph 100 ") {
			b.Fatal(err, len(ex.Markdown))
		}
	}
}
