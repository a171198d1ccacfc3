package quote

import "testing"

// TestSpeakerWebNews covers attribution patterns common on news pages as
// byline extracts them: long descriptions in apposition, roles of bodies
// before the name they describe.
func TestSpeakerWebNews(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []wantQuote
	}{
		{"a description holding commas after the quote",
			"“We have a plan,” Jim Carlton, senior vice president at Acme Air, Space, and Security, said in a statement.",
			[]wantQuote{{"We have a plan,", "Jim Carlton"}}},
		{"a description that runs to the verb without a comma",
			"“The wind turned,” Priya Raman, a research analyst at the Council on Energy, Environment and Water think tank told reporters.",
			[]wantQuote{{"The wind turned,", "Priya Raman"}}},
		{"two descriptions before the verb: the name, not the role",
			"Omar Halabi, a senior analyst at Stratfor, the Texas-based intelligence firm, told reporters that the group was “fairly secular.”",
			[]wantQuote{{"fairly secular.", "Omar Halabi"}}},
		{"a title before a name and two descriptions",
			"Cmdr. Sean Ruiz, a spokesperson for Inherent Resolve, the military operation in Iraq and Syria, told reporters the claim “is false.”",
			[]wantQuote{{"is false.", "Sean Ruiz"}}},
		{"an opening place is no speaker",
			"In Washington, the Department of Justice, in a statement, said the plan was “unlawful.”",
			[]wantQuote{{"unlawful.", "Department of Justice"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.md, tt.want) })
	}
}
