package furniture

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model/markdown"
)

// classify says which furniture, if any, the lines of one unit are.
func classify(lines []string) furniture {
	raw := strings.TrimSpace(strings.Join(lines, " "))
	var text string
	var urls []string
	if len(raw) <= maxMarkedBytes {
		text, urls = plainText(raw)
		if k := classifyMarked(raw, text, urls); k != notFurniture {
			return k
		}
	}
	if !mayBeFurniture(raw) {
		return notFurniture
	}
	if len(raw) > maxMarkedBytes {
		text, urls = plainText(raw) // not read for the marked rules
	}
	words := strings.Fields(text)
	if len(words) == 0 {
		if allShareURLs(urls) {
			return removable
		}
		return notFurniture
	}
	if len(words) > 80 {
		return notFurniture
	}
	heading := strings.HasPrefix(raw[markdown.QuoteEnd(raw):], "#")
	switch {
	case rxBareURL.MatchString(text):
		return bareURL
	case rxAdLabel.MatchString(text) && startsUpper(text):
		return removable
	case heading || isLabelOnly(text) || isShortLabel(text):
		if rxRelatedHeading.MatchString(strings.TrimRight(text, ":.…")) {
			if !heading && rxReadMoreOnly.MatchString(text) {
				return removable // "Read more", alone
			}
			return relatedHeading
		}
		if heading {
			if isReadMore(text, len(urls) > 0) && len(urls) > 0 {
				return removable // "### Related post: [A recipe](…)"
			}
			return notFurniture
		}
	}
	if allShareURLs(urls) && len(words) <= 12 || isShareBar(words) || isFollowUs(text, words) ||
		isReadMore(text, len(urls) > 0) || isCallToAction(text) || rxCommentPrompt.MatchString(text) ||
		isCookieNotice(text, words) {
		return removable
	}
	return notFurniture
}

// triggers are the words furniture starts with; a block that starts with
// none of them (and mentions no inbox) is not looked at further.
var triggers = wordSet("advertisement advertisements advertising advert ad ads sponsored paid promoted " +
	"partner anzeige werbung publicité publicidad pubblicità реклама the story article content text " +
	"continue skip share tweet pin sms print copy follow like find join connect subscribe read also " +
	"see related more recommended don't don’t dont do must keep you trending most popular latest top " +
	"editor's editors editor’s what stay sign signup register click tap download get receive never " +
	"support donate become enter want be try unlock start upgrade already not have got send log login " +
	"signin listen watch discover explore learn love loved liked enjoy enjoyed enjoying thanks thank if " +
	"found interested looking http https www facebook twitter x linkedin whatsapp reddit pinterest " +
	"telegram messenger flipboard bluesky threads mastodon tumblr pocket email e-mail mail instagram " +
	"youtube tiktok leave add post write view show comment comments reach contact have need")

// mayBeFurniture is a cheap test run before the full one: furniture is
// short and starts with one of the trigger words.
func mayBeFurniture(raw string) bool {
	if len(raw) > 2000 {
		return false
	}
	start := strings.IndexFunc(raw, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if start < 0 {
		return false
	}
	end := strings.IndexFunc(raw[start:], func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
	first := raw[start:]
	if end >= 0 {
		first = raw[start : start+end]
	}
	return triggers[strings.ToLower(first)] || strings.Contains(raw, "inbox") || strings.Contains(raw, "cookies")
}

// isShortLabel: a line of a few words that does not end a sentence
// ("More Great Stories", "You may also like…").
func isShortLabel(text string) bool {
	t := strings.TrimRight(text, ".…:")
	return len(strings.Fields(t)) <= 6 && !strings.ContainsAny(t, ".!?,;")
}

// isLabelOnly: a short line ending with a colon ("Related:"), or a short
// bold or all-capitals label.
func isLabelOnly(text string) bool {
	return len(strings.Fields(text)) <= 5 && (strings.HasSuffix(text, ":") || text == strings.ToUpper(text))
}

var (
	rxAdLabel        = regexp.MustCompile(`(?i)^((advertisements?|advertising|advert|ads?|sponsored|sponsored (content|posts?|links?|stories)|paid (content|post|partnership)|promoted( content)?|partner content|anzeige|werbung|publicité|publicidad|pubblicità|реклама)(\s*[-–—:|]?\s*(scroll|continue)( down)?( to| reading)?( continue)?( reading)?( (the )?(article|story|content))?( below)?)?|(the )?(story|article|content|text) continues (below|after)( (this|the))?( (advertisement|ad|ads|advert))?|continue reading (below|the main story)|skip (advertisement|ad))[.:…]*$`)
	rxRelatedHeading = regexp.MustCompile(`(?i)^(related|related (articles?|stories|story|coverage|content|posts?|links?|news|reading|topics)( (from|on|in) .{1,40})?|more|more( \S+){0,2} (stories|news|articles|coverage|reads|videos)|more to read|see more|see also|more (from|on|in) .{1,40}|you (may|might) (also )?(like|enjoy|be interested in)|recommended( for you| stories| articles| reading)?|read (more|next)|trending( now| stories| news)?|most (read|popular|viewed)|popular (stories|posts|now)|latest (news|stories|posts|articles)|top stories|editor'?s picks?|also read|don't miss|what to read next|keep reading)$`)
	rxReadMore       = regexp.MustCompile(`(?i)^(read more|read also|also read|see also|also see|related|related (articles?|stories|story|coverage|content|reading|news|posts?|links?)|more|more (from|on) [^:]{1,40}|recommended( reading)?|read next|read this next|don't miss|must read|see more|watch more)\s*:\s*(.+)$`)
	rxReadMoreOnly   = regexp.MustCompile(`(?i)^(read more|continue reading|keep reading|read the full (story|article))[.…!:]*$`)
	rxFollow         = regexp.MustCompile(`^(?i:follow|like|find|join|connect with|subscribe to)( (?i:us|me|him|her|them)| @\w+| [\p{Lu}\p{N}][\p{L}\p{N}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})(?:\s*:|\s+(?i:on|at|via)\b|$)`)
	rxCTAExclaim     = regexp.MustCompile(`^(stay|don't|don’t|dont|do not|never|want|need|like|love|liked|loved|enjoy|enjoyed|enjoying|thanks|thank you|get|join|subscribe|sign up|support|found|have|got|interested|looking)\b`)
	rxCTAVerb        = regexp.MustCompile(`^(subscribe|sign up|sign-up|signup|register|join|click|tap|download|get|receive|stay|don't miss|don’t miss|do not miss|never miss|support|donate|become|enter|want|be the first|try|unlock|start|upgrade|already a subscriber|not a subscriber|have a( news)? tip|got a( news)? tip|send us|sign in|log in|follow|listen|watch|read|discover|explore|find out|learn more|like what you|enjoy(ed)?|love|thanks? for reading|if you (enjoyed|like|liked|value|appreciate))\b`)
	rxCTACore        = regexp.MustCompile(`^(subscribe|sign up|sign-up|signup|register|join|donate|become a (member|subscriber|supporter))\b`)
	rxCTALogin       = regexp.MustCompile(`^(log in|sign in|login|signin|subscribe|sign up|register)\b`)
	rxCTAStrongNoun  = regexp.MustCompile(`\b(newsletters?|inbox|e-?mails?|subscri\w*|sign(ing)? up|alerts?|apps?|membership|members|podcasts?|account|journalism|briefings?|digest|notifications|updates|youtube channel|channel|forums?)\b`)
	rxCTAWeakNoun    = regexp.MustCompile(`\b(here|below|today|now|free)\b`)
	rxPronoun        = regexp.MustCompile(`\b(you|your|our|us|my|the latest)\b`)
	rxCTAContact     = regexp.MustCompile(`^(email|e-mail|contact|reach|write to|tweet at) `)
	rxCTAReached     = regexp.MustCompile(`\b((may|can) be (reached|contacted|emailed)|let us know|write to us|email us) at\b`)
	rxCookies        = regexp.MustCompile(`^(this (web)?site|we) uses? cookies\b`)
	rxCookieWhy      = regexp.MustCompile(`\b(your (browsing )?experience|accept|consent|opt[- ]out|cookie policy|privacy policy|you agree|continuing to (use|browse))\b`)
	rxQuotedTitle    = regexp.MustCompile(`["“]\p{Lu}[^"“”]{0,40}["”]`)
	rxCTAShare       = regexp.MustCompile(`^share (it|this|this (story|article|post)) with (a friend|your friends|friends|others)\b`)
	rxCTADelivered   = regexp.MustCompile(`^get\b.{1,60}\bdelivered (to your|to you|through your|straight to|right to|free|every|each|daily|weekly)\b`)
	rxCTACoverage    = regexp.MustCompile(`^(follow|read|see|get) (our|the|\S+'s|\S+’s) (full |complete |live |latest )?coverage of .{1,80} (at|here|on):?(\s+\S+)?\.?$`)
	rxCTAClickHere   = regexp.MustCompile(`^(click|tap) here\b`)
	rxPrice          = regexp.MustCompile(`[$£€] ?\d`)
	rxCTAThanks      = regexp.MustCompile(`^thanks?( you)? for (reading|subscribing|your support)\b`)
	rxCommentPrompt  = regexp.MustCompile(`(?i)^(leave|add|post|write|view|show|read|see|join) (a |an |the |all |\d+ )?(comments?|replies|reply|discussion|conversation)[.!…]*$|^(\d+ )?comments?$`)
	rxAttribution    = regexp.MustCompile(`\b(said|says|told|according|added|stated|announced|reported|wrote|went|goes|asked|asks|urged|urges|pleaded|insisted|argued|replied|promised|explained|recalled|noted|warned|joked)\b`)
)

// shareWords are the words of a share bar; networks are the names in it.
var (
	shareWords = wordSet("share shares sharing this the post article story page on via print copy link copied tweet pin sms and or it url click to")
	networks   = wordSet("facebook twitter x linkedin whatsapp reddit pinterest telegram messenger flipboard bluesky threads mastodon tumblr pocket email e-mail mail instagram youtube tiktok")
	followFill = wordSet("on and or at via social media for the latest news updates more daily too also us")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isShareBar(words []string) bool {
	if len(words) > 15 {
		return false
	}
	shares, nets := 0, 0
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ".,!:;|·•/()"))
		switch {
		case w == "":
		case w == "share" || w == "tweet":
			shares++
		case networks[w]:
			nets++
		case shareWords[w]:
		default:
			return false
		}
	}
	return shares > 0 || nets >= 2
}

func isFollowUs(text string, words []string) bool {
	if len(words) > 25 {
		return false
	}
	m := rxFollow.FindString(text)
	if m == "" {
		return false
	}
	rest := strings.Fields(text[len(m):])
	found := strings.Contains(m, "@") || len(rest) == 0 && strings.Contains(strings.ToLower(m), " us")
	for i, w := range rest {
		lw := strings.ToLower(strings.Trim(w, ".,!:;|·•/()"))
		switch {
		case lw == "":
		case strings.HasPrefix(lw, "@"), networks[lw]:
			found = true
		case lw == "for" && found && len(rest)-i <= 6:
			return true // "… for the latest business news."
		case followFill[lw]:
		default:
			return false
		}
	}
	return found
}

func isReadMore(text string, hasLink bool) bool {
	if rxReadMoreOnly.MatchString(text) {
		return true
	}
	m := rxReadMore.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	rest := m[len(m)-1]
	n := len(strings.Fields(rest))
	return n <= 25 && (hasLink || n <= 12 || !strings.HasSuffix(rest, "."))
}

// isCallToAction reports a subscribe or newsletter box: every sentence
// asks the reader to do something (or is an exclamation or a URL), and at
// least one is a real request naming a newsletter, an inbox, an app….
func isCallToAction(text string) bool {
	// A title in quotes ("All About Space" magazine) may stand in a
	// call; other quotes are someone's words.
	text = rxQuotedTitle.ReplaceAllStringFunc(text, func(q string) string { return strings.Trim(q, "\"“”") })
	if len(strings.Fields(text)) > 70 || strings.ContainsAny(text, "“”\"") {
		return false
	}
	strong := false
	sentences := splitSentences(text)
	for i, s := range sentences {
		if i > 0 && i == len(sentences)-1 && isCaptionCredit(s) {
			continue // the credit of a promotion's picture
		}
		switch ctaSentence(s) {
		case ctaNone:
			return false
		case ctaStrong:
			strong = true
		}
	}
	return strong
}

type ctaKind int

const (
	ctaNone ctaKind = iota
	ctaWeak
	ctaStrong
)

func ctaSentence(s string) ctaKind {
	l := strings.ToLower(strings.TrimSpace(s))
	n := len(strings.Fields(l))
	switch {
	case rxBareURL.MatchString(strings.TrimRight(l, ".!")):
		return ctaWeak
	case rxAttribution.MatchString(l):
		return ctaNone
	case n <= 25 && (isFollowUs(strings.TrimSpace(s), strings.Fields(s)) || rxCTAContact.MatchString(l) && (strings.Contains(l, "@") || strings.HasSuffix(strings.TrimRight(l, "."), " at"))),
		n <= 12 && rxCTAShare.MatchString(l), n <= 20 && rxCTADelivered.MatchString(l), n <= 20 && rxCTACoverage.MatchString(l):
		return ctaStrong
	case rxCTAVerb.MatchString(l) || strings.Contains(l, "your inbox"):
		if rxCTAStrongNoun.MatchString(l) && n <= 35 && (n <= 8 || rxPronoun.MatchString(l)) ||
			rxCTACore.MatchString(l) && rxCTAWeakNoun.MatchString(l) && n <= 8 {
			return ctaStrong
		}
	}
	if n <= 5 && strings.ContainsAny(l[len(l)-1:], "!?") && rxCTAExclaim.MatchString(l) ||
		n <= 10 && rxCTAThanks.MatchString(l) ||
		n <= 3 && rxCTALogin.MatchString(l) ||
		n <= 8 && (rxCTAClickHere.MatchString(l) || rxPrice.MatchString(l)) ||
		n <= 15 && rxCTAVerb.MatchString(l) && strings.HasSuffix(l, "!") ||
		n <= 20 && rxCTAReached.MatchString(l) && strings.Contains(l, "@") {
		return ctaWeak
	}
	return ctaNone
}

// isCookieNotice reports a site's notice that it sets cookies: "This
// website uses cookies to improve your experience… Accept".
func isCookieNotice(text string, words []string) bool {
	l := strings.ToLower(text)
	return len(words) <= 60 && rxCookies.MatchString(l) && rxCookieWhy.MatchString(l) && !rxAttribution.MatchString(l)
}

// isCaptionCredit reports the credit a caption line ends on, after a
// dash: "— Future plc".
func isCaptionCredit(s string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), "— ")
	n := len(strings.Fields(rest))
	return ok && n >= 1 && n <= 4 && !strings.ContainsAny(rest, ".!?")
}

// splitSentences cuts text after ".", "!" or "?" followed by a space.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if strings.IndexByte(".!?", text[i]) >= 0 && text[i+1] == ' ' {
			out = append(out, text[start:i+1])
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// shareIntents are the URLs of share buttons.
var shareIntents = strings.Fields("facebook.com/sharer facebook.com/share.php twitter.com/intent " +
	"twitter.com/share x.com/intent linkedin.com/sharearticle linkedin.com/share reddit.com/submit " +
	"pinterest.com/pin/create api.whatsapp.com/send wa.me/? whatsapp://send t.me/share telegram.me/share " +
	"bsky.app/intent share.flipboard.com tumblr.com/share getpocket.com/save /share? sharer.php")

// allShareURLs reports links that all go to a share intent or a mailto.
func allShareURLs(urls []string) bool {
	for _, u := range urls {
		l := strings.ToLower(u)
		share := strings.HasPrefix(l, "mailto:")
		for _, s := range shareIntents {
			share = share || strings.Contains(l, s)
		}
		if !share {
			return false
		}
	}
	return len(urls) > 0
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// IsRelatedLabel reports a heading's or a label's text that names a list
// of other stories, in English or in the other languages of
// rxRelatedLabel: "Related stories", "You may also like",
// "Você pode gostar...", "Das könnte Sie auch interessieren". "Read
// more" alone is not one: it shows the rest of an article.
func IsRelatedLabel(text string) bool {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), ":.…!"))
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 6 || !relatedFirstWords[strings.ToLower(words[0])] {
		return false
	}
	if rxReadMoreOnly.MatchString(t) {
		return false // "Read more", a button that shows the rest of the article
	}
	return rxRelatedHeading.MatchString(t) || rxRelatedLabel.MatchString(t)
}

// relatedFirstWords are the first words of rxRelatedHeading's and
// rxRelatedLabel's labels, looked up before those (slow) expressions
// run; keep them in step.
var relatedFirstWords = wordSet("related more see you recommended read trending " +
	"most popular latest top editor's editors also don't what keep " +
	"você veja leia notícias artigos posts vous à lire articles sur " +
	"das könnte mehr weitere verwandte lesen auch también te noticias " +
	"artículos lee leer ti potrebbe articoli leggi gerelateerde lees meer " +
	"relaterade läs relaterte les relaterede læs powiązane czytaj читайте " +
	"похожие 関連記事 相关文章 相关阅读 관련")

// rxRelatedLabel are the labels of related stories in other languages
// than English.
var rxRelatedLabel = regexp.MustCompile(`(?i)^(você (também )?pode (gostar|se interessar)|veja também|leia também|leia mais|notícias relacionadas|artigos relacionados|posts relacionados|vous aimerez aussi|vous pourriez (aussi|également) aimer|à lire aussi|lire aussi|articles (similaires|liés|connexes)|sur le même sujet|das könnte sie auch interessieren|(das )?könnte (sie|dich) auch interessieren|mehr zum thema|weitere artikel|verwandte artikel|lesen sie auch|auch interessant|también te puede interesar|te puede interesar|también te podría interesar|noticias relacionadas|artículos relacionados|lee también|leer más|ti potrebbe interessare|potrebbe interessarti|articoli correlati|leggi anche|gerelateerde artikelen|lees ook|meer nieuws|relaterade artiklar|läs också|relaterte artikler|les også|relaterede artikler|læs også|powiązane artykuły|czytaj także|читайте также|похожие статьи|関連記事|相关文章|相关阅读|관련 기사)$`)
