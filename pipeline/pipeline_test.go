package pipeline

import (
	"context"
	"errors"
	"testing"
	"time"
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
