package extract

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/byline-reader/byline/feeds/extract/formula"
	"golang.org/x/net/html"
)

// minFidelity is the mean token F1 byline's text must reach against
// go-readability's own text of the same pages: cleaning may remove
// furniture, but never real text.
const minFidelity = 0.995

// fidelityPage is one page of the corpus, decoded to UTF-8.
type fidelityPage struct {
	name, url string
	html      []byte
}

// TestReadabilityFidelity compares, page by page, the words of byline's
// article with the words of go-readability's text content of the same
// page (see fidelity) and prints the token F1 of each page.
//
// The bar is for real pages nobody on the project wrote: go-readability's
// own test pages (real pages from many sites, shipped in its module, used
// when the module cache has them) and any directory of */source.html
// pages BYLINE_FIDELITY_DIR names must reach a mean F1 of minFidelity.
//
// The fixture pages are written to hold furniture, so their F1 is printed
// but the bar is set on their text: with the furniture each page declares
// (fixtureFurniture) taken out of readability's text, their mean F1 must
// reach minFidelity too, and no page may lose more than 0.5% of its words.
func TestReadabilityFidelity(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	var own []fidelityPage
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := DecodePage(raw, "")
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		own = append(own, fidelityPage{name, "https://" + name + ".example/story", page})
	}
	rows := fidelity(own, fixtureFurniture)
	if os.Getenv(fidelityChild) == "" {
		logFidelity(t, "fixture pages", rows)
	}
	text := 0.0
	for _, r := range rows {
		text += r.textF1
		if r.textRecall < minFidelity {
			t.Errorf("%s: lost %.1f%% of its text: %s", r.name, 100*(1-r.textRecall), sample(r.lost))
		}
	}
	if mean := text / float64(len(rows)); mean < minFidelity {
		t.Errorf("fixture pages: mean token F1 without their furniture %.4f < %.3f", mean, minFidelity)
	}
	if os.Getenv(fidelityChild) == "" {
		runFidelityChild(t)
		return
	}
	for _, dir := range externalCorpora(t) {
		rows := fidelity(loadCorpus(t, dir), nil)
		if mean := logFidelity(t, dir, rows); mean < minFidelity {
			t.Errorf("%s: mean token F1 %.4f < %.3f", dir, mean, minFidelity)
		}
	}
}

// fidelityChild is set in the environment of the process that measures
// the real pages: a process of its own, so that the memory their
// extraction takes does not count against tests that measure memory.
const fidelityChild = "BYLINE_FIDELITY_CHILD"

// runFidelityChild runs this test again in a new process, for the real
// pages, and reports what it says.
func runFidelityChild(t *testing.T) {
	if len(externalCorpora(t)) == 0 {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReadabilityFidelity$", "-test.v")
	cmd.Env = append(os.Environ(), fidelityChild+"=1")
	out, err := cmd.CombinedOutput()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "extract_fidelity_test.go:") {
			_, line, _ = strings.Cut(line, ": ")
		}
		if strings.Contains(line, "F1") || strings.Contains(line, "FAIL") || strings.Contains(line, "panic") {
			t.Log(line)
		}
	}
	if err != nil {
		t.Errorf("the real pages fall short: %v", err)
	}
}

// fixtureFurniture is the furniture of each fixture page that byline's
// cleaning removes and readability keeps, as readability's text has it:
// one paragraph a line.
var fixtureFurniture = map[string][]string{
	"news-inline-ads": {"Advertisement", "ADVERTISEMENT", "Read more: What a rate cut would mean for your mortgage",
		"Follow us on X and LinkedIn for the latest business news.",
		"Sign up for our Business Briefing newsletter to get the day's top stories in your inbox."},
	"news-readmore": {"Story continues below advertisement",
		"Related: Council approves harbour expansion after heated debate"},
	"medium-images": {"9 min read · Nov 3, 2022"},
	"newsletter": {"Thanks for reading Main Street Notes! Subscribe for free to receive new posts and support my work.",
		"Share", "Leave a comment"},
	"related-list": {"Related: Utility rates to rise 4% in August, regulator says"},
	"teaser":       {"Subscribe now to read the full story. Already a subscriber? Log in."},
	"wordpress": {"Get the Gazette in your inbox. Sign up for our free weekly newsletter. Subscribe",
		"Village fete returns Bus route cut"},
}

// externalCorpora lists the directories of real pages to measure, if any.
func externalCorpora(t *testing.T) []string {
	var dirs []string
	if d := os.Getenv("BYLINE_FIDELITY_DIR"); d != "" {
		dirs = append(dirs, d)
	}
	if testing.Short() {
		return dirs
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	if err != nil {
		t.Logf("go-readability's test pages not found: %v", err)
		return dirs
	}
	d := filepath.Join(strings.TrimSpace(string(out)), "test-pages")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		dirs = append(dirs, d)
	}
	return dirs
}

func loadCorpus(t *testing.T, dir string) []fidelityPage {
	files, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	var pages []fidelityPage
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := DecodePage(raw, "")
		pages = append(pages, fidelityPage{filepath.Base(filepath.Dir(f)), "http://fakehost/test/page.html", page})
	}
	return pages
}

// fidelityRow is how one page's text compares with readability's.
type fidelityRow struct {
	name               string
	f1                 float64
	textF1, textRecall float64  // without the page's declared furniture
	extra, lost        []string // words only byline has, only readability has
}

// fidelity measures each page; furniture names, by page, the paragraphs
// of readability's text that are furniture.
func fidelity(pages []fidelityPage, furniture map[string][]string) []fidelityRow {
	var rows []fidelityRow
	for _, p := range pages {
		refText := readabilityText(p.html, p.url)
		var got []string
		if ex, err := Extract(p.html, p.url); err == nil {
			got = tokens(markdownToPlain(ex.Markdown))
			refText = withoutHeader(refText, ex)
		}
		r := fidelityRow{name: p.name}
		r.f1, r.extra, r.lost = tokenF1(got, tokens(refText))
		text := tokens(withoutLines(refText, furniture[p.name]))
		r.textF1, _, _ = tokenF1(got, text)
		r.textRecall = recall(got, text)
		rows = append(rows, r)
	}
	return rows
}

// logFidelity prints the rows, worst first, and gives their mean F1.
func logFidelity(t *testing.T, corpus string, rows []fidelityRow) float64 {
	t.Helper()
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].f1 < rows[j].f1 })
	sum, text := 0.0, 0.0
	for _, r := range rows {
		t.Logf("%-40s F1 %.4f (text %.4f)  extra %s  lost %s", r.name, r.f1, r.textF1, sample(r.extra), sample(r.lost))
		sum += r.f1
		text += r.textF1
	}
	n := float64(max(len(rows), 1))
	t.Logf("%s: mean token F1 %.4f (without declared furniture %.4f) over %d pages", corpus, sum/n, text/n, len(rows))
	return sum / n
}

// withoutLines drops the lines of text that are one of drop.
// withoutHeader drops the lines of readability's text that byline shows
// in the article's header instead (the title, the byline, the dateline;
// see dropHeaderRepeats), looking at as many leading lines as it does.
func withoutHeader(text string, ex Extracted) string {
	lines := strings.Split(text, "\n")
	var kept []string
	seen := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		seen++
		if seen <= maxLeadBlocks+2 && repeatsHeader(l, ex) {
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n")
}

func withoutLines(text string, drop []string) string {
	if len(drop) == 0 {
		return text
	}
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		if !slices.Contains(drop, strings.TrimSpace(l)) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

func sample(words []string) string {
	if len(words) > 12 {
		return strings.Join(words[:12], " ") + " …"
	}
	return strings.Join(words, " ")
}

// readabilityText is the text of readability's article for the page: the
// extraction library's result, the floor byline's text is measured
// against (its own judge of furniture and its cleaning may remove only
// what they recognise). Its formulas are first put in code form as
// byline's are (formula.Replace): readability alone drops them, and a
// formula byline keeps is text kept, not text added.
func readabilityText(page []byte, pageURL string) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	limitDepth(doc, maxDepth)
	formula.Replace(doc)
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, baseURL(pageURL))
	if err != nil || art.Node == nil {
		return ""
	}
	return render.InnerText(art.Node)
}

// tokens lower-cases text and splits it into words: runs of letters and
// digits, punctuation dropped.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// tokenF1 is the F1 of the multisets of words got and want, with the
// words only one side has.
func tokenF1(got, want []string) (f1 float64, extra, lost []string) {
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	common := 0
	for _, w := range got {
		if count[w] > 0 {
			count[w]--
			common++
		} else {
			extra = append(extra, w)
		}
	}
	for _, w := range want {
		if count[w] > 0 {
			count[w]--
			lost = append(lost, w)
		}
	}
	if len(got) == 0 && len(want) == 0 {
		return 1, nil, nil
	}
	if common == 0 {
		return 0, extra, lost
	}
	p := float64(common) / float64(len(got))
	r := float64(common) / float64(len(want))
	return 2 * p * r / (p + r), extra, lost
}

// recall is the share of the words of want that got has.
func recall(got, want []string) float64 {
	if len(want) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, w := range got {
		count[w]++
	}
	common := 0
	for _, w := range want {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return float64(common) / float64(len(want))
}

var (
	// rxPlainImage is a picture, "![alt](address)", and rxImageLine
	// byline's older line for one ("[Image: its alt text]"): images, not
	// text, as tools/evalextract counts them too.
	rxPlainImage = regexp.MustCompile(`!\[(?:\\.|[^\]\\])*\]\([^)]*\)`)
	rxImageLine  = regexp.MustCompile(`\[Image: (?:\\.|[^\]\\])*\]`)
	rxPlainLink  = regexp.MustCompile(`\[((?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)`)
	rxMdAutoLink = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	rxMdLineMark = regexp.MustCompile(`(?m)^[ \t]*(>[ \t]?)*[ \t]*(#{1,6}[ \t]+|(([-*+]|\d{1,9}[.)])[ \t]+)+)?`)
	rxMdRule     = regexp.MustCompile(`(?m)^[ \t]*([-*_][ \t]*){3,}$`)
)

// markdownToPlain turns markdown into the text a reader sees: no image
// lines, link text
// without its target, no heading, quote or list marks, no emphasis marks,
// fences or escapes. Code blocks are kept as they are.
func markdownToPlain(md string) string {
	var out, para []string
	flush := func() {
		s := strings.Join(para, "\n")
		s = rxMdRule.ReplaceAllString(s, "")
		s = rxImageLine.ReplaceAllString(s, "")
		s = rxPlainImage.ReplaceAllString(s, "")
		s = rxPlainLink.ReplaceAllString(s, "$1")
		s = rxMdAutoLink.ReplaceAllString(s, "$1")
		s = rxMdLineMark.ReplaceAllString(s, "")
		out = append(out, strings.NewReplacer("\\", "", "*", "", "`", "").Replace(s))
		para = nil
	}
	fence := ""
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			} else {
				out = append(out, line)
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			flush()
			fence = t[:3]
		default:
			para = append(para, line)
		}
	}
	flush()
	return strings.Join(out, "\n")
}
