package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestDocIDIsStableAndDistinct(t *testing.T) {
	if DocID("urn:a") != DocID("urn:a") || DocID("urn:a") == DocID("urn:b") || len(DocID("x")) != 40 {
		t.Fatal("DocID must be a stable 40-hex id per uri")
	}
}

func TestFingerprintIgnoresPunctuationAndTail(t *testing.T) {
	body := "KYIV - Russia launched 40 drones overnight, officials said. "
	for i := 0; i < 80; i++ {
		body += "word "
	}
	a := Fingerprint("", body)
	b := Fingerprint("", "KYIV — Russia launched 40 drones overnight; officials said!! "+body[len("KYIV - Russia launched 40 drones overnight, officials said. "):]+" Republished by Outlet X.")
	if a == "" || a != b {
		t.Fatalf("near-identical copies differ: %s vs %s", a, b)
	}
	if a == Fingerprint("", "A different story entirely about grain exports from Odesa.") {
		t.Fatal("different stories share a fingerprint")
	}
	if Fingerprint("", "  ... ") != "" {
		t.Fatal("no words should give no fingerprint")
	}
}

func TestWithdrawnDocumentCarriesNoText(t *testing.T) {
	s := &Story{URI: "urn:k", Version: 3, PubStatus: PubStatusCanceled, Headline: "H", Body: "text",
		Entities: []Entity{{ID: "Q1", Name: "X", Type: EntityCountry}}, VersionCreated: time.Now()}
	d := NewDocument(s, "v", time.Now())
	if !d.Withdrawn || d.Headline != "" || d.Body != "" || d.Entities != nil || d.Fingerprint != "" {
		t.Fatalf("withdrawn document keeps text: %+v", d)
	}
	if d.ID != DocID("urn:k") || d.Version != 3 || d.VersionCreated == nil {
		t.Fatalf("withdrawn record lacks id/version/times: %+v", d)
	}
}

type failStage struct{ name string }

func (f failStage) Name() string { return f.name }
func (f failStage) Process(_ context.Context, b []*Story) error {
	if f.name == "broken" {
		return errors.New("boom")
	}
	for _, s := range b {
		if !s.Failed() {
			s.Fail(f.name, ReasonStageError, nil)
		}
	}
	return nil
}
func (f failStage) Close(context.Context) error { return nil }

func TestChainStopsOnBatchErrorAndFirstFailureWins(t *testing.T) {
	b := []*Story{{}}
	if err := (Chain{failStage{"a"}, failStage{"b"}}).Process(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	if b[0].Failure.Stage != "a" {
		t.Fatalf("failure from %s, want the first stage", b[0].Failure.Stage)
	}
	err := (Chain{failStage{"broken"}, failStage{"a"}}).Process(context.Background(), []*Story{{}})
	var se *StageError
	if !errors.As(err, &se) || se.Stage != "broken" {
		t.Fatalf("err %v, want a StageError naming the stage", err)
	}
}

// fingerprintRef is Fingerprint as first written (one hash write per rune),
// kept as the reference for FuzzFingerprint.
func fingerprintRef(headline, body string) string {
	src := body
	if strings.TrimSpace(src) == "" {
		src = headline
	}
	h := sha256.New()
	words := 0
	inWord := false
	var buf [4]byte
	for _, r := range src {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				if words == fingerprintWords {
					break
				}
				words++
				if words > 1 {
					h.Write([]byte{' '})
				}
				inWord = true
			}
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			h.Write(buf[:n])
			continue
		}
		inWord = false
	}
	if words == 0 {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func FuzzFingerprint(f *testing.F) {
	f.Add("Headline", "KYIV — Russia launched 40 drones overnight; officials said.")
	f.Add("Заголовок", "  ... ")
	f.Add("", strings.Repeat("Зеленський відвідав Харків. ", 30))
	f.Add("h", strings.Repeat("word ", 80))
	f.Add("", strings.Repeat(strings.Repeat("ж", 20)+" ", 61)) // past the 1536-byte stack buffer
	f.Fuzz(func(t *testing.T, headline, body string) {
		if got, want := Fingerprint(headline, body), fingerprintRef(headline, body); got != want {
			t.Fatalf("Fingerprint(%q, %q) = %q, reference %q", headline, body, got, want)
		}
	})
}

// BenchmarkFingerprint compares Fingerprint with its reference on a
// 3 KB English body.
func BenchmarkFingerprint(b *testing.B) {
	body := strings.Repeat("Russian forces struck Kharkiv overnight, the regional governor said on Tuesday. ", 40)
	for _, c := range []struct {
		name string
		f    func(string, string) string
	}{{"new", Fingerprint}, {"ref", fingerprintRef}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.f("Headline", body)
			}
		})
	}
}
