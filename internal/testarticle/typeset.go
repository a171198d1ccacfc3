package testarticle

// Typeset is a made-up article with every kind of block the reader sets
// in type: headings of levels two to four, lists (nested, numbered
// past nine, an item of two paragraphs), a block quote holding code and a
// list, a code block, a table too wide for sixty columns and one that fits.
func Typeset() string {
	return typeset
}

const typeset = `Opening paragraph of the story, long enough to wrap at sixty columns and more.

## The harbour

- A first item whose text runs long enough to wrap onto a second line and a third one at sixty.
- A short item
  - a nested item whose text is long enough to wrap under its own text and not its bullet
- An item with two paragraphs, the first of them long enough to wrap once at sixty.

  Its second paragraph, which must not be glued to the first.

1. one
2. two
3. three
4. four
5. five
6. six
7. seven
8. eight
9. nine, with text that goes on long enough to wrap onto another line at sixty
10. ten, with text that goes on long enough to wrap onto another line at sixty

### The code

> The vulnerability stems from the fact that the client is allowed to send the server data.
>
> ` + "```json" + `
> rekt: {
>     list: [
>     ]
> }
> ` + "```" + `
>
> - quoted item one
> - quoted item two

` + "```go" + `
func main() {
	fmt.Println("hello")
}
` + "```" + `

#### The figures

| Stop | Scheduled_timestamp_of_departure | Notes |
|------|----------------------------------|-------|
| Harbour | 2024-01-01T08:00:00Z | step-free access at the north pier, café |
| Market | 2024-01-01T08:20:00Z | |

| Day | Boats |
|-----|-------|
| Mon | 4 |

Closing paragraph.
`
