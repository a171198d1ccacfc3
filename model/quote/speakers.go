package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote/attribution"
)

// A speaker label ("— Vladimir Putin") follows the sentence that holds a
// quote, after its closing punctuation, so that the sentence reads as
// written; a sentence with quotes of two speakers gets one label naming
// both ("— A; B"). A sentence that names the speaker itself (Putin said,
// the Foreign Ministry said that) gets none: the label would only repeat
// it. Who said a quote in focus is in the status line either way.

// Label is a speaker label and the byte of the body it follows.
type Label struct {
	Pos  int
	Text string
}

// SpeakerLabels places the labels for quotes (in the body's order) in the
// body split into sentences, in the order of their positions.
func SpeakerLabels(body string, quotes []model.Quote, sentences []model.Span) []Label {
	var out []Label
	names := map[int][]string{} // by position: the speakers to name there
	for i, q := range quotes {
		name := strings.Join(strings.Fields(q.Speaker), " ") // a name wrapped over lines reads as one
		if name == "" || q.Start < 0 || q.End > len(body) || q.Start >= q.End {
			continue
		}
		pos, from := quoteLabelAt(body, quotes, sentences, i)
		if namesSpeaker(textOutsideQuotes(body, quotes, from, pos), name) {
			continue
		}
		if _, ok := names[pos]; !ok {
			out = append(out, Label{Pos: pos})
		}
		if !slices.Contains(names[pos], name) {
			names[pos] = append(names[pos], name)
		}
	}
	esc := labelEscaper()
	for i := range out {
		out[i].Text = speakerLabel(esc, names[out[i].Pos])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out
}

// quoteLabelAt is where quote i's label goes, the end of the sentence it
// closes in (or, when that sentence ends inside a later quote, of the one
// that quote closes in), and where the text that may name its speaker
// starts: the sentence it opens in. A quote outside the sentences (in a
// heading or a table) is labelled right after its closing mark and looks
// for the name on its own line.
func quoteLabelAt(body string, quotes []model.Quote, sentences []model.Span, i int) (pos, from int) {
	q := quotes[i]
	e := sentenceAt(sentences, q.End-1)
	if e < 0 {
		from = strings.LastIndexByte(body[:q.Start], '\n') + 1
		return LabelAt(body, q.End), from
	}
	from = sentences[e].Start
	if b := sentenceAt(sentences, q.Start); b >= 0 {
		from = sentences[b].Start
	}
	for j := i + 1; j < len(quotes) && quotes[j].Start < sentences[e].End; j++ {
		if quotes[j].End > sentences[e].End {
			next := sentenceAt(sentences, quotes[j].End-1)
			if next < 0 {
				break
			}
			e = next
		}
	}
	return sentences[e].End, from
}

// sentenceAt is the sentence holding byte p, or -1.
func sentenceAt(sentences []model.Span, p int) int {
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > p })
	if i < len(sentences) && sentences[i].Start <= p {
		return i
	}
	return -1
}

// textOutsideQuotes is body[from:to] less the quotes in it: a quote that
// mentions its speaker does not name who says it.
func textOutsideQuotes(body string, quotes []model.Quote, from, to int) string {
	var b strings.Builder
	i := sort.Search(len(quotes), func(i int) bool { return quotes[i].End > from })
	for p := from; ; i++ {
		if i >= len(quotes) || quotes[i].Start >= to {
			b.WriteString(body[p:to])
			return b.String()
		}
		if s := max(quotes[i].Start, p); s > p {
			b.WriteString(body[p:s])
		}
		b.WriteByte(' ')
		p = max(p, min(quotes[i].End, to))
	}
}

// namesSpeaker says whether text names the speaker: by surname for a
// person, by the whole name for anyone else (South Korea’s Foreign
// Ministry), whatever the case.
func namesSpeaker(text, speaker string) bool {
	return containsWord(foldName(text), foldName(speakerKey(speaker)))
}

// speakerKey is what names a speaker: a person's surname, else the name.
func speakerKey(name string) string {
	words := strings.Fields(name)
	for len(words) > 2 && nameSuffix(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if !personName(words) {
		return name
	}
	return words[len(words)-1]
}

// personName says whether words look like a person's name: two to five
// capitalised words (and particles such as von or de), no possessive, and
// none of the words that name a body (Ministry, Council, leader).
func personName(words []string) bool {
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’") || strings.HasSuffix(w, "'"):
			return false
		case i > 0 && i < len(words)-1 && attribution.NameParticle(w):
		case !unicode.IsUpper(r), bodyWord(w):
			return false
		}
	}
	return true
}

func nameSuffix(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Jr", "Sr", "II", "III", "IV":
		return true
	}
	return false
}

// bodyWord is a word that makes a name an organisation's.
func bodyWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,")) {
	case "ministry", "council", "department", "office", "government", "agency", "committee", "commission",
		"police", "court", "army", "navy", "party", "union", "bank", "company", "group", "association",
		"institute", "university", "service", "services", "authority", "administration", "embassy",
		"parliament", "senate", "congress", "board", "foundation", "organization", "organisation", "center",
		"centre", "corporation", "inc", "corp", "ltd", "force", "forces", "command", "house", "kremlin",
		"pentagon", "bureau", "federation", "assembly", "cabinet", "league", "fund", "guard", "nations",
		"states", "times", "news", "network", "press", "media", "airlines", "hospital", "school":
		return true
	}
	return false
}

// foldName lower-cases s, makes its apostrophes straight and its spaces
// single, so names match however they were typed or wrapped.
func foldName(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(s), "’", "'")), " ")
}

// containsWord says whether word occurs in s between non-letters.
func containsWord(s, word string) bool {
	if word == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(word):])
		if !quoteWordRune(before) && !quoteWordRune(after) {
			return true
		}
		from = i + 1
	}
}

// speakerLabel is the text drawn after a sentence: " — A; B", each name
// held together by no-break spaces and escaped so it stays text.
func speakerLabel(esc *strings.Replacer, names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = esc.Replace(n)
	}
	return " —\u00a0" + strings.Join(parts, "; ")
}

// labelEscaper escapes markdown in a name and joins its words.
func labelEscaper() *strings.Replacer {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
		"`", "\\`", "#", `\#`, "|", `\|`, "~", `\~`, " ", "\u00a0")
}

// LabelAt is right after a quote's closing mark and any emphasis that
// closes with it: where the label of a quote outside the sentences goes.
func LabelAt(body string, end int) int {
	p := min(max(end, 0), len(body))
	if r, n := utf8.DecodeRuneInString(body[p:]); n > 0 && strings.ContainsRune("”\"’'»«“„‘‹›", r) {
		p += n
	}
	for p < len(body) && strings.IndexByte("*_~", body[p]) >= 0 {
		p++
	}
	return p
}
