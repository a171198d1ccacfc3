package attribution

import "github.com/byline-reader/byline/model/quote/attribution/lexicon"

// Phrasal speech verbs: a verb and its particle that together report
// speech ("shot back", "fired back", "chimed in", "weighed in", "spoke
// out", "summed up", "pointed out", "went on") are read as one speech verb
// of the same tense, so the rules for "said" apply to them. "Went on" and
// "goes on" report speech only where the words stop after them (“…,” Trump
// went on. / Trump went on: “…”), never before a clause (went on to win).

// attrPhrasals maps a verb and its particle to the speech verb they read as.
var attrPhrasals = map[string]string{
	"shot back": "retorted", "shoots back": "says", "fired back": "retorted", "fires back": "says",
	"firing back": "saying", "hit back": "retorted", "hits back": "says", "chimed in": "said",
	"chimes in": "says", "chiming in": "saying", "weighed in": "said", "weighs in": "says",
	"weighing in": "saying", "spoke out": "said", "speaks out": "says", "speaking out": "saying",
	"summed up": "said", "sums up": "says", "summing up": "saying", "pointed out": "noted",
	"points out": "notes", "pointing out": "noting", "went on": "continued", "goes on": "continues",
	"cut in": "said", "piped up": "said", "broke in": "said",
}

// attrOnlyBeforeStop are phrasals that report speech only when no word
// follows them.
var attrOnlyBeforeStop = lexicon.Set(`went goes`)

// attrJoinPhrasals merges each phrasal speech verb of toks into one token
// spanning both words.
func attrJoinPhrasals(toks []attrTok) []attrTok {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == attrWord && !t.upper && i+1 < len(toks) && toks[i+1].kind == attrWord {
			if en, ok := attrPhrasals[t.low+" "+toks[i+1].low]; ok && (!attrOnlyBeforeStop[t.low] || i+2 >= len(toks) || toks[i+2].kind != attrWord) {
				t.end, t.low = toks[i+1].end, en
				i++
			}
		}
		out = append(out, t)
	}
	return out
}
