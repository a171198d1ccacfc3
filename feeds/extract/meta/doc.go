// Package meta holds the rules for an article's header fields as pages
// print them: who wrote it (ParseByline, Author), where it was published
// (Site), when (ParseDateline, ParseTimestamp) and its title
// (ArticleTitle). Each field is right or absent: a candidate that does not
// read as what it claims to be is refused, never repaired into a guess.
//
// Strings in, strings out: no HTML, no IO. Reading a page's markup is
// feeds/extract's; this package judges what it found.
package meta
