package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
	"github.com/byline-reader/byline/model/share"
)

func TestHighlightQuote(t *testing.T) {
	srv, _ := articleServer(t)
	l, arts := refreshed(t, srv)
	ctx := context.Background()
	id := byTitle(arts, "Harbor reopens")

	h, err := l.HighlightQuote(ctx, srv.URL+"/story", 1) // by link: the stored article
	if err != nil {
		t.Fatal(err)
	}
	if h.ArticleID != id || h.Text != "We are open for business," || h.ArticleTitle != "Harbor reopens" || h.Site != "The Coast Times" {
		t.Fatalf("highlight = %+v", h)
	}
	a, _ := l.Article(ctx, id)
	if a.Markdown[h.Start:h.End] != h.Text {
		t.Fatalf("span %d-%d does not hold the quote in %q", h.Start, h.End, a.Markdown)
	}
	again, err := l.HighlightQuote(ctx, "1", 1) // by id: kept once
	if err != nil || again.ID != h.ID {
		t.Fatalf("highlighting again: %v, id %d (first %d)", err, again.ID, h.ID)
	}
	if hs, _ := l.Highlights(ctx, 0); len(hs) != 1 {
		t.Fatalf("want one highlight, got %+v", hs)
	}

	file := filepath.Join(t.TempDir(), "page.md")
	os.WriteFile(file, []byte("“Local words,” she said."), 0o644)
	for _, c := range []struct {
		target string
		n      int
		want   string
	}{
		{srv.URL + "/story", 2, "has 1 quotation"},
		{srv.URL + "/story", 0, "has 1 quotation"},
		{file, 1, "kept for stored articles"},
		{srv.URL + "/elsewhere", 1, "kept for stored articles"},
		{"98765", 1, "no article with id"},
		{"ftp://x.example/a", 1, "not an article id"},
	} {
		_, err := l.HighlightQuote(ctx, c.target, c.n)
		if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("HighlightQuote(%q, %d) = %v; want bad input saying %q", c.target, c.n, err, c.want)
		}
	}
}

func TestHighlightsFollowTheText(t *testing.T) {
	srv, _ := articleServer(t)
	l, arts := refreshed(t, srv)
	ctx := context.Background()
	id := byTitle(arts, "Harbor reopens")
	a, err := articleOf(l.OpenArticle(ctx, id))
	if err != nil {
		t.Fatal(err)
	}
	sentence := "Fishing boats were the first to return"
	at := strings.Index(a.Markdown, sentence)
	kept, err := l.AddHighlight(ctx, id, sentence, at, at+len(sentence))
	if err != nil || kept.Start != at {
		t.Fatalf("add: %v %+v", err, kept)
	}
	gone, err := l.AddHighlight(ctx, id, "despite a second storm", -1, -1) // found by its text
	if err != nil || gone.Start < 0 {
		t.Fatalf("add without a span: %v %+v", err, gone)
	}

	// The page is extracted anew with a paragraph more at the top, and
	// without the last sentence.
	md := "A new first paragraph, added by an editor.\n\n" + strings.Replace(a.Markdown, "despite a second storm", "in spite of the weather", 1)
	if err := l.store.SaveExtraction(ctx, id, md, "", "", a.ExtractedAt); err != nil {
		t.Fatal(err)
	}
	hs, err := l.Highlights(ctx, id)
	if err != nil || len(hs) != 2 {
		t.Fatalf("highlights: %v %+v", err, hs)
	}
	for _, h := range hs {
		switch h.ID {
		case kept.ID:
			if h.Start < 0 || md[h.Start:h.End] != sentence {
				t.Errorf("the sentence was not found again: %+v", h)
			}
		case gone.ID:
			if h.Start != -1 || h.End != -1 {
				t.Errorf("a highlight whose text is gone should have no span: %+v", h)
			}
		}
	}
	// Highlighting the sentence where it now stands is the same highlight.
	at = strings.Index(md, sentence)
	if again, err := l.AddHighlight(ctx, id, sentence, at, at+len(sentence)); err != nil || again.ID != kept.ID {
		t.Fatalf("again after the move: %v %+v", err, again)
	}

	if err := l.RemoveHighlight(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := l.RemoveHighlight(ctx, gone.ID); !errors.Is(err, ErrBadInput) {
		t.Fatalf("removing twice: %v", err)
	}
	for _, bad := range []string{"", "  \n"} {
		if _, err := l.AddHighlight(ctx, id, bad, 0, 0); !errors.Is(err, ErrBadInput) {
			t.Errorf("empty highlight: %v", err)
		}
	}
	if _, err := l.AddHighlight(ctx, 4242, "words", 0, 5); !errors.Is(err, ErrBadInput) {
		t.Errorf("highlight of a missing article: %v", err)
	}
}

func TestHighlightsMarkdown(t *testing.T) {
	srv, _ := articleServer(t)
	l, arts := refreshed(t, srv)
	ctx := context.Background()
	if _, err := l.HighlightQuote(ctx, srv.URL+"/story", 1); err != nil {
		t.Fatal(err)
	}
	id := byTitle(arts, "Bike lanes")
	if _, err := l.AddHighlight(ctx, id, "The council voted\n\nto build [bike] lanes", -1, -1); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := l.WriteHighlightsMarkdown(ctx, &b); err != nil {
		t.Fatal(err)
	}
	want := "> The council voted\n>\n> to build [bike] lanes\n\n— [Bike lanes](" + srv.URL + "/bikes), Coast\n\n" +
		"> We are open for business,\n\n— [Harbor reopens](" + srv.URL + "/story#:~:text=We%20are%20open%20for%20business), The Coast Times\n"
	if b.String() != want {
		t.Fatalf("markdown:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestSettings(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	if v, err := l.Setting(ctx, "mastodon"); err != nil || v != "" {
		t.Fatalf("unset setting: %q %v", v, err)
	}
	if err := l.SetSetting(ctx, "mastodon", "mastodon.social"); err != nil {
		t.Fatal(err)
	}
	if v, err := l.Setting(ctx, "mastodon"); err != nil || v != "mastodon.social" {
		t.Fatalf("setting: %q %v", v, err)
	}
	if v, _ := l.store.Meta(ctx, "mastodon"); v != "" {
		t.Errorf("settings must not share keys with other meta entries")
	}
	if err := l.SetSetting(ctx, " ", "x"); !errors.Is(err, ErrBadInput) {
		t.Errorf("nameless setting: %v", err)
	}
}

func TestShareLinks(t *testing.T) {
	srv, _ := articleServer(t)
	l, _ := refreshed(t, srv)
	ctx := context.Background()
	story := srv.URL + "/story"

	a, links, err := l.ShareLinks(ctx, story, 0, model.ShareConfig{})
	if err != nil || a.Title != "Harbor reopens" {
		t.Fatal(err, a.Title)
	}
	byName := map[string]share.ShareLink{}
	for _, s := range links {
		byName[s.Name] = s
	}
	if byName["link"].Value != story || !errors.Is(byName["mastodon"].Err, share.ErrNoMastodonInstance) {
		t.Fatalf("links: %+v", links)
	}
	if _, ok := byName["deeplink"]; ok {
		t.Error("a deep link without a quote")
	}

	// The server the app asked for once stands in for the config's.
	if err := l.SetSetting(ctx, "mastodon", "social.example"); err != nil {
		t.Fatal(err)
	}
	_, m, err := l.ShareLink(ctx, story, 1, "mastodon", model.ShareConfig{})
	if err != nil || !strings.HasPrefix(m.Value, "https://social.example/share?text=") {
		t.Fatalf("mastodon from the setting: %v %+v", err, m)
	}
	_, m, _ = l.ShareLink(ctx, story, 1, "mastodon", model.ShareConfig{Mastodon: "mastodon.example"})
	if !strings.HasPrefix(m.Value, "https://mastodon.example/") {
		t.Fatalf("the config's server comes first: %+v", m)
	}
	_, d, err := l.ShareLink(ctx, story, 1, "deep", model.ShareConfig{})
	if err != nil || d.Value != story+"#:~:text=We%20are%20open%20for%20business" {
		t.Fatalf("deep link: %v %+v", err, d)
	}

	for _, c := range []struct {
		quote int
		name  string
		want  string
	}{
		{2, "", "has 1 quotation"},
		{-1, "", "start at 1"},
		{0, "myspace", "unknown share target"},
		{0, "deeplink", "shares a quote"},
	} {
		var err error
		if c.name == "" {
			_, _, err = l.ShareLinks(ctx, story, c.quote, model.ShareConfig{})
		} else {
			_, _, err = l.ShareLink(ctx, story, c.quote, c.name, model.ShareConfig{})
		}
		if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("quote %d, target %q: %v; want bad input saying %q", c.quote, c.name, err, c.want)
		}
	}
}

func TestShareNeedsAWebLink(t *testing.T) {
	l := open(t, true)
	ctx := context.Background()
	arts, _ := l.Articles(ctx, model.ArticleQuery{})
	target := strconv.FormatInt(arts[0].ID, 10) // the welcome article
	_, _, err := l.ShareLinks(ctx, target, 0, model.ShareConfig{})
	if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "no web link") {
		t.Fatalf("sharing the welcome article: %v", err)
	}
	// Its words can still be kept.
	if h, err := l.HighlightQuote(ctx, target, 1); err != nil || h.Start < 0 {
		t.Fatalf("highlight of the welcome article: %v %+v", err, h)
	}
}

func TestHighlightOfAQuoteOverParagraphs(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	f, err := l.store.AddFeed(ctx, model.Feed{URL: "https://coast.example/feed", Title: "Coast"})
	if err != nil {
		t.Fatal(err)
	}
	md := "The minister read a statement on the quay.\n\n" +
		"“The harbor is the heart of this town, and we will rebuild every part of it that the storm took.\n\n" +
		"“It will take years, and it will cost more than anyone would like,” the minister, Ana Lopes, said.\n\n" +
		"Work starts on Monday."
	id, err := l.store.InsertArticle(ctx, model.Article{FeedID: f.ID, Title: "Rebuild", URL: "https://coast.example/rebuild", Markdown: md, ExtractedAt: l.now()})
	if err != nil {
		t.Fatal(err)
	}
	qs := quote.FindQuotes(md)
	if len(qs) != 2 || qs[0].Speaker != "Ana Lopes" || qs[1].Speaker != "Ana Lopes" {
		t.Fatalf("the fixture should hold one quote over two paragraphs, in two parts: %+v", qs)
	}
	h, err := l.HighlightQuote(ctx, strconv.FormatInt(id, 10), 1)
	if err != nil || h.Start != qs[0].Start || h.End != qs[0].End {
		t.Fatalf("highlight %+v, %v; want the first part's span %d-%d", h, err, qs[0].Start, qs[0].End)
	}
	if err := l.store.SaveExtraction(ctx, id, "A line added above.\n\n"+md, "", "", l.now()); err != nil {
		t.Fatal(err)
	}
	hs, err := l.Highlights(ctx, id)
	if err != nil || len(hs) != 1 || hs[0].Start != qs[0].Start+len("A line added above.\n\n") {
		t.Fatalf("after re-extraction: %v %+v", err, hs)
	}
	var b strings.Builder
	if err := l.WriteHighlightsMarkdown(ctx, &b); err != nil || !strings.Contains(b.String(), "> The harbor is the heart") || !strings.Contains(b.String(), "](https://coast.example/rebuild#:~:text=") {
		t.Fatalf("markdown: %v\n%s", err, b.String())
	}
}
