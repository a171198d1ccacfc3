package furniture

import "testing"

func TestCleanTailCredits(t *testing.T) {
	const body = "The council voted 7-2 on Tuesday to approve the budget.\n\n"
	tests := []struct {
		name, in string
		removed  bool
	}{
		{"reporting and editing", "(*Reporting by Jo Lee, with reporting by Ana Ruiz, editing by Sam Roe.*)", true},
		{"reporting semicolons", "Reporting by Jo Lee; additional reporting by Ana Ruiz; Editing by Sam Roe and Kim Park", true},
		{"additional reporting", "*Additional reporting by Jo Lee*", true},
		{"contributed stays", "Press writers Jo Lee, Ana Ruiz and Sam Roe contributed to this report.", false},
		{"reporting as prose", "Reporting by the paper found that the mayor was told in March.", false},
		{"reporting names then prose", "Reporting by Jo Lee showed the fund closed in May.", false},
		{"copyright stays", "Copyright 2019 Harbour News. All rights reserved.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := body + tt.in + "\n"
			want := in
			if tt.removed {
				want = body[:len(body)-1]
			}
			if got := Clean(in); got != want {
				t.Errorf("Clean(%q) = %q, want %q", in, got, want)
			}
			// Not at the end: never removed.
			mid := body + tt.in + "\n\n" + body[:len(body)-1]
			if got := Clean(mid); got != mid {
				t.Errorf("removed a credit line before the end: %q", got)
			}
		})
	}
}
