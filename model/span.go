package model

// Span is a byte range [Start, End) of an article's markdown: a sentence, a
// quote or a highlight. A span that is not there is {-1, -1}.
type Span struct{ Start, End int }
