package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCaptionElements(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"figcaption", `<figure><img src="a.jpg" alt="x"><figcaption>A ferry at dawn.</figcaption></figure>`,
			"_A ferry at dawn._"},
		{"figcaption with credit element", `<figure><img src="a.jpg"><figcaption>A ferry at dawn. <span class="credit">Jim Watson/AFP/Getty Images</span></figcaption></figure>`,
			"_A ferry at dawn. — Jim Watson/AFP/Getty Images_"},
		{"caption class", `<div><img src="a.jpg"><p class="wp-caption-text">The mill bridge in April</p></div>`,
			"_The mill bridge in April_"},
		{"credit class alone", `<div><img src="a.jpg"><span class="photo-credit">Photo: Ana Ruiz</span></div>`,
			"_Ana Ruiz_"},
		{"trailing credit in caption", `<figure><img src="a.jpg"><figcaption>The pier at night. Photo: Isla Munro</figcaption></figure>`,
			"_The pier at night. — Isla Munro_"},
		{"caption span with credit in brackets", `<div><img src="a.jpg"><br><span class="pb-caption">The minister in Paris. (Ana Ruiz/AFP/Getty Images)</span></div>`,
			"_The minister in Paris. — Ana Ruiz/AFP/Getty Images_"},
		{"credit element in brackets", `<figure><img src="a.jpg"><figcaption>The ridge at dusk. <span class="credit">(Image credit: Ana Ruiz)</span></figcaption></figure>`,
			"_The ridge at dusk. — Ana Ruiz_"},
		{"caption without image", `<p>Text.</p><figcaption>A map of the route.</figcaption>`, "_A map of the route._"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTML(t, tt.html)
			markCaptions(doc)
			md := convertNode(t, doc)
			if !strings.Contains(md, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, md)
			}
		})
	}
}

func TestCaptionParagraphs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"caption label", "Text.\n\nImage caption Scooter Braun has managed many singers\n\nMore.",
			"Text.\n\n_Scooter Braun has managed many singers_\n\nMore."},
		{"credit then caption", "Image source, Getty Images\n\nImage caption, The minister in Paris",
			"_The minister in Paris — Getty Images_"},
		{"media caption", "Media caption The moment the bridge fell", "_The moment the bridge fell_"},
		{"credit dots", "Credit...Doug Mills/The New York Times", "_Doug Mills/The New York Times_"},
		{"credit glued", "A man was taken to hospitalCredit: EPA", "_A man was taken to hospital — EPA_"},
		{"photo label", "Photo: Damian Dovarganes, AP", "_Damian Dovarganes, AP_"},
		{"image in brackets", "Protesters marched through the city (Image: GETTY )", "_Protesters marched through the city — GETTY_"},
		{"agency photo", "A worker loads a truck in Hialeah. (AP Photo/Alan Diaz, File)",
			"_A worker loads a truck in Hialeah. — AP Photo/Alan Diaz, File_"},
		{"agency credit", "Sakib Ali/Hindustan Times/Getty Images", "_Sakib Ali/Hindustan Times/Getty Images_"},
		{"agency with bars", "Natalie Naccache | Bloomberg | Getty Images", "_Natalie Naccache | Bloomberg | Getty Images_"},
		{"copyright sign", "© Jane Doe", "_Jane Doe_"},
		{"label over credit over caption", "Image copyright\n\n_Getty Images_\n\n_The singer in 2019_",
			"_The singer in 2019 — Getty Images_"},
		// Text that only looks like a caption stays as it is.
		{"sentence about photos", "Photo editors said the picture was real.", "Photo editors said the picture was real."},
		{"source sentence", "Source: the ministry said the figures were wrong and would be revised next week.",
			"Source: the ministry said the figures were wrong and would be revised next week."},
		{"slash without agency", "Either/or questions", "Either/or questions"},
		{"heading", "## Image caption contest", "## Image caption contest"},
		{"code fence", "```\nPhoto: x\n```", "```\nPhoto: x\n```"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := captionBlocks(tt.in); got != tt.want {
				t.Errorf("captionBlocks(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func convertNode(t *testing.T, n *html.Node) string {
	t.Helper()
	md, err := toMarkdown(n, &url.URL{}, articleSaid{})
	if err != nil {
		t.Fatal(err)
	}
	return md
}
