package runner

import "sync"

// mailbox is an unbounded queue with a wake-up channel: the sink's Done
// callbacks post to it without ever blocking, and the partition's completer
// drains it. Memory stays bounded by the bytes-in-flight limit upstream.
type mailbox[T any] struct {
	mu     sync.Mutex
	items  []T
	wake   chan struct{}
	closed func(T) // set by closeWith: later posts go straight to it
}

func newMailbox[T any]() *mailbox[T] { return &mailbox[T]{wake: make(chan struct{}, 1)} }

func (m *mailbox[T]) post(v T) {
	m.mu.Lock()
	if m.closed != nil {
		fn := m.closed
		m.mu.Unlock()
		fn(v)
		return
	}
	m.items = append(m.items, v)
	m.mu.Unlock()
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// take returns everything queued, or nil.
func (m *mailbox[T]) take() []T {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := m.items
	m.items = nil
	return out
}

// closeWith hands everything still queued, and everything posted from now
// on, to fn instead of the reader.
func (m *mailbox[T]) closeWith(fn func(T)) {
	m.mu.Lock()
	m.closed = fn
	left := m.items
	m.items = nil
	m.mu.Unlock()
	for _, v := range left {
		fn(v)
	}
}
