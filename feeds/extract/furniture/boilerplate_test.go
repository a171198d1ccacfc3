package furniture

import (
	"strings"
	"testing"
)

func TestCompanyBoilerplate(t *testing.T) {
	const article = "The harbour authority said on Monday that the new pager system had cut missed alarms by a third.\n\n" +
		"Nurses at the island's hospital will test it from March."
	tests := []struct {
		name, tail string
		gone       bool
	}{
		{"a company described after a rule",
			"* * *\n\nHarbourTech is a global solutions provider focused on mobile workflow. It employs 1,300 people.\n\nHarbourTech is listed in Zurich.", true},
		{"under an About label",
			"---\n\n**About HarbourTech**\n\nFounded in 1990, HarbourTech is the leading maker of pagers for hospitals.\n\nMedia contact: press@harbourtech.example", true},
		// Near misses: kept.
		{"an author's bio after a rule", "* * *\n\nMorag Flett is a reporter who covers the islands for the Post.", false},
		{"a company described without a rule", "HarbourTech is a global solutions provider focused on mobile workflow.", false},
		{"a rule then the article going on", "* * *\n\nThe council meets in June.\n\nIt will vote then.\n\nResidents hope for a reprieve.\n\nThe ferry runs until then.\n\nHarbourTech is a company.", false},
		{"a correction after a rule", "* * *\n\nCorrection: an earlier version of this story gave the wrong date for the trial.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(article + "\n\n" + tt.tail)
			if !strings.Contains(got, "from March") {
				t.Fatalf("lost the article: %q", got)
			}
			if gone := !strings.Contains(got, tt.tail[len(tt.tail)-10:]); gone != tt.gone {
				t.Errorf("removed %v, want %v: %q", gone, tt.gone, got)
			}
		})
	}
}
