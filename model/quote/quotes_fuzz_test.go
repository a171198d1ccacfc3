package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func FuzzFindQuotes(f *testing.F) {
	for _, s := range []string{
		"“A,” he said. “B,” she added.",
		"‘We won’t,’ the Koreas’ envoy said of the ’90s.",
		"“Open\n\n“still open\n\n“closed,” Smith said.",
		`27" and 5'10" and "x" and 'y'`,
		"«a „b“ c» „d“ ‚e‘",
		"# “h”\n\n![“i”](j)\n\n- [“k”](l)\n\n```\n“m”\n```",
		"\"\"\"\"'''“““”””‘‘‘’’’",
		"`“code”` https://x.y/“z” <a href=\"q\">",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		checkSpans(t, md, FindQuotes(md))
	})
}

func TestFindQuotesHostile(t *testing.T) {
	inputs := map[string]string{
		"many opens":      strings.Repeat("“", 10000),
		"many closes":     strings.Repeat("”", 10000),
		"many straight":   strings.Repeat(`"`, 10000),
		"many singles":    strings.Repeat("‘", 10000) + strings.Repeat("’", 10000),
		"alternating":     strings.Repeat("“a ", 5000) + strings.Repeat("b” ", 5000),
		"never closes":    "“" + strings.Repeat("word ", 20000),
		"mixed scripts":   strings.Repeat("«Привет» „مرحبا“ “你好” ‘שלום’ ", 500),
		"backticks":       strings.Repeat("` “x” ``", 3000),
		"brackets":        strings.Repeat("[“a”](", 3000),
		"many paragraphs": strings.Repeat("“Open and never closed\n\n", 3000),
		"invalid utf8":    "“\xff\xfe abc” \xc3 ‘x’",
	}
	for name, md := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			got := FindQuotes(md)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			checkSpans(t, md, got)
			for _, q := range got {
				if len(q.Text) > quoteMaxTotal+quoteMaxParagraphs*2 {
					t.Errorf("quote %d is %d bytes long", q.N, len(q.Text))
				}
			}
		})
	}
}

// syntheticArticle builds a news article of about words words with a quote
// every few paragraphs, in the house styles FindQuotes must handle.
func syntheticArticle(words int) string {
	paras := []string{
		"Officials in the capital spent the week weighing a response to the crisis, which has unsettled markets and strained relations with neighbouring states across the region.",
		"“We will respond in a measured and proportionate way,” Foreign Minister Elena Petrova told reporters on Tuesday, adding that the government had “no interest in escalation.”",
		"The ministry’s statement, released late on Monday, described the incident as “a grave violation of international law” and demanded an explanation.",
		"Analysts said the don’t-blink approach of the ’90s no longer applied. “The old playbook is gone,” said Mark Chen, a senior fellow at the Atlantic Institute. “Everyone is improvising.”",
		"According to Petrova, “talks will continue at the technical level,” though no date has been set for a new round.",
		"Petrova said: “Our patience is not unlimited.” She declined to take further questions from the 40 or so reporters present.",
	}
	plain := []string{
		"The dispute began in early spring, when a survey vessel entered waters that both countries claim, and it has since drawn in shipping companies, insurers and fishing cooperatives along the coast.",
		"Trade between the two countries fell by a fifth last year, according to customs data, with exports of machinery and farm goods hit hardest as importers switched to other suppliers.",
		"Diplomats from several European capitals have offered to mediate, but neither side has publicly accepted, and a summit planned for the autumn has not been confirmed.",
		"Markets in the region were steady on Wednesday after a volatile start to the week, with the currency recovering some of its losses against the dollar in afternoon trading.",
	}
	var b strings.Builder
	n := 0
	for i := 0; n < words; i++ {
		p := plain[i%len(plain)]
		if i%4 == 1 {
			p = paras[(i/4)%len(paras)]
		}
		fmt.Fprintf(&b, "%s\n\n", p)
		n += len(strings.Fields(p))
	}
	return b.String()
}

func BenchmarkQuotes(b *testing.B) {
	md := syntheticArticle(4000)
	b.SetBytes(int64(len(md)))
	quotes := 0
	for b.Loop() {
		quotes = len(FindQuotes(md))
	}
	b.ReportMetric(float64(quotes), "quotes")
	b.ReportMetric(float64(len(strings.Fields(md))), "words")
}

// corpusMarkdown is the corpus articles, markdown with headings, lists,
// images and captions, repeated to about size bytes.
func corpusMarkdown(b *testing.B, size int) string {
	files, _ := filepath.Glob(filepath.Join("testdata", "quotes", "*.md"))
	var sb strings.Builder
	for sb.Len() < size {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

func BenchmarkSentences(b *testing.B) {
	md := corpusMarkdown(b, 200<<10)
	b.SetBytes(int64(len(md)))
	n := 0
	for b.Loop() {
		n = len(Sentences(md))
	}
	b.ReportMetric(float64(n), "sentences")
}

func BenchmarkQuotesCorpus(b *testing.B) {
	md := corpusMarkdown(b, 200<<10)
	b.SetBytes(int64(len(md)))
	for b.Loop() {
		FindQuotes(md)
	}
}
