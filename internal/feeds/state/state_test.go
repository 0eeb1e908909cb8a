package state

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, err := Open(path, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	s.Commit("kyiv", Update{
		Sent:          map[string]Entry{"urn:a": {Hash: "h1", Version: 2}},
		SetValidators: true, ETag: `"abc"`, LastModified: "Sat, 01 Mar 2025 11:00:00 GMT", Now: now,
	})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	e, ok := s2.Lookup("kyiv", "urn:a")
	if !ok || e.Hash != "h1" || e.Version != 2 || !e.Seen.Equal(now) {
		t.Errorf("entry %+v %v", e, ok)
	}
	if etag, lm := s2.Validators("kyiv"); etag != `"abc"` || lm != "Sat, 01 Mar 2025 11:00:00 GMT" {
		t.Errorf("validators %q %q", etag, lm)
	}
	if _, ok := s2.Lookup("other", "urn:a"); ok {
		t.Error("state leaks across feeds")
	}
}

func TestSaveWritesOnlyWhenDirty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, _ := Open(path, zap.NewNop())
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("clean store wrote a file: %v", err)
	}
	now := time.Now()
	s.Commit("f", Update{Sent: map[string]Entry{"u": {Hash: "h", Version: 1}}, Now: now})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	// Seeing the same item again within the hour changes nothing.
	s.Commit("f", Update{Present: []string{"u"}, Now: now.Add(time.Minute)})
	if s.dirty {
		t.Error("a re-seen item dirtied the store within the resolution")
	}
	s.Commit("f", Update{Present: []string{"u"}, Now: now.Add(2 * time.Hour)})
	if !s.dirty {
		t.Error("an item seen two hours later did not refresh its Seen time")
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s2, _ := Open(path, zap.NewNop())
	if e, _ := s2.Lookup("f", "u"); !e.Seen.Equal(now.Add(2 * time.Hour).UTC().Truncate(time.Second)) {
		t.Errorf("saved Seen %v", e.Seen)
	}
}

func TestCorruptFileIsMovedAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte(`{"format":1,"feeds":{"a":{"items":{"u":{"h":"x",`), 0o644); err != nil {
		t.Fatal(err)
	}
	core, logs := observer.New(zapcore.InfoLevel)
	s, err := Open(path, zap.New(core))
	if err != nil {
		t.Fatalf("a corrupt file must not be fatal: %v", err)
	}
	if len(s.Feeds()) != 0 {
		t.Errorf("store not empty: %v", s.Feeds())
	}
	aside, _ := filepath.Glob(path + ".corrupt-*")
	if len(aside) != 1 {
		t.Fatalf("corrupt file not moved aside: %v", aside)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("corrupt file still in place: %v", err)
	}
	entries := logs.FilterLevelExact(zapcore.ErrorLevel).All()
	if len(entries) != 1 || !strings.Contains(entries[0].Message, "corrupt") {
		t.Errorf("log %+v", entries)
	}
	// The store works after that.
	s.Commit("a", Update{Sent: map[string]Entry{"u": {Hash: "h", Version: 1}}, Now: time.Now()})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestWrongFormatIsMovedAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	_ = os.WriteFile(path, []byte(`{"format":99,"feeds":{}}`), 0o644)
	s, err := Open(path, zap.NewNop())
	if err != nil || len(s.Feeds()) != 0 {
		t.Fatalf("%v %v", s, err)
	}
	if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) != 1 {
		t.Errorf("not moved aside: %v", aside)
	}
}

func TestInterruptedSaveLeavesOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, _ := Open(path, zap.NewNop())
	s.Commit("f", Update{Sent: map[string]Entry{"old": {Hash: "h", Version: 1}}, Now: time.Now()})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	// A crash after writing part of the temporary file, before the rename.
	if err := os.WriteFile(path+".tmp-12345", []byte(`{"format":1,"feeds":{"f":{"ite`), 0o644); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s2.Lookup("f", "old"); !ok {
		t.Error("old state lost")
	}
	if left, _ := filepath.Glob(path + ".tmp-*"); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestKilledWhileSaving kills a process that saves in a loop at a random
// moment, then checks that the file it leaves loads without corruption.
func TestKilledWhileSaving(t *testing.T) {
	if os.Getenv("WARWIRE_STATE_SAVER") != "" {
		saveForever(os.Getenv("WARWIRE_STATE_SAVER"))
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWhileSaving$")
		cmd.Env = append(os.Environ(), "WARWIRE_STATE_SAVER="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			if st, err := os.Stat(path); err == nil && st.Size() > 0 || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(time.Duration(50+round*70) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		core, logs := observer.New(zapcore.ErrorLevel)
		s, err := Open(path, zap.New(core))
		if err != nil {
			t.Fatal(err)
		}
		if logs.Len() != 0 {
			t.Fatalf("round %d: state corrupt after kill: %v", round, logs.All()[0].ContextMap())
		}
		if _, ok := s.Lookup("feed", "urn:item:0"); !ok {
			t.Fatalf("round %d: first item missing", round)
		}
	}
}

func saveForever(path string) {
	s, err := Open(path, zap.NewNop())
	if err != nil {
		panic(err)
	}
	for i := 0; ; i++ {
		sent := map[string]Entry{}
		for j := 0; j < 200; j++ {
			sent[fmt.Sprintf("urn:item:%d", (i*200+j)%5000)] = Entry{Hash: fmt.Sprintf("%032d", i), Version: int64(i + 1)}
		}
		s.Commit("feed", Update{Sent: sent, Now: time.Now()})
		if err := s.Save(); err != nil {
			panic(err)
		}
	}
}

func TestPrune(t *testing.T) {
	s, _ := Open(filepath.Join(t.TempDir(), "s.json"), zap.NewNop())
	old := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s.Commit("f", Update{Sent: map[string]Entry{"a": {Version: 1}}, Now: old})
	s.Commit("f", Update{Sent: map[string]Entry{"b": {Version: 1}}, Now: old.Add(48 * time.Hour)})
	s.Commit("g", Update{Sent: map[string]Entry{"c": {Version: 1}}, Now: old})
	if n := s.Prune(old.Add(24 * time.Hour)); n != 2 {
		t.Errorf("pruned %d, want 2", n)
	}
	if _, ok := s.Lookup("f", "b"); !ok {
		t.Error("recent item pruned")
	}
	if got := s.Feeds(); len(got) != 1 || got[0] != "f" {
		t.Errorf("feeds %v", got)
	}
}

func TestTouchKeepsItemsOfAnUnchangedFeed(t *testing.T) {
	s, _ := Open(filepath.Join(t.TempDir(), "s.json"), zap.NewNop())
	old := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s.Commit("f", Update{Sent: map[string]Entry{"a": {Version: 1}, "b": {Version: 2}}, Now: old})
	s.Touch("f", old.Add(40*24*time.Hour))
	s.Touch("missing", old)
	if n := s.Prune(old.Add(30 * 24 * time.Hour)); n != 0 {
		t.Errorf("pruned %d items of a feed that answered 304", n)
	}
	if e, _ := s.Lookup("f", "b"); e.Version != 2 || !e.Seen.Equal(old.Add(40*24*time.Hour)) {
		t.Errorf("entry %+v", e)
	}
}
