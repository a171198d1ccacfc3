package attribution

import (
	"testing"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

func TestDetectLang(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"english", "The minister said that the plan was ready and that it would be put to the vote on Monday, with the support of the party.", ""},
		{"french", "Le ministre a dit que le plan est prêt et qu’il sera soumis au vote lundi, avec le soutien du parti et des élus.", "fr"},
		{"german", "Der Minister sagte, dass der Plan fertig ist und am Montag mit der Unterstützung der Partei zur Abstimmung kommt.", "de"},
		{"spanish", "El ministro dijo que el plan está listo y que se votará el lunes con el apoyo de los diputados del partido.", "es"},
		{"portuguese", "O ministro disse que o plano está pronto e que será votado na segunda com o apoio dos deputados do partido.", "pt"},
		{"too short to tell", "« Oui », dit-il.", ""},
	}
	for _, tt := range tests {
		got := ""
		if l := attrDetectLang(tt.md); l != nil {
			got = l.Name
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestLocalize checks how a table reads a language's word order onto the
// English words the rules know.
func TestLocalize(t *testing.T) {
	fr := &attrLang{lexicon.Tables[0]}
	tests := []struct{ md, want string }{
		{"a déclaré le ministre", "said the minister"},
		{"dit-il", "said he"},
		{"a-t-elle ajouté", "she added"},
		{"l’ancien ministre", "the ancien minister"},
		{"Marine Le Pen", "marine le pen"},
		{"selon Mme Durand", "according to ms. durand"},
	}
	for _, tt := range tests {
		toks := fr.localize(tt.md, attrTokenize(tt.md, 0, len(tt.md), nil))
		got := ""
		for i, tk := range toks {
			if i > 0 {
				got += " "
			}
			got += tk.low
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.md, got, tt.want)
		}
	}
}

// TestLocalizeEveryCut reads every prefix and suffix of passages through
// every table: no panic, and every token stays inside the text.
func TestLocalizeEveryCut(t *testing.T) {
	passages := []string{
		"a déclaré M. Dupont. « Non », a-t-elle dit, selon l’AFP ; dit-il. Sra. Gómez a",
		"„Ja“, so Merkel. Regierungssprecher Hebestreit hat gesagt, laut der Partei von der Leyen",
		"«Sí», dijo el Sr. Pérez de acuerdo con la Sra. Ruiz; segundo o ministro da Silva disse",
	}
	for _, md := range passages {
		for k := 0; k <= len(md); k++ {
			for _, table := range lexicon.Tables {
				l := &attrLang{table}
				for _, s := range []string{md[:k], md[k:]} {
					for _, tk := range l.localize(s, attrTokenize(s, 0, len(s), nil)) {
						if tk.start < 0 || tk.end > len(s) || tk.start > tk.end {
							t.Fatalf("%s %q: token %+v outside", l.Name, s, tk)
						}
					}
				}
			}
		}
	}
}
