package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A short article and its annotation in brat's standoff form, offsets in
// characters (the “ and ” marks are one character, three bytes, each).
const (
	sampleText = "Tax plan.\n\n“We will not wait,” said Jane Doe. Critics called it “reckless.”\n"
	sampleAnn  = "T1\tContent 12 29\tWe will not wait,\n" +
		"T2\tCue 31 35\tsaid\n" +
		"T3\tSource 36 44\tJane Doe\n" +
		"E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n"
)

func writeSample(t *testing.T, ann string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "a.ann")
	if err := os.WriteFile(p, []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadAnnAndGold(t *testing.T) {
	attrs, err := readAnn(writeSample(t, sampleAnn), sampleText)
	if err != nil {
		t.Fatal(err)
	}
	if len(attrs) != 1 || joinSpans(sampleText, attrs[0].source) != "Jane Doe" {
		t.Fatalf("attributions %+v", attrs)
	}
	gold := goldQuotes(article{text: sampleText, attrs: attrs})
	// "reckless." lies in no annotated content: not a gold quote.
	if len(gold) != 1 || gold[0].text != "We will not wait," || gold[0].source != "Jane Doe" {
		t.Fatalf("gold quotes %+v", gold)
	}
}

func TestReadAnnRefusesBadSpans(t *testing.T) {
	for _, ann := range []string{"T1\tContent 5 900\tx\n", "T1\tContent 9 3\tx\n", "T1\tContent a b\tx\n"} {
		if _, err := readAnn(writeSample(t, ann), sampleText); err == nil {
			t.Errorf("%q: no error", ann)
		}
	}
}

func TestSameSpeaker(t *testing.T) {
	cases := []struct {
		speaker, source string
		want            bool
	}{
		{"Hillary Clinton", "Clinton", true},
		{"Donald Trump", "Mr. Trump", true},
		{"Donald Trump", "Trump's spokeswoman Hope Hicks", false},
		{"Hope Hicks", "Trump's spokeswoman Hope Hicks", true},
		{"Jane Doe", "John Smith", false},
		{"Martin Luther King Jr.", "King", true},
	}
	for _, c := range cases {
		if got := sameSpeaker(c.speaker, c.source); got != c.want {
			t.Errorf("sameSpeaker(%q, %q) = %v, want %v", c.speaker, c.source, got, c.want)
		}
	}
}

// FuzzReadAnn: an annotation file of any bytes is read or refused, never
// a panic, and the spans it gives lie inside the text.
func FuzzReadAnn(f *testing.F) {
	f.Add(sampleAnn)
	f.Add("T1\tContent 0 3;5 9\tx\nE1\tContent:T1 Source:T9\n")
	f.Add("\t\n\x00\tE\n")
	f.Fuzz(func(t *testing.T, ann string) {
		attrs, err := readAnn(writeSample(t, ann), sampleText)
		if err != nil {
			return
		}
		for _, a := range attrs {
			for _, s := range append(a.source, a.content...) {
				if s.start < 0 || s.end > len(sampleText) || s.start > s.end {
					t.Fatalf("span %+v outside the text", s)
				}
			}
		}
		_ = goldQuotes(article{text: sampleText, attrs: attrs})
	})
}

func TestParagraphParts(t *testing.T) {
	text := "“One part.\n\n“Two part,” she said."
	in := span{len("“"), len("“One part.\n\n“Two part,")}
	var got []string
	for _, p := range paragraphParts(text, in) {
		got = append(got, text[p.start:p.end])
	}
	if len(got) != 2 || got[0] != "One part." || got[1] != "Two part," {
		t.Fatalf("parts %q", got)
	}
}
