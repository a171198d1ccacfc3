package typeset

import (
	"strings"
	"sync"

	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/alecthomas/chroma/v2"
	chromastyles "github.com/alecthomas/chroma/v2/styles"

	"github.com/byline-reader/byline/model"
)

// Margin is the blank columns Glamour leaves on either side of the
// text: the text column (the configured measure) is the render's width
// less twice this.
const Margin = 2

// codeMargin is how far a code block is set in from the text around it.
const codeMargin = 2

// listIndent is how far a list item's text is set in from the text
// around it; its bullet or number stands in the indent, right-aligned
// (see hangItems), and its later lines hang under its text.
const listIndent = 3

// Glamour cannot hang a list item's lines under its text, draw a block
// quote's bar without getting the width wrong, or give a code block a
// background, so the style leaves layout marks where these go and
// layout.go does them on Glamour's lines. A layout mark is two runes of
// the range the doc's marks use: the last rune of the range, which no
// doc mark opens with (a doc has fewer events than that), then the kind.
// Article.Body removes every such rune from an article, so none is the
// article's own.
const (
	layoutHi = model.MarkRuneLast
	// itemMark follows a list item's bullet or number, before its space.
	itemMark = string(layoutHi) + string(model.MarkRuneFirst)
	// quoteMark is written twice for each level of block quote: the bar
	// and the space after it.
	quoteMark = string(layoutHi) + string(model.MarkRuneFirst+1)
	// codeOpen and codeClose bound a code block.
	codeOpen  = string(layoutHi) + string(model.MarkRuneFirst+2)
	codeClose = string(layoutHi) + string(model.MarkRuneFirst+3)
	// layoutPrefix starts every layout mark.
	layoutPrefix = string(layoutHi)
)

// palette is the colours of one theme's article style (ANSI 256).
type palette struct {
	text, h1fg, h1bg, h2, h3, h4, minor, rule, quoteBar, codeBg, inlineCode string
	chroma                                                                  string // the name of its chroma style
}

var darkPalette = palette{
	text: "252", h1fg: "230", h1bg: "62", h2: "75", h3: "110", h4: "252", minor: "245",
	rule: "240", quoteBar: "243", codeBg: "236", inlineCode: "210", chroma: "byline-dark",
}

var lightPalette = palette{
	text: "234", h1fg: "230", h1bg: "61", h2: "25", h3: "31", h4: "234", minor: "241",
	rule: "249", quoteBar: "246", codeBg: "254", inlineCode: "124", chroma: "byline-light",
}

func paletteFor(dark bool) palette {
	if dark {
		return darkPalette
	}
	return lightPalette
}

// articleStyle is Glamour's style for an article, on a dark or light
// background. Each heading level has its own look: H1 a coloured band,
// H2 bold in a bright colour, H3 bold in a quieter one, H4 bold in the
// text's colour, H5 and H6 italic; none shows the "#" that marks it in
// markdown. Code blocks are highlighted by chroma in the theme's colours
// and set in on a background; block quotes, list items and code blocks
// carry the layout marks that layout.go turns into their bars, hanging
// indents and backgrounds.
func articleStyle(dark bool) gansi.StyleConfig {
	p := paletteFor(dark)
	st := styles.LightStyleConfig
	if dark {
		st = styles.DarkStyleConfig
	}
	st.Document.Margin = uintPtr(Margin)
	st.Document.Color = &p.text
	headings(&st, p)
	st.BlockQuote.Indent = uintPtr(2)
	st.BlockQuote.IndentToken = strPtr(quoteMark)
	st.List.Indent = uintPtr(listIndent)
	st.List.LevelIndent = listIndent
	st.Item.BlockPrefix = "•" + itemMark + " "
	st.Enumeration.BlockPrefix = "." + itemMark + " "
	st.HorizontalRule.Color = &p.rule
	st.Code.Color = &p.inlineCode
	st.CodeBlock = gansi.StyleCodeBlock{
		StyleBlock: gansi.StyleBlock{
			StylePrimitive: gansi.StylePrimitive{Color: &p.text, BlockPrefix: codeOpen, BlockSuffix: codeClose},
			Margin:         uintPtr(codeMargin),
		},
		Theme: p.chroma,
	}
	registerChroma()
	return st
}

// headings gives each level of heading its look.
func headings(st *gansi.StyleConfig, p palette) {
	st.Heading = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{BlockSuffix: "\n", Bold: boolPtr(true), Color: &p.h2}}
	st.H1 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{BlockPrefix: "\n",
		Prefix: " ", Suffix: " ", Color: &p.h1fg, BackgroundColor: &p.h1bg, Bold: boolPtr(true)}}
	st.H2 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{BlockPrefix: "\n", Color: &p.h2, Bold: boolPtr(true)}}
	st.H3 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: &p.h3, Bold: boolPtr(true)}}
	st.H4 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: &p.h4, Bold: boolPtr(true)}}
	st.H5 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: &p.minor, Bold: boolPtr(true), Italic: boolPtr(true)}}
	st.H6 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: &p.minor, Bold: boolPtr(false), Italic: boolPtr(true)}}
}

var chromaOnce sync.Once

// registerChroma adds byline's two chroma styles to chroma's registry,
// once: Glamour registers its own under one name for whichever theme
// renders first, so a light render after a dark one would get dark
// colours.
func registerChroma() {
	chromaOnce.Do(func() {
		chromastyles.Register(chroma.MustNewStyle(darkPalette.chroma, chroma.StyleEntries{
			chroma.Text: "#d0d0d0", chroma.Comment: "italic #8a8a8a", chroma.CommentPreproc: "#ff875f",
			chroma.Keyword: "#5fafff", chroma.KeywordType: "#87afd7", chroma.Operator: "#d7afaf",
			chroma.Punctuation: "#bcbcbc", chroma.NameFunction: "#87d787", chroma.NameBuiltin: "#ffafd7",
			chroma.NameTag: "#afafff", chroma.NameAttribute: "#87afff", chroma.NameClass: "bold #e4e4e4",
			chroma.LiteralNumber: "#87d7af", chroma.LiteralString: "#d7af87", chroma.LiteralStringEscape: "#afffd7",
			chroma.GenericDeleted: "#ff5f5f", chroma.GenericInserted: "#87d787", chroma.Error: "#ff5f5f",
		}))
		chromastyles.Register(chroma.MustNewStyle(lightPalette.chroma, chroma.StyleEntries{
			chroma.Text: "#262626", chroma.Comment: "italic #6c6c6c", chroma.CommentPreproc: "#af5f00",
			chroma.Keyword: "#005faf", chroma.KeywordType: "#005f87", chroma.Operator: "#870000",
			chroma.Punctuation: "#444444", chroma.NameFunction: "#005f00", chroma.NameBuiltin: "#870087",
			chroma.NameTag: "#5f00af", chroma.NameAttribute: "#005fd7", chroma.NameClass: "bold #000000",
			chroma.LiteralNumber: "#008787", chroma.LiteralString: "#875f00", chroma.LiteralStringEscape: "#005f5f",
			chroma.GenericDeleted: "#af0000", chroma.GenericInserted: "#005f00", chroma.Error: "#af0000",
		}))
	})
}

// bareLayout is s without its layout marks.
func bareLayout(s string) string {
	if !strings.Contains(s, layoutPrefix) {
		return s
	}
	for _, m := range []string{itemMark, quoteMark, codeOpen, codeClose} {
		s = strings.ReplaceAll(s, m, "")
	}
	return s
}

func uintPtr(u uint) *uint    { return &u }
func strPtr(s string) *string { return &s }
func boolPtr(b bool) *bool    { return &b }
