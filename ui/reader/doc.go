// Package reader is the reader's document: how an article is laid out,
// wrapped and painted on the terminal, with no Bubble Tea.
//
// It owns:
//   - the Doc: the article's markdown with its quotes, sentences,
//     highlights and speaker labels marked in it (NewDoc), and its links
//     numbered like footnotes, their URLs out of the text (Links,
//     LinkTarget, links.go);
//   - the render: Glamour lays the marked markdown out at a width, the
//     marks are taken out and where they fell is kept (Render,
//     RenderPlain); Glamour's output is filtered here, at the edge where
//     it goes to the terminal;
//   - through package typeset, the article's style and the layout Glamour
//     cannot do (tables too wide for the column as rows, quote bars, code
//     backgrounds and hanging list items);
//   - the painting of quotes, highlights, speaker labels, the focus and
//     links (OSC 8 hyperlinks where Styles.Hyperlinks) over Glamour's
//     lines, in the Styles it is given;
//   - the article's header (Header), the wrap width (WrapWidth) and a
//     Cache of renders by article, width, theme and doc;
//   - the View: what the reader shows and where, apart from keys (scroll,
//     focus and its movement between quotes, sentences and highlights,
//     find, percent), drawn by View.Draw.
//
// It must not import Bubble Tea or package ui, nor read keys, send
// messages or do IO other than rendering: package ui turns keys into
// calls on a View and runs Render in a tea.Cmd. It does not sanitise the
// body again (model.Reading.Body is sanitised); only the header's fields,
// outside text painted here, are sanitised, where the header is painted.
package reader
