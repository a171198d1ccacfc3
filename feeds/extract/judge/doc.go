// Package judge judges the text blocks of the article readability found
// in a page, and removes its furniture.
//
// Readability finds the article's container and keeps what is in it, the
// page's furniture too when the furniture sits inside: a share bar, a
// list of related stories, a newsletter box, an author's bio. The judge
// reads what the page said of each element before readability took its
// class names, ids and roles away (Mark numbers the elements so that the
// blocks of readability's article can be traced back to them), then
// judges each block of readability's article by that evidence, its links
// and its place in the article (Judge), and removes the blocks with
// clear evidence of being furniture. Readability's article is the floor:
// without clear evidence a block stays.
//
// It knows HTML, not markdown, and nothing of the page's metadata.
package judge
