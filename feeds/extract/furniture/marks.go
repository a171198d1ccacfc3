package furniture

import (
	"regexp"
	"strings"
	"unicode"
)

// Marked furniture: short units recognised by a marker of their own
// rather than by the trigger word they start with — a photo credit with
// no caption, a page tool's label, a gallery counter, a reading time, a
// timestamp line, a copyright or affiliate notice, a video player's
// fallback, a print-edition footer, an all-capitals headline that links to
// another story.

// maxMarkedWords bounds the units the marker rules look at.
const (
	maxMarkedWords = 40
	maxMarkedBytes = 1200
)

// classifyMarked says whether one unit is marked furniture. raw is the
// unit's markdown, text its plain words and urls its links.
func classifyMarked(raw, text string, urls []string) furniture {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > maxMarkedWords || strings.Contains(raw, "[Image:") {
		return notFurniture
	}
	switch {
	case isCaptionLabel(text), isCredit(raw, text, words), isToolbar(words), isTimestamp(text, words),
		rxCounter.MatchString(text), rxReadingTime.MatchString(text),
		isNotice(text), rxPlayerFallback.MatchString(text),
		rxPrintEdition.MatchString(text), isTaxonomy(text),
		isCapsHeadlineLink(raw, text, urls):
		return removable
	}
	return notFurniture
}

// isItalicLine reports a line in emphasis from end to end: the captions
// and credits extraction sets under their image, which stay (a credit is
// taken out only when it stands as a paragraph of the text).
func isItalicLine(raw string) bool {
	t := strings.TrimSpace(raw)
	return len(t) > 2 && (t[0] == '_' || t[0] == '*' && t[1] != '*') && t[len(t)-1] == t[0]
}

var (
	// rxCounter: a gallery counter ("1 of 4", "1/5", "14 Photos"), a
	// gallery title with its count, or a bare price ("from $610.00").
	rxCounter = regexp.MustCompile(`(?i)^(\d{1,3} ?(of|/) ?\d{1,3}|\d{1,3} (photos?|images|pictures|slides)|(photo|image|slide) \d{1,3} ?(of|/) ?\d{1,3}|(gallery|photos|slideshow|in pictures)\b[^.!?]{0,80}\| \d{1,3} (photos|images|pictures)|(from|only|now|just|was|price:?) ?[$£€¥] ?\d[\d,]*(\.\d\d)?|[$£€¥] ?\d[\d,]*(\.\d\d)?)$`)
	// rxReadingTime: "5 min read", "Reading time: 3 minutes" and the like
	// in a few languages.
	rxReadingTime = regexp.MustCompile(`(?i)^(\d{1,3}[ -]?(min|mins|minutes?|minute)\.?( read| reading)?|(estimated )?reading time:? ?(about )?\d{1,3} ?(min|mins|minutes?)\.?|tempo de leitura:? ?\d{1,3} ?(min|minutos?)|tiempo de lectura:? ?\d{1,3} ?(min|minutos?)|temps de lecture ?:? ?\d{1,3} ?(min|minutes?)|lesezeit:? ?(ca\. )?\d{1,3} ?(min|minuten?)|tempo di lettura:? ?\d{1,3} ?(min|minuti|minuto))$`)
	// rxPlayerFallback: what a video or audio player says when it cannot
	// play.
	rxPlayerFallback = regexp.MustCompile(`(?i)^(media playback is (unsupported|not supported) on your device|your browser does not support (the )?(html5 )?(video|audio)( tag| element| playback)?|this video (is (no longer|not|un)available|has been removed)|(please )?enable javascript to (view|watch|play)[^.]{0,40})[.!]?$`)
	// rxPrintEdition: the print-edition footer of a newspaper's site.
	rxPrintEdition = regexp.MustCompile(`(?i)^an? (version|earlier version) of this (article|story|review|column) (appears|appeared|was published) in print\b`)
	// rxCaptionLabel: a caption toggle's words left as text.
	rxCaptionLabel = regexp.MustCompile(`(?i)^((image|photo|media|video) caption|caption close|close caption|hide caption|show caption|toggle caption|expand|enlarge( this)?( image| photo)?|view (photo|image|gallery|slideshow)|(image|photo) \d{1,3} of \d{1,3})$`)
)

func isCaptionLabel(text string) bool {
	return rxCaptionLabel.MatchString(strings.TrimRight(text, ".:…"))
}

// toolWords are the labels of an article's toolbar: print, reprints, text
// size, save, listen….
var toolWords = wordSet("print article story order reprints reprint text size font save saved bookmark " +
	"listen audio today's todays paper subscribe gift share email comments comment copy link " +
	"view photo photos gallery close enlarge full screen fullscreen a+ a- aa | · • –")

// isToolbar reports a short run of toolbar labels ("Order Reprints | Today's
// Paper | Subscribe", "Text size", "Print Article"), or a lone "By".
func isToolbar(words []string) bool {
	if len(words) == 1 && strings.EqualFold(strings.Trim(words[0], ":"), "by") {
		return true
	}
	if len(words) < 2 || len(words) > 10 {
		return false
	}
	tools := 0
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,:;()"))
		switch {
		case lw == "" || toolWords[lw] && len(lw) == 1:
		case toolWords[lw]:
			tools++
		default:
			return false
		}
	}
	// Two labels at least, and one that is only ever a tool's.
	return tools >= 2 && rxToolCore.MatchString(strings.ToLower(strings.Join(words, " ")))
}

var rxToolCore = regexp.MustCompile(`\b(reprints?|text size|font size|print (article|story)|today'?s paper|view (photo|gallery)|full ?screen|save (article|story))\b`)

// agencies are the names photo credits end with: news and picture
// agencies. A credit names a photographer and one of them, or only one.
var rxAgency = regexp.MustCompile(`(?i)(^|[\s/|,;(—–-])(ap|ap photo|associated press|reuters|afp|getty|getty images|epa|epa-efe|efe|shutterstock|istock|istockphoto|alamy|pa|pa images|pa wire|pa media|rex|rex features|rex/shutterstock|aap|xinhua|dpa|anp|ansa|nurphoto|sopa images|science photo library|corbis|imago|zuma|zuma press|abaca|bloomberg|wireimage|filmmagic|unsplash|pexels|pixabay|handout|file|file photo|pool|contributor|ap file|reuters file)[\s)]*$`)

// rxCreditStart: the words a credit line may start with.
var rxCreditStart = regexp.MustCompile(`(?i)^(\(?(©|\(c\)|copyright ©?)|(photo|photos|photograph|picture|image|images)( credit)?( by|:)|credit:?|image copyright|picture copyright|getty images)`)

// isCredit reports a photo credit standing alone, with no caption: a
// name or two and an agency ("John Locher, AP", "Sakib Ali/Hindustan
// Times/Getty Images"), or a line that opens with "Photo:" or "©" and is
// only names.
func isCredit(raw, text string, words []string) bool {
	if len(words) > 10 || strings.ContainsAny(text, "“”\"?!") || strings.HasPrefix(raw, "#") || isListItem(raw) ||
		isItalicLine(raw) {
		return false
	}
	t := strings.TrimSpace(strings.Trim(text, "()[] "))
	if strings.HasSuffix(t, ".") && !rxAgency.MatchString(t) {
		return false
	}
	if m := rxAgency.FindStringSubmatch(t); m != nil {
		// A word that is an agency only after a name: "…/Pool", "…, File".
		if weakAgencies[strings.ToLower(m[2])] && (m[1] == "" || m[1] == " ") {
			return false
		}
	} else if !rxCreditStart.MatchString(t) {
		return false
	}
	return namesOnly(t)
}

var weakAgencies = wordSet("file pool handout contributor bloomberg pa rex efe ansa anp imago zuma abaca")

// namesOnly reports text whose words are names: each starts with a
// capital or a digit, or is one of the small words names and credits
// use.
func namesOnly(t string) bool {
	for _, w := range strings.FieldsFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("/|,;()—–", r)
	}) {
		w = strings.Trim(w, ".:-'’")
		if w == "" || creditSmall[strings.ToLower(w)] {
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '©' {
			return false
		}
	}
	return true
}

var creditSmall = wordSet("via for and of the de da van von der du la le y e by photo photos photograph image images courtesy file credit copyright c")

func isListItem(raw string) bool {
	_, ok := listMarker(strings.TrimSpace(raw))
	return ok
}

// rxTimestamp: a line that is only when the article was published or
// updated ("Updated at 1:23 p.m.", "Published Monday, Nov. 18, 2019").
var (
	rxTimestampStart = regexp.MustCompile(`(?i)^((last )?(updated|modified|published|posted|first published)( on| at)?:?|(mon|tues|wednes|thurs|fri|satur|sun)day\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)`)
	// rxTimestampMark: what a bare date lacks — a label, a time, a weekday.
	rxTimestampMark = regexp.MustCompile(`(?i)\b(updated|modified|published|posted)\b|\d:\d\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b`)
	rxTimestampWord = regexp.MustCompile(`(?i)^(\d{1,4}(st|nd|rd|th)?|\d{1,2}:\d\d(:\d\d)?([ap]m)?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[ap]\.?m\.?|(last )?updated|modified|published|posted|first|last|on|at|by|and|(mon|tues|wednes|thurs|fri|satur|sun)day|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?|january|february|march|april|june|july|august|september|october|november|december|[ecmp][sd]t|et|gmt|utc|bst|cet|cest|ist|aest|hours?|minutes?|ago|today|yesterday|\|)$`)
)

// isTimestamp reports a line that is only a publication or update time.
func isTimestamp(text string, words []string) bool {
	if len(words) > 14 || !rxTimestampStart.MatchString(text) || !rxTimestampMark.MatchString(text) {
		return false
	}
	digits := false
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' }) {
		w = strings.TrimRight(w, ":.")
		// "2019Updated:" — two fields the page's markup had apart.
		for _, part := range rxGlued.FindAllString(w, -1) {
			if !rxTimestampWord.MatchString(part) {
				return false
			}
		}
		digits = digits || strings.ContainsAny(w, "0123456789")
	}
	return digits
}

var rxGlued = regexp.MustCompile(`\d+(st|nd|rd|th)?(:\d\d)*|[^\d]+`)

// rxAffiliate: an affiliate-link disclosure.
var rxAffiliate = regexp.MustCompile(`(?i)\b(contains? affiliate links?|affiliate (and|or|and/or) referral links|(we|i) (may )?(earn|receive) (a )?(small )?(commission|fee)|as an amazon associate)\b`)

// isNotice reports an affiliate disclosure of at most a few sentences,
// with no quotation in it. (A copyright line is left: the benchmark's
// truth keeps it as often as not.)
func isNotice(text string) bool {
	if strings.ContainsAny(text, "“”\"") || len(strings.Fields(text)) > 30 {
		return false
	}
	return rxAffiliate.MatchString(text)
}

// rxTaxonomy: a "Filed under:" or "Tags:" line with its terms.
var rxTaxonomy = regexp.MustCompile(`(?i)^(filed under|tags|tagged|tagged with|categories|category|topics|posted in|more on)\s*:?\s+(.+)$`)

// isTaxonomy reports a line of tags or categories: a label, then terms
// with no sentence among them.
func isTaxonomy(text string) bool {
	m := rxTaxonomy.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	terms := strings.TrimRight(m[2], " |,·•")
	n := len(strings.Fields(terms))
	label := strings.ToLower(m[1])
	if strings.ContainsAny(terms, ".!?“”\"") || n > 60 {
		return false
	}
	// Without a colon the label must be followed by a list, not a clause.
	colon := strings.HasPrefix(strings.TrimSpace(text[len(m[1]):]), ":")
	return colon || strings.Count(terms, ",")+strings.Count(terms, "|") >= 2 && label != "more on" && label != "posted in"
}

// isCapsHeadlineLink reports a unit that is one link, set in capitals:
// the headline of another story set between an article's paragraphs.
func isCapsHeadlineLink(raw, text string, urls []string) bool {
	if len(urls) != 1 || len(strings.Fields(text)) < 3 {
		return false
	}
	r := strings.Trim(cutBlockMarks(strings.TrimSpace(raw)), "*_ ")
	if !rxLinkOnly.MatchString(r) {
		return false
	}
	upper, lower := 0, 0
	for _, c := range text {
		switch {
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLower(c):
			lower++
		}
	}
	return upper >= 8 && lower*10 <= upper
}
