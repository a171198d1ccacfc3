// Command evalquotes scores byline's quote finding and speaker attribution
// against PolNeAR (political news annotated with attributions, brat
// standoff): go run -C tools/evalquotes . -data DIR [-v] [-found].
//
// The gold quotations are the spans between double quote marks (“…” or
// "…") inside the Content of an attribution; the gold speaker is the text
// of its Source. A gold quote is found when byline has a quote whose text
// is the same once punctuation and spaces are trimmed (exact), or whose
// span shares at least 90% of the longer of the two spans. Speakers are
// judged on found quotes whose Source names someone (a capitalised word
// that is not a pronoun or a determiner); the rule is sameSpeaker's.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

type score struct {
	gold, found, exact                int
	named, right, wrong, missing      int
	pronoun, pronRight, pronWrong     int
	pronMissing, extras, bylineQuotes int
}

func main() {
	data := flag.String("data", "", "a PolNeAR split: the directory holding text/ and attributions/")
	verbose := flag.Bool("v", false, "print each wrong or missing speaker with its context")
	showFound := flag.Bool("found", false, "print gold quotes not found and extra quotes")
	showPron := flag.Bool("pron", false, "print each pronoun source resolved wrong or missing, with its context")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "usage: evalquotes -data DIR [-v] [-found]")
		os.Exit(2)
	}
	if strings.Contains(*data, "/test") {
		fmt.Fprintln(os.Stderr, "evalquotes: the test split is held out")
		os.Exit(2)
	}
	arts, err := loadArticles(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalquotes:", err)
		os.Exit(1)
	}
	var s score
	for _, a := range arts {
		evalArticle(a, &s, opts{*verbose, *showFound, *showPron})
	}
	pct := func(n, d int) string { return fmt.Sprintf("%5.1f%%", 100*float64(n)/float64(max(d, 1))) }
	fmt.Printf("articles %d, gold quotes %d, byline quotes %d\n", len(arts), s.gold, s.bylineQuotes)
	fmt.Printf("found    %s (%d)   exact text %s (%d)\n", pct(s.found, s.gold), s.found, pct(s.exact, s.gold), s.exact)
	fmt.Printf("named speakers %d: right %s (%d)  wrong %s (%d)  missing %s (%d)\n",
		s.named, pct(s.right, s.named), s.right, pct(s.wrong, s.named), s.wrong, pct(s.missing, s.named), s.missing)
	fmt.Printf("pronoun sources %d: resolved right %d, wrong %d, missing %d\n", s.pronoun, s.pronRight, s.pronWrong, s.pronMissing)
	fmt.Printf("extras (byline quotes in no annotated content) %d\n", s.extras)
}

// opts says what evalArticle prints.
type opts struct{ verbose, found, pron bool }

func evalArticle(a article, s *score, o opts) {
	verbose, showFound := o.verbose, o.found
	gold := goldQuotes(a)
	got := quote.FindQuotes(a.text)
	s.gold += len(gold)
	s.bylineQuotes += len(got)
	for _, g := range gold {
		q, exact, ok := match(g, got)
		if !ok {
			if showFound {
				fmt.Printf("NOT FOUND %s: %s\n\n", a.name, context(a.text, g.inner))
			}
			continue
		}
		s.found++
		if exact {
			s.exact++
		}
		switch {
		case named(g.source):
			s.named++
			switch {
			case q.Speaker == "":
				s.missing++
			case sameSpeaker(q.Speaker, g.source):
				s.right++
				continue
			default:
				s.wrong++
			}
			if verbose {
				fmt.Printf("%s %s: gold %q, byline %q\n  %s\n\n", verdict(q.Speaker), a.name, g.source, q.Speaker, context(a.text, g.inner))
			}
		case pronoun(g.source):
			s.pronoun++
			ante := antecedent(a, g)
			switch {
			case q.Speaker == "":
				s.pronMissing++
			case ante != "" && sameSpeaker(q.Speaker, ante):
				s.pronRight++
				continue
			default:
				s.pronWrong++
			}
			if o.pron {
				fmt.Printf("PRON %s %s: gold %q → %q, byline %q\n  %s\n\n", verdict(q.Speaker), a.name, g.source, ante, q.Speaker, context(a.text, g.inner))
			}
		}
	}
	for _, q := range got {
		if !inAnyContent(a, q) {
			s.extras++
			if showFound {
				fmt.Printf("EXTRA %s: [%s] %s\n\n", a.name, q.Speaker, context(a.text, span{q.Start, q.End}))
			}
		}
	}
}

func verdict(speaker string) string {
	if speaker == "" {
		return "MISSING"
	}
	return "WRONG"
}

// match finds byline's quote for g.
func match(g goldQuote, got []model.Quote) (model.Quote, bool, bool) {
	want := norm(g.text)
	for _, q := range got {
		if norm(q.Text) == want {
			return q, true, true
		}
	}
	for _, q := range got {
		ov := min(q.End, g.inner.end) - max(q.Start, g.inner.start)
		longer := max(q.End-q.Start, g.inner.end-g.inner.start)
		if ov > 0 && float64(ov) >= 0.9*float64(longer) {
			return q, false, true
		}
	}
	return model.Quote{}, false, false
}

// norm is a quote's text without its marks, its spaces made single and
// punctuation and spaces trimmed from its ends.
func norm(s string) string {
	s = strings.NewReplacer("“", " ", "”", " ", `"`, " ").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// inAnyContent says whether q overlaps the Content of any attribution.
func inAnyContent(a article, q model.Quote) bool {
	for _, at := range a.attrs {
		for _, c := range at.content {
			if q.Start < c.end+3 && q.End > c.start-3 {
				return true
			}
		}
	}
	return false
}

// context is the text around sp: ~200 characters before it, the quote
// (cut in the middle when long) in [brackets], ~100 after.
func context(text string, sp span) string {
	from, to := back(text, sp.start, 200), fwd(text, sp.end, 100)
	inner := text[sp.start:sp.end]
	if len(inner) > 240 {
		inner = inner[:back(inner, 100, 0)] + " … " + inner[fwd(inner, len(inner)-100, 0):]
	}
	out := text[from:sp.start] + "[" + inner + "]" + text[sp.end:to]
	return strings.Join(strings.Fields(out), " ")
}

func back(s string, i, n int) int {
	i = max(i-n, 0)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

func fwd(s string, i, n int) int {
	i = min(i+n, len(s))
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
