// Package state remembers, per feed, which items warwire has sent to Kafka
// (their content hash and version) and the feed's ETag and Last-Modified
// validators, in one JSON file. The file is replaced atomically (write a
// temporary file, fsync, rename, fsync the directory), so a crash in the
// middle of a save leaves the previous file intact. A file that cannot be
// read as state is moved aside and reported, and the store starts empty.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"go.uber.org/zap"
)

// formatVersion is the version of the file layout.
const formatVersion = 1

// seenResolution is how stale an entry's Seen time may get before a poll
// that sees the item again refreshes it (and so dirties the store).
const seenResolution = time.Hour

// Entry is what the store knows of one sent item.
type Entry struct {
	// Hash is the content hash of the item as last sent.
	Hash string `json:"h"`
	// Version is the version last sent.
	Version int64 `json:"v"`
	// Seen is the last time the item was in its feed (to the hour).
	Seen time.Time `json:"seen"`
}

// Feed is the state of one feed.
type Feed struct {
	ETag         string           `json:"etag,omitempty"`
	LastModified string           `json:"last_modified,omitempty"`
	Items        map[string]Entry `json:"items"`
}

type file struct {
	Format int              `json:"format"`
	Saved  time.Time        `json:"saved"`
	Feeds  map[string]*Feed `json:"feeds"`
}

// Store is the state of every feed. It is safe for concurrent use.
type Store struct {
	path string
	log  *zap.Logger

	saveMu sync.Mutex // serialises saves so that a newer snapshot is never overwritten by an older one
	mu     sync.Mutex // guards feeds and dirty
	feeds  map[string]*Feed
	dirty  bool
}

// Open loads the store from path. A missing file is an empty store; leftover
// temporary files of an interrupted save are removed; a corrupt file is
// renamed to path.corrupt-TIMESTAMP, logged as an error, and the store starts
// empty. Only an unreadable file (permissions, I/O) is an error.
func Open(path string, log *zap.Logger) (*Store, error) {
	s := &Store{path: path, log: log, feeds: map[string]*Feed{}}
	s.removeTemps()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("failed to read feed state %s: %w", path, err)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil || f.Format != formatVersion || f.Feeds == nil {
		if err == nil {
			err = fmt.Errorf("format %d, want %d", f.Format, formatVersion)
		}
		s.quarantine(err)
		return s, nil
	}
	for name, fd := range f.Feeds {
		if fd == nil {
			continue
		}
		if fd.Items == nil {
			fd.Items = map[string]Entry{}
		}
		s.feeds[name] = fd
	}
	return s, nil
}

func (s *Store) quarantine(cause error) {
	aside := fmt.Sprintf("%s.corrupt-%s", s.path, time.Now().UTC().Format("20060102T150405Z"))
	if err := os.Rename(s.path, aside); err != nil {
		s.log.Error("feed state file is corrupt and cannot be moved aside; starting empty",
			zap.String("path", s.path), zap.NamedError("cause", cause), zap.Error(err))
		return
	}
	s.log.Error("feed state file is corrupt; moved it aside and starting empty (items may be sent again)",
		zap.String("path", s.path), zap.String("moved_to", aside), zap.Error(cause))
}

func (s *Store) removeTemps() {
	matches, _ := filepath.Glob(s.path + ".tmp-*")
	for _, m := range matches {
		_ = os.Remove(m)
	}
}

// Path is the file the store saves to.
func (s *Store) Path() string { return s.path }

// Lookup returns the entry of uri in feed.
func (s *Store) Lookup(feed, uri string) (Entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.feeds[feed]
	if f == nil {
		return Entry{}, false
	}
	e, ok := f.Items[uri]
	return e, ok
}

// Validators returns the ETag and Last-Modified stored for feed.
func (s *Store) Validators(feed string) (etag, lastModified string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.feeds[feed]; f != nil {
		return f.ETag, f.LastModified
	}
	return "", ""
}

// Update is what one acknowledged poll (or push) changes in a feed's state.
type Update struct {
	// Sent are the entries of items Kafka acknowledged.
	Sent map[string]Entry
	// Present are the URIs in the feed now (sent or unchanged).
	Present []string
	// Validators replace the stored ETag and Last-Modified when SetValidators.
	SetValidators      bool
	ETag, LastModified string
	Now                time.Time
}

// Commit applies u to feed. Call it only after Kafka acknowledged u.Sent.
func (s *Store) Commit(feed string, u Update) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.feeds[feed]
	if f == nil {
		f = &Feed{Items: map[string]Entry{}}
		s.feeds[feed] = f
	}
	now := u.Now.UTC().Truncate(time.Second)
	for uri, e := range u.Sent {
		e.Seen = now
		f.Items[uri] = e
		s.dirty = true
	}
	for _, uri := range u.Present {
		if e, ok := f.Items[uri]; ok && now.Sub(e.Seen) >= seenResolution {
			e.Seen = now
			f.Items[uri] = e
			s.dirty = true
		}
	}
	if u.SetValidators && (f.ETag != u.ETag || f.LastModified != u.LastModified) {
		f.ETag, f.LastModified = u.ETag, u.LastModified
		s.dirty = true
	}
}

// Touch marks every item of feed as seen at now, as when the feed answered
// 304 Not Modified: its items are all still there.
func (s *Store) Touch(feed string, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.feeds[feed]
	if f == nil {
		return
	}
	now = now.UTC().Truncate(time.Second)
	for uri, e := range f.Items {
		if now.Sub(e.Seen) >= seenResolution {
			e.Seen = now
			f.Items[uri] = e
			s.dirty = true
		}
	}
}

// Prune forgets items not seen in their feed since before, and feeds left
// without items or validators. It returns how many items it forgot.
func (s *Store) Prune(before time.Time) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for name, f := range s.feeds {
		for uri, e := range f.Items {
			if e.Seen.Before(before) {
				delete(f.Items, uri)
				n++
			}
		}
		if len(f.Items) == 0 && f.ETag == "" && f.LastModified == "" {
			delete(s.feeds, name)
		}
	}
	if n > 0 {
		s.dirty = true
	}
	return n
}

// Feeds lists the names of the feeds the store knows, sorted.
func (s *Store) Feeds() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.feeds))
	for name := range s.feeds {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Save writes the store to its file if anything changed since the last
// save. The write is atomic: readers and a crash see the old or the new
// file, never a mix.
func (s *Store) Save() error {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	data, err := s.snapshot()
	if err != nil || data == nil {
		return err
	}
	if err := WriteFileAtomic(s.path, data); err != nil {
		s.mu.Lock()
		s.dirty = true
		s.mu.Unlock()
		return fmt.Errorf("failed to save feed state: %w", err)
	}
	return nil
}

// snapshot encodes the store and clears dirty; nil when nothing changed.
func (s *Store) snapshot() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty {
		return nil, nil
	}
	data, err := json.Marshal(file{Format: formatVersion, Saved: time.Now().UTC(), Feeds: s.feeds})
	if err != nil {
		return nil, fmt.Errorf("failed to encode feed state: %w", err)
	}
	s.dirty = false
	return data, nil
}
