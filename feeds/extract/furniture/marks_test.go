package furniture

import (
	"strings"
	"testing"
)

// TestCleanRemovesMarkedFurniture: each passage, set between two real
// paragraphs, goes.
func TestCleanRemovesMarkedFurniture(t *testing.T) {
	const real = "The council voted 7-2 on Tuesday to approve the budget."
	tests := []furnitureCase{
		{"credit with agency", "Jane Doe, AP"},
		{"credit with slashes", "JIM WATSON/AFP/Getty Images"},
		{"credit with bars", "Sam Roe | Bloomberg | Getty Images"},
		{"credit alone", "Getty Images"},
		{"credit via", "State Sex Offender Registry via AP"},
		{"credit prefix", "Photo: Kim Lee"},
		{"credit copyright sign", "© Shutterstock"},
		{"caption toggle", "Caption Close"},
		{"caption toggle italic", "_Caption Close_"},
		{"view photo", "View photo"},
		{"gallery counter", "1 of 4"},
		{"gallery counter slash", "1 / 5"},
		{"gallery title", "Gallery: The new phone up close | 14 Photos"},
		{"price", "from $610.00"},
		{"reading time", "5 min read"},
		{"reading time label", "Reading time: 3 minutes"},
		{"reading time portuguese", "Tempo de leitura: 1 minuto"},
		{"updated", "*Updated at 1:23 p.m.*"},
		{"published", "Published Monday, Nov. 18, 2019"},
		{"glued dates", "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m."},
		{"toolbar", "Order Reprints | Today's Paper | Subscribe"},
		{"toolbar text size", "Text size"},
		{"lone by", "By"},
		{"affiliate", "*This post may contain affiliate links. Please see my disclosure page.*"},
		{"player", "Media playback is unsupported on your device"},
		{"print edition", "A version of this article appears in print on Nov. 20, 2019, Section A, Page 1 of the New York edition with the headline: Budget Passes."},
		{"filed under", "Filed under: Politics |"},
		{"tags", "**Tags**  \n**[budget](https://n.example/t/1), [council](https://n.example/t/2), [city hall](https://n.example/t/3)**"},
		{"caps headline link", "[**SENATE PASSES THE BILL AFTER A LONG NIGHT**](https://n.example/senate)"},
		{"see more", "**SEE MORE**: [Protests spread to the suburbs](https://n.example/protests)"},
	}
	checkRemoved(t, real, tests)
}

// TestCleanRemovesRelatedBlocks: a related heading goes with the stories
// listed under it.
func TestCleanRemovesRelatedBlocks(t *testing.T) {
	const real = "The council voted 7-2 on Tuesday to approve the budget."
	tests := []furnitureCase{
		{"more great stories", "More Great Example Stories\n\n- Teachers must unionize, [no matter what the board says](https://n.example/a)\n- The plan to [boost drone batteries](https://n.example/b)"},
		{"don't miss lines", "**DON'T MISS**\n\n[Mayor furious at budget jibe](https://n.example/a) \\[**INSIGHT]**  \n[Council makes final decision](https://n.example/b) **[VIDEO]**"},
		{"you may also like", "You may also like...\n\n[Who will make the shortlist?](https://n.example/a)\n\n[The band takes over the vote](https://n.example/b)"},
		{"don't miss one block", "**DON'T MISS**  \n**[Mayor furious at budget jibe](https://n.example/a) \\[INSIGHT]**  \n**[Council makes final decision](https://n.example/b) \\[VIDEO]**"},
		{"related post heading", "### Related post: [Pickled sprouts](https://n.example/sprouts)"},
		{"more over linked headings", "#### More:\n\n- #### [Mayor furious at budget jibe](https://n.example/a)\n\n- #### [Council makes final decision](https://n.example/b)"},
		{"related coverage from a section", "### Related coverage from [Money](https://n.example/money):\n\n- ### [How to budget](https://n.example/a)\n- ### [How to save](https://n.example/b)"},
	}
	checkRemoved(t, real, tests)
}

// TestCleanKeepsNearMisses: lines that look like furniture in one way
// but are the article's.
func TestCleanKeepsNearMisses(t *testing.T) {
	keep := []string{
		"_Burning crop stubble sends smoke into the city. — Sakib Ali/Hindustan Times/Getty Images_",
		"_Jane Doe, AP_",
		"The Pool",
		"## The File",
		"- Reuters",
		"25 November 1947",
		"Images",
		// A lone "Photo" (nytimes' "1. Photo 2. Photo" lists) is furniture,
		// but taking it out costs go-readability's nytimes-5 page, an index
		// of stories, more than a tenth of its words against readability.
		"1. Photo",
		"The photo agency AP said it would appeal.",
		"Photo: a ruling that the council must publish its budget, and the reaction.",
		"Tags on the birds showed they had flown 3,000 miles.",
		"Filed under the wrong name, the claim sat for years.",
		"Text size matters less than contrast, the designers found.",
		"The Senate voted on Tuesday. [Read the bill](https://n.example/bill)",
		"[THE BILL](https://n.example/bill)",
		"He said it takes 5 minutes to read the report.",
		"Updated figures, released on Monday, show the deficit grew.",
		"Published in 1962, the novel sold two million copies.",
		"Your browser history is not private, the court found.",
		"Order in the court, the judge said twice.",
		"A $610 fine was imposed on the driver.",
		"More than 4,000 people lost power.",
		"More great stories came out of the festival than anyone expected, she said.",
		"**Related**  \nThe two cases are related, prosecutors said, and [the filings](https://n.example/f) show it.",
		"Ben Roe is on Twitter at [ben_roe](https://twitter.com/ben_roe).",
		"## More\n\nThe council met again on Friday.",
		"More:\n\n- ### The first reading of the bill\n- ### The second reading",
	}
	for _, p := range keep {
		md := "Opening paragraph of the story.\n\n" + p + "\n\nClosing paragraph of the story.\n"
		if got := Clean(md); !strings.Contains(got, p) {
			t.Errorf("removed: %q", p)
		}
	}
}

// TestCleanRepeatedCaption: a gallery's caption repeated after its
// toggle goes; the first stays.
func TestCleanRepeatedCaption(t *testing.T) {
	in := "[Image: The mayor]\n\n_Jane Doe, AP_\n\n_Caption Close_\n\n_Jane Doe, AP_\n\nThe mayor spoke on Tuesday.\n"
	want := "[Image: The mayor]\n\n_Jane Doe, AP_\n\nThe mayor spoke on Tuesday.\n"
	if got := Clean(in); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestIsRelatedLabel(t *testing.T) {
	for text, want := range map[string]bool{
		"Related":                            true,
		"You may also like...":               true,
		"More stories":                       true,
		"Você pode gostar...":                true,
		"Vous aimerez aussi":                 true,
		"Das könnte Sie auch interessieren:": true,
		"También te puede interesar":         true,
		"Read more":                          false, // a button showing the rest
		"Related parties and the council":    false,
		"More than a ferry":                  false,
		"What you may also like to know":     false,
	} {
		if got := IsRelatedLabel(text); got != want {
			t.Errorf("IsRelatedLabel(%q) = %v, want %v", text, got, want)
		}
	}
}
