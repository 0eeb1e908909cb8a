package decode

import (
	"reflect"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/pipeline"
)

// fastSeeds are messages on both sides of every rule the fast path checks.
var fastSeeds = []string{
	`{"uri":"urn:x:1","version":3,"versioncreated":"2024-06-17T09:30:00+02:00","headline":"H","body_text":"B\n\"q\" \u00e9 \ud83d\ude00 \ud800 x","urgency":3,"subject":[{"code":"c","name":"n","relevance":100,"x":[1,{"y":null}]}]}`,
	`{"uri":"u","headline":"h","version":"000000000000000001"}`,
	`{"uri":"u","headline":"h","version":"0000000000000000001"}`,
	`{"uri":"u","headline":"h","version":9007199254740991}`,
	`{"uri":"u","headline":"h","version":9007199254740992}`,
	`{"uri":"u","headline":"h","version":1.0}`,
	`{"uri":"u","headline":"h","version":-1}`,
	`{"uri":"u","headline":"h","version":"999999999999999999"}`,
	`{"uri":" ","headline":"h"}`,
	`{"uri":"\u00a0","headline":"h"}`,
	`{"uri":"u","headline":" \t"}`,
	`{"uri":"u","headline":" ","pubstatus":"withheld"}`,
	`{"uri":"u","headline":"h","pubstatus":"Usable"}`,
	`{"uri":"u","headline":"h","urgency":10}`,
	`{"uri":"u","headline":"h","urgency":09}`,
	`{"uri":"u","headline":"h","versioncreated":"2024-06-17"}`,
	`{"uri":"u","headline":"h","versioncreated":"2024-06-17 09:30"}`,
	`{"uri":"u","headline":"h","versioncreated":"2024-13-45T99:99:99Z"}`,
	`{"uri":"u","headline":"h","expires":"tomorrow"}`,
	`{"uri":"u","headline":"h","headline_extra":3}`,
	`{"uri":"u","headline":"h","headline_":3}`,
	`{"uri":"u","headline":"h","body_html":5}`,
	`{"uri":"u","headline":"h","whatever":{"a":[true,false,null,-0.5e+3]}}`,
	`{"uri":"u","headline":"h","whatever":01}`,
	`{"uri":"u","headline":"h","subject":[{"code":5}]}`,
	`{"uri":"u","headline":"h","subject":[{"relevance":101}]}`,
	`{"uri":"u","headline":"h","subject":[]}`,
	`{"uri":"u","headline":"h","uri":"v"}`,
	`{"uri":"u","headline":"h","headline":5}`,
	`{"uri":"u","headline":"h","\u0075ri":"v"}`,
	`{"uri":"u","headline":"h","by":"A","located":"K"}`,
	`{"uri":"u","headlines":[{"value":"H"}]}`,
	`{"uri":"u","headline":"h"} `,
	`{"uri":"u","headline":"h"}]`,
	`{"uri":"u","headline":"h"`,
	`{"uri":"u","headline":"bad \x escape"}`,
	`{"uri":"u","headline":"h","charcount":12,"wordcount":0}`,
	` {"uri":"u","title":"t"}`,
	`{}`,
	`[]`,
	``,
}

// TestFastPathAgrees checks that every message the fast path accepts is
// accepted by the slow path and decodes to the same story.
func TestFastPathAgrees(t *testing.T) {
	accepted := 0
	for _, raw := range fastSeeds {
		if checkAgreement(t, []byte(raw)) {
			accepted++
		}
	}
	g := synth.New(7)
	for i := range 50 {
		if !checkAgreement(t, g.AppendJSON(nil, i)) {
			t.Fatalf("fast path refused synthetic story %d", i)
		}
		accepted++
	}
	if accepted < 60 {
		t.Fatalf("fast path accepted only %d messages", accepted)
	}
}

// checkAgreement compares the fast and slow paths on raw and reports whether
// the fast path accepted it.
func checkAgreement(t *testing.T, raw []byte) bool {
	t.Helper()
	valid, ctl := checkRaw(raw)
	if valid != utf8.Valid(raw) {
		t.Fatalf("checkRaw(%q) valid = %v", raw, valid)
	}
	if !valid {
		return false
	}
	var m message
	if !parseMessage(raw, ctl, &m) {
		return false
	}
	fast := &pipeline.Story{Raw: raw}
	fastErr := fillMessage(fast, &m)
	slow := &pipeline.Story{Raw: raw}
	reason, slowErr := slowDecode(slow)
	if slowErr != nil && reason != pipeline.ReasonSchema {
		t.Fatalf("fast path accepted %q, slow path rejects it: %v", raw, slowErr)
	}
	if (fastErr == nil) != (slowErr == nil) {
		t.Fatalf("%q: fast error %v, slow error %v (%s)", raw, fastErr, slowErr, reason)
	}
	if fastErr == nil && !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%q:\nfast %+v\nslow %+v", raw, fast, slow)
	}
	return true
}

// FuzzFastPath checks the fast path against the slow path on any input.
func FuzzFastPath(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	f.Add(synth.New(1).AppendJSON(nil, 0))
	// paragraph breaks taken whole: at the ends, before an escaped quote, odd runs
	f.Add([]byte(`{"uri":"u","body_text":"\n\na\n\n\n\"b\n\\n\n\\\n\n"}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkAgreement(t, raw)
	})
}

// dateTimePattern is the dateTime pattern of ninjs.schema.json, compiled
// with the engine the schema validator uses: the reference for isDateTime.
var dateTimePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$`)

// FuzzDateTime checks isDateTime against the schema's regular expression.
func FuzzDateTime(f *testing.F) {
	for _, s := range []string{"2024-06-17", "2024-06-17T09:30", "2024-06-17 09:30:00", "2024-06-17t09:30:00.123Z",
		"2024-06-17T09:30:00,5+02:00", "2024-06-17T09:30+0200", "2024-06-17T09:30:00-02", "2024-06-17T09:30:00+02:",
		"2024-06-17T09:30:0", "2024-06-17T09:30:00.", "2024-06-17T09:30:00Zz", "2024-06-17T9:30", "tomorrow", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isDateTime([]byte(s)), dateTimePattern.MatchString(s); got != want {
			t.Fatalf("isDateTime(%q) = %v, pattern %v", s, got, want)
		}
	})
}
