package normalize

import (
	"slices"
	"strings"
	"testing"
)

func TestIsCaption(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		// captions
		{"reuters credit with date", "Rescuers search the rubble of a school hit by a missile in Sumy, Ukraine, April 13, 2025. REUTERS", true},
		{"reuters photographer", "A soldier of the 47th brigade fires a howitzer near Avdiivka, Ukraine November 2, 2024. REUTERS/Viacheslav Ratynskyi", true},
		{"reuters photographer file photo", "Smoke rises over the steel plant in Mariupol, Ukraine, May 5, 2022. REUTERS/Alexander Ermochenko/File Photo", true},
		{"reuters credit without full stop", "Residents queue for water in Kherson, Ukraine November 20, 2024 REUTERS/Anna Voitenko", true},
		{"ap photo in parentheses", "Ukrainian servicemen ride an armoured vehicle on a road near the front line in the Zaporizhzhia region. (AP Photo/Evgeniy Maloletka)", true},
		{"ap credit", "Volunteers load boxes of medicine onto a truck in Lviv, Ukraine, on Thursday, Jan. 9, 2025. AP", true},
		{"afp via getty", "Emergency workers clear debris in Dnipro on March 1, 2025. Genya Savilov/AFP via Getty Images", true},
		{"afp credit", "A woman walks past a burnt car in Kharkiv on February 3, 2025. AFP", true},
		{"p.a. credit", "The prime minister greets President Zelenskiy outside Downing Street in London, Britain, March 2, 2025. P.A.", true},
		{"pa credit", "Demonstrators gather outside the Russian embassy in London. PA", true},
		{"handout via reuters", "A view shows a damaged power substation after a drone attack in the Kyiv region. Ukrainian Energy Ministry/Handout via REUTERS", true},
		{"via reuters", "A view shows the main hall of the summit venue, which the delegation chose not to attend. via REUTERS", true},
		{"epa-efe", "Ukrainian soldiers take part in a training exercise in the Chernihiv region, Ukraine, 12 February 2025. EPA-EFE/SERGEY DOLZHENKO", true},
		{"photo colon credit", "Firefighters extinguish a fire after shelling in Kherson on June 2, 2024. Photo: Ukrinform", true},
		{"photo by getty", "Ukrainian President Volodymyr Zelensky speaks to the media in Brussels, Belgium, on December 19, 2024. (Photo by Jane Doe/Getty Images)", true},
		{"anadolu", "People light candles at a memorial in Kyiv on February 24, 2025. ANADOLU", true},
		{"anadolu agency via getty", "Relatives mourn at a funeral in Bucha on March 31, 2025. Name Surname/Anadolu Agency via Getty Images", true},
		{"ukrinform", "Sappers inspect a field near Izium, Kharkiv region. Ukrinform", true},
		{"getty images", "A man stands in front of his destroyed house in Irpin on April 3, 2022. Getty Images", true},
		{"file photo lead", "FILE PHOTO: The headquarters of the Central Bank of Russia in Moscow. REUTERS/Maxim Shemetov/File Photo", true},
		{"credit only, strong", "REUTERS/Valentyn Ogirenko", true},
		{"ukrainian photo credit", "Рятувальники працюють на місці удару в Києві. Фото: ДСНС", true},
		{"ap photo without caption signals", "Ukrainian servicemen on a road near the front line. (AP Photo/Name Surname)", true},

		// body paragraphs
		{"told reuters", "The strike destroyed two warehouses, a regional official told Reuters.", false},
		{"said reuters", "Three people were killed, said Reuters, citing local officials.", false},
		{"quotes ap", "“We will rebuild this bridge by the summer,” the mayor said in an interview with AP.", false},
		{"speech ending in caps credit", "Asked about the strike, the spokesman told reporters on June 14, 2024: “We have nothing to add.” REUTERS", false},
		{"agency in prose", "The footage, first published by AFP, shows soldiers moving through the village", false},
		{"plain paragraph", "Ukraine's air force said it had shot down 41 drones overnight.", false},
		{"caption lead without credit", "A view shows the damaged building after the strike.", false},
		{"ukrainian speech with photo credit", "Мер заявив, що ситуація під контролем. Фото: ДСНС", false},
		{"speech with photo credit", "The mayor said the situation was under control. Photo: Kyiv City Council", false},
		{"reporting credits line", "(Reporting by Olena Harmash; Editing by Ros Russell)", false},
		{"credit only, weak", "AP", false},
		{"reporting with date and credit", "The minister said on June 14, 2024 that talks would continue. REUTERS", false},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsCaption(tc.in); got != tc.want {
				t.Errorf("IsCaption(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitCaptions(t *testing.T) {
	paras := []string{
		"KYIV, March 4 (Reuters) - Officials reported new strikes.",
		"Firefighters work at the site of a strike in Odesa, Ukraine, March 4, 2025. REUTERS/Stringer",
		"The governor said three people were injured.",
		"A view shows a damaged apartment block in Odesa. via REUTERS",
	}
	body, caps := SplitCaptions(paras)
	if want := []string{paras[0], paras[2]}; !slices.Equal(body, want) {
		t.Errorf("body = %q, want %q", body, want)
	}
	if want := []string{paras[1], paras[3]}; !slices.Equal(caps, want) {
		t.Errorf("captions = %q, want %q", caps, want)
	}
	if body, caps := SplitCaptions(nil); len(body) != 0 || len(caps) != 0 {
		t.Errorf("SplitCaptions(nil) = %q, %q", body, caps)
	}
}

func TestCaptionSignals(t *testing.T) {
	tests := []struct {
		in   string
		want signals
	}{
		{"in Kyiv, June 14, 2024.", signals{date: true}},
		{"on Jan. 9, 2025 in Lviv", signals{date: true}},
		{"taken 12 February 2025", signals{date: true}},
		{"in June 2024", signals{}},
		{"on Monday", signals{}},
		{"June 14, 1850 is too early", signals{}},
		{"Soldiers fire at positions", signals{scene: true}},
		{"Fire rages in the depot", signals{}},
		{"The mayor said so", signals{speech: true}},
		{"Мер заявив про евакуацію", signals{speech: true}},
		{"may 14, 2024 lower-case month", signals{}},
	}
	for _, tc := range tests {
		if got := captionSignals(tc.in); got != tc.want {
			t.Errorf("captionSignals(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestCaptionWordsFitTheLookup(t *testing.T) {
	for w := range captionWords {
		if len(w) < 3 || len(w) > maxCaptionWord {
			t.Errorf("caption word %q is outside the looked-up lengths", w)
		}
	}
}

// FuzzSplitCaptionsText checks splitCaptionsText against SplitCaptions and
// strings.Join, empty paragraphs included.
func FuzzSplitCaptionsText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Smoke rises. REUTERS/Name\n\nBody.\n\n\n\nA view shows a site. REUTERS\n\n")
	f.Add("\n\nFILE PHOTO: A view shows a site. REUTERS/Name/File Photo\n\nText\n\n(AP Photo/Name)")
	f.Fuzz(func(t *testing.T, text string) {
		body, captions := SplitCaptions(splitParagraphs(text))
		wantBody := text
		if len(captions) > 0 {
			wantBody = strings.Join(body, paragraphSep)
		}
		gotBody, gotCaptions := splitCaptionsText(text)
		if gotBody != wantBody || !slices.Equal(gotCaptions, captions) {
			t.Fatalf("%q: got %q %q, want %q %q", text, gotBody, gotCaptions, wantBody, captions)
		}
	})
}

// creditHintRef is creditHint read one byte at a time, as first written.
func creditHintRef(tail string) bool {
	if len(tail) > hintTail {
		tail = tail[len(tail)-hintTail:]
	}
	if strings.IndexByte(tail, '/') >= 0 || strings.HasSuffix(strings.TrimSuffix(tail, "."), ")") {
		return true
	}
	for i := 0; i+1 < len(tail); i++ {
		switch b := tail[i]; {
		case b-'A' < 26:
			if n := tail[i+1]; n-'A' < 26 || n == '.' || hintWordAt(tail[i:]) {
				return true
			}
		case b == 0xd0 && strings.HasPrefix(tail[i:], "Фото"):
			return true
		}
	}
	return false
}

func FuzzCreditHint(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("smoke rises over the city of kyiv after an attack, ukraine, on june 14, 2024 Фото: x")
	f.Add("a view of the damaged building in the city centre on tuesday, officials saiD. ")
	f.Add("officials said on tuesday that the attack had killed three people in the Getty area")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := creditHint(s), creditHintRef(s); got != want {
			t.Fatalf("creditHint(%q) = %v, reference %v", s, got, want)
		}
	})
}

// FuzzTrimSpace checks trimSpace against strings.TrimSpace.
func FuzzTrimSpace(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("“Quoted.”")
	f.Add("\u00a0x\u3000")
	f.Add("\u2028x\u202f")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, strings.TrimSpace %q", s, got, want)
		}
	})
}

// FuzzIndexSpaceOrSlash checks indexSpaceOrSlash against strings.IndexAny.
func FuzzIndexSpaceOrSlash(f *testing.F) {
	for _, s := range append(fuzzSeeds, "REUTERS/Name", "AP Photo", "Ф/о x", "") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexSpaceOrSlash(s), strings.IndexAny(s, " /"); got != want {
			t.Fatalf("indexSpaceOrSlash(%q) = %d, strings.IndexAny %d", s, got, want)
		}
	})
}

// TestHasCaptionLeadFilter checks hasCaptionLead's first-byte filter
// against comparing every lead.
func TestHasCaptionLeadFilter(t *testing.T) {
	ref := func(desc string) bool {
		for _, l := range captionLeads {
			if strings.HasPrefix(desc, l) {
				return true
			}
		}
		return false
	}
	cases := []string{"", "A", "a view shows", "Smoke rises", "Фото", "Фото: x", "Ф", "\xd0"}
	for _, l := range captionLeads {
		cases = append(cases, l, l+" x", l[:len(l)-1], strings.ToLower(l), " "+l)
	}
	for _, c := range cases {
		if got, want := hasCaptionLead(c), ref(c); got != want {
			t.Fatalf("hasCaptionLead(%q) = %v, comparing every lead %v", c, got, want)
		}
	}
}

// TestLastIndex checks lastIndex against strings.LastIndex.
func TestLastIndex(t *testing.T) {
	for _, s := range []string{"", "x", " REUTERS", "a REUTERS b REUTERS", " REUTERS REUTERS", "aaaa", "aREUTERS", " REUTER"} {
		for _, sub := range []string{" REUTERS", "aa", "a", "REUTERS"} {
			if got, want := lastIndex(s, sub), strings.LastIndex(s, sub); got != want {
				t.Fatalf("lastIndex(%q, %q) = %d, strings.LastIndex %d", s, sub, got, want)
			}
		}
	}
}
