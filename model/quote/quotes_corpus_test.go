package quote

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// The quote corpus: whole articles in the house styles of ten kinds of
// outlet (testdata/quotes/corpus_*.md, each with a golden corpus_*.json),
// the short passages of TestFindQuotesPassages (NAME.md with NAME.want)
// and, when BYLINE_SEED names its directory, the seed article. The golden
// files use the seed's format: a quote's predicted speaker is right when
// it contains (case-insensitive) one of speaker_accept, null meaning that
// no speaker is right too; "optional" lists texts the finder may report or
// not (a nickname in marks).

// Bars the corpus must clear (the bars for real articles).
const (
	corpusMinFound    = 0.90
	corpusMinSpeakers = 0.80
)

type corpusQuote struct {
	Text   string    `json:"text"`
	Accept []*string `json:"speaker_accept"`
}

type corpusArticle struct {
	name     string
	md       string
	quotes   []corpusQuote
	optional []string
}

// corpusScore counts one article's results.
type corpusScore struct {
	quotes, found, exact, right, extra int
	misses                             []string
}

func (s *corpusScore) add(o corpusScore) {
	s.quotes += o.quotes
	s.found += o.found
	s.exact += o.exact
	s.right += o.right
	s.extra += o.extra
}

func TestQuoteCorpus(t *testing.T) {
	arts := loadCorpus(t)
	var total corpusScore
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-30s %6s %6s %6s %8s %5s\n", "article", "quotes", "found", "exact", "speakers", "extra")
	for _, a := range arts {
		s := scoreCorpusArticle(a, FindQuotes(a.md))
		total.add(s)
		fmt.Fprintf(&b, "%-30s %6d %6d %6d %8d %5d\n", a.name, s.quotes, s.found, s.exact, s.right, s.extra)
		for _, m := range s.misses {
			t.Logf("%s: %s", a.name, m)
		}
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(max(total.quotes, 1)) }
	fmt.Fprintf(&b, "%-30s %6d %5.1f%% %5.1f%% %7.1f%% %5d\n", "TOTAL", total.quotes, pct(total.found), pct(total.exact), pct(total.right), total.extra)
	t.Log(b.String())
	if pct(total.found) < 100*corpusMinFound || pct(total.right) < 100*corpusMinSpeakers {
		t.Errorf("corpus below the bars: found %.1f%% (need %.0f%%), speakers %.1f%% (need %.0f%%)",
			pct(total.found), 100*corpusMinFound, pct(total.right), 100*corpusMinSpeakers)
	}
	if total.extra > total.quotes/50 {
		t.Errorf("%d quotes found that are not in the golden files", total.extra)
	}
}

// scoreCorpusArticle matches found quotes to the golden ones in order: an
// exact text first, else a found quote that holds the golden text or is
// held by it (a quote found with a mark too many or too few).
func scoreCorpusArticle(a corpusArticle, got []model.Quote) corpusScore {
	s := corpusScore{quotes: len(a.quotes)}
	used := make([]bool, len(got))
	for i, w := range a.quotes {
		k := corpusMatch(got, used, w.Text)
		if k < 0 {
			s.misses = append(s.misses, fmt.Sprintf("quote %d not found: %q", i+1, w.Text))
			continue
		}
		used[k] = true
		s.found++
		if got[k].Text == w.Text {
			s.exact++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("quote %d text %q, want %q", i+1, got[k].Text, w.Text))
		}
		if seedSpeakerOK(got[k].Speaker, w.Accept) {
			s.right++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("quote %d %q: speaker %q", i+1, w.Text, got[k].Speaker))
		}
	}
	for k, q := range got {
		if !used[k] && !corpusOptional(a.optional, q.Text) {
			s.extra++
			s.misses = append(s.misses, fmt.Sprintf("extra quote %d [%s]: %q", q.N, q.Speaker, q.Text))
		}
	}
	return s
}

func corpusMatch(got []model.Quote, used []bool, text string) int {
	for k, q := range got {
		if !used[k] && q.Text == text {
			return k
		}
	}
	norm := corpusNorm(text)
	for k, q := range got {
		n := corpusNorm(q.Text)
		if !used[k] && len(n) > 0 && (strings.Contains(n, norm) || strings.Contains(norm, n) && 2*len(n) >= len(norm)) {
			return k
		}
	}
	return -1
}

func corpusNorm(s string) string {
	return strings.ToLower(strings.Trim(s, " .,;:!?'\"“”‘’\n"))
}

func corpusOptional(optional []string, text string) bool {
	for _, o := range optional {
		if corpusNorm(o) == corpusNorm(text) {
			return true
		}
	}
	return false
}

func loadCorpus(t *testing.T) []corpusArticle {
	t.Helper()
	var arts []corpusArticle
	goldens, _ := filepath.Glob("testdata/quotes/corpus_*.json")
	for _, g := range goldens {
		var want struct {
			Quotes   []corpusQuote `json:"quotes"`
			Optional []string      `json:"optional"`
		}
		readCorpusJSON(t, g, &want)
		md := readCorpusFile(t, strings.TrimSuffix(g, ".json")+".md")
		arts = append(arts, corpusArticle{name: strings.TrimSuffix(filepath.Base(g), ".json"), md: md, quotes: want.Quotes, optional: want.Optional})
	}
	passages, _ := filepath.Glob("testdata/quotes/*.want")
	for _, p := range passages {
		md := readCorpusFile(t, strings.TrimSuffix(p, ".want")+".md")
		arts = append(arts, corpusArticle{name: filepath.Base(p), md: md, quotes: corpusFromWant(t, readCorpusFile(t, p))})
	}
	if dir := os.Getenv("BYLINE_SEED"); dir != "" {
		var want struct {
			Quotes []corpusQuote `json:"quotes"`
		}
		readCorpusJSON(t, filepath.Join(dir, "expected.json"), &want)
		arts = append(arts, corpusArticle{name: "seed", md: readCorpusFile(t, filepath.Join(dir, "article.txt")), quotes: want.Quotes})
	}
	for _, a := range arts {
		for i, q := range a.quotes {
			for _, part := range strings.Split(q.Text, "\n\n") {
				if !strings.Contains(a.md, part) {
					t.Fatalf("%s: golden quote %d %q is not in the article", a.name, i+1, part)
				}
			}
		}
	}
	if len(arts) < 15 {
		t.Fatalf("corpus has %d articles", len(arts))
	}
	return arts
}

// corpusFromWant reads a .want file ("speaker<TAB>text" a line): the
// speaker named there, or no speaker when the column is empty.
func corpusFromWant(t *testing.T, raw string) []corpusQuote {
	var qs []corpusQuote
	for _, line := range strings.Split(strings.TrimRight(raw, "\n"), "\n") {
		speaker, text, _ := strings.Cut(line, "\t")
		text, err := strconv.Unquote(`"` + text + `"`)
		if err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		var accept *string
		if speaker != "" {
			low := strings.ToLower(speaker)
			accept = &low
		}
		qs = append(qs, corpusQuote{Text: text, Accept: []*string{accept}})
	}
	return qs
}

func readCorpusFile(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func readCorpusJSON(t *testing.T, name string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(readCorpusFile(t, name)), v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
