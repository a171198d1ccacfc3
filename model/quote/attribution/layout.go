package attribution

import (
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// Layout: lines that are headlines rather than prose.
//
// A line whose words are nearly all capitalised ("Rubio Says Abandoning
// Reform Was A Sign Of Leadership", "Clinton Tells Voters “…”") is a
// headline: its capitalised speech verbs are verbs (Says, Said, Tells),
// and when no punctuation ends it and it holds no quote (not “…” ―
// Name), it ends a sentence there, so that the line after it ("Marco
// Rubio defended …") opens one of its own and no name runs across the
// two. A poll roundup's line "HEADLINE – Name: “…”"
// names whoever stands between the dash and the colon (clauseSubject).

// attrTitleSmall are the short words a title-case line leaves in lower
// case.
var attrTitleSmall = lexicon.Set(`a an the of to in on for and or but at by with from as is vs. via`)

// attrReadHeadlines applies the layout rules above to the tokens of a
// block of md.
func attrReadHeadlines(md string, toks []attrTok) []attrTok {
	if len(toks) == 0 || (len(toks) > 40 && strings.IndexByte(md[toks[0].start:toks[len(toks)-1].end], '\n') < 0) {
		return toks // one long line: prose
	}
	var out []attrTok
	for s := 0; s < len(toks); {
		e := s + 1
		for e < len(toks) && !strings.Contains(md[toks[e-1].end:toks[e].start], "\n") {
			e++
		}
		if attrTitleLine(toks[s:e]) {
			if out == nil {
				out = append(make([]attrTok, 0, len(toks)+4), toks[:s]...)
			}
			for _, t := range toks[s:e] {
				if t.kind == attrWord && t.upper && attrSayVerbs[t.low] {
					t.upper = false // Says, Tells
				}
				out = append(out, t)
			}
			if last := toks[e-1]; e < len(toks) && last.kind == attrWord && !attrHoldsQuote(toks[s:e]) {
				out = append(out, attrTok{start: last.end, end: last.end, kind: attrPunct, low: "."})
			}
		} else if out != nil {
			out = append(out, toks[s:e]...)
		}
		s = e
	}
	if out == nil {
		return toks
	}
	return out
}

// attrTitleLine reports a line of three words or more outside quotes (two
// beside a quote: Rubio Says “…”), all capitalised but for short function
// words.
func attrTitleLine(line []attrTok) bool {
	words, caps, quoted := 0, 0, false
	for _, t := range line {
		if t.kind != attrWord {
			quoted = quoted || t.kind == attrQuote
			continue
		}
		words++
		if t.upper {
			caps++
		} else if !attrTitleSmall[t.low] {
			return false
		}
	}
	return (words >= 3 || (words == 2 && quoted)) && words <= 20 && caps*4 >= words*3
}

// attrDashName reads the name between a dash and the colon at toks[hi]
// that ends a roundup's headline ("VOTERS CARE MORE – Frank Newport:"):
// capitalised words, "and" and name particles only. A name alone before
// the colon that opens its paragraph (Clinton: “…”) is also one.
func attrDashName(toks []attrTok, lo, hi int) (attrFind, bool) {
	if lo == 0 && hi > 0 && hi <= 3 && attrAllUpper(toks[:hi]) {
		return attrFind{kind: attrNamed, toks: toks, from: 0, to: hi}, true
	}
	for k := hi - 1; k >= lo && hi-k <= 8; k-- {
		t := toks[k]
		switch {
		case attrIsPunct(t, "—–-"):
			if hi-k >= 3 && toks[hi-1].upper {
				return attrFind{kind: attrNamed, toks: toks, from: k + 1, to: hi}, true
			}
			return attrFind{}, false
		case t.kind != attrWord || !(t.upper || t.low == "and" || NameParticle(t.low)):
			return attrFind{}, false
		}
	}
	return attrFind{}, false
}

// attrHoldsQuote reports a quote among toks: a line that is a quote and
// its signature (“…” ― Name), not a headline.
func attrHoldsQuote(toks []attrTok) bool {
	for _, t := range toks {
		if t.kind == attrQuote {
			return true
		}
	}
	return false
}

// attrAllUpper reports capitalised words only.
func attrAllUpper(toks []attrTok) bool {
	for _, t := range toks {
		if t.kind != attrWord || !t.upper {
			return false
		}
	}
	return true
}

// pairedName is the person named after "and" at st[j] when the subject
// is two people (Tom Baker and Mike Dunn), or "".
func (a *attributor) pairedName(st []attrTok, j int) string {
	if j+2 >= len(st) || st[j].low != "and" || !st[j+1].upper || st[j+1].kind != attrWord {
		return ""
	}
	e := attrCapRun(st, j+1)
	if e >= len(st) || st[e].kind != attrWord || st[e].upper || attrPossessive(st[e-1].low) {
		return "" // not the subject's end: "Tom and Jerry's", "Baker and Dunn, who"
	}
	name := a.speakerOf(st, j+1, e)
	if attrRefKind(name) != 0 || lexicon.Place(name) {
		return ""
	}
	return name
}

// rememberClauseSubjects remembers the person a clause after ", but" or
// ", and" opens with (The moderators were ready to move on, but Christie
// wasn't having it): as recent a subject as a sentence's. The subject of
// a subordinate clause after the main one (…, after the novelist Jo
// Walton explained them) is remembered where the sentence starts, less
// recent than the main clause's subject.
func (a *attributor) rememberClauseSubjects(n *attrNames, st []attrTok) {
	for k := 1; k+2 < len(st); k++ {
		sub := attrClauseOpeners[st[k].low] && st[k+1].kind == attrWord && (st[k+1].upper || attrDeterminers[st[k+1].low])
		if !attrIsPunct(st[k-1], ",;") || (st[k].low != "but" && st[k].low != "and" && !sub) || st[k+1].kind != attrWord || !st[k+1].upper && !sub {
			continue
		}
		if m, ok := a.subjectMention(n, st, k+1); ok && !m.org && (m.person || n.person[m.name] || a.genderOf(m.name) != 0) {
			if sub {
				m.pos = st[0].start
			}
			n.mentions = append(n.mentions, m)
		}
	}
}
