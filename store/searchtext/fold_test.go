package searchtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"":                    "",
		"Plain ASCII":         "plain ascii",
		"École":               "ecole",
		"ÉCOLE":               "ecole",
		"Ça, c'est naïve":     "ca, c'est naive",
		"Straße Øresund Łódź": "strasse oresund lodz",
		"ﬁnancial":            "financial",
		"Ἀθῆναι":              "αθηναι",
		"日本語":                 "日本語",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzFold: a folded title is valid UTF-8 when the title is, and an
// ASCII title is only lowered.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "École", "Straße Øresund", "ﬁ", "Ἀθῆναι", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not UTF-8", s, got)
		}
		ascii := !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf })
		if ascii && got != strings.ToLower(s) {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, strings.ToLower(s))
		}
	})
}
