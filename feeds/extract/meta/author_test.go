package meta

import "testing"

func TestAuthor(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		notPeople  []string
		author     string
		site       string
	}{
		{"plain name", []string{"Jane Doe"}, nil, "Jane Doe", ""},
		{"by prefix", []string{"By Jane Doe"}, nil, "Jane Doe", ""},
		{"glued date and count", []string{"by Lucas Nolan22 Dec 2016651"}, nil, "Lucas Nolan", ""},
		{"glued weekday", []string{"Jeff FoustMonday, November 18, 2019"}, nil, "Jeff Foust", ""},
		{"glued month", []string{"Carrie ArnoldNovember 19, 2019"}, nil, "Carrie Arnold", ""},
		{"dateline is no author", []string{"April 28, 2019 at 6:01 am Updated April 29"}, nil, "", ""},
		{"reading time", []string{"Jane Doe · 3 min read"}, nil, "Jane Doe", ""},
		{"timestamp", []string{"Jane Doe 2019-11-19T10:00:00Z"}, nil, "Jane Doe", ""},
		{"url", []string{"https://www.example.com/authors/jane"}, nil, "", ""},
		{"handle", []string{"@janedoe"}, nil, "", ""},
		{"credentials", []string{"Jane Doe, MS, RD"}, nil, "Jane Doe", ""},
		{"site after comma", []string{"Jane Doe, Futurism"}, nil, "Jane Doe", ""},
		{"acronym site after comma", []string{"Jane Doe, CNN Business"}, nil, "Jane Doe", ""},
		{"site after full stop", []string{"Jane Doe. Sputnik International"}, nil, "Jane Doe", "Sputnik International"},
		{"initial kept", []string{"Sarah E. Needleman"}, nil, "Sarah E. Needleman", ""},
		{"honorific kept", []string{"Dr. Ana Ruiz"}, nil, "Dr. Ana Ruiz", ""},
		{"capitals glued to agency", []string{"By DANICA KIRKA and JILL LAWLESSAssociated Press"}, nil,
			"Danica Kirka and Jill Lawless", "Associated Press"},
		{"capitals tidied", []string{"MEG KINNARD and ERRIN HAINES"}, nil, "Meg Kinnard and Errin Haines", ""},
		{"list of three", []string{"Ann Lee, Bo Park and Cy Young"}, nil, "Ann Lee, Bo Park and Cy Young", ""},
		{"single word", []string{"Regan"}, nil, "", ""},
		{"agency", []string{"Associated Press"}, nil, "", ""},
		{"the agency", []string{"The Associated Press"}, nil, "", ""},
		{"staff", []string{"HNN Staff"}, nil, "", ""},
		{"desk", []string{"Telegraph Sport"}, nil, "", ""},
		{"acronym organisation", []string{"CBS Detroit"}, nil, "", ""},
		{"the site itself", []string{"Al-Bawaba"}, []string{"Al Bawaba"}, "", ""},
		{"the site less its domain", []string{"Snopes"}, []string{"Snopes.com"}, "", ""},
		{"glued site name", []string{"NBCNews"}, []string{"NBC News"}, "", ""},
		{"first valid wins", []string{"", "Staff Reports", "Lisa Kubota", "Other Person"}, nil, "Lisa Kubota", ""},
		{"month as name", []string{"August June"}, nil, "", ""},
		{"sentence", []string{"The president said on Friday that talks would go on."}, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, s := Author(tt.candidates, tt.notPeople...)
			if a != tt.author || s != tt.site {
				t.Errorf("Author(%q) = %q, %q; want %q, %q", tt.candidates, a, s, tt.author, tt.site)
			}
		})
	}
}

func TestSite(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"plain", []string{"The Daily Planet"}, "The Daily Planet"},
		{"repeated", []string{"BBC News · BBC News"}, "BBC News"},
		{"tagline", []string{"Planet | The news platform of the north"}, "Planet"},
		{"domain after name", []string{"The Jerusalem Post | JPost.com"}, "The Jerusalem Post"},
		{"list of sections", []string{"Autoracing | F1 | Indy | MotoGP"}, "Autoracing"},
		{"degree before name", []string{"MA WebMD Health News"}, "WebMD Health News"},
		{"url", []string{"https://www.example.com", "Example"}, "Example"},
		{"handle", []string{"@example", "Example News"}, "Example News"},
		{"date", []string{"June 21, 2024", "Example"}, "Example"},
		{"sentence", []string{"Read the best stories about the world every day.", "Example"}, "Example"},
		{"empty", []string{"", ""}, ""},
		{"hyphenated name kept", []string{"San Antonio Express-News"}, "San Antonio Express-News"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Site(tt.candidates...); got != tt.want {
				t.Errorf("Site(%q) = %q, want %q", tt.candidates, got, tt.want)
			}
		})
	}
}
