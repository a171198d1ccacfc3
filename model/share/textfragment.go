package share

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/byline-reader/byline/model"
)

// ErrNoTextFragment says a passage has no text a browser could find (it is
// empty, or lies wholly in markup such as a link target).
var ErrNoTextFragment = errors.New("no text to link to")

// fragTerms are the parts of a text directive, unencoded:
// text=[prefix-,]start[,end][,-suffix].
type fragTerms struct {
	prefix, start, end, suffix string
}

// String writes the directive "text=…" with every term percent-encoded.
func (d fragTerms) String() string {
	var b strings.Builder
	b.WriteString("text=")
	if d.prefix != "" {
		b.WriteString(fragEscape(d.prefix) + "-,")
	}
	b.WriteString(fragEscape(d.start))
	if d.end != "" {
		b.WriteString("," + fragEscape(d.end))
	}
	if d.suffix != "" {
		b.WriteString(",-" + fragEscape(d.suffix))
	}
	return b.String()
}

// fragEscape percent-encodes a term as UTF-8: everything but ASCII letters,
// digits and ._~ is written %XX, so -, ‚ & % # and spaces never stand for
// themselves.
func fragEscape(s string) string {
	return strings.ReplaceAll(shareEscape(s), "-", "%2D")
}

// Limits of the directives byline writes.
const (
	fragExactWords = 8   // a passage this short (in words) ...
	fragExactRunes = 80  // ... and characters is matched whole
	fragExactMax   = 300 // longest passage ever matched whole
	fragContextMax = 5   // words of prefix or suffix
)

// DeepLink is the link to the article's page that opens it at the quote,
// for browsers that support URL text fragments: the clean link (see
// CleanURL), its own fragment kept, then ":~:text=…" naming the quote's
// words. The quote is found by its span in markdown (Quote.Start/End, as
// FindQuotes sets them); a Quote without a usable span (a highlight kept
// as text) is found by its text, first occurrence. The error wraps
// ErrUnsafeURL for a link that cannot be shared and ErrNoTextFragment for
// a quote with no findable text; callers then share the clean link.
func DeepLink(articleURL, markdown string, q model.Quote) (string, error) {
	if fragSpanFits(markdown, q) {
		return DeepLinkSpan(articleURL, markdown, q.Start, q.End)
	}
	link, err := CleanURL(articleURL)
	if err != nil {
		return "", err
	}
	t := fragRender(markdown)
	d, err := fragForText(t, q.Text)
	if err != nil {
		return "", err
	}
	return fragAppend(link, d), nil
}

// DeepLinkSpan is DeepLink for any passage markdown[start:end] (a sentence
// kept as a highlight, say).
func DeepLinkSpan(articleURL, markdown string, start, end int) (string, error) {
	link, err := CleanURL(articleURL)
	if err != nil {
		return "", err
	}
	d, err := TextDirective(markdown, start, end)
	if err != nil {
		return "", err
	}
	return fragAppend(link, d), nil
}

// fragAppend puts the directive in link's fragment, after the fragment it
// has (and in place of a directive it has).
func fragAppend(link, directive string) string {
	base, frag, _ := strings.Cut(link, "#")
	frag, _, _ = strings.Cut(frag, ":~:")
	return base + "#" + frag + ":~:" + directive
}

// fragSpanFits reports that q's span lies in markdown and shows the
// quote's text: its first words, compared as a page shows them (a quote's
// Text is what a reader sees, markdown syntax removed, while its span is
// the markdown's).
func fragSpanFits(markdown string, q model.Quote) bool {
	if q.Start < 0 || q.End <= q.Start || q.End > len(markdown) {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(q.Text), "\n")
	if len(first) > 40 {
		first = first[:40]
	}
	if strings.HasPrefix(markdown[q.Start:], first) {
		return true
	}
	shown := fragWords(fragRender(markdown[q.Start:q.End]).text, 24)
	want := fragWords([]rune(first), 24)
	return want != "" && strings.HasPrefix(shown, want)
}

// fragWords is the first n letters and digits of text, folded.
func fragWords(text []rune, n int) string {
	var b strings.Builder
	for _, r := range text {
		if n == 0 {
			break
		}
		if fragWordRune(r) {
			b.WriteRune(unicode.ToLower(r))
			n--
		}
	}
	return b.String()
}

// TextDirective returns the text directive, "text=…" without the "#:~:"
// before it, that makes a browser highlight the passage markdown[start:end]
// of an article's markdown (or plain text). The browser matches the page's
// rendered text, so the terms are taken from the markdown with its syntax
// removed and its whitespace collapsed. A short passage is named whole;
// a longer one (or one running over several paragraphs) by its first and
// last words. When those words also occur earlier in the article, words
// just before the passage (a prefix) or after it (a suffix) are added
// until a browser following the directive, as the WICG Text Fragments spec
// says, lands on this occurrence. Trailing commas and semicolons are left
// out of the passage. In a text so repetitive that no directive of a few
// words is unambiguous, the best effort is returned.
func TextDirective(markdown string, start, end int) (string, error) {
	if start < 0 || end > len(markdown) || start >= end {
		return "", fmt.Errorf("%w: the passage %d–%d is outside the article", ErrNoTextFragment, start, end)
	}
	t := fragRender(markdown)
	a, b, ok := t.span(start, end)
	if !ok {
		return "", ErrNoTextFragment
	}
	d, _ := fragChoose(t.text, a, b)
	return d.String(), nil
}

// span maps a byte span of the markdown to the rendered runes it became,
// without surrounding space and trailing commas.
func (t *fragText) span(start, end int) (a, b int, ok bool) {
	a = len(t.src)
	for i, s := range t.src {
		if s >= start {
			a = i
			break
		}
	}
	b = a
	for i := a; i < len(t.src) && t.src[i] < end; i++ {
		b = i + 1
	}
	for a < b && (t.text[a] == ' ' || t.text[a] == '\n') {
		a++
	}
	for b > a && strings.ContainsRune(" \n,;", t.text[b-1]) {
		b--
	}
	return a, b, a < b
}

// fragForText builds a directive for a passage known only by its text:
// it is looked for in the rendered article (first occurrence of its first
// block, then of its last block after that, compared as a browser would);
// when it is not there, the terms come from the text alone.
func fragForText(t *fragText, text string) (string, error) {
	q := fragRender(text)
	a, b, ok := q.span(0, len(text))
	if !ok {
		return "", ErrNoTextFragment
	}
	blocks := strings.Split(string(fragFold(q.text[a:b], false)), "\n")
	first, last := []rune(blocks[0]), []rune(blocks[len(blocks)-1])
	m := &fragMatcher{text: t.text, fold: fragFold(t.text, false)}
	if i := m.find(first, 0, false, false); i >= 0 {
		j := i
		if len(blocks) > 1 {
			j = m.find(last, i+len(first), false, false)
		}
		if j >= 0 {
			d, _ := fragChoose(t.text, i, j+len(last))
			return d.String(), nil
		}
	}
	d, _ := fragChoose(q.text, a, b)
	return d.String(), nil
}

// fragForm is a shape of directive: the whole passage, or its first k and
// last m words.
type fragForm struct {
	exact bool
	k, m  int
}

// fragChoose picks the directive for text[a:b]: the first form and
// context, in order of preference, that every matcher variant resolves to
// exactly that range. ok is false when none does and the first form is
// returned as the best effort.
func fragChoose(text []rune, a, b int) (fragTerms, bool) {
	toks := fragTokens(text, a, b)
	forms := fragForms(text, a, b, toks)
	matchers := fragMatchers(text)
	for _, f := range forms {
		for _, c := range fragContexts() {
			d, ok := fragBuild(text, a, b, toks, f, c[0], c[1])
			if ok && fragAllLand(matchers, d, a, b) {
				return d, true
			}
		}
	}
	d, _ := fragBuild(text, a, b, toks, forms[0], 0, 0)
	return d, false
}

// fragAllLand reports that every matcher highlights exactly text[a:b].
func fragAllLand(matchers []*fragMatcher, d fragTerms, a, b int) bool {
	for _, m := range matchers {
		if from, to, ok := m.locate(d); !ok || from != a || to != b {
			return false
		}
	}
	return true
}

// fragContexts lists the (prefix, suffix) word counts tried, fewest first.
func fragContexts() [][2]int {
	out := [][2]int{{0, 0}}
	for c := 1; c <= fragContextMax; c++ {
		out = append(out, [2]int{c, 0}, [2]int{0, c})
	}
	for c := 1; c <= fragContextMax; c++ {
		out = append(out, [2]int{c, c})
	}
	return out
}

// fragTokens splits text[a:b] at whitespace: each token's [start, end)
// and whether a block break precedes it.
type fragToken struct {
	start, end int
	newBlock   bool
}

func fragTokens(text []rune, a, b int) []fragToken {
	var toks []fragToken
	brk := false
	for i := a; i < b; {
		if text[i] == ' ' || text[i] == '\n' {
			brk = brk || text[i] == '\n'
			i++
			continue
		}
		j := i
		for j < b && text[j] != ' ' && text[j] != '\n' {
			j++
		}
		toks = append(toks, fragToken{i, j, brk && len(toks) > 0})
		brk = false
		i = j
	}
	return toks
}

// fragForms lists the directive shapes worth trying for the passage, in
// order of preference; the list is never empty.
func fragForms(text []rune, a, b int, toks []fragToken) []fragForm {
	firstBlock, lastBlock := len(toks), len(toks)
	for i, t := range toks {
		if t.newBlock {
			firstBlock = min(firstBlock, i)
			lastBlock = len(toks) - i
		}
	}
	oneBlock := firstBlock == len(toks)
	var forms []fragForm
	if oneBlock && len(toks) <= fragExactWords && b-a <= fragExactRunes {
		forms = append(forms, fragForm{exact: true})
	}
	for _, n := range []int{3, 4, 5, 6, 8, 10} {
		if n > firstBlock || n > lastBlock || oneBlock && 2*n > len(toks) {
			break
		}
		forms = append(forms, fragForm{k: n, m: n})
	}
	if oneBlock && (len(forms) == 0 || !forms[0].exact && b-a <= fragExactMax) {
		forms = append(forms, fragForm{exact: true}) // also a long run without spaces
	}
	if len(forms) == 0 { // several blocks with fewer than three words at an end
		forms = append(forms, fragForm{k: firstBlock, m: lastBlock})
	}
	return forms
}

// fragBuild makes the terms of one form with p words of prefix and s of
// suffix; ok is false when the passage has not that many words around it.
func fragBuild(text []rune, a, b int, toks []fragToken, f fragForm, p, s int) (fragTerms, bool) {
	var d fragTerms
	if f.exact {
		d.start = string(text[a:b])
	} else {
		d.start = string(text[a:toks[f.k-1].end])
		d.end = string(text[toks[len(toks)-f.m].start:b])
	}
	ok := true
	if p > 0 {
		d.prefix, ok = fragContext(text, a, p, -1)
	}
	if s > 0 && ok {
		d.suffix, ok = fragContext(text, b, s, +1)
	}
	return d, ok
}

// fragContext takes n words of the same block before (dir -1) or after
// (dir +1) position at, without the whitespace next to the passage;
// punctuation standing alone comes along but does not count as a word.
func fragContext(text []rune, at, n, dir int) (string, bool) {
	// next is the rune met going from i in direction dir, '\n' at the ends.
	next := func(i int) rune {
		switch {
		case dir > 0 && i < len(text):
			return text[i]
		case dir < 0 && i > 0:
			return text[i-1]
		}
		return '\n'
	}
	i := at
	for words := 0; words < n; words++ {
		for next(i) == ' ' {
			i += dir
		}
		if next(i) == '\n' {
			return "", false
		}
		word := false
		for r := next(i); r != ' ' && r != '\n'; r = next(i) {
			word = word || fragWordRune(r)
			i += dir
		}
		if !word {
			words-- // a lone quotation mark or dash is no context word
		}
	}
	if dir > 0 {
		return strings.TrimSpace(string(text[at:i])), true
	}
	return strings.TrimSpace(string(text[i:at])), true
}

// ParseTextFragment reads the first text directive of a URL fragment
// ("#:~:text=…", ":~:text=…", "text=…" or a whole URL) into its decoded
// terms; end, prefix and suffix are "" when absent.
func ParseTextFragment(fragment string) (prefix, start, end, suffix string, err error) {
	s := fragment
	if i := strings.Index(s, ":~:"); i >= 0 {
		s = s[i+3:]
	}
	s = strings.TrimPrefix(s, "#")
	var directive string
	for _, part := range strings.Split(s, "&") {
		if strings.HasPrefix(part, "text=") {
			directive = strings.TrimPrefix(part, "text=")
			break
		}
	}
	if directive == "" {
		return "", "", "", "", fmt.Errorf("no text directive in %q", shareShort(fragment))
	}
	parts := strings.Split(directive, ",")
	if len(parts) > 1 && strings.HasSuffix(parts[0], "-") {
		prefix, parts = strings.TrimSuffix(parts[0], "-"), parts[1:]
	}
	if n := len(parts); n > 1 && strings.HasPrefix(parts[n-1], "-") {
		suffix, parts = strings.TrimPrefix(parts[n-1], "-"), parts[:n-1]
	}
	if len(parts) < 1 || len(parts) > 2 {
		return "", "", "", "", fmt.Errorf("malformed text directive %q", shareShort(directive))
	}
	terms := []*string{&prefix, &suffix, &start, &end}
	raw := []string{prefix, suffix, parts[0], ""}
	if len(parts) == 2 {
		raw[3] = parts[1]
	}
	for i, r := range raw {
		v, uerr := url.PathUnescape(r)
		if uerr != nil || strings.ContainsAny(r, "-,&") || i == 2 && v == "" || i == 3 && len(parts) == 2 && v == "" {
			return "", "", "", "", fmt.Errorf("malformed text directive term %q", shareShort(r))
		}
		*terms[i] = v
	}
	return prefix, start, end, suffix, nil
}
