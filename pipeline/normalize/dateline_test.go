package normalize

import "testing"

func TestSplitDateline(t *testing.T) {
	tests := []struct {
		name, in, place, rest string
	}{
		{"reuters", "KYIV, June 12 (Reuters) - Russia launched drones.", "KYIV", "Russia launched drones."},
		{"place and country with em dash", "KYIV, Ukraine — Air raid sirens sounded.", "KYIV", "Air raid sirens sounded."},
		{"bare em dash", "WASHINGTON — The Senate voted.", "WASHINGTON", "The Senate voted."},
		{"caps place then sentence", "WASHINGTON NATO Secretary General spoke on Monday.", "WASHINGTON", "NATO Secretary General spoke on Monday."},
		{"caps place then title word", "KHARKIV Russian guided bombs hit the city.", "KHARKIV", "Russian guided bombs hit the city."},
		{"dpa upper", "BRUSSELS (DPA) - EU ministers met.", "BRUSSELS", "EU ministers met."},
		{"dpa lower", "BERLIN (dpa) - Die Regierung tagte.", "BERLIN", "Die Regierung tagte."},
		{"afp en dash", "MOSCOW, Jan 3 (AFP) – The Kremlin said.", "MOSCOW", "The Kremlin said."},
		{"two places", "KYIV/WARSAW, June 12 (Reuters) - Leaders met.", "KYIV/WARSAW", "Leaders met."},
		{"two-word place", "NEW YORK (AP) — The council met.", "NEW YORK", "The council met."},
		{"dotted place", "ST. PETERSBURG, Russia, June 5 (Reuters) - Putin spoke.", "ST. PETERSBURG", "Putin spoke."},
		{"ukrainian", "КИЇВ, 12 червня — Сили ППО збили ракети.", "КИЇВ", "Сили ППО збили ракети."},
		{"russian", "МОСКВА, 3 января — Кремль заявил.", "МОСКВА", "Кремль заявил."},
		{"tass", "МОСКВА, 3 января. /ТАСС/. Кремль заявил.", "МОСКВА", "Кремль заявил."},
		{"ria after the dash", "МОСКВА, 3 янв - РИА Новости. Кремль заявил.", "МОСКВА", "Кремль заявил."},
		{"slash without agency", "KYIV, June 12 /Reuters is fine", "", ""},
		{"double hyphen", "LONDON, March 3 -- Britain pledged aid.", "LONDON", "Britain pledged aid."},
		{"em dash without spaces", "KYIV—Ukraine said on Monday.", "KYIV", "Ukraine said on Monday."},
		{"title-case place with known agency", "Kyiv (AFP) - Ukraine said on Monday.", "Kyiv", "Ukraine said on Monday."},
		{"title-case place, date and agency", "Kyiv, June 12 (Reuters) - Officials said.", "Kyiv", "Officials said."},
		{"agency without dash", "KYIV (Reuters) Officials said.", "KYIV", "Officials said."},
		{"dateline alone in first paragraph", "KYIV, June 12 (Reuters) -\n\nRussia launched drones.", "KYIV", "Russia launched drones."},
		{"rest of body kept", "ODESA, Ukraine — First.\n\nSecond.", "ODESA", "First.\n\nSecond."},

		{"acronym subject", "NATO said on Monday it would help.", "", ""},
		{"acronym with comma", "NATO, the alliance, said it would help.", "", ""},
		{"acronym then title word", "US officials said the aid was ready.", "", ""},
		{"acronym possessive", "NATO'S chief said.", "", ""},
		{"cyrillic acronym", "НАТО заявило про підтримку.", "", ""},
		{"label", "BREAKING Russia launches missiles.", "", ""},
		{"function word", "THE Kremlin said.", "", ""},
		{"all capitals body", "RUSSIAN FORCES SHELLED KHARKIV ON MONDAY NIGHT", "", ""},
		{"caps word then lower case", "KYIV is under attack.", "", ""},
		{"comma then prose", "KYIV, the capital, was hit - officials said.", "", ""},
		{"title-case place with unknown parenthesis", "Zelensky (pictured) - He spoke.", "", ""},
		{"ordinary sentence", "Russia launched 40 drones overnight.", "", ""},
		{"single capital", "A Ukrainian drone hit a depot.", "", ""},
		{"hyphenated caps word", "KYIV-BASED analysts said.", "", ""},
		{"empty", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			place, rest := SplitDateline(tc.in)
			wantRest := tc.rest
			if tc.place == "" {
				wantRest = tc.in
			}
			if place != tc.place || rest != wantRest {
				t.Errorf("SplitDateline(%q) = %q, %q; want %q, %q", tc.in, place, rest, tc.place, wantRest)
			}
		})
	}
}
