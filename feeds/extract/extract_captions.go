package extract

import (
	"regexp"
	"strings"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A caption, with its photo credit, is an italic line under its image,
// "_A cat on a mat — Jane Doe/AFP_", never a paragraph of the article's
// text. Two passes make it so: before readability, elements whose class
// names a caption or a credit become <figcaption>s marked with what they
// are (readability drops class names, and turns a captioning <div> into a
// paragraph); after conversion, short paragraphs that announce themselves
// as captions or credits in their words ("Image caption …", "Credit: …",
// "Photo: …", "Sam Doe/AFP/Getty Images") become italic lines.

// captionMark is the attribute that carries what a caption element is
// through readability, which keeps data attributes.
const captionMark = "data-byline-caption"

// maxCaption bounds the text of an element taken for a caption.
const maxCaption = 600

// markCaptions turns the elements marked by their class as a caption or a
// credit into <figcaption>s that say which.
func markCaptions(root *html.Node) {
	htmlnode.Walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
			return true
		}
		kind := captionKind(n)
		if kind == "" || htmlnode.Find(n, func(c *html.Node) bool {
			return c.DataAtom == atom.Img || c.DataAtom == atom.Picture || c.DataAtom == atom.Figure
		}) != nil {
			return true
		}
		if t := strings.TrimSpace(boundedText(n, maxCaption+1)); t == "" || len(t) > maxCaption {
			return true
		}
		n.Attr = append(n.Attr, html.Attribute{Key: captionMark, Val: kind})
		// Only a <div> becomes a <figcaption>, as readability would turn it
		// into a <p> without its attributes; other elements keep their tag,
		// so that readability weighs and keeps them as before.
		if n.DataAtom == atom.Div && !insideCaption(n) {
			n.Data, n.DataAtom = "figcaption", atom.Figcaption
		}
		return true
	})
}

// captionKind is "caption" or "credit" when n's class or its own tag
// says it is one.
func captionKind(n *html.Node) string {
	if n.DataAtom == atom.Figcaption {
		return "caption"
	}
	kind := ""
	for _, c := range strings.Fields(strings.ToLower(htmlnode.Attr(n, "class"))) {
		switch {
		case strings.Contains(c, "credit") || c == "copyright" || strings.HasSuffix(c, "-copyright"):
			return "credit"
		case strings.Contains(c, "caption") && !strings.Contains(c, "has") && !strings.Contains(c, "captioned") &&
			!strings.HasPrefix(c, "no"):
			kind = "caption"
		}
	}
	return kind
}

// insideCaption reports an element within a caption already marked.
func insideCaption(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if htmlnode.Attr(p, captionMark) != "" {
			return true
		}
	}
	return false
}

// captionLine writes a caption element as one italic line: its text, then
// its credits after a dash.
func captionLine(n *html.Node) string {
	var caption, credits []string
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch {
			case k.Type == html.TextNode:
				caption = append(caption, k.Data)
			case k.Type == html.ElementNode && htmlnode.Attr(k, captionMark) == "credit" && k != n:
				credits = append(credits, nodeText(k))
			case k.Type == html.ElementNode && !ariaHidden(k):
				if k.DataAtom == atom.Br || k.DataAtom == atom.P || k.DataAtom == atom.Div {
					caption = append(caption, " ")
				}
				walk(k)
			}
		}
	}
	walk(n)
	text := cleanAlt(strings.Join(caption, " "))
	if htmlnode.Attr(n, captionMark) == "credit" {
		text, credits = "", []string{text}
	} else if c, credit, ok := captionOf(text); ok && len(credits) == 0 {
		text, credits = c, []string{credit}
	} else if loc := rxBracketCredit.FindStringSubmatchIndex(text); loc != nil && len(credits) == 0 {
		text, credits = strings.TrimSpace(text[:loc[0]]), []string{text[loc[2]:loc[3]]}
	}
	return italicLine(text, strings.Join(nonEmpty(credits), ", "))
}

// italicLine joins a caption and its credit, "caption — credit", in
// emphasis marks.
func italicLine(caption, credit string) string {
	caption = withoutCounter(onceOnly(strings.TrimSpace(caption)))
	credit = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(credit), ":.…,"))
	if strings.HasPrefix(credit, "(") && strings.HasSuffix(credit, ")") {
		credit = strings.TrimSpace(credit[1 : len(credit)-1]) // "(Image credit: X)"
	}
	for _, rx := range []*regexp.Regexp{rxCreditLabel, rxCreditWord} {
		if loc := rx.FindStringIndex(credit); loc != nil && loc[1] < len(credit) {
			credit = strings.TrimSpace(credit[loc[1]:])
		}
	}
	text := caption
	switch {
	case caption == "":
		text = credit
	case credit != "" && !strings.Contains(caption, credit):
		text = caption + " — " + credit
	}
	if text == "" {
		return ""
	}
	if strings.Contains(text, "_") {
		return "*" + strings.ReplaceAll(text, "*", "") + "*"
	}
	return "_" + text + "_"
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

var (
	// rxCaptionLabel is a label a page prints before a caption, often for
	// screen readers: "Image caption", "Media caption, …", "Caption: …".
	rxCaptionLabel = regexp.MustCompile(`^(?i:(?:image|media|video|photo) caption[,:]?\s+|caption\s*:\s*)`)
	// rxCreditLabel is a label before a credit: "Image source, Getty",
	// "Image copyright Getty", "Credit...", "Photo: ", "(Image: …)".
	rxCreditLabel = regexp.MustCompile(`^\(?(?:(?i:(?:image|photo|picture|video) (?:source|copyright|credit)s?)[,:]?\s+|(?i:credits?|photograph|photo|image|picture|source|copyright)\s*(?::|\.{2,}|…)\s*|©\s*)`)
	// rxBracketCredit is a credit in brackets at the end of a caption,
	// names parted by slashes: "(Thomas Coex/AFP/Getty Images)".
	rxBracketCredit = regexp.MustCompile(`\s*\(([^()/]{2,50}(?:/[^()/]{2,50}){1,3})\)$`)
	// rxCreditWord is the word a known credit may start with, without
	// punctuation: "Credit Kevin Frayer/Getty Images".
	rxCreditWord = regexp.MustCompile(`^(?i:(?:photo |image )?credits?)\s+`)
	// rxTrailingCredit is a credit at the end of a caption, glued on or
	// in brackets: "…treatmentCredit: EPA", "… (Image: GETTY)", "… (AP
	// Photo/Alan Diaz)", "… Photograph: AFP via Getty".
	rxTrailingCredit = regexp.MustCompile(`(?:\s*\((?:(?i:image|photo|picture|credit|source|photo credit)\s*:\s*[^()]{1,80}|[A-Z]{2,}\s+Photo\s*/[^()]{1,80})\)|\s*(?:Credit|Photograph|Photo|Image)\s*:\s*[^.!?:]{1,80})$`)
	// rxAgencyCredit is a credit alone: names and agencies parted by
	// slashes or bars ("Sam Doe/AFP/Getty Images").
	rxAgencyCredit = regexp.MustCompile(`^[\p{L}.'’ -]{2,60}(?:\s*[/|]\s*[\p{L}.'’& -]{2,60}){1,3}$`)
)

// isAgency reports a name that ends a credit line: the picture agencies
// and wire services whose names close a photo credit, in lower case.
func isAgency(name string) bool {
	switch name {
	case "getty", "getty images", "afp", "reuters", "ap", "associated press", "epa", "shutterstock", "alamy", "pa",
		"pa images", "pa wire", "rex", "rex features", "istock", "xinhua", "anadolu", "bloomberg", "sipa", "zuma",
		"corbis", "nurphoto", "imago", "dpa", "efe", "ansa":
		return true
	}
	return false
}

// captionBlocks makes italic lines of the short paragraphs that say they
// are a caption or a credit, joining a credit and the caption after it
// ("Image source, Getty" then "Image caption, A cat") into one line.
func captionBlocks(md string) string {
	blocks := strings.Split(md, "\n\n")
	var out []string
	pendingCredit := -1 // index in out of a credit line a caption may join
	inFence := false
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		fences := strings.Count("\n"+b, "\n```")
		if inFence || fences > 0 || strings.Contains(strings.TrimSpace(b), "\n") || len(b) > 500 {
			inFence = inFence != (fences%2 == 1)
			out = append(out, b)
			pendingCredit = -1
			continue
		}
		t := strings.TrimSpace(b)
		if rxLabelOnly.MatchString(t) && i+1 < len(blocks) && isItalicLine(blocks[i+1]) {
			// "Image copyright" over "_Getty Images_": one credit.
			out = append(out, italicLine("", italicText(blocks[i+1])))
			pendingCredit = len(out) - 1
			i++
			continue
		}
		if isPictureLine(t) && pendingCredit >= 0 && pendingCredit == len(out)-1 {
			// A credit the page set above its picture goes under it, where
			// the caption that follows joins it.
			credit := out[pendingCredit]
			out[pendingCredit] = b
			out = append(out, credit)
			pendingCredit++
			continue
		}
		caption, credit, ok := captionOf(t)
		if !ok && pendingCredit >= 0 && isItalicLine(t) {
			caption, ok = italicText(t), true
		}
		switch {
		case !ok:
			out = append(out, b)
			pendingCredit = -1
		case caption == "" && credit != "":
			out = append(out, italicLine("", credit))
			pendingCredit = len(out) - 1
		case pendingCredit >= 0 && credit == "":
			out[pendingCredit] = italicLine(caption, italicText(out[pendingCredit]))
			pendingCredit = -1
		default:
			out = append(out, italicLine(caption, credit))
			pendingCredit = -1
		}
	}
	return strings.Join(out, "\n\n")
}

// mayEndInCredit is a cheap test that s could match rxTrailingCredit, so
// that the regexp, which tries every position, runs on few paragraphs.
func mayEndInCredit(s string) bool {
	return strings.HasSuffix(s, ")") || strings.Contains(s, ":") &&
		(strings.Contains(s, "Credit") || strings.Contains(s, "Photo") || strings.Contains(s, "Image"))
}

// rxLabelOnly is a caption's or a credit's label standing alone, its text
// in the next block.
var rxLabelOnly = regexp.MustCompile(`^(?i:(?:image|photo|picture|video|media) (?:copyright|source|credit|caption)s?|credits?|copyright|source)[:,]?$`)

func isItalicLine(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) > 2 && !strings.Contains(s, "\n") &&
		(s[0] == '_' && s[len(s)-1] == '_' || s[0] == '*' && s[len(s)-1] == '*' && s[1] != '*')
}

func italicText(s string) string {
	s = strings.TrimSpace(s)
	return strings.TrimSpace(s[1 : len(s)-1])
}

// captionOf reads a paragraph that is a caption or a credit.
func captionOf(s string) (caption, credit string, ok bool) {
	if s == "" || strings.ContainsAny(s[:1], "#>|-+*_`[!<0123456789") {
		return "", "", false
	}
	if loc := rxCaptionLabel.FindStringIndex(s); loc != nil {
		return strings.TrimSpace(s[loc[1]:]), "", s[loc[1]:] != ""
	}
	if loc := rxCreditLabel.FindStringIndex(s); loc != nil {
		c := strings.TrimSpace(strings.TrimSuffix(s[loc[1]:], ")"))
		if c != "" && len(strings.Fields(c)) <= 12 && !strings.HasSuffix(c, ".") {
			return "", c, true
		}
		return "", "", false
	}
	if strings.ContainsAny(s, "/|") && rxAgencyCredit.MatchString(s) {
		last := s[strings.LastIndexAny(s, "/|")+1:]
		if isAgency(strings.ToLower(strings.TrimSpace(last))) {
			return "", s, true
		}
	}
	if !mayEndInCredit(s) {
		return "", "", false
	}
	if loc := rxTrailingCredit.FindStringIndex(s); loc != nil && loc[0] > 0 && len(strings.Fields(s)) <= 60 {
		c := strings.TrimSpace(s[loc[0]:])
		c = strings.TrimSuffix(strings.TrimPrefix(c, "("), ")")
		if l := rxCreditLabel.FindStringIndex(c); l != nil {
			c = c[l[1]:]
		} else if i := strings.Index(c, ":"); i >= 0 && i < 20 {
			c = c[i+1:]
		}
		return strings.TrimSpace(s[:loc[0]]), strings.TrimSpace(c), true
	}
	return "", "", false
}

// onceOnly is s said once when it is the same text twice over, as a
// caption a page gives both for its picture and its enlargement ("A row
// of cars. (AP Photo) A row of cars. (AP Photo)").
func onceOnly(s string) string {
	if h := len(s) / 2; len(s) > 20 && s[h] == ' ' && s[:h] == s[h+1:] {
		return s[:h]
	}
	return s
}

// withoutCounter drops a gallery's counter before a caption ("2 of 4 A
// shopper looks …"): the reader sees no gallery to count in.
func withoutCounter(s string) string {
	m := rxGalleryCounter.FindStringIndex(s)
	if m == nil || m[1] == len(s) {
		return s
	}
	return s[m[1]:]
}

var rxGalleryCounter = regexp.MustCompile(`^\d{1,3}\s*(?:of|/)\s*\d{1,3}\s+`)
